/**
 * Links each footnote to the block whose text holds its marker: on the footnote's page
 * (or in the paragraph running into it), the first block not yet claimed by the same
 * marker where the marker is attached to the word before it (`왔다1)`, `계획*`), so a
 * list item that opens with `1)` is not mistaken for a reference.
 */
import type { IngestedDocument } from './model.ts';

function markerPattern(marker: string): RegExp {
  const escaped = marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A digit marker must not be the tail of a number (`2021)`); a star must not be one of more.
  const before = /^\d/.test(marker) ? '(?<=[^\\s\\d])' : '(?<=\\S)(?<!\\*)';
  const after = marker.startsWith('*') ? '(?!\\*)' : '';
  return new RegExp(before + escaped + after, 'u');
}

/** For each footnote, the index of the block holding its marker, or -1. */
export function linkFootnotes(doc: Pick<IngestedDocument, 'blocks' | 'footnotes'>): number[] {
  const claimed = new Set<string>();
  const pageOf = (i: number) => doc.blocks[i]!.origin.page ?? 0;
  return doc.footnotes.map((fn) => {
    const page = fn.origin.page ?? 0;
    const re = markerPattern(fn.marker);
    // Candidates: blocks that start on the page, and the last block that started before it.
    const candidates: number[] = [];
    for (let i = 0; i < doc.blocks.length; i++) {
      if (pageOf(i) === page) candidates.push(i);
      else if (pageOf(i) < page && (i + 1 >= doc.blocks.length || pageOf(i + 1) >= page)) candidates.push(i);
    }
    for (const i of candidates) {
      const block = doc.blocks[i]!;
      const key = `${i}|${fn.marker}`;
      const text = block.kind === 'paragraph' ? block.text : block.rows.flat().join(' ');
      if (!claimed.has(key) && fn.marker && re.test(text)) {
        claimed.add(key);
        return i;
      }
    }
    return -1;
  });
}
