/**
 * Search evaluation in a real browser: runs a query set (test/search/queries.yaml) against
 * the built site and reports recall@5 and MRR, for the site's search (the /search/ page, its
 * `data-search-results` links in rank order) and for plain Pagefind over the same HTML (its
 * results and sub-results, in the order Pagefind's own UI shows them).
 *
 * A result reaches a passage `{doc, line}` when the place it opens covers that source line:
 * a block anchor (`#L245`) its block's lines, a heading anchor its section's lines, a measure
 * page the measure's lines. A document page without an anchor reaches no passage (the reader
 * would still have to find it). `{url}` expectations match the page itself.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import type { SearchDoc } from '../../src/compiler/contract.ts';

export type Expect = { doc: string; line: number } | { url: string };
export interface Query {
  q: string;
  kind: string;
  fast?: boolean;
  /** Independent set (queries-independent.yaml): tuned on, or held out. */
  set?: 'tune' | 'held-out';
  expect: Expect[] | 'none';
  note?: string;
}

/** The team's query set (`queries.yaml`), or another file of the same format in test/search/. */
export function loadQueries(root: string, file = 'queries.yaml'): Query[] {
  const list = parse(readFileSync(path.join(root, 'test/search', file), 'utf8')) as Query[];
  for (const q of list) if (!q.q || !q.kind || !(q.expect === 'none' || Array.isArray(q.expect))) throw new Error(`${file}: malformed entry ${JSON.stringify(q)}`);
  return list;
}

/** What each landing place covers: `/docs/<id>/#anchor` and `/measures/<id>/` → [doc, first, last]. */
export function placeMap(generated: string): Map<string, [string, number, number]> {
  const places = new Map<string, [string, number, number]>();
  for (const f of readdirSync(path.join(generated, 'search')).sort()) {
    const doc = JSON.parse(readFileSync(path.join(generated, 'search', f), 'utf8')) as SearchDoc;
    for (const s of doc.sections) {
      if (s.anchor) places.set(`/docs/${doc.id}/#${s.anchor}`, [doc.id, Math.min(...s.blocks.map((b) => b.lines[0])), Math.max(...s.blocks.map((b) => b.lines[1]))]);
      for (const b of s.blocks) if (!places.has(`/docs/${doc.id}/#${b.anchor}`) || b.anchor !== s.anchor) places.set(`/docs/${doc.id}/#${b.anchor}`, [doc.id, b.lines[0], b.lines[1]]);
    }
  }
  const measures = JSON.parse(readFileSync(path.join(generated, 'measures.json'), 'utf8')) as { id: string; documentId: string; sourceLines: [number, number] }[];
  for (const m of measures) places.set(`/measures/${m.id}/`, [m.documentId, m.sourceLines[0], m.sourceLines[1]]);
  return places;
}

/** The result URL without query string, decoded. */
export function landing(url: string): string {
  const u = new URL(url, 'http://x');
  return decodeURIComponent(u.pathname) + (u.hash ? decodeURIComponent(u.hash) : '');
}

export function reaches(url: string, expect: Expect, places: Map<string, [string, number, number]>): boolean {
  const at = landing(url);
  if ('url' in expect) return at === expect.url || at.split('#')[0] === expect.url && !expect.url.includes('#');
  const place = places.get(at);
  return !!place && place[0] === expect.doc && place[1] <= expect.line && expect.line <= place[2];
}

/** The site search: /search/?q=…, result links in rank order (first page). */
export async function siteResults(page: Page, base: string, q: string): Promise<string[]> {
  await page.goto(`${base}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(
    () => {
      const status = document.querySelector('[data-search-status]')?.textContent ?? '';
      if (!status || status === '찾는 중…') return false;
      return document.querySelectorAll('[data-search-results] a').length > 0 || /없습니다/.test(status);
    },
    null,
    { timeout: 15_000 },
  );
  return page.$$eval('[data-search-results] a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
}

/** Plain Pagefind mounted at /pagefind-plain/: results, each followed by its sub-results. */
export async function plainResults(page: Page, base: string, q: string): Promise<string[]> {
  if (!page.url().startsWith(base)) await page.goto(`${base}/`);
  // A string, not a function: test runners rewrite `import()` inside functions they transform.
  return page.evaluate(`(async (query) => {
    window.__plain ??= import('/pagefind-plain/pagefind.js');
    const pf = await window.__plain;
    const search = await pf.search(query);
    const urls = [];
    for (const r of search.results.slice(0, 10)) {
      const d = await r.data();
      const subs = (d.sub_results ?? []).filter((s) => s.url !== d.url);
      if (subs.length) urls.push(...subs.map((s) => s.url));
      else urls.push(d.url);
      if (urls.length >= 10) break;
    }
    return urls.slice(0, 10);
  })(${JSON.stringify(q)})`);
}

export interface Scored {
  query: Query;
  urls: string[];
  /** 1-based rank of the first result reaching an expected place, or null. */
  rank: number | null;
  /** For must-return-nothing queries: whether nothing came back. */
  empty?: boolean;
}

export function score(query: Query, urls: string[], places: Map<string, [string, number, number]>): Scored {
  if (query.expect === 'none') return { query, urls, rank: null, empty: urls.length === 0 };
  const expect = query.expect;
  const i = urls.slice(0, 10).findIndex((u) => expect.some((e) => reaches(u, e, places)));
  return { query, urls, rank: i < 0 ? null : i + 1 };
}

export interface Summary {
  recallAt5: number;
  mrr: number;
  /** Must-return-nothing queries that returned nothing / all of them. */
  none: [number, number];
  byKind: Record<string, { n: number; recallAt5: number; mrr: number }>;
}

export function summarize(scored: Scored[]): Summary {
  const positive = scored.filter((s) => s.query.expect !== 'none');
  const none = scored.filter((s) => s.query.expect === 'none');
  const r5 = (list: Scored[]) => (list.length ? list.filter((s) => s.rank !== null && s.rank <= 5).length / list.length : 0);
  const mrr = (list: Scored[]) => (list.length ? list.reduce((a, s) => a + (s.rank ? 1 / s.rank : 0), 0) / list.length : 0);
  const byKind: Summary['byKind'] = {};
  for (const kind of [...new Set(scored.map((s) => s.query.kind))]) {
    const list = scored.filter((s) => s.query.kind === kind);
    byKind[kind] = kind === 'none' ? { n: list.length, recallAt5: list.filter((s) => s.empty).length / list.length, mrr: NaN } : { n: list.length, recallAt5: r5(list), mrr: mrr(list) };
  }
  return { recallAt5: r5(positive), mrr: mrr(positive), none: [none.filter((s) => s.empty).length, none.length], byKind };
}
