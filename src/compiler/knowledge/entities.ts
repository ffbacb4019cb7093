import type { DocumentRecord, MeasureEntry } from '../contract.ts';
import { relateMeasures } from './related.ts';
import { report } from '../messages.ts';
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
  applyRelatedOverrides(related, registry, new Set(all.map((m) => m.id)));
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

/** Applies content/registry/related.yaml; an id that names no measure is an error on that file. */
function applyRelatedOverrides(related: Map<string, string[]>, registry: Registry, ids: Set<string>) {
  const { add, remove, file } = registry.related;
  const check = (kind: 'add' | 'remove', i: number, id: string) => {
    if (ids.has(id)) return true;
    const at = file.data.yamlLocate?.([kind, i]) ?? { line: 1, col: 1 };
    report(file, 'registry/invalid', `Unexpected unknown measure \`${id}\` in related.yaml ${kind}`, at.line, at.col);
    return false;
  };
  add.forEach((p, i) => {
    if (!check('add', i, p.a) || !check('add', i, p.b)) return;
    for (const [x, y] of [[p.a, p.b], [p.b, p.a]] as const) if (!related.get(x)!.includes(y)) related.get(x)!.push(y);
  });
  remove.forEach((p, i) => {
    if (!check('remove', i, p.a) || !check('remove', i, p.b)) return;
    for (const [x, y] of [[p.a, p.b], [p.b, p.a]] as const) related.set(x, related.get(x)!.filter((r) => r !== y));
  });
}
