import { lstat, readFile } from 'node:fs/promises';
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
  const texts: Partial<Record<RegistryFileName, string>> = {};
  const linked: string[] = [];
  for (const name of [...Object.keys(REGISTRY_FILES), 'related'] as RegistryFileName[]) {
    const full = path.join(dir, `${name}.yaml`);
    const stat = await lstat(full).catch(() => null);
    // A linked registry could read a file from outside the repository: rule doc/symlink.
    if (stat?.isSymbolicLink()) linked.push(name);
    else if (stat) texts[name] = await readFile(full, 'utf8');
  }
  const registry = registryFromTexts(texts, path.relative(root, dir));
  for (const name of linked) {
    const file = registry.files.find((f) => f.path.endsWith(`/${name}.yaml`))!;
    report(file, 'doc/symlink', `Unexpected symbolic link ${file.path}: registry files must be real files in the repository; copy the file in instead of linking it`);
  }
  return registry;
}

export type RegistryFileName = keyof typeof REGISTRY_FILES | 'related';

/** Where an entry was written: its file and its index in that file's list. */
interface Origin {
  file: VFile;
  index: number;
}

/**
 * Builds the registry from the files' texts (a missing file is an empty list). Never throws:
 * every problem is a message on the file it is in, at the line of the entry or field.
 */
export function registryFromTexts(texts: Partial<Record<RegistryFileName, string>>, dir = 'content/registry'): Registry {
  const entities = new Map<EntityRef, Entity>();
  const files: VFile[] = [];
  // Ids are unique across all registry files (a page URL is /<type>/<id>/ but mentions and
  // lineage links name bare ids).
  const origins = new Map<string, Origin>();
  const originOf = new Map<EntityRef, Origin>();
  const at = (o: Origin, ...rest: (string | number)[]) => o.file.data.yamlLocate?.([o.index, ...rest]) ?? { line: 1, col: 1 };
  for (const [name, { type, schema }] of Object.entries(REGISTRY_FILES)) {
    const file = new VFile({ path: `${dir}/${name}.yaml` });
    files.push(file);
    const text = texts[name as RegistryFileName];
    if (text === undefined) continue;
    const list = parseYaml(text, schema, file, { syntax: 'registry/invalid', invalid: 'registry/invalid' }) as Record<string, unknown>[] | null;
    (list ?? []).forEach((e, index) => {
      const id = e.id as string;
      const here = { file, index };
      const other = origins.get(id);
      if (other) {
        const { line, col } = at(here, 'id');
        const there = at(other, 'id');
        report(file, 'registry/duplicate-id', `Unexpected duplicate id \`${id}\`: already used at ${other.file.path}:${there.line}:${there.col}; give one of them another id`, line, col);
        return;
      }
      origins.set(id, here);
      const ref = entityRef(type, id);
      originOf.set(ref, here);
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
    });
  }
  checkLineage(entities, originOf, at);
  const relatedFile = new VFile({ path: `${dir}/related.yaml` });
  files.push(relatedFile);
  const related = texts.related !== undefined
    ? (parseYaml(texts.related, relatedOverridesSchema, relatedFile, { syntax: 'registry/invalid', invalid: 'registry/invalid' }) ?? { add: [], remove: [] })
    : { add: [], remove: [] };
  return { entities, files, related: { ...related, file: relatedFile } };
}

/**
 * Rule registry/lineage: links point at agencies that exist, and predecessors form no cycle
 * (an agency cannot come, however indirectly, from itself). Each problem is reported at the
 * link that causes it.
 */
function checkLineage(entities: Map<EntityRef, Entity>, originOf: Map<EntityRef, Origin>, at: (o: Origin, ...rest: (string | number)[]) => { line: number; col: number }): void {
  const agencies = new Map<string, Entity>();
  for (const e of entities.values()) if (e.type === 'agency') agencies.set(e.id, e);
  const problem = (e: Entity, where: (string | number)[], reason: string) => {
    const origin = originOf.get(e.ref)!;
    const { line, col } = at(origin, ...where);
    report(origin.file, 'registry/lineage', reason, line, col);
  };
  // Time order: every predecessor comes before the agency, every successor after it.
  const earlier = new Map<string, { id: string; where: (string | number)[] }[]>();
  const edge = (from: string, to: string, owner: Entity, where: (string | number)[]) => {
    let list = earlier.get(to);
    if (!list) earlier.set(to, (list = []));
    list.push({ id: from, where: [owner.id, ...where] });
  };
  for (const e of entities.values()) {
    for (const key of ['predecessors', 'successors'] as const) {
      e[key].forEach((l, j) => {
        const where = [key, j, 'id'];
        if (!agencies.has(l.id)) problem(e, where, `Unexpected unknown agency \`${l.id}\` in the ${key} of \`${e.id}\`: add it to agencies.yaml or correct the id`);
        else if (l.id === e.id) problem(e, where, `Unexpected link of \`${e.id}\` to itself in its ${key}: remove it`);
        else if (key === 'predecessors') edge(l.id, e.id, e, where);
        else edge(e.id, l.id, e, where);
      });
    }
    // A law's or programme's responsible agency must be an agency.
    if (e.agency && !agencies.has(e.agency)) problem(e, ['agency'], `Unexpected unknown agency \`${e.agency}\` as the agency of \`${e.id}\`: add it to agencies.yaml or correct the id`);
  }
  // A cycle in "came from": depth-first search, each cycle reported once at a link on it.
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  // Iterative, so a registry with a very long chain cannot overflow the call stack.
  const visit = (root: string): void => {
    const frames: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    stack.push(root);
    while (frames.length > 0) {
      const frame = frames.at(-1)!;
      const links = earlier.get(frame.id) ?? [];
      if (frame.next >= links.length) {
        frames.pop();
        stack.pop();
        state.set(frame.id, 'done');
        continue;
      }
      const p = links[frame.next++]!;
      if (state.get(p.id) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(p.id)), p.id];
        const [ownerId, ...where] = p.where as [string, ...(string | number)[]];
        problem(agencies.get(ownerId)!, where, `Unexpected circular lineage: ${cycle.reverse().join(' → ')}; an agency cannot succeed itself, check the predecessors and successors of these entries`);
      } else if (!state.has(p.id)) {
        state.set(p.id, 'open');
        stack.push(p.id);
        frames.push({ id: p.id, next: 0 });
      }
    }
  };
  for (const id of [...agencies.keys()].sort()) if (!state.has(id)) visit(id);
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
