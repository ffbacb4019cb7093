/**
 * Builds the site's search: the Pagefind index of every record (records.ts) and the two small
 * files the browser loads on demand: `lexicon.json` (names and aliases → entity terms, agency
 * lineage for the "include predecessors" facet, words a query must not strip)
 * at the first query, and `suggest.json` (the corpus vocabulary) only when a search finds
 * nothing.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { DocumentRecord, SearchDoc } from '../compiler/contract.ts';
import { entityPath, measurePath, asMeasureId, docPath, asDocId, type EntityType } from '../site/lib/urls.ts';
import { analyzedRuns } from './analyzer.ts';
import { normalisePagefind, writePagefindBundle } from './normalise.ts';
import { stripParticle } from './codec.ts';
import { buildRecords, type CorpusForSearch, type EntityInfo, type IndexRecord, type MeasureInfo } from './records.ts';
import { compactLexicon, nameKey, type Lexicon } from './lexicon.ts';
import { loadVariants } from './variants.ts';

export const SEARCH_DIR = 'search';
export const PAGEFIND_DIR = 'pagefind';

/**
 * Reads what the compiler wrote to `src/generated/` (or another generated folder), and the search
 * variants of the registry under `root` (content/registry/variants.yaml) when a root is given.
 */
export function loadCorpusForSearch(generated: string, root?: string): CorpusForSearch {
  const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(generated, file), 'utf8')) as T;
  const ids = readdirSync(path.join(generated, 'documents')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  const documents = ids.map((id) => ({ record: read<DocumentRecord>(`documents/${id}.json`), search: read<SearchDoc>(`search/${id}.json`), url: docPath(asDocId(id)) }));
  type RawEntity = { type: EntityType; id: string; name: string; aliases: string[]; titles?: string[]; description?: string; predecessors?: { id: string }[]; successors?: { id: string }[] };
  const entities: EntityInfo[] = read<RawEntity[]>('entities.json').map((e) => ({
    ref: `${e.type}:${e.id}`,
    type: e.type,
    id: e.id,
    name: e.name,
    aliases: e.aliases ?? [],
    titles: e.titles ?? [],
    description: e.description,
    url: entityPath(e.type, e.id),
    predecessors: (e.predecessors ?? []).map((p) => `${e.type}:${p.id}`),
    successors: (e.successors ?? []).map((s) => `${e.type}:${s.id}`),
  }));
  const measures = read<Omit<MeasureInfo, 'url'>[]>('measures.json').map((m) => ({ ...m, url: measurePath(asMeasureId(m.id)) }));
  return { documents, measures, entities, ...(root ? { variants: loadVariants(root) } : {}) };
}

export interface SearchBuildResult {
  records: IndexRecord[];
  lexicon: Lexicon;
  /** Bytes of the Pagefind index and the lexicon as written. */
  runs: number;
  ms: number;
}

/** Writes `<outDir>/pagefind/` and `<outDir>/search/{lexicon,suggest}.json`. */
export async function buildSearch(corpus: CorpusForSearch, outDir: string, opts: { pagefindDir?: string } = {}): Promise<SearchBuildResult> {
  const started = performance.now();
  const { records, builder } = buildRecords(corpus);
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('\n')}`);
  try {
    for (const r of records) {
      const added = await index.addCustomRecord({ url: r.url, content: r.content, language: 'ko', meta: r.meta, filters: r.filters });
      if (added.errors.length) throw new Error(`Pagefind could not index ${r.url}: ${added.errors.join('\n')}`);
    }
    // The bundle in memory, normalised, then written once: nothing reads a half-written file.
    const got = await index.getFiles();
    if (got.errors.length) throw new Error(`Pagefind could not build its files: ${got.errors.join('\n')}`);
    const bundle = path.join(outDir, opts.pagefindDir ?? PAGEFIND_DIR);
    rmSync(bundle, { recursive: true, force: true });
    writePagefindBundle(bundle, normalisePagefind(got.files));
  } finally {
    await pagefind.close();
  }

  const lexicon = lexiconOf(corpus, builder.nouns);
  const vocabulary = [...builder.nouns].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 6000).map(([w]) => w).sort();
  await mkdir(path.join(outDir, SEARCH_DIR), { recursive: true });
  await writeFile(path.join(outDir, SEARCH_DIR, 'lexicon.json'), JSON.stringify(compactLexicon(lexicon)));
  await writeFile(path.join(outDir, SEARCH_DIR, 'suggest.json'), JSON.stringify({ words: vocabulary }));
  return { records, lexicon, runs: analyzedRuns(), ms: performance.now() - started };
}

function lexiconOf(corpus: CorpusForSearch, nouns: Map<string, number>): Lexicon {
  // Null-prototype maps: keys are registry names (input), so `constructor` is just a key.
  const names: Lexicon['names'] = Object.create(null) as Lexicon['names'];
  const entities: Lexicon['entities'] = Object.create(null) as Lexicon['entities'];
  for (const e of [...corpus.entities].sort((a, b) => a.ref.localeCompare(b.ref))) {
    const forms = [...new Set([e.name, ...e.aliases, ...e.titles])];
    for (const f of forms) {
      const key = nameKey(f);
      if (key.length < 2) continue;
      const list = (names[key] ??= []);
      if (!list.includes(e.ref)) list.push(e.ref);
    }
    entities[e.ref] = { n: e.name, f: forms, ...(e.predecessors.length ? { p: e.predecessors } : {}) };
  }
  // Nouns that end like a particle (전문가, 경기도, 고속도로): a query must keep them whole.
  const nostrip = [...nouns.keys()].filter((w) => stripParticle(w) !== w).sort();
  return { names, entities, nostrip, ...(corpus.variants?.length ? { variants: corpus.variants } : {}) };
}
