/**
 * Reads the `measures`, `timeline` and `cases` collections (src/generated/*.json) with the
 * documents, checks that their ids point at each other, and indexes them for the pages.
 */
import { getCollection } from 'astro:content';
import type { DocumentRecord } from '../../compiler/contract.ts';
import { getDocuments } from './documents.ts';
import { compareTimeline, measureRefs, timelineAgencies, type CaseItem, type MeasureRecord, type TimelineItem } from './knowledge.ts';
import { asCaseId, asMeasureId, asTimelineId } from './urls.ts';

export interface Knowledge {
  documents: DocumentRecord[];
  document(id: string): DocumentRecord;
  /** By document (the site's document order: newest first), then source order. */
  measures: MeasureRecord[];
  measure(id: string): MeasureRecord;
  /** In date order (`compareTimeline`). */
  timeline: TimelineItem[];
  timelineItem(id: string): TimelineItem;
  /** By document, then source order. */
  cases: CaseItem[];
  /** The agencies of a dated item: of its measure, or mentioned in its block. */
  agenciesOf(item: TimelineItem): string[];
  measureOf(item: TimelineItem): MeasureRecord | undefined;
  /** The measures that involve an entity (`agency:mss`): see knowledge.ts `measureInvolves`. */
  measuresFor(ref: string): MeasureRecord[];
  /** The dated items that involve an entity: through their measure, or a mention in their block. */
  timelineFor(ref: string): TimelineItem[];
  /** The cases that mention an entity. */
  casesFor(ref: string): CaseItem[];
}

let cached: Promise<Knowledge> | undefined;

/** Built once per build (like the entity catalog); rebuilt on every call in dev. */
export function getKnowledge(): Promise<Knowledge> {
  if (import.meta.env.DEV || !cached) cached = load();
  return cached;
}

const stale = 're-run the compiler (npm run compile)';

async function load(): Promise<Knowledge> {
  const [documents, measureEntries, timelineEntries, caseEntries] = await Promise.all([getDocuments(), getCollection('measures'), getCollection('timeline'), getCollection('cases')]);
  const docs = new Map(documents.map((d) => [d.id as string, d]));
  const docOrder = new Map(documents.map((d, i) => [d.id as string, i]));
  const document = (id: string, what: string) => {
    const d = docs.get(id);
    if (!d) throw new Error(`${what} belongs to document "${id}", which is not compiled; ${stale}.`);
    return d;
  };
  const bySource = <T extends { documentId: string; sourceLines: [number, number] }>(a: T, b: T) => docOrder.get(a.documentId)! - docOrder.get(b.documentId)! || a.sourceLines[0] - b.sourceLines[0];

  const measures = measureEntries.map((e) => e.data as MeasureRecord).sort(bySource);
  const timeline = timelineEntries.map((e) => e.data as TimelineItem).sort(compareTimeline);
  const cases = caseEntries.map((e) => e.data as CaseItem).sort(bySource);
  const measureById = new Map(measures.map((m) => [m.id, m]));
  const timelineById = new Map(timeline.map((t) => [t.id, t]));

  // The ids cross files: a mismatch means the generated files are from different runs.
  for (const m of measures) {
    asMeasureId(m.id);
    document(m.documentId, `Measure "${m.id}"`);
    for (const r of m.related) if (!measureById.has(r)) throw new Error(`Measure "${m.id}" is related to "${r}", which is not in src/generated/measures.json; ${stale}.`);
    for (const t of m.dates) if (!timelineById.has(t)) throw new Error(`Measure "${m.id}" has the date "${t}", which is not in src/generated/timeline.json; ${stale}.`);
  }
  for (const t of timeline) {
    asTimelineId(t.id);
    document(t.documentId, `Dated item "${t.id}"`);
    if (t.measureId && !measureById.has(t.measureId)) throw new Error(`Dated item "${t.id}" names the measure "${t.measureId}", which is not in src/generated/measures.json; ${stale}.`);
  }
  for (const c of cases) {
    asCaseId(c.id);
    document(c.documentId, `Case "${c.id}"`);
  }

  const agencies = new Map(timeline.map((t) => [t.id, timelineAgencies(t, docs.get(t.documentId)!, t.measureId ? measureById.get(t.measureId) : undefined)]));
  // Indexes by entity ref, built once: entity pages ask for every entity.
  const index = <T>(list: readonly T[], refsOf: (x: T) => Iterable<string>) => {
    const map = new Map<string, T[]>();
    for (const x of list) {
      for (const ref of new Set(refsOf(x))) {
        const found = map.get(ref);
        if (found) found.push(x);
        else map.set(ref, [x]);
      }
    }
    return map;
  };
  const blockRefs = new Map<string, Set<string>>();
  for (const d of documents) {
    for (const m of d.mentions) {
      if (!m.ref) continue;
      const key = `${d.id}#${m.anchor}`;
      blockRefs.set(key, (blockRefs.get(key) ?? new Set<string>()).add(m.ref));
    }
  }
  const measuresByRef = index(measures, measureRefs);
  const timelineByRef = index(timeline, (t) => [...(blockRefs.get(`${t.documentId}#${t.anchor}`) ?? []), ...(t.measureId ? measureRefs(measureById.get(t.measureId)!) : [])]);
  const casesByRef = index(cases, (c) => c.mentions);

  const get = <T>(map: Map<string, T>, id: string, what: string): T => {
    const v = map.get(id);
    if (v === undefined) throw new Error(`No ${what} "${id}"; ${stale}.`);
    return v;
  };
  return {
    documents,
    document: (id) => document(id, 'An item'),
    measures,
    measure: (id) => get(measureById, id, 'measure'),
    timeline,
    timelineItem: (id) => get(timelineById, id, 'dated item'),
    cases,
    agenciesOf: (item) => agencies.get(item.id) ?? [],
    measureOf: (item) => (item.measureId ? measureById.get(item.measureId) : undefined),
    measuresFor: (ref) => measuresByRef.get(ref) ?? [],
    timelineFor: (ref) => timelineByRef.get(ref) ?? [],
    casesFor: (ref) => casesByRef.get(ref) ?? [],
  };
}
