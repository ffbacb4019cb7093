import type { Processor } from 'unified';
import type { DocTree, Line } from '../types.ts';
import { spanAt } from '../text/span.ts';

/** unified parser: the normalised source text → a tree of lines with offsets. */
export default function parseLines(this: Processor) {
  this.parser = (doc: string): DocTree => {
    const lines: Line[] = [];
    let start = 0;
    const parts = doc.split('\n');
    // A final newline does not make an extra line.
    if (parts.length > 1 && parts.at(-1) === '') parts.pop();
    // Every line's map is a view on one identity map of the whole source: a buffer per line
    // cost more than the offsets themselves (about 250 bytes a line).
    const identity = spanAt(doc, 0).map;
    parts.forEach((raw, i) => {
      lines.push({ n: i + 1, start, raw, text: { text: raw, map: identity.subarray(start, start + raw.length) }, blank: raw.trim() === '' });
      start += raw.length + 1;
    });
    return { type: 'root', source: doc, lines, children: [], footnotes: [] };
  };
}
