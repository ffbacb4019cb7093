import type { DocumentRecord, MeasureEntry } from '../contract.ts';
import { relateMeasures } from './related.ts';
import { lineage, type Entity, type Registry } from './registry.ts';

/** One entity with everything that mentions it, as the site and /data/entities.json read it. */
export interface EntityRecord extends Omit<Entity, 'ref'> {
  ref: string;
  /** For agencies: the whole chain of names, oldest first (ids). */
  lineage: string[];
  mentions: { documentId: string; anchor: string; line: number; text: string }[];
}

export function entitiesOf(registry: Registry, documents: DocumentRecord[]): EntityRecord[] {
  const byRef = new Map<string, EntityRecord['mentions']>();
  for (const d of documents) {
    for (const m of d.mentions) {
      if (!m.ref) continue;
      const list = byRef.get(m.ref) ?? [];
      list.push({ documentId: d.id, anchor: m.anchor, line: m.line, text: m.text });
      byRef.set(m.ref, list);
    }
  }
  return [...registry.entities.values()]
    .sort((a, b) => a.ref.localeCompare(b.ref))
    .map((e) => ({ ...e, lineage: e.type === 'agency' ? lineage(registry, e.id).map((x) => x.id) : [], mentions: byRef.get(e.ref) ?? [] }));
}

export interface MeasureRecord extends MeasureEntry {
  documentId: string;
  /** Agency ids: mentioned, or responsible for a mentioned programme or law. */
  agencies: string[];
  laws: string[];
  programs: string[];
  places: string[];
  related: string[];
}

export function measuresOf(registry: Registry, documents: DocumentRecord[]): MeasureRecord[] {
  const all = documents.flatMap((d) => d.measures.map((m) => ({ ...m, documentId: d.id })));
  const related = relateMeasures(all);
  const ids = (refs: string[], type: string) => [...new Set(refs.filter((r) => r.startsWith(`${type}:`)).map((r) => r.slice(type.length + 1)))];
  return all.map((m) => {
    const responsible = m.mentions.map((r) => registry.entities.get(r as never)?.agency).filter((a): a is string => Boolean(a)).map((a) => `agency:${a}`);
    return {
      ...m,
      agencies: ids([...m.mentions, ...responsible], 'agency'),
      laws: ids(m.mentions, 'law'),
      programs: ids(m.mentions, 'program'),
      places: ids(m.mentions, 'place'),
      related: related.get(m.id) ?? [],
    };
  });
}
