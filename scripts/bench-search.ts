#!/usr/bin/env node
/**
 * `npm run bench:search`: search speed and weight, measured in headless Chromium on loopback.
 *
 * - Site (dist/, built first if missing): time from a keystroke to the first result on
 *   /search/ (cold: typed as the page opens; warm: later queries) and in the header combobox,
 *   and the bytes a first query fetches beyond Pagefind's own runtime (pagefind.js, its worker
 *   and wasm): index metadata, filter indexes, word-index chunks, fragments, the lexicon.
 * - `--scale [N]` (default 1000): generates N documents from the seeds' paragraphs
 *   (scripts/generate-corpus.ts), compiles them, builds the search index, and reports build
 *   time, peak memory, index size and the bytes per query; also the size of the one chunk a
 *   Korean-text index of the same records would make every query download (pagefind#1211).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Page } from 'playwright-core';
import { launch } from '../test/browser/browser.ts';
import { compileCorpus } from '../src/compiler/index.ts';
import { buildSearch, loadCorpusForSearch } from '../src/search/build-index.ts';
import { buildRecords } from '../src/search/records.ts';
import { fromDisplayToken } from '../src/search/codec.ts';
import { generateCorpus } from './generate-corpus.ts';
import { serve } from './lib/serve.ts';
import { loadQueries } from './lib/search-eval.ts';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const scaleAt = process.argv.indexOf('--scale');
const scaleDocs = scaleAt >= 0 ? Number(process.argv[scaleAt + 1] ?? 1000) || 1000 : 0;
const queries = loadQueries(root).filter((q) => q.expect !== 'none').map((q) => q.q);
const RUNTIME = /\/pagefind\/(pagefind\.js|pagefind-worker\.js|wasm\.[^/]+\.pagefind)$/;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Counts response bytes of search files, split into Pagefind's runtime and the rest. */
function meter(page: Page) {
  const bytes = { runtime: 0, data: 0, files: [] as string[] };
  page.on('response', async (r) => {
    const url = new URL(r.url());
    if (!/^\/(pagefind|search)\//.test(url.pathname) || url.pathname === '/search/') return;
    const body = await r.body().catch(() => Buffer.alloc(0));
    if (RUNTIME.test(url.pathname)) bytes.runtime += body.length;
    else {
      bytes.data += body.length;
      bytes.files.push(`${url.pathname} ${body.length}`);
    }
  });
  return bytes;
}

/** Types a query into /search/ and returns ms from the input event to the first rendered result. */
async function timeQuery(page: Page, q: string): Promise<number> {
  return page.evaluate(
    (query) =>
      new Promise<number>((resolve) => {
        const input = document.querySelector<HTMLInputElement>('#search-q')!;
        const list = document.querySelector('[data-search-results]')!;
        list.innerHTML = '';
        const started = performance.now();
        const done = () => {
          if (list.querySelector('a')) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        };
        const observer = new MutationObserver(done);
        observer.observe(list, { childList: true, subtree: true });
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    q,
  );
}

async function siteBench() {
  if (!existsSync(path.join(dist, 'pagefind'))) spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, stdio: 'inherit' });
  const served = await serve(dist);
  const browser = await launch();
  try {
    // First query on a fresh /search/ page: typed once the page has loaded search (as a reader
    // who looks at the page first), and typed at once as the page opens (worst case).
    const first: number[] = [];
    const atOnce: number[] = [];
    const firstBytes: number[] = [];
    let runtime = 0;
    for (const q of queries.slice(0, 12)) {
      const page = await browser.newPage();
      const bytes = meter(page);
      await page.goto(`${served.url}/search/`);
      await page.waitForLoadState('networkidle');
      first.push(await timeQuery(page, q));
      await page.waitForLoadState('networkidle');
      firstBytes.push(bytes.data);
      runtime = bytes.runtime;
      await page.close();
      const cold = await browser.newPage();
      await cold.goto(`${served.url}/search/`, { waitUntil: 'domcontentloaded' });
      atOnce.push(await timeQuery(cold, q));
      await cold.close();
    }
    // Later queries on one page.
    const page = await browser.newPage();
    await page.goto(`${served.url}/search/`);
    await page.waitForLoadState('networkidle');
    const warm: number[] = [];
    for (const q of queries) warm.push(await timeQuery(page, q));
    // The header combobox on a document page: search loads when the box gets focus.
    const box: number[] = [];
    const boxAtOnce: number[] = [];
    for (const q of queries.slice(0, 8)) {
      for (const wait of [true, false]) {
        const p = await browser.newPage();
        await p.goto(`${served.url}/docs/2023-06-01-moef-global-cluster-press/`);
        await p.focus('#site-search-input');
        if (wait) await p.waitForLoadState('networkidle');
        const ms = await p.evaluate(
          (query) =>
            new Promise<number>((resolve) => {
              const input = document.querySelector<HTMLInputElement>('#site-search-input')!;
              const list = document.querySelector('#site-search-listbox')!;
              const started = performance.now();
              const observer = new MutationObserver(() => {
                if (list.querySelector('[role="option"]')) {
                  observer.disconnect();
                  resolve(performance.now() - started);
                }
              });
              observer.observe(list, { childList: true, subtree: true });
              input.value = query;
              input.dispatchEvent(new Event('input', { bubbles: true }));
            }),
          q,
        );
        (wait ? box : boxAtOnce).push(ms);
        await p.close();
      }
    }
    const ms = (xs: number[]) => `median ${median(xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
    console.log('\nSearch on the five-document site (Chromium, loopback; times from the input event to the first result on screen, 80 ms typing debounce included)');
    console.log(`  /search/ first query, search loaded:      ${ms(first)} (goal ≤ 300 ms)`);
    console.log(`  /search/ first query typed as page opens: ${ms(atOnce)}`);
    console.log(`  /search/ later queries:                   ${ms(warm)} (${warm.length} queries)`);
    console.log(`  header combobox after focus:              ${ms(box)} (goal ≤ 300 ms)`);
    console.log(`  header combobox typed at once on focus:   ${ms(boxAtOnce)}`);
    console.log(`  bytes of a first query beyond Pagefind's runtime (${kb(runtime)}): median ${kb(median(firstBytes))}, max ${kb(Math.max(...firstBytes))} (goal ≤ 150 KB)`);
  } finally {
    await browser.close();
    await served.close();
  }
}

function dirBytes(dir: string): { bytes: number; files: number; largest: number } {
  let bytes = 0;
  let files = 0;
  let largest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      const sub = dirBytes(p);
      bytes += sub.bytes;
      files += sub.files;
      largest = Math.max(largest, sub.largest);
    } else {
      const size = statSync(p).size;
      bytes += size;
      files++;
      largest = Math.max(largest, size);
    }
  }
  return { bytes, files, largest };
}

async function scaleBench(docs: number) {
  const factor = Math.ceil(docs / 5);
  const work = path.join(root, '.bench', `search-${docs}`);
  const site = path.join(work, 'site');
  const corpusBytes = generateCorpus(root, factor, work);
  const rssBefore = process.resourceUsage().maxRSS;
  let started = performance.now();
  const { documents } = await compileCorpus({ root: work, outDir: path.join(work, 'generated'), verify: false });
  const compileS = (performance.now() - started) / 1000;
  started = performance.now();
  const corpus = loadCorpusForSearch(path.join(work, 'generated'));
  rmSync(site, { recursive: true, force: true });
  const result = await buildSearch(corpus, site);
  const indexS = (performance.now() - started) / 1000;
  const peak = process.resourceUsage().maxRSS;
  const pf = dirBytes(path.join(site, 'pagefind'));
  const chunks = dirBytes(path.join(site, 'pagefind', 'index'));
  const fragments = dirBytes(path.join(site, 'pagefind', 'fragment'));
  const meta = readdirSync(path.join(site, 'pagefind')).filter((f) => f.endsWith('.pf_meta')).map((f) => statSync(path.join(site, 'pagefind', f)).size)[0] ?? 0;

  // The same records as Korean text: what Pagefind alone would make of them.
  const korean = path.join(work, 'korean-index');
  rmSync(korean, { recursive: true, force: true });
  const { index } = await pagefind.createIndex({});
  for (const r of buildRecords(corpus).records) {
    const text = r.content.split(' ').map(fromDisplayToken).filter((w) => w !== null).join(' ');
    await index!.addCustomRecord({ url: r.url, content: text, language: 'ko' });
  }
  await index!.writeFiles({ outputPath: korean });
  await pagefind.close();
  const koreanChunks = dirBytes(path.join(korean, 'index'));

  // The client (corpus-independent) from the built site, over this index: the home page (header
  // box: the results path) and /search/ (which also loads the filter indexes for facet counts).
  cpSync(path.join(dist, '_astro'), path.join(site, '_astro'), { recursive: true });
  cpSync(path.join(dist, 'index.html'), path.join(site, 'index.html'));
  cpSync(path.join(dist, 'search', 'index.html'), path.join(site, 'search', 'index.html'));
  const served = await serve(site);
  const browser = await launch();
  const perQuery: number[] = [];
  const withFacets: number[] = [];
  const times: number[] = [];
  let meta0 = '';
  try {
    for (const q of queries) {
      const page = await browser.newPage();
      const bytes = meter(page);
      await page.goto(`${served.url}/`);
      await page.focus('#site-search-input');
      await page.waitForLoadState('networkidle');
      await page.fill('#site-search-input', q);
      await page.waitForSelector('#site-search-listbox [role="option"]');
      await page.waitForLoadState('networkidle');
      perQuery.push(bytes.data);
      if (!meta0) meta0 = bytes.files.join('\n');
      await page.close();
      const full = await browser.newPage();
      const all = meter(full);
      await full.goto(`${served.url}/search/`);
      await full.waitForLoadState('networkidle');
      times.push(await timeQuery(full, q));
      await full.waitForLoadState('networkidle');
      withFacets.push(all.data);
      await full.close();
    }
  } finally {
    await browser.close();
    await served.close();
  }
  console.log(`\nSearch at scale: ${documents.length} documents (${(corpusBytes / 1e6).toFixed(1)} MB of source), ${result.records.length} records`);
  console.log(`  compile ${compileS.toFixed(1)} s, search index ${indexS.toFixed(1)} s (${result.runs} distinct Hangul runs analysed), peak RSS ${(peak / 1024).toFixed(0)} MB (before: ${(rssBefore / 1024).toFixed(0)} MB)`);
  console.log(`  index: ${(pf.bytes / 1e6).toFixed(1)} MB in ${pf.files} files; word index ${chunks.files} chunks, largest ${kb(chunks.largest)}; ${fragments.files} fragments, ${(fragments.bytes / 1e6).toFixed(1)} MB; metadata ${kb(meta)}`);
  console.log(`  a Korean-text index of the same records: ${koreanChunks.files} chunk(s), largest ${kb(koreanChunks.largest)} — the least every query would download`);
  console.log(`  bytes of a first query beyond Pagefind's runtime (header box: lexicon, page list, word-index chunks, fragments): median ${kb(median(perQuery))}, max ${kb(Math.max(...perQuery))} over ${perQuery.length} queries (goal ≤ 300 KB)`);
  console.log(`  the same on /search/, which also loads the filter indexes once for its facet counts: median ${kb(median(withFacets))}, max ${kb(Math.max(...withFacets))}`);
  if (process.argv.includes('--verbose')) console.log(`  files of the first query:\n    ${meta0.replace(/\n/g, '\n    ')}`);
  console.log(`  first results on /search/ (search loaded): median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
}

await siteBench();
if (scaleDocs) await scaleBench(scaleDocs);
