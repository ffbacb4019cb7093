/**
 * The browser side of search, shared by the header box and /search/: loads Pagefind and the
 * lexicon on first use, reads the query (query.ts), runs it with the facet filters, and
 * turns Pagefind's fragments into hits with real-text excerpts (excerpt.ts) that link to the
 * exact block, carrying the strings to highlight there (`?hl=`).
 */
import { fromDisplayToken } from '../codec.ts';
import { expandLexicon, type Lexicon, type LexiconWire } from '../lexicon.ts';
import { buildExcerpt } from './excerpt.ts';
import { parseQuery, withPredecessors, type ParsedQuery } from './query.ts';
import { closest } from './suggest.ts';

export const FACETS = ['agency', 'doc', 'kind', 'year'] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchState {
  q: string;
  agency: string[];
  /** Include the selected agencies' predecessors. */
  pred: boolean;
  doc: string[];
  kind: string[];
  year: string[];
}

interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string>;
  locations: number[];
}
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o?: { filters?: Record<string, unknown> }): Promise<PagefindResponse | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

export interface Hit {
  /** Where the result lands: the block holding the match, with `?hl=` strings. */
  url: string;
  title: string;
  kind: string;
  /** Document title or entity type. */
  context: string;
  /** Heading path of a measure. */
  path: string;
  excerpt: string;
}

export interface Outcome {
  parsed: ParsedQuery;
  results: PagefindResult[];
  /** Counts per facet value for this query with the other facets applied. */
  facets: Record<Facet, Record<string, number>>;
}

const BASE = '/';
let pagefindPromise: Promise<Pagefind> | null = null;
let lexiconPromise: Promise<Lexicon> | null = null;

/** Loads Pagefind and the lexicon (once); call early to warm up. */
export function load(): Promise<[Pagefind, Lexicon]> {
  pagefindPromise ??= (async () => {
    const url = `${BASE}pagefind/pagefind.js`;
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    // Exact matches over prefix matches (완화 over 완화를 …), length-normalised BM25.
    await pf.options({ ranking: { termSimilarity: 2.0, pageLength: 0.5 } });
    await pf.init();
    return pf;
  })();
  lexiconPromise ??= fetch(`${BASE}search/lexicon.json`).then((r) => {
    if (!r.ok) throw new Error(`lexicon.json: HTTP ${r.status}`);
    return (r.json() as Promise<LexiconWire>).then(expandLexicon);
  });
  return Promise.all([pagefindPromise, lexiconPromise]);
}

let filtersPromise: Promise<unknown> | null = null;

/** Loads the filter indexes, so that searches report facet counts (the search page needs them, the header box does not). */
export function loadFilters(): Promise<unknown> {
  filtersPromise ??= load().then(([pf]) => pf.filters());
  return filtersPromise;
}

export function lexicon(): Promise<Lexicon> {
  return load().then(([, l]) => l);
}

function filtersOf(state: SearchState, lex: Lexicon, except?: Facet): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  const agencies = state.pred ? withPredecessors(state.agency, lex) : state.agency;
  if (except !== 'agency' && agencies.length) f.agency = { any: agencies };
  for (const k of ['doc', 'kind', 'year'] as const) if (except !== k && state[k].length) f[k] = { any: state[k] };
  return f;
}

export async function search(state: SearchState, opts: { facets?: boolean } = {}): Promise<Outcome> {
  const [pf, lex] = await load();
  if (opts.facets) await loadFilters();
  const parsed = parseQuery(state.q, lex);
  const empty = { agency: {}, doc: {}, kind: {}, year: {} };
  if (parsed.terms.length === 0 && !FACETS.some((k) => k !== 'agency' && state[k].length) && state.agency.length === 0) return { parsed, results: [], facets: empty };
  const term = parsed.terms.length ? parsed.terms.join(' ') : null;
  const response = await pf.search(term, { filters: filtersOf(state, lex) });
  if (!response) return { parsed, results: [], facets: empty };
  // Each facet counts what selecting one of its values would give, with the other facets applied.
  const facets = { ...empty } as Outcome['facets'];
  for (const k of FACETS) {
    const selected = k === 'agency' ? state.agency.length > 0 : state[k].length > 0;
    if (!selected) facets[k] = response.filters[k] ?? {};
    else {
      const other = await pf.search(term, { filters: filtersOf(state, lex, k) });
      facets[k] = other?.filters[k] ?? {};
    }
  }
  return { parsed, results: response.results, facets };
}

/** Loads one result's fragment and builds its hit. */
export async function hitOf(result: PagefindResult, parsed: ParsedQuery): Promise<Hit> {
  const data = await result.data();
  const meta = (k: string) => (data.meta[k] ? (fromDisplayToken(data.meta[k]) ?? data.meta[k]) : '');
  const excerpt = buildExcerpt(data.content, parsed.terms, data.meta.blocks, undefined, parsed.prefer);
  let [path, hash] = data.url.split('#') as [string, string | undefined];
  // A block may be a page of its own (a measure in a record of a section's measures).
  let anchor = excerpt.anchor ?? hash;
  if (anchor?.startsWith('/')) [path, anchor] = [anchor, undefined];
  const labels = meta('labels').split('\n');
  const title = excerpt.block >= 0 && labels[excerpt.block] ? labels[excerpt.block]! : meta('title');
  // Highlight what matched: the query's words, and the names of its entities that the excerpt shows.
  const hl = new URLSearchParams();
  for (const h of parsed.highlights) if (parsed.literal.includes(h) || excerpt.matched.some((w) => w.includes(h))) hl.append('hl', h);
  const query = hl.toString();
  return {
    url: `${path}${query ? `?${query}` : ''}${anchor ? `#${anchor}` : ''}`,
    title,
    kind: data.meta.kind ?? '',
    context: meta('doc'),
    path: meta('path'),
    excerpt: excerpt.html,
  };
}

let vocabularyPromise: Promise<string[]> | null = null;

/** Closest corpus words and registry names for each query word (used when nothing is found). */
export async function suggestions(parsed: ParsedQuery): Promise<string[]> {
  vocabularyPromise ??= fetch(`${BASE}search/suggest.json`).then((r) => r.json() as Promise<{ words: string[] }>).then((j) => j.words);
  const [words, lex] = await Promise.all([vocabularyPromise, lexicon()]);
  const names = Object.entries(lex.entities).filter(([ref]) => ref.startsWith('agency:')).map(([, e]) => e.n);
  const out = new Set<string>();
  for (const w of parsed.words) for (const s of closest(w, [...words, ...names], 4)) out.add(s);
  return [...out].slice(0, 8);
}

export const KIND_LABELS: Record<string, string> = { document: '문서', section: '절', measure: '정책 과제', entity: '개체' };
