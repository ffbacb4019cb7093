/**
 * Writes an ingested PDF in the project's source convention: one paragraph a line,
 * tables between `[표]` and `[/표]` as `| cell | cell |` rows, each footnote as its own
 * line (`marker text`) right after the block that holds its marker (unlinked ones at the
 * end of their page). Returns the text and, for every line, the page it came from.
 */
import type { IngestedDocument, Origin } from './model.ts';
import { linkFootnotes } from './link-footnotes.ts';

export interface SourceText {
  text: string;
  origins: Origin[];
}

const cell = (s: string) => s.replace(/\|/g, '｜').replace(/\s+/g, ' ').trim();

export function pdfToSourceText(doc: IngestedDocument): SourceText {
  const links = linkFootnotes(doc);
  const after = new Map<number, number[]>();
  const unlinked = new Map<number, number[]>();
  links.forEach((at, k) => {
    if (at >= 0) after.set(at, [...(after.get(at) ?? []), k]);
    else {
      const page = doc.footnotes[k]!.origin.page ?? 0;
      unlinked.set(page, [...(unlinked.get(page) ?? []), k]);
    }
  });
  const lines: string[] = [];
  const origins: Origin[] = [];
  const push = (text: string, origin: Origin) => {
    lines.push(text);
    origins.push(origin);
  };
  const pushNotes = (ks: number[] | undefined) => {
    for (const k of ks ?? []) {
      const fn = doc.footnotes[k]!;
      push(fn.marker ? `${fn.marker} ${fn.text}` : fn.text, fn.origin);
    }
  };
  doc.blocks.forEach((block, i) => {
    if (block.kind === 'paragraph') push(block.text, block.origin);
    else {
      push('[표]', block.origin);
      for (const row of block.rows) push(`| ${row.map(cell).join(' | ')} |`, block.origin);
      push('[/표]', block.origin);
    }
    pushNotes(after.get(i));
    const page = block.origin.page ?? 0;
    const nextPage = doc.blocks[i + 1]?.origin.page;
    if (nextPage !== page) {
      pushNotes(unlinked.get(page));
      unlinked.delete(page);
    }
  });
  for (const ks of unlinked.values()) pushNotes(ks);
  return { text: lines.join('\n') + '\n', origins };
}
