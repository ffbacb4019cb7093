/**
 * The one place where identifiers become site paths. Pages and components never build
 * document URLs by hand, so a change of URL scheme is a change here.
 */
import type { AnchorId, DocId } from '../../compiler/contract.ts';
import type { EntityType } from '../../compiler/knowledge/registry-schema.ts';

export type { EntityType };

/** Brand a document id read from a content collection (its file name, validated by the schema). */
export function asDocId(id: string): DocId {
  if (!/^[0-9a-z][0-9a-z-]*$/.test(id)) throw new Error(`Invalid document id "${id}": expected lowercase letters, digits and "-".`);
  return id as DocId;
}

/** `/docs/<id>/` */
export function docPath(id: DocId): string {
  return `/docs/${id}/`;
}

/** `/docs/<id>/#<anchor>` */
export function anchorPath(id: DocId, anchor: AnchorId | string): string {
  return `${docPath(id)}#${anchor}`;
}

/** `/docs/<id>/source/` */
export function sourcePath(id: DocId): string {
  return `${docPath(id)}source/`;
}

/** The anchor of source line `n` on the source page (`L245`). */
export function lineAnchor(n: number): string {
  return `L${n}`;
}

/** `/docs/<id>/source/#L<n>` */
export function sourceLinePath(id: DocId, n: number): string {
  return `${sourcePath(id)}#${lineAnchor(n)}`;
}

/** `/search/?q=<query>` */
export function searchPath(query?: string): string {
  return query ? `/search/?${new URLSearchParams({ q: query })}` : '/search/';
}

/** The index page of each type; terms have no page of their own but an entry on the glossary. */
const ENTITY_INDEX: Record<EntityType, string> = {
  agency: '/agencies/',
  law: '/laws/',
  program: '/programs/',
  place: '/places/',
  organization: '/organizations/',
  term: '/glossary/',
};

export const ENTITY_TYPES = Object.keys(ENTITY_INDEX) as EntityType[];

export function isEntityType(value: string): value is EntityType {
  return Object.hasOwn(ENTITY_INDEX, value);
}

/** Splits and checks `agency:patent-office`; a malformed ref is a compiler/site mismatch. */
export function parseEntityRef(ref: string): { type: EntityType; id: string } {
  const match = /^([a-z]+):([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(ref);
  if (!match || !isEntityType(match[1]!)) {
    throw new Error(`Invalid entity reference "${ref}": expected "<type>:<id>" with type one of ${ENTITY_TYPES.join(', ')} and a lower-case slug id.`);
  }
  return { type: match[1], id: match[2]! };
}

/** `/agencies/`, `/laws/` … `/glossary/` */
export function entityIndexPath(type: EntityType): string {
  return ENTITY_INDEX[type];
}

/** `/agencies/<id>/` … ; a term is an entry of the glossary: `/glossary/#<id>`. */
export function entityPath(type: EntityType, id: string): string {
  return type === 'term' ? `${ENTITY_INDEX.term}#${id}` : `${ENTITY_INDEX[type]}${id}/`;
}

/** `entityPath` of an `agency:patent-office` reference. */
export function entityRefPath(ref: string): string {
  const { type, id } = parseEntityRef(ref);
  return entityPath(type, id);
}

/**
 * A knowledge item of one document: `<docId>--<anchor>` (a measure `…--L102`, a case
 * `…--3-2-1`) or a dated item `<docId>--L<line>-<n>`. The anchor part may hold capitals
 * (`L102`, `IV-1-3`); never Korean, so the id is a URL path segment as it stands.
 */
export type MeasureId = string & { readonly __brand: 'MeasureId' };
export type CaseId = string & { readonly __brand: 'CaseId' };
export type TimelineId = string & { readonly __brand: 'TimelineId' };

const ITEM_ID = /^[0-9a-z][0-9a-z-]*?--[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;

function itemId(kind: string, id: string): string {
  if (!ITEM_ID.test(id)) throw new Error(`Invalid ${kind} id "${id}": expected "<document id>--<anchor>" (letters, digits and "-").`);
  return id;
}

/** Brand a measure id read from src/generated/measures.json. */
export function asMeasureId(id: string): MeasureId {
  return itemId('measure', id) as MeasureId;
}

/** Brand a case id read from src/generated/cases.json. */
export function asCaseId(id: string): CaseId {
  return itemId('case', id) as CaseId;
}

/** Brand a dated item's id read from src/generated/timeline.json. */
export function asTimelineId(id: string): TimelineId {
  return itemId('timeline', id) as TimelineId;
}

/** `/measures/` */
export function measureIndexPath(): string {
  return '/measures/';
}

/** `/measures/<id>/` */
export function measurePath(id: MeasureId): string {
  return `/measures/${id}/`;
}

/** `/cases/` */
export function caseIndexPath(): string {
  return '/cases/';
}

/** `/cases/<id>/` */
export function casePath(id: CaseId): string {
  return `/cases/${id}/`;
}

/** The filters of /timeline/ (and /measures/, which has no `kind`), as its URL query holds them. */
export interface ListFilters {
  doc?: string;
  agency?: string;
  kind?: string;
  /** Include the agency's earlier and later names. */
  lineage?: boolean;
}

function withFilters(path: string, filters: ListFilters = {}): string {
  const query = new URLSearchParams();
  if (filters.doc) query.set('doc', filters.doc);
  if (filters.agency) query.set('agency', filters.agency);
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.agency && filters.lineage) query.set('lineage', '1');
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

/** `/timeline/`, `/timeline/?doc=…&agency=…&kind=…&lineage=1` */
export function timelinePath(filters?: ListFilters): string {
  return withFilters('/timeline/', filters);
}

/** `/measures/?doc=…&agency=…&lineage=1` */
export function measureIndexFilteredPath(filters: Omit<ListFilters, 'kind'>): string {
  return withFilters(measureIndexPath(), filters);
}

/** `/data/` and the files it lists. */
export function dataPath(file?: string): string {
  return file ? `/data/${file}` : '/data/';
}
