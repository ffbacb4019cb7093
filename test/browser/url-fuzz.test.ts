/**
 * Hostile URLs against the client scripts (src/site/scripts/*, src/search/client/*), in Chromium:
 * random fragments and queries — random Unicode, stray and truncated percent-escapes, escaped
 * lone surrogates, `__proto__`-like keys, very long values — on every kind of page, by
 * navigation and by `location.hash` changes afterwards. No run may raise an uncaught exception
 * (`pageerror`) or log a console error (which is also where CSP violations appear), and after
 * the bad URL the page must still work: Escape hides a mention's tooltip and a hash change
 * still opens the cite panel's section (both were lost when `#%` threw URIError).
 *
 * fast-check, seeded and bounded (110 runs) so the suite stays near a minute; a failure
 * prints the seed and the shrunk counterexample.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { dist } from './global-setup.ts';

const base = inject('baseUrl');
const SEED = 20261204;
const plan = '2023-delco-global-cluster-plan-summary';

let browser: Browser;
let page: Page;
const problems: string[] = [];

const first = (dir: string) => readdirSync(path.join(dist, dir)).sort()[0]!;
/** One page of each kind: every page template loads a different mix of the client scripts. */
const PAGES = [
  '/',
  `/docs/${plan}/`,
  `/docs/${plan}/source/`,
  '/docs/2006-thesis-innovation-cluster-gri-sme/',
  '/search/',
  '/timeline/',
  '/measures/',
  `/measures/${first('measures')}/`,
  `/agencies/${first('agencies')}/`,
  '/laws/',
  '/glossary/',
  '/data/',
];

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
});
afterAll(async () => {
  await browser?.close();
});

/** Pieces that break naive decoding or matching. */
const nasty = fc.constantFrom('%', '%%', '%E0%A4%A', '%ED%A0%80', '%ED%B0%80', '%C3', '%C3%28', '%FF', '%25', '%2', '%zz', '%00', '__proto__', 'constructor', 'toString', '#', '?', '&', '=', '+', ' ', '\\', '"><script>', '$&', '.*', '(', '[', 'L245', 'II-1', 'fn-1', '규제', '클러스터를', '\u200b', '\ufeff', '🏭');
/** One URL-component-safe piece: its escape when it can be encoded, raw when it is already a (bad) escape. */
const piece = fc.oneof(
  { weight: 3, arbitrary: nasty },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }).map((s) => encodeURIComponent(s.toWellFormed())) },
);
const component = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
/** Long values stay under the request-line limit hosts have (~8 KB); fragments are never sent. */
const longValue = fc.tuple(fc.constantFrom('%EA%B7%9C', 'a', '%', '%25', '%ED%A0%80'), fc.integer({ min: 100, max: 800 })).map(([p, n]) => p.repeat(n));
const KEYS = ['q', 'hl', 'agency', 'doc', 'kind', 'year', 'pred', 'lineage', '__proto__', 'constructor'];
const query = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), component), fc.oneof({ weight: 4, arbitrary: component }, { weight: 1, arbitrary: longValue })), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
const fragment = fc.oneof({ weight: 6, arbitrary: component }, { weight: 1, arbitrary: fc.integer({ min: 1000, max: 100_000 }).map((n) => '%'.repeat(n)) });

/** Lets the scripts run: the search page until its search has finished, other pages a tick. */
async function settle(): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent !== '찾는 중…', null, { timeout: 10_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

async function visit(url: string): Promise<void> {
  // A URL that differs from the current one only in its fragment would not load the page again.
  if (page.url().split('#')[0] === url.split('#')[0]) await page.goto('about:blank');
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.status(), url).toBe(200);
  await settle();
}

/** Escape hides a mention's tooltip (mention-tips.ts), and a hash change opens a cite section (copy-links.ts). */
async function stillWorks(): Promise<void> {
  const mention = page.locator('main .mention').first();
  await mention.hover();
  const tip = mention.locator('.mention-tip');
  await expect.poll(() => tip.evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
  await page.keyboard.press('Escape');
  await expect.poll(() => tip.evaluate((el) => getComputedStyle(el).display)).toBe('none');
  await page.mouse.move(0, 0);
  const section = await page.locator('details.cite-section[data-section]').last().getAttribute('data-section');
  await page.evaluate((id) => (location.hash = `#${id}`), section!);
  await expect.poll(() => page.locator(`details.cite-section[data-section="${section}"]`).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
}

describe('client scripts never throw on any URL', () => {
  test('the reported case: `#%` (and `?hl=…#%`) on a document page; Escape and hash changes still work', async () => {
    problems.length = 0;
    for (const url of [`${base}/docs/${plan}/#%`, `${base}/docs/${plan}/?hl=%EA%B7%9C%EC%A0%9C#%`, `${base}/docs/${plan}/?hl=%#%E0%A4%A`]) {
      await visit(url);
      await stillWorks();
    }
    await page.evaluate(() => (location.hash = '#%ED%A0%80'));
    await settle();
    expect(problems).toEqual([]);
  });

  test('random fragments and queries on every kind of page, then random hash changes', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PAGES), query, fragment, fc.array(fragment, { maxLength: 2 }), async (pathname, q, hash, later) => {
        problems.length = 0;
        await visit(`${base}${pathname}${q ? `?${q}` : ''}#${hash}`);
        for (const h of later) await page.evaluate((value) => (location.hash = value), h);
        await settle();
        if (pathname === `/docs/${plan}/`) await stillWorks();
        expect(problems).toEqual([]);
      }),
      { seed: SEED, numRuns: 70, endOnFailure: true },
    );
  });

  test('random search queries: the URL (loaded, or reached by Back/Forward), then the search box', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(query, fc.oneof(component, longValue), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.boolean(), async (q, value, typed, reload) => {
        problems.length = 0;
        const url = `${base}/search/?q=${value}&${q}`;
        if (reload || !page.url().startsWith(`${base}/search/`)) await visit(url);
        else {
          // The page reads the URL again on popstate (search-page.ts): the same code, without
          // reloading Pagefind, so more queries fit in the time.
          await page.evaluate((u) => {
            history.pushState(null, '', u);
            dispatchEvent(new PopStateEvent('popstate'));
          }, url);
          await settle();
        }
        await page.fill('#search-q', typed);
        await page.waitForTimeout(100);
        await settle();
        expect(problems).toEqual([]);
      }),
      { seed: SEED, numRuns: 40, endOnFailure: true },
    );
  });
});
