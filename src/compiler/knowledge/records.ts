import type { Block, DocTree, Inline } from '../types.ts';
import type { MeasureEntry, TimelineEntry } from '../contract.ts';
import { findDates, type DateMention } from './dates.ts';
import { findMeasures, plain } from './measures.ts';

const ANNOUNCE = /(?:발표|공고|개최|의결|보고|주재|출범|개통|선포)/u;

/**
 * The knowledge records of one document: its measures and every dated expression. Dates
 * inside a measure (its items and notes) point at it; a date near 발표/개최/공고 is an
 * announcement when nothing more specific applies.
 */
export function knowledgeRecords(tree: DocTree, docId: string, docYear: number | null): { measures: MeasureEntry[]; timeline: TimelineEntry[] } {
  const found = findMeasures(tree, docId, docYear);
  const byLine = new Map<number, string>();
  for (const m of found) for (const d of m.dates) byLine.set(d.line, m.id);
  const timeline: TimelineEntry[] = [];
  const perLine = new Map<number, number>();
  const add = (text: string, line: number, anchor: string) => {
    for (const d of findDates(text, docYear)) timeline.push(entry(d, text, line, anchor));
  };
  const entry = (d: DateMention, text: string, line: number, anchor: string): TimelineEntry => {
    const n = (perLine.get(line) ?? 0) + 1;
    perLine.set(line, n);
    const context = text.slice(Math.max(0, d.start - 40), Math.min(text.length, d.end + 40)).trim();
    const kind = d.kind === 'event' && ANNOUNCE.test(text.slice(d.end, d.end + 25)) ? 'announcement' : d.kind;
    const measureId = byLine.get(line);
    return { id: `${docId}--L${line}-${n}`, date: d.date, ...(d.open ? { open: d.open } : {}), kind, sourceText: d.text.trim(), context, line, anchor, ...(measureId ? { measureId } : {}) };
  };
  const visit = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type === 'heading') add(plain(b.title), b.from, b.id!);
      if (b.type === 'para' || b.type === 'item') add(plain(b.content as Inline[]), b.from, b.id!);
      if (b.type === 'facts') for (const e of b.entries) add(e.value.text, b.from, b.id!);
      if (b.type === 'item' || b.type === 'figure') visit(b.children);
    }
  };
  visit(tree.children);
  for (const n of tree.footnotes) add(plain(n.content), n.from, `fn-${n.label.toLowerCase()}`);
  timeline.sort((a, b) => a.line - b.line || a.id.localeCompare(b.id));
  const measures: MeasureEntry[] = found.map((m) => ({
    id: m.id,
    anchor: m.anchor,
    label: m.label,
    text: m.text,
    headingPath: m.headingPath,
    sectionId: m.sectionId,
    sourceLines: [m.from, m.to],
    mentions: m.mentions,
    dates: timeline.filter((t) => t.measureId === m.id).map((t) => t.id),
  }));
  return { measures, timeline };
}
