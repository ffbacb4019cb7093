/**
 * The PDF reader's own result in the shared ingest model (src/ingest/model.ts), so that
 * `npm run add` writes a PDF exactly as it writes an HWP/HWPX file: paragraphs with their page,
 * heading levels as outline levels, tables as cells (a flagged grid — columns guessed from
 * alignment — is said in the notes), footnotes with their markers.
 */
import type { Block, IngestedDocument as Shared, TableCell } from '../model.ts';
import type { IngestedDocument as Pdf } from './model.ts';

export function toSharedModel(doc: Pdf): Shared {
  const notes = [...doc.warnings];
  const blocks: Block[] = doc.blocks.map((b): Block => {
    if (b.kind === 'paragraph') return { type: 'paragraph', text: b.text, origin: { ...b.origin }, ...(b.heading ? { outline: b.heading } : {}) };
    const cols = Math.max(0, ...b.rows.map((r) => r.length));
    const cells: TableCell[] = b.rows.flatMap((r, row) => r.map((text, col) => ({ paragraphs: text === '' ? [] : [text], row, col, rowSpan: 1, colSpan: 1 })));
    if (b.flagged) notes.push(`p.${b.origin.page ?? '?'}: 표의 열을 정렬로 추정했습니다 — 확인하세요 (table columns guessed from alignment; review)`);
    return { type: 'table', rows: b.rows.length, cols, cells, origin: { ...b.origin } };
  });
  return {
    format: 'pdf',
    blocks,
    footnotes: doc.footnotes.map((f) => ({ kind: 'footnote', marker: f.marker, paragraphs: [f.text], origin: { ...f.origin } })),
    meta: {},
    ...(doc.stats.pages ? { pages: doc.stats.pages } : {}),
    notes,
  };
}
