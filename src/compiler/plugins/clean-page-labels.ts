import type { VFile } from 'vfile';
import type { DocTree } from '../types.ts';
import { EMPTY } from '../text/span.ts';
import { endsSentence } from '../text/join.ts';

const PAGE_LABEL = /^\s*-\s*(?:[ivxlcdm]+|\d{1,3})\s*-\s*$/i;

/**
 * Removes page-label lines (`- xiii -`) and marks the blank lines around them soft, so the
 * text on either side joins as one paragraph (seed-004 R1).
 */
export default function cleanPageLabels() {
  return (tree: DocTree, file: VFile) => {
    const { lines } = tree;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.blank || !PAGE_LABEL.test(line.raw)) continue;
      // A run of such lines in a table (`- - -` cells) is not a page label: require blank or
      // text neighbours that are not themselves dash cells.
      const prev = lines[i - 1]?.raw ?? '';
      const next = lines[i + 1]?.raw ?? '';
      if (/^\s*-\s*\d/.test(line.raw) && (/^[\s\d-]+$/.test(prev) && prev.trim() !== '' || /^[\s\d-]+$/.test(next) && next.trim() !== '')) continue;
      line.removed = 'clean/page-label';
      file.data.artifacts!.push({ rule: 'clean/page-label', start: line.start, end: line.start + line.raw.length });
      line.text = EMPTY;
      // Only a label inside a sentence joins its two halves; after a finished sentence the
      // blank lines keep separating paragraphs.
      let before = i - 1;
      while (before >= 0 && (lines[before]!.blank || lines[before]!.removed)) before--;
      if (before >= 0 && endsSentence(lines[before]!.raw.trim())) continue;
      for (let j = i - 1; j >= 0 && lines[j]!.blank; j--) lines[j]!.soft = true;
      for (let j = i + 1; j < lines.length && lines[j]!.blank; j++) lines[j]!.soft = true;
    }
  };
}
