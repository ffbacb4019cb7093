/**
 * The rows of /data/documents.json and /data/entities.json (a contract: product.md "Data
 * exported at /data/", JSON Schema in public/data/*.schema.json). Pure functions, so the
 * endpoints stay one line and the shape is testable.
 */
import { z } from 'zod';
import type { DocumentRecord } from '../../compiler/contract.ts';
import { agencyForName, type EntityCatalog } from './entity-catalog.ts';
import { anchorPath, asDocId, docPath, entityPath } from './urls.ts';

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

export function entityRows(catalog: EntityCatalog): EntityRow[] {
  return [...catalog.all]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      ...(e.predecessors.length > 0 ? { predecessors: e.predecessors.map((p) => ({ id: p.id, ...(p.date ? { until: p.date } : {}) })) } : {}),
      ...(e.successors.length > 0 ? { successors: e.successors.map((s) => ({ id: s.id, ...(s.date ? { from: s.date } : {}) })) } : {}),
      url: entityPath(e.type, e.id),
      mentions: e.mentions.map((m) => ({ documentId: m.documentId, url: anchorPath(asDocId(m.documentId), m.anchor) })),
    }));
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
