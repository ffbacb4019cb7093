/**
 * The one place where identifiers become site paths. Pages and components never build
 * document URLs by hand, so a change of URL scheme is a change here.
 */
import type { AnchorId, DocId } from '../../compiler/contract.ts';

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
