import type { Block, DocTree, Inline } from '../types.ts';
import type { MeasureEntry, TimelineEntry } from '../contract.ts';
import { findDates, type DateMention } from './dates.ts';
import { findMeasures } from './measures.ts';
import { EMPTY, concat, type Span } from '../text/span.ts';

/** Maps a source offset to its 1-based line (binary search over line starts). */
export function lineFinder(tree: DocTree): (offset: number) => number {
  const starts = tree.lines.map((l) => l.start);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const ANNOUNCE = /(?:발표|공고|개최|의결|보고|주재|출범|개통|선포)/u;

/**
 * The knowledge records of one document: its measures and every dated expression. Dates
 * inside a measure (its items and notes) point at it; a date near 발표/개최/공고 is an
 * announcement when nothing more specific applies.
 */
export function knowledgeRecords(tree: DocTree, docId: string, docYear: number | null): { measures: MeasureEntry[]; timeline: TimelineEntry[] } {
  const found = findMeasures(tree, docId, docYear);
  // Measures by the block line of their dates; several measures can share a block (enumeration
  // steps, table rows), so a date goes to the one whose text holds it.
  const byLine = new Map<number, { id: string; text: string }[]>();
  for (const m of found) for (const d of m.dates) if (!byLine.get(d.line)?.some((x) => x.id === m.id)) byLine.set(d.line, [...(byLine.get(d.line) ?? []), { id: m.id, text: m.text }]);
  const timeline: TimelineEntry[] = [];
  const perLine = new Map<number, number>();
  const lineOf = lineFinder(tree);
  const add = (content: Inline[] | Span, fallback: number, anchor: string) => {
    const span = Array.isArray(content) ? concat(...content.map((c) => (c.type === 'fnref' ? EMPTY : c.span))) : content;
    for (const d of findDates(span.text, docYear)) {
      const offset = span.map.subarray(d.start, d.end).find((m) => m >= 0);
      timeline.push(entry(d, span.text, offset === undefined ? fallback : lineOf(offset), anchor, fallback));
    }
  };
  const entry = (d: DateMention, text: string, line: number, anchor: string, blockLine: number): TimelineEntry => {
    const n = (perLine.get(line) ?? 0) + 1;
    perLine.set(line, n);
    const context = text.slice(Math.max(0, d.start - 40), Math.min(text.length, d.end + 40)).trim();
    const kind = d.kind === 'event' && ANNOUNCE.test(text.slice(d.end, d.end + 25)) ? 'announcement' : d.kind;
    const candidates = byLine.get(blockLine) ?? [];
    const measureId = (candidates.find((c) => c.text.includes(d.text.trim())) ?? candidates[0])?.id;
    return { id: `${docId}--L${line}-${n}`, date: d.date, ...(d.open ? { open: d.open } : {}), kind, sourceText: d.text.trim(), context, line, anchor, ...(measureId ? { measureId } : {}) };
  };
  const visit = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type === 'heading') add(b.title, b.from, b.id!);
      if (b.type === 'para' || b.type === 'item') add(b.content, b.from, b.id!);
      if (b.type === 'facts') for (const e of b.entries) add(e.value, b.from, b.id!);
      if (b.type === 'item' || b.type === 'figure') visit(b.children);
    }
  };
  visit(tree.children);
  for (const n of tree.footnotes) add(n.content, n.from, `fn-${n.label.toLowerCase()}`);
  timeline.sort((a, b) => a.line - b.line || a.id.localeCompare(b.id));
  const datesOf = new Map<string, string[]>();
  for (const t of timeline) {
    if (!t.measureId) continue;
    const list = datesOf.get(t.measureId);
    if (list) list.push(t.id);
    else datesOf.set(t.measureId, [t.id]);
  }
  const measures: MeasureEntry[] = found.map((m) => ({
    id: m.id,
    anchor: m.anchor,
    label: m.label,
    text: m.text,
    headingPath: m.headingPath,
    sectionId: m.sectionId,
    sourceLines: [m.from, m.to],
    mentions: m.mentions,
    dates: datesOf.get(m.id) ?? [],
  }));
  return { measures, timeline };
}
