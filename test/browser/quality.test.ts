/**
 * Quality gates on the built site: Content-Security-Policy with no violations, no request to
 * another origin, valid HTML (html-validate), page weight budgets per page type, keyboard use
 * of the table of contents.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { dist } from './global-setup.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const thesis = '2006-thesis-innovation-cluster-gri-sme';
const press = '2023-06-01-moef-global-cluster-press';
/** One page of each type. */
const PAGES = {
  home: '/',
  document: `/docs/${press}/`,
  source: `/docs/${press}/source/`,
  measure: `/measures/${press}--L103/`,
  agency: '/agencies/kipo/',
  program: '/programs/tips/',
  case: `/cases/${thesis}--3-2-1/`,
  timeline: '/timeline/',
  measures: '/measures/',
  glossary: '/glossary/',
  data: '/data/',
  search: `/search/?q=${encodeURIComponent('특허청')}`,
};

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? htmlFiles(p) : name.endsWith('.html') ? [p] : [];
  });
}

/** Opens a page recording CSP violations and every request. */
async function visit(url: string): Promise<{ page: Page; violations: string[]; requests: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${base}${url}`);
  await page.waitForLoadState('networkidle');
  const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  return { page, violations, requests };
}

describe('security', () => {
  test.each(Object.entries(PAGES))('%s page: a CSP meta, no violation, no request to another origin', async (_, url) => {
    const { page, violations, requests } = await visit(url);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(csp).not.toMatch(/'unsafe-inline'[^;]*;.*script-src|script-src[^;]*'unsafe-inline'/);
    // Use the search box too: Pagefind's worker and wasm must run under the policy.
    await page.locator('#site-search-input').fill('기재부');
    await page.waitForTimeout(50);
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(requests.filter((r) => !r.startsWith(base) && !r.startsWith('data:'))).toEqual([]);
    await page.context().close();
  });

  test('inline scripts are allowed only by hash, and the policy blocks one that is not', async () => {
    const { page } = await visit(PAGES.document);
    const blocked = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          document.addEventListener('securitypolicyviolation', () => resolve(true), { once: true });
          const s = document.createElement('script');
          s.textContent = 'window.__injected = true';
          document.body.append(s);
          setTimeout(() => resolve(false), 500);
        }),
    );
    expect(blocked).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    await page.context().close();
  });
});

describe('HTML', () => {
  test('every built page validates (html-validate, standard rules)', { timeout: 120_000 }, async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    const problems: string[] = [];
    for (const file of htmlFiles(dist)) {
      const report = await validator.validateString(readFileSync(file, 'utf8'), file);
      for (const r of report.results) for (const m of r.messages) problems.push(`${path.relative(dist, file)}:${m.line}:${m.column} ${m.message} [${m.ruleId}]`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});

/**
 * Page weight budgets (bytes as served, before compression). Reading pages (document, source,
 * measure, entity, case) carry only the JavaScript of the search box, the copy buttons and the
 * Escape key of mention tooltips (WCAG 1.4.13); search itself loads on demand. No web fonts.
 * HTML of a document page grows with its text: at most 8 bytes of HTML per byte of source, plus 64 KB.
 */
export const BUDGETS: Record<string, { html: number | ((sourceBytes: number) => number); css: number; js: number }> = {
  home: { html: 40_000, css: 48_000, js: 12_000 },
  document: { html: (s) => 8 * s + 64_000, css: 48_000, js: 12_000 },
  source: { html: (s) => 8 * s + 64_000, css: 48_000, js: 12_000 },
  measure: { html: 150_000, css: 48_000, js: 12_000 },
  agency: { html: 250_000, css: 48_000, js: 12_000 },
  program: { html: 250_000, css: 48_000, js: 12_000 },
  case: { html: 150_000, css: 48_000, js: 12_000 },
  timeline: { html: 600_000, css: 48_000, js: 20_000 },
  measures: { html: 400_000, css: 48_000, js: 20_000 },
  glossary: { html: 600_000, css: 48_000, js: 12_000 },
  data: { html: 60_000, css: 48_000, js: 12_000 },
  // /search/ loads Pagefind's runtime (pagefind.js and its worker, ~92 KB) with the page.
  search: { html: 60_000, css: 48_000, js: 120_000 },
};

describe('page weight', () => {
  test.each(Object.keys(PAGES))('%s page stays within its budget, and loads no web font', async (type) => {
    const { page } = await visit(PAGES[type as keyof typeof PAGES]);
    const sizes = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => {
        const r = e as PerformanceResourceTiming;
        return { name: r.name, type: r.initiatorType, bytes: r.decodedBodySize };
      }),
    );
    const nav = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).decodedBodySize);
    const css = sizes.filter((s) => s.name.endsWith('.css')).reduce((a, s) => a + s.bytes, 0);
    const js = sizes.filter((s) => /\.m?js($|\?)/.test(s.name)).reduce((a, s) => a + s.bytes, 0);
    const fonts = sizes.filter((s) => /\.(woff2?|ttf|otf)($|\?)/.test(s.name));
    const budget = BUDGETS[type]!;
    let htmlBudget = typeof budget.html === 'number' ? budget.html : 0;
    if (typeof budget.html === 'function') {
      const id = PAGES[type as keyof typeof PAGES].split('/')[2]!;
      htmlBudget = budget.html(statSync(path.join(dist, '..', 'content', 'sources', id, 'source.txt')).size);
    }
    expect(nav).toBeLessThanOrEqual(htmlBudget);
    expect(css).toBeLessThanOrEqual(budget.css);
    expect(js).toBeLessThanOrEqual(budget.js);
    expect(fonts).toEqual([]);
    await page.context().close();
  });

  test('every document page and source page is within its HTML budget', () => {
    for (const id of readdirSync(path.join(dist, 'docs'))) {
      const source = statSync(path.join(dist, '..', 'content', 'sources', id, 'source.txt')).size;
      for (const f of ['index.html', 'source/index.html']) {
        expect(statSync(path.join(dist, 'docs', id, f)).size, `${id}/${f}`).toBeLessThanOrEqual((BUDGETS.document!.html as (s: number) => number)(source));
      }
    }
  });
});

describe('keyboard', () => {
  test('the table of contents works by keyboard alone: Tab reaches a section link, Enter goes there', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/docs/${thesis}/`);
    let inToc = false;
    for (let i = 0; i < 80 && !inToc; i++) {
      await page.keyboard.press('Tab');
      inToc = await page.evaluate(() => !!document.activeElement?.closest('nav.toc') && document.activeElement?.tagName === 'A');
    }
    expect(inToc).toBe(true);
    const href = await page.evaluate(() => document.activeElement!.getAttribute('href'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(href);
    await context.close();
  });
});
