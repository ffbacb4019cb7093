import type { DocumentRecord } from '../contract.ts';
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
