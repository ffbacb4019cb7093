/**
 * The knowledge layer as the site shows it: policy measures, dated items (the timeline) and
 * case studies. Pure functions over the compiler's records (no Astro imports), so pages, the
 * /data/ endpoints and the tests share them.
 */
import type { CaseEntry, DocumentRecord, TimelineEntry, TocEntry } from '../../compiler/contract.ts';
import type { MeasureRecord } from '../../compiler/knowledge/entities.ts';
import { blockTextAround, excerptOf, type Excerpt } from './entity-catalog.ts';
import { formatIssued } from './format.ts';

export type { MeasureRecord };
/** A dated item of src/generated/timeline.json: a `TimelineEntry` with its document. */
export type TimelineItem = TimelineEntry & { documentId: string };
/** A case study of src/generated/cases.json. */
export type CaseItem = CaseEntry & { documentId: string };
export type TimelineKind = TimelineItem['kind'];

/** The order kinds are offered in filters. */
export const TIMELINE_KINDS: readonly TimelineKind[] = ['announcement', 'target', 'event', 'enactment', 'period'];

export const KIND_LABELS: Record<TimelineKind, string> = {
  announcement: '발표',
  target: '목표',
  event: '사건',
  enactment: '제·개정',
  period: '기간',
};

/**
 * A dated item's date at its precision: `2023년 하반기`, `2004년 – 2008년`, `2024년부터`,
 * `2025년까지`. A half or quarter is one date even though it has an end month.
 */
export function formatTimelineDate(item: Pick<TimelineItem, 'date' | 'open'>): string {
  const { start, end, precision } = item.date;
  const first = formatIssued({ value: start, precision });
  const last = end ? formatIssued({ value: end, precision }) : first;
  const date = last === first ? first : `${first} – ${last}`;
  return item.open === 'from' ? `${date}부터` : item.open === 'until' ? `${date}까지` : date;
}

/** A valid `<time datetime>`: the ISO start (`2023`, `2023-07`, `2023-06-01`). */
export function timelineDatetime(item: Pick<TimelineItem, 'date'>): string {
  const { start } = item.date;
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(start) ? start : start.slice(0, 4);
}

/** The year an item is listed under on /timeline/. */
export function yearOf(item: Pick<TimelineItem, 'date'>): string {
  return item.date.start.slice(0, 4);
}

/**
 * Date order by start: ISO strings compare as dates, and a year (`2023`) comes before the
 * months of that year. Ties keep documents together, in source order.
 */
export function compareTimeline(a: TimelineItem, b: TimelineItem): number {
  return a.date.start.localeCompare(b.date.start) || a.documentId.localeCompare(b.documentId) || a.line - b.line || a.id.localeCompare(b.id, 'en', { numeric: true });
}

/** Agency ids mentioned in one block of a document (`anchor`), sorted. */
export function blockAgencies(doc: Pick<DocumentRecord, 'mentions'>, anchor: string): string[] {
  return doc.mentions.flatMap((m) => (m.anchor === anchor && m.ref?.startsWith('agency:') ? [m.ref.slice('agency:'.length)] : []));
}

/**
 * The agencies a dated item belongs to: those of its measure (mentioned, or responsible for a
 * mentioned programme or law) and those its block mentions. Sorted and unique.
 */
export function timelineAgencies(item: Pick<TimelineItem, 'anchor'>, doc: Pick<DocumentRecord, 'mentions'>, measure?: Pick<MeasureRecord, 'agencies'>): string[] {
  return [...new Set([...(measure?.agencies ?? []), ...blockAgencies(doc, item.anchor)])].sort();
}

/** Whether a measure involves an entity (`agency:mss`): as one of its agencies, laws, programmes, places, or a mention. */
export function measureInvolves(measure: Pick<MeasureRecord, 'agencies' | 'laws' | 'programs' | 'places' | 'mentions'>, ref: string): boolean {
  const [type, id] = ref.split(':') as [string, string];
  const list = type === 'agency' ? measure.agencies : type === 'law' ? measure.laws : type === 'program' ? measure.programs : type === 'place' ? measure.places : [];
  return list.includes(id) || measure.mentions.includes(ref);
}

/** Every entity a measure involves, as refs: its mentions, agencies, laws, programmes and places. */
export function measureRefs(measure: Pick<MeasureRecord, 'agencies' | 'laws' | 'programs' | 'places' | 'mentions'>): string[] {
  const refs = (type: string, ids: string[]) => ids.map((id) => `${type}:${id}`);
  return [...new Set([...measure.mentions, ...refs('agency', measure.agencies), ...refs('law', measure.laws), ...refs('program', measure.programs), ...refs('place', measure.places)])];
}

/** Whether a dated item involves an entity: through its measure, or a mention in its block. */
export function timelineInvolves(item: Pick<TimelineItem, 'anchor'>, ref: string, doc: Pick<DocumentRecord, 'mentions'>, measure?: Parameters<typeof measureInvolves>[0]): boolean {
  return (measure !== undefined && measureInvolves(measure, ref)) || doc.mentions.some((m) => m.anchor === item.anchor && m.ref === ref);
}

/** One block of a measure as the document page renders it: the item, a sub-item, or a note. */
export interface MeasureBlock {
  /** Its anchor on the document page (`L104`, `fn-l106`). */
  anchor: string;
  /** First and last source line. */
  from: number;
  to: number;
  /** The list marker as written in the source (`□`, `ㅇ`, `*`), if any. */
  marker?: string;
  /** Its text, as on the document page. */
  text: string;
  /** A footnote or ※-note rather than an item. */
  note: boolean;
}

/** Middle dots and spaces vary between the normalised source and the cleaned text. */
const comparable = (s: string) => s.replace(/[‧∙・·]/gu, '·').replace(/\s+/gu, '');

/**
 * Splits a measure's text (the item, its sub-items in document order, then its notes: one line
 * each) into the blocks of the document page that hold it, found through `lineAnchors` over
 * its source lines. Returns undefined when the two do not line up (a table inside the item),
 * and the caller shows the lines as they are.
 */
export function measureBlocks(measure: Pick<MeasureRecord, 'anchor' | 'text' | 'sourceLines'>, doc: Pick<DocumentRecord, 'lines' | 'lineAnchors'>): MeasureBlock[] | undefined {
  const spans: { anchor: string; from: number; to: number }[] = [];
  const [first, last] = measure.sourceLines;
  for (let n = first; n <= last; n++) {
    const anchor = doc.lineAnchors[n - 1];
    if (!anchor) continue;
    const open = spans.at(-1);
    if (open && open.anchor === anchor) open.to = n;
    else spans.push({ anchor, from: n, to: n });
  }
  const isNote = (a: string) => a.startsWith('fn-');
  const ordered = [...spans.filter((s) => !isNote(s.anchor)), ...spans.filter((s) => isNote(s.anchor))];
  const lines = measure.text.split('\n');
  if (ordered.length !== lines.length || ordered[0]?.anchor !== measure.anchor) return undefined;
  return ordered.map((s, i) => {
    const text = lines[i]!;
    return { ...s, text, note: isNote(s.anchor), ...markerOf(doc.lines[s.from - 1] ?? '', text) };
  });
}

/** The marker before the text on its first source line: `□ (TIPS 재설계) …` → `□`. */
function markerOf(raw: string, text: string): { marker?: string } {
  const head = comparable(text).slice(0, 6);
  const line = raw.trim();
  if (head === '' || comparable(line).startsWith(head)) return {};
  const match = /^(\S{1,4})\s+(.*)$/u.exec(line);
  return match && comparable(match[2]!).startsWith(head) ? { marker: match[1]! } : {};
}

/** A piece of text: plain, an entity mention (`ref`), or marked (a date as written). */
export interface Segment {
  text: string;
  ref?: string;
  mark?: boolean;
}

/**
 * Cuts `text` at the given spans, each searched after the previous one (source order); a span
 * not found there is skipped. Used to link the mentions of a block and to mark dates.
 */
export function segmentsOf(text: string, spans: readonly { text: string; ref?: string; mark?: boolean }[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.text === '') continue;
    const i = text.indexOf(span.text, at);
    if (i < 0) continue;
    if (i > at) out.push({ text: text.slice(at, i) });
    out.push({ text: span.text, ...(span.ref ? { ref: span.ref } : {}), ...(span.mark ? { mark: true } : {}) });
    at = i + span.text.length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** The section anchors of a measure's heading path, where the TOC has them. */
export function headingTrail(toc: readonly TocEntry[], sectionId: string | null, headingPath: readonly string[]): { title: string; anchor?: string }[] {
  const at = sectionId ? toc.findIndex((e) => e.id === sectionId) : -1;
  if (at < 0) return headingPath.map((title) => ({ title }));
  const chain: TocEntry[] = [toc[at]!];
  for (let i = at - 1; i >= 0 && chain[0]!.depth > 1; i--) if (toc[i]!.depth < chain[0]!.depth) chain.unshift(toc[i]!);
  if (chain.length === headingPath.length) return headingPath.map((title, i) => ({ title, anchor: chain[i]!.id }));
  return headingPath.map((title, i) => (i === headingPath.length - 1 ? { title, anchor: sectionId! } : { title }));
}

/** Consecutive measures under the same heading path (measures in source order). */
export function groupByHeading<M extends Pick<MeasureRecord, 'headingPath' | 'sectionId'>>(measures: readonly M[]): { path: string[]; sectionId: string | null; measures: M[] }[] {
  const groups: { path: string[]; sectionId: string | null; measures: M[] }[] = [];
  for (const m of measures) {
    const open = groups.at(-1);
    if (open && open.path.join('\n') === m.headingPath.join('\n')) open.measures.push(m);
    else groups.push({ path: m.headingPath, sectionId: m.sectionId, measures: [m] });
  }
  return groups;
}

/**
 * The source text around each dated item of one document, the date as written marked: the
 * n-th item with the same text on a line marks its n-th occurrence. Falls back to the
 * compiler's context when the line does not hold the text as written.
 */
export function timelineExcerpts(items: readonly TimelineItem[], doc: Pick<DocumentRecord, 'lines' | 'lineAnchors'>, context = 45): Map<string, Excerpt> {
  const seen = new Map<string, number>();
  const out = new Map<string, Excerpt>();
  for (const item of [...items].sort((a, b) => a.line - b.line || a.id.localeCompare(b.id, 'en', { numeric: true }))) {
    const key = `${item.line}\n${item.sourceText}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    const { text, from } = blockTextAround(doc, item.line);
    let at = from;
    for (let k = 0; k < nth; k++) {
      const i = text.indexOf(item.sourceText, at);
      if (i < 0) break;
      at = i + item.sourceText.length;
    }
    if (text.indexOf(item.sourceText, at) >= 0) out.set(item.id, excerptOf(text, item.sourceText, at, context));
    else {
      const i = item.context.indexOf(item.sourceText);
      out.set(item.id, i < 0 ? { before: '', match: item.sourceText, after: ` — ${item.context}` } : { before: item.context.slice(0, i), match: item.sourceText, after: item.context.slice(i + item.sourceText.length) });
    }
  }
  return out;
}

/** `[first, last]` → whether line `n` lies in it. */
export function withinLines(range: readonly [number, number], n: number): boolean {
  return n >= range[0] && n <= range[1];
}
