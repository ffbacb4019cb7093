import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launch } from './browser.ts';

const base = inject('baseUrl');
const thesis = '2006-thesis-innovation-cluster-gri-sme';
const plan = '2023-delco-global-cluster-plan-summary';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

describe('reading', () => {
  test('the home page lists the five documents', async () => {
    await page.goto(`${base}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    const links = await page.$$eval('a[href^="/docs/"]', (as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
    for (const id of [thesis, plan, '2023-06-01-moef-global-cluster-press', '2010-mke-industrial-complex-cluster', '2002-11-01-seri-bio-cluster-strategy']) {
      expect(links).toContain(`/docs/${id}/`);
    }
  });

  test('a document page: TOC entries land on headings, footnotes link both ways', async () => {
    await page.goto(`${base}/docs/${thesis}/`);
    const tocTargets = await page.$$eval('nav a[href^="#"]', (as) => as.map((a) => a.getAttribute('href')!.slice(1)));
    expect(tocTargets.length).toBeGreaterThanOrEqual(66);
    const missing = await page.evaluate((ids) => ids.filter((id) => !document.getElementById(decodeURIComponent(id))), tocTargets);
    expect(missing).toEqual([]);
    expect(await page.locator('h2#\\36').innerText()).toContain('결론');
    // Footnote 2 is referenced in a heading and has a back-link.
    const ref = page.locator('#fnref-2');
    await expect.poll(() => ref.count()).toBe(1);
    expect(await page.locator('#fn-2 a[href="#fnref-2"]').count()).toBe(1);
    expect(await page.locator('figure#tbl-2-1 table th').count()).toBe(4);
    await page.screenshot({ path: 'test-results/doc-page.png', fullPage: false });
  });

  test('paragraph anchors link to the source lines, and back', async () => {
    await page.goto(`${base}/docs/${thesis}/#L3`);
    const href = await page.locator('#L3 a[href*="source/#L"]').first().getAttribute('href');
    expect(href).toMatch(/source\/#L3$/);
    await page.goto(new URL(href!, `${base}/docs/${thesis}/`).href);
    await expect.poll(() => page.locator('#L3').count()).toBe(1);
    const back = await page.locator('#L3 a[href*="#L3"], #L3 a[href$="#L3"]').last().getAttribute('href');
    expect(back).toContain(`/docs/${thesis}/#`);
    await page.screenshot({ path: 'test-results/source-page.png' });
  });

  test('000 shows the nesting as nested lists', async () => {
    await page.goto(`${base}/docs/${plan}/`);
    // ▪ items sit inside ※ boxes inside □ items.
    expect(await page.locator('li#L26 li#L28 li#L30').count()).toBe(1);
  });
});

describe('search', () => {
  test('the search page finds passages for a Korean query, links in data-search-results', async () => {
    await page.goto(`${base}/search/?q=${encodeURIComponent('클러스터')}`);
    const results = page.locator('[data-search-results] a');
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const top = (await results.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).slice(0, 5);
    expect(top.some((h) => /^\/docs\/[^/]+\/\?hl=.+#/.test(h))).toBe(true);
  });

  test('the header search box goes to the search page', async () => {
    await page.goto(`${base}/`);
    const box = page.locator('header input[name="q"]');
    await box.fill('특허청');
    await box.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await expect.poll(() => page.locator('[data-search-results] a').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });
});

describe('accessibility and no-JavaScript reading', () => {
  test.each(['/', `/docs/${plan}/`, `/docs/${thesis}/source/`, '/search/?q=TIPS'])('axe-core finds no serious or critical violation on %s', async (path) => {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('with JavaScript off, documents read normally and search says it needs JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(`${base}/docs/${plan}/`);
    expect(await p.locator('main').innerText()).toContain('규제 완화');
    await p.goto(`${base}/search/?q=TIPS`);
    expect(await p.locator('body').innerText()).toMatch(/자바스크립트|JavaScript/u);
    await context.close();
  });
});
