/**
 * The rows of /data/documents.json, entities.json, measures.json and timeline.json (a
 * contract: product.md "Data exported at /data/", JSON Schema in public/data/*.schema.json).
 * Pure functions, so the endpoints stay one line and the shape is testable.
 */
import { z } from 'zod';
import type { DocumentRecord } from '../../compiler/contract.ts';
import { agencyForName, type EntityCatalog } from './entity-catalog.ts';
import { compareTimeline, type CaseItem, type MeasureRecord, type TimelineItem } from './knowledge.ts';
import { anchorPath, asCaseId, asDocId, asMeasureId, casePath, docPath, entityPath, measurePath } from './urls.ts';

export interface DocumentRow {
  id: string;
  title: string;
  /** The kind id of the metadata schema (`press-release`, `thesis` …). */
  kind: string;
  /** ISO 8601 at its precision (`2023`, `2023-06`, `2023-06-01`), or null when unknown. */
  issued: string | null;
  /** Agency ids; a publisher that is no registered agency keeps its name as written. */
  publishers: string[];
  url: string;
  sourceUrl?: string;
}

export interface EntityRow {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  /** Agencies only: the names this one came from, and the date each ended. */
  predecessors?: { id: string; until?: string }[];
  /** Agencies only: the names this one became, and the date each began. */
  successors?: { id: string; from?: string }[];
  url: string;
  mentions: { documentId: string; url: string }[];
}

export function documentRows(documents: readonly DocumentRecord[], catalog: EntityCatalog): DocumentRow[] {
  return [...documents]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((d) => {
      const issued = d.issued?.value ?? null;
      const publishers = d.publishers === 'unknown' ? [] : d.publishers.map((name) => agencyForName(catalog, name, issued ?? undefined)?.id ?? name);
      return {
        id: d.id,
        title: d.title,
        kind: d.kind,
        issued,
        publishers,
        url: docPath(d.id),
        ...(d.sourceUrl !== 'unknown' ? { sourceUrl: d.sourceUrl } : {}),
      };
    });
}

export interface MeasureRow {
  id: string;
  documentId: string;
  label: string;
  /** The item, its sub-items, then its notes: one line each. */
  text: string;
  headingPath: string[];
  /** `/measures/<id>/` */
  url: string;
  sourceLines: [number, number];
  agencies: string[];
  laws: string[];
  programs: string[];
  places: string[];
  /** Timeline ids. */
  dates: string[];
  /** Measure ids in other documents. */
  related: string[];
}

export interface TimelineRow {
  id: string;
  date: { start: string; end?: string; precision: string };
  kind: string;
  /** The measure's label, or the sentence around the date. */
  label: string;
  sourceText: string;
  documentId: string;
  measureId?: string;
  /** Of its measure, or mentioned in its block. */
  agencies: string[];
  /** The block that holds it: `/docs/<doc>/#<anchor>`. */
  url: string;
}

/** Cases are exported as entities of type `case` (url `/cases/<id>/`), mentioned where they are. */
export function caseRows(cases: readonly CaseItem[]): EntityRow[] {
  return cases.map((c) => ({
    id: c.id,
    type: 'case',
    name: c.title,
    aliases: [],
    url: casePath(asCaseId(c.id)),
    mentions: [{ documentId: c.documentId, url: anchorPath(asDocId(c.documentId), c.anchor) }],
  }));
}

/** In id order: by document, then by anchor (ids never shift, so neither does the file). */
export function measureRows(measures: readonly MeasureRecord[]): MeasureRow[] {
  return [...measures]
    .sort((a, b) => a.documentId.localeCompare(b.documentId) || a.sourceLines[0] - b.sourceLines[0])
    .map((m) => ({
      id: m.id,
      documentId: m.documentId,
      label: m.label,
      text: m.text,
      headingPath: m.headingPath,
      url: measurePath(asMeasureId(m.id)),
      sourceLines: m.sourceLines,
      agencies: m.agencies,
      laws: m.laws,
      programs: m.programs,
      places: m.places,
      dates: m.dates,
      related: m.related,
    }));
}

/** In date order (`compareTimeline`); `agenciesOf` is the site's rule (knowledge.ts `timelineAgencies`). */
export function timelineRows(items: readonly TimelineItem[], measures: ReadonlyMap<string, MeasureRecord>, agenciesOf: (item: TimelineItem) => string[]): TimelineRow[] {
  return [...items].sort(compareTimeline).map((t) => ({
    id: t.id,
    date: { start: t.date.start, ...(t.date.end ? { end: t.date.end } : {}), precision: t.date.precision },
    kind: t.kind,
    label: (t.measureId && measures.get(t.measureId)?.label) || t.context,
    sourceText: t.sourceText,
    documentId: t.documentId,
    ...(t.measureId ? { measureId: t.measureId } : {}),
    agencies: agenciesOf(t),
    url: anchorPath(asDocId(t.documentId), t.anchor),
  }));
}

export function entityRows(catalog: EntityCatalog, cases: readonly CaseItem[] = []): EntityRow[] {
  return [...catalog.all.map((e) => entityRow(e)), ...caseRows(cases)].sort((a, b) => a.id.localeCompare(b.id));
}

function entityRow(e: EntityCatalog['all'][number]): EntityRow {
  return {
    id: e.id,
    type: e.type,
    name: e.name,
    aliases: e.aliases,
    ...(e.predecessors.length > 0 ? { predecessors: e.predecessors.map((p) => ({ id: p.id, ...(p.date ? { until: p.date } : {}) })) } : {}),
    ...(e.successors.length > 0 ? { successors: e.successors.map((s) => ({ id: s.id, ...(s.date ? { from: s.date } : {}) })) } : {}),
    url: entityPath(e.type, e.id),
    mentions: e.mentions.map((m) => ({ documentId: m.documentId, url: anchorPath(asDocId(m.documentId), m.anchor) })),
  };
}

/**
 * Checks the rows against the file's published JSON Schema (public/data/<file>.schema.json)
 * and serialises them: a change that breaks the contract stops the build here, not in a
 * reader's tool. Stable, readable JSON: one build is byte-identical to the next.
 */
export function jsonResponse(file: string, schema: object, rows: unknown): Response {
  const result = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]).safeParse(rows);
  if (!result.success) {
    throw new Error(`/data/${file} does not match public/data/${file.replace(/\.json$/, '.schema.json')}:\n${z.prettifyError(result.error)}`);
  }
  return new Response(`${JSON.stringify(rows, null, 1)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
