import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launch } from './browser.ts';
import { dist } from './global-setup.ts';
import { loadQueries, placeMap, plainResults, score, siteResults, summarize } from '../../scripts/lib/search-eval.ts';
import { serve, type Served } from '../../scripts/lib/serve.ts';
import { buildPlainIndex } from '../../src/site/integrations/pagefind.ts';
import type { SearchDoc } from '../../src/compiler/contract.ts';

const root = path.resolve(import.meta.dirname, '../..');
const base = inject('baseUrl');
const q = (s: string) => encodeURIComponent(s);
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

const results = (p: Page) => p.$$eval('[data-search-results] a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
async function searchPage(url: string): Promise<string[]> {
  await page.goto(`${base}${url}`);
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-search-status]')?.textContent ?? '';
    return s !== '' && s !== '찾는 중…' && (document.querySelectorAll('[data-search-results] a').length > 0 || /없습니다/.test(s));
  });
  return results(page);
}

describe('search quality (the fast query set of test/search/queries.yaml)', () => {
  test('recall@5 ≥ 0.9, at least 1.5× plain Pagefind, and must-return-nothing queries return nothing', { timeout: 180_000 }, async () => {
    const plainDir = mkdtempSync(path.join(tmpdir(), 'kb-plain-'));
    let served: Served | undefined;
    try {
      await buildPlainIndex(dist, path.join(plainDir, 'pagefind'));
      served = await serve(dist, { mounts: { '/pagefind-plain/': path.join(plainDir, 'pagefind') } });
      const places = placeMap(path.join(root, 'src', 'generated'));
      const queries = loadQueries(root).filter((x) => x.fast);
      expect(queries.length).toBeGreaterThanOrEqual(10);
      const ours = [];
      const plain = [];
      const plainPage = await browser.newPage();
      for (const query of queries) {
        ours.push(score(query, await siteResults(page, served.url, query.q), places));
        plain.push(score(query, await plainResults(plainPage, served.url, query.q), places));
      }
      await plainPage.close();
      const a = summarize(ours);
      const b = summarize(plain);
      const misses = ours.filter((s) => s.query.expect !== 'none' && (s.rank === null || s.rank > 5)).map((s) => s.query.q);
      expect(misses.length / ours.filter((s) => s.query.expect !== 'none').length, `missed: ${misses.join(', ')}`).toBeLessThanOrEqual(0.1);
      expect(a.recallAt5).toBeGreaterThanOrEqual(1.5 * b.recallAt5);
      expect(a.none[0]).toBe(a.none[1]);
    } finally {
      await served?.close();
      rmSync(plainDir, { recursive: true, force: true });
    }
  });
});

describe('search behaviour', () => {
  test('a word inside a compound, and an abbreviation, find their passages with the match marked in real text', async () => {
    const hits = await searchPage(`/search/?q=${q('엔젤')}`);
    expect(hits.length).toBeGreaterThan(0);
    const marks = await page.$$eval('[data-search-results] mark', (ms) => ms.map((m) => m.textContent));
    expect(marks.some((m) => m?.includes('엔젤') && m !== '엔젤')).toBe(true);
    // The excerpt is the source text: no code of the index leaks into it.
    const excerpt = await page.locator('.search-hit-excerpt').first().innerText();
    expect(excerpt).not.toMatch(/[\u2800-\u28ff]|\b[kenmuw][0-9a-v]{3,}z\b/);

    const abbr = await searchPage(`/search/?q=${q('기재부')}`);
    expect(abbr.some((h) => h.startsWith('/agencies/moef/'))).toBe(true);
    const abbrMarks = await page.$$eval('[data-search-results] mark', (ms) => ms.map((m) => m.textContent ?? ''));
    expect(abbrMarks.some((m) => m.includes('기획재정부'))).toBe(true);
  });

  test('a newer agency name finds text written under its predecessors', async () => {
    const hits = await searchPage(`/search/?q=${q('중소벤처기업부')}`);
    const texts = await page.$$eval('[data-search-results] mark', (ms) => ms.map((m) => m.textContent ?? ''));
    expect(texts.some((t) => t.includes('중소기업청'))).toBe(true);
    expect(hits.some((h) => h.startsWith('/agencies/smba/') || h.startsWith('/docs/'))).toBe(true);
  });

  test('state lives in the URL: facets filter, count, and reproduce on load', async () => {
    const all = await searchPage(`/search/?q=${q('클러스터')}`);
    const measures = await searchPage(`/search/?q=${q('클러스터')}&kind=measure`);
    expect(measures.length).toBeGreaterThan(0);
    expect(measures.length).toBeLessThan(all.length + 1);
    expect(measures.every((h) => h.startsWith('/measures/'))).toBe(true);
    expect(await page.locator('input[name="kind"][value="measure"]').isChecked()).toBe(true);
    // Clicking a facet writes it to the URL.
    await page.locator('input[name="kind"][value="measure"]').uncheck();
    await page.locator('input[name="kind"][value="entity"]').check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('kind')).toEqual(['entity']);
    await expect.poll(async () => (await results(page)).every((h) => /^\/(agencies|laws|programs|places|organizations|glossary)\//.test(h))).toBe(true);
    // Counts are shown next to the values.
    expect(Number(await page.locator('[data-facet="kind"] [data-count="measure"]').innerText())).toBeGreaterThan(0);
  });

  test('layout: on a wide screen the facets sit beside the results; on a narrow one, after them', async () => {
    await searchPage(`/search/?q=${q('클러스터')}`);
    const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
    let facets = await box('.search-facets');
    let output = await box('.search-output');
    expect(facets.x + facets.width).toBeLessThanOrEqual(output.x);
    expect(Math.abs(facets.y - output.y)).toBeLessThan(40);
    await page.setViewportSize({ width: 400, height: 900 });
    try {
      facets = await box('.search-facets');
      output = await box('.search-output');
      expect(facets.y).toBeGreaterThanOrEqual(output.y + output.height);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test('the agency facet includes predecessors on request', async () => {
    const only = await searchPage(`/search/?q=${q('클러스터')}&agency=motie`);
    const withPred = await searchPage(`/search/?q=${q('클러스터')}&agency=motie&pred=1`);
    expect(withPred.length).toBeGreaterThan(only.length);
    expect(withPred.some((h) => h.startsWith('/docs/2010-mke-industrial-complex-cluster/'))).toBe(true);
  });

  test('agency ids from the URL that name Object.prototype members are just unknown agencies', async () => {
    for (const id of ['__proto__', 'constructor', 'toString']) {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await searchPage(`/search/?q=${q('클러스터')}&agency=${id}`);
      const facet = await page.$eval('[data-facet="agency"]', (f) => f.textContent ?? '');
      expect(facet, id).not.toMatch(/\[object Object\]|function|NaN|undefined/u);
      expect(errors, id).toEqual([]);
      page.removeAllListeners('pageerror');
    }
  });

  test('a result lands on its block and highlights the match there', async () => {
    const hits = await searchPage(`/search/?q=${q('챔피언')}`);
    const href = hits.find((h) => h.startsWith('/docs/'))!;
    expect(href).toMatch(/\?hl=.+#L\d+$/);
    await page.goto(`${base}${href}`);
    const anchor = decodeURIComponent(href.split('#')[1]!);
    await expect.poll(() => page.locator(`[id="${anchor}"] mark.search-hit-mark`).count()).toBeGreaterThan(0);
    expect(await page.locator(`[id="${anchor}"] mark.search-hit-mark`).first().innerText()).toBe('챔피언');
  });

  test('nothing found: suggestions from the corpus vocabulary, outside the results', async () => {
    const hits = await searchPage(`/search/?q=${q('특허천')}`);
    expect(hits).toEqual([]);
    const suggest = page.locator('[data-search-suggest]');
    await expect.poll(() => suggest.isVisible()).toBe(true);
    expect(await suggest.locator('a').allInnerTexts()).toContain('특허청');
  });

  test('the header box is a combobox: / focuses it, arrows choose a result, Enter opens it', async () => {
    await page.goto(`${base}/docs/2023-06-01-moef-global-cluster-press/`);
    await page.keyboard.press('/');
    const box = page.locator('#site-search-input');
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.pressSequentially('특허청');
    const options = page.locator('#site-search-listbox [role="option"]');
    await expect.poll(() => options.count()).toBeGreaterThan(1);
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await box.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(active).toBe('site-search-opt-0');
    const target = await page.locator(`#${active}`).getAttribute('data-href');
    await box.press('Enter');
    await page.waitForURL((u) => `${u.pathname}${u.search}${u.hash}` === target);
    await page.keyboard.press('Control+k');
    expect(await page.locator('#site-search-input').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
  });

  test('axe-core: the search page with results and facets has no serious or critical violation', async () => {
    await searchPage(`/search/?q=${q('규제')}&kind=section`);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${base}/docs/2023-06-01-moef-global-cluster-press/`);
    await page.locator('#site-search-input').pressSequentially('기재부');
    await expect.poll(() => page.locator('#site-search-listbox [role="option"]').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('search records', () => {
  test('every block and section anchor the index lands on exists on its document page', () => {
    const dir = path.join(root, 'src', 'generated', 'search');
    const missing: string[] = [];
    for (const f of readdirSync(dir)) {
      const doc = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as SearchDoc;
      const html = readFileSync(path.join(dist, 'docs', doc.id, 'index.html'), 'utf8');
      const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      for (const s of doc.sections) for (const a of [s.anchor, ...s.blocks.map((b) => b.anchor)]) if (a && !ids.has(a)) missing.push(`${doc.id}#${a}`);
    }
    expect(missing).toEqual([]);
  });
});
