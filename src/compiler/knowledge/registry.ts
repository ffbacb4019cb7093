import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { parseYaml } from '../metadata/yaml.ts';
import { report } from '../messages.ts';
import { REGISTRY_FILES, relatedOverridesSchema, type EntityType, type RelatedOverrides } from './registry-schema.ts';

/** An entity id qualified by its type, as used across the site: `agency:patent-office`. */
export type EntityRef = string & { readonly __brand: 'EntityRef' };
export const entityRef = (type: EntityType, id: string) => `${type}:${id}` as EntityRef;

export interface Entity {
  ref: EntityRef;
  type: EntityType;
  id: string;
  name: string;
  aliases: string[];
  /** Titles that name an agency (특허청장). */
  titles: string[];
  from?: string;
  until?: string;
  predecessors: { id: string; date?: string }[];
  successors: { id: string; date?: string }[];
  description?: string;
  definition?: string;
  kind?: string;
  /** For laws and programmes: the responsible agency's id. */
  agency?: string;
  unverified: boolean;
  sources: { ref: string; supports?: string }[];
}

export interface Registry {
  entities: Map<EntityRef, Entity>;
  files: VFile[];
  related: RelatedOverrides & { file: VFile };
}

/** Loads and validates `content/registry/*.yaml`; problems are positioned messages on the files. */
export async function loadRegistry(root: string): Promise<Registry> {
  const dir = path.join(root, 'content', 'registry');
  const entities = new Map<EntityRef, Entity>();
  const files: VFile[] = [];
  const seen = new Map<string, string>();
  for (const [name, { type, schema }] of Object.entries(REGISTRY_FILES)) {
    const file = new VFile({ path: path.relative(root, path.join(dir, `${name}.yaml`)) });
    files.push(file);
    const full = path.join(dir, `${name}.yaml`);
    if (!existsSync(full)) continue;
    const list = parseYaml(await readFile(full, 'utf8'), schema, file, { syntax: 'registry/invalid', invalid: 'registry/invalid' }) as Record<string, unknown>[] | null;
    for (const e of list ?? []) {
      const id = e.id as string;
      const other = seen.get(id);
      if (other) report(file, 'registry/invalid', `Unexpected duplicate id \`${id}\` (also in ${other})`);
      seen.set(id, file.path);
      const ref = entityRef(type, id);
      entities.set(ref, {
        ref,
        type,
        id,
        name: e.name as string,
        aliases: (e.aliases as string[]) ?? [],
        titles: (e.titles as string[] | undefined) ?? [],
        from: e.from as string | undefined,
        until: e.until as string | undefined,
        predecessors: (e.predecessors as Entity['predecessors'] | undefined) ?? [],
        successors: (e.successors as Entity['successors'] | undefined) ?? [],
        description: e.description as string | undefined,
        definition: e.definition as string | undefined,
        kind: e.kind as string | undefined,
        agency: e.agency as string | undefined,
        unverified: (e.unverified as boolean | undefined) ?? false,
        sources: e.sources as Entity['sources'],
      });
    }
  }
  // Links must point at agencies that exist.
  const agencies = new Set([...entities.values()].filter((e) => e.type === 'agency').map((e) => e.id));
  for (const e of entities.values()) {
    for (const l of [...e.predecessors, ...e.successors]) {
      if (!agencies.has(l.id)) report(files[0]!, 'registry/invalid', `Unexpected unknown agency \`${l.id}\` in the lineage of \`${e.id}\``);
    }
    // A law's or programme's responsible agency must be an agency.
    if (e.agency && !agencies.has(e.agency)) {
      const file = files.find((f) => f.path.endsWith(e.type === 'law' ? 'laws.yaml' : 'programs.yaml')) ?? files[0]!;
      report(file, 'registry/invalid', `Unexpected unknown agency \`${e.agency}\` as the agency of \`${e.id}\``);
    }
  }
  const relatedFile = new VFile({ path: path.relative(root, path.join(dir, 'related.yaml')) });
  files.push(relatedFile);
  const relatedPath = path.join(dir, 'related.yaml');
  const related = existsSync(relatedPath)
    ? (parseYaml(await readFile(relatedPath, 'utf8'), relatedOverridesSchema, relatedFile, { syntax: 'registry/invalid', invalid: 'registry/invalid' }) ?? { add: [], remove: [] })
    : { add: [], remove: [] };
  return { entities, files, related: { ...related, file: relatedFile } };
}

/** Every agency linked to this one through predecessors and successors, oldest first. */
export function lineage(registry: Registry, id: string): Entity[] {
  const out = new Map<string, Entity>();
  const visit = (aid: string) => {
    const e = registry.entities.get(entityRef('agency', aid));
    if (!e || out.has(aid)) return;
    out.set(aid, e);
    for (const l of [...e.predecessors, ...e.successors]) visit(l.id);
  };
  visit(id);
  return [...out.values()].sort((a, b) => (a.from ?? '0000').localeCompare(b.from ?? '0000'));
}
