/**
 * Measure pages, /measures/, /timeline/ and its filters, case pages, and the links to them from
 * documents and entity pages. Data-driven: subjects are picked from the /data/ exports of the
 * built site, so the tests follow the compiler as it finds more.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launch } from './browser.ts';

const base = inject('baseUrl');
const dist = path.resolve(import.meta.dirname, '../../dist');
const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(dist, 'data', file), 'utf8')) as T;

interface MeasureRow {
  id: string;
  documentId: string;
  label: string;
  url: string;
  sourceLines: [number, number];
  agencies: string[];
  programs: string[];
  places: string[];
  dates: string[];
  related: string[];
}
interface TimelineRow {
  id: string;
  date: { start: string };
  kind: string;
  documentId: string;
  measureId?: string;
  agencies: string[];
  url: string;
}
interface EntityRow {
  id: string;
  type: string;
  name: string;
  url: string;
  predecessors?: { id: string }[];
  successors?: { id: string }[];
  mentions: { documentId: string; url: string }[];
}
const measures = read<MeasureRow[]>('measures.json');
const timeline = read<TimelineRow[]>('timeline.json');
const entities = read<EntityRow[]>('entities.json');
const cases = entities.filter((e) => e.type === 'case');
const entity = (type: string, id: string) => entities.find((e) => e.type === type && e.id === id);

const PLAN = '2023-delco-global-cluster-plan-summary';
const PRESS = '2023-06-01-moef-global-cluster-press';
const THESIS = '2006-thesis-innovation-cluster-gri-sme';
const tips = measures.find((m) => m.documentId === PLAN && m.label === 'TIPS 재설계');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

/** The `data-*` ids of the filterable items currently shown. */
const shownIds = (p: Page, selector: string) =>
  p.$$eval(selector, (els) => els.filter((el) => !(el as HTMLElement).closest('[hidden]')).map((el) => el.querySelector('.tl-text a')?.getAttribute('href') ?? ''));

describe('the measure page of TIPS 재설계', () => {
  test('the plan has the measure', () => {
    expect(tips, `no measure labelled "TIPS 재설계" in ${PLAN}`).toBeDefined();
  });

  test.runIf(tips)('shows the programme TIPS, the target path 2023 → 2024 → 2027 with its phrase, and the related measure of the press release', async () => {
    const m = tips!;
    await page.goto(`${base}${m.url}`);
    expect(await page.locator('h1').innerText()).toBe('TIPS 재설계');
    // Breadcrumbs: the document, then the heading path.
    const crumbs = await page.locator('.breadcrumbs li').allInnerTexts();
    expect(crumbs[0]).toContain('첨단산업 글로벌 클러스터');
    expect(crumbs.at(-1)).toContain('개방형 혁신');
    // The programme, linked to its page.
    const program = entity('program', 'tips')!;
    expect(m.programs).toContain('tips');
    expect(await page.locator(`.measure-facts a[href="${program.url}"]`).innerText()).toBe('TIPS');
    // The target path, in date order, and the phrase it comes from.
    const path = await page.locator('#dates .date-path').first().innerText();
    expect(path).toMatch(/2023년[\s\S]*2024년[\s\S]*2027년/u);
    expect(await page.locator('#dates .date-path li').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('목표')]));
    expect(await page.locator('#dates .date-source').first().innerText()).toMatch(/22%\s*→\s*\(.24\)\s*30%\s*→\s*\(.27\)\s*40%/u);
    // Related: a measure of the press release.
    const related = await page.$$eval('#related .measure-card-title a', (as) => as.map((a) => a.getAttribute('href')));
    expect(related.some((h) => h?.startsWith(`/measures/${PRESS}--`))).toBe(true);
    expect(m.related.some((r) => r.startsWith(`${PRESS}--`))).toBe(true);
  });

  test.runIf(tips)('"문서에서 보기" lands on the measure block, which links back to the page', async () => {
    const m = tips!;
    await page.goto(`${base}${m.url}`);
    const href = await page.locator('a.button-link', { hasText: '문서에서 보기' }).getAttribute('href');
    expect(href).toBe(`/docs/${PLAN}/#${href!.split('#')[1]}`);
    await page.locator('a.button-link').click();
    await page.waitForURL(`${base}${href}`);
    const block = page.locator(`[id="${href!.split('#')[1]}"]`);
    expect(await block.locator(`a[href="${m.url}"]`).count()).toBe(1);
    expect(await page.locator(`a[href="/docs/${PLAN}/source/#L${m.sourceLines[0]}"], a[href="source/#L${m.sourceLines[0]}"]`).count()).toBeGreaterThan(0);
  });
});

describe('/timeline/', () => {
  const mss = entity('agency', 'mss');

  test.runIf(mss)('?agency=mss&lineage=1 shows the items of 중소벤처기업부 and of its earlier name 중소기업청, in date order', async () => {
    await page.goto(`${base}/timeline/?agency=mss&lineage=1`);
    // The lineage the page uses is the registry's: it holds 중소기업청 (smba).
    const lineage = (await page.locator('select[name="agency"] option[value="mss"]').getAttribute('data-lineage'))!.split(' ');
    expect(lineage).toEqual(expect.arrayContaining(['smba', 'mss']));
    const expected = timeline.filter((t) => t.agencies.some((a) => lineage.includes(a)));
    expect(expected.length).toBeGreaterThan(0);
    const shown = await shownIds(page, '#timeline-items .tl-item');
    expect(shown).toEqual(expected.map((t) => t.url));
    // The 2006 thesis speaks of 중소기업청: when one of its dated items involves it, it is shown.
    const thesisSmba = expected.filter((t) => t.documentId === THESIS && t.agencies.includes('smba'));
    for (const t of thesisSmba) expect(shown).toContain(t.url);
    expect(await page.locator('[data-filter-status]').innerText()).toContain(`${expected.length}건`);
    expect(await page.locator('input[name="lineage"]').isChecked()).toBe(true);
    expect(await page.locator('[data-filter-nojs]').isHidden()).toBe(true);
  });

  test.runIf(mss)('without lineage=1 the earlier name’s items are left out; changing a filter updates the URL', async () => {
    await page.goto(`${base}/timeline/?agency=mss`);
    const expected = timeline.filter((t) => t.agencies.includes('mss'));
    expect(await shownIds(page, '#timeline-items .tl-item')).toEqual(expected.map((t) => t.url));
    await page.locator('select[name="kind"]').selectOption('target');
    expect(new URL(page.url()).search).toBe('?agency=mss&kind=target');
    const targets = expected.filter((t) => t.kind === 'target');
    expect(await shownIds(page, '#timeline-items .tl-item')).toEqual(targets.map((t) => t.url));
    // A year with nothing left is hidden.
    const visibleYears = await page.$$eval('#timeline-items .tl-year', (ss) => ss.filter((s) => !(s as HTMLElement).hidden).length);
    expect(visibleYears).toBe(new Set(targets.map((t) => t.date.start.slice(0, 4))).size);
    await page.locator('select[name="agency"]').selectOption('');
    expect(new URL(page.url()).search).toBe('?kind=target');
  });

  test('filter by document', async () => {
    await page.goto(`${base}/timeline/?doc=${PRESS}`);
    expect(await shownIds(page, '#timeline-items .tl-item')).toEqual(timeline.filter((t) => t.documentId === PRESS).map((t) => t.url));
  });

  test('every dated item is listed in date order, each with a link to its block', async () => {
    await page.goto(`${base}/timeline/`);
    expect(await shownIds(page, '#timeline-items .tl-item')).toEqual(timeline.map((t) => t.url));
    const starts = timeline.map((t) => t.date.start);
    expect(starts).toEqual([...starts].sort());
  });

  test('without JavaScript the whole list shows, with a note, and no filter form', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(`${base}/timeline/?agency=mss&lineage=1`);
    expect(await p.locator('#timeline-items .tl-item').count()).toBe(timeline.length);
    expect(await p.locator('[data-filter-nojs]').isVisible()).toBe(true);
    expect(await p.locator('form[data-filter]').isHidden()).toBe(true);
    await context.close();
  });
});

describe('/measures/', () => {
  test('lists every measure, grouped by document', async () => {
    await page.goto(`${base}/measures/`);
    const hrefs = await page.$$eval('#measure-groups .measure-card-title a', (as) => as.map((a) => a.getAttribute('href')));
    expect([...hrefs].sort()).toEqual(measures.map((m) => m.url).sort());
  });

  const agency = [...new Set(measures.flatMap((m) => m.agencies))].sort((a, b) => measures.filter((m) => m.agencies.includes(b)).length - measures.filter((m) => m.agencies.includes(a)).length)[0];

  test.runIf(agency)('?agency= filters with JavaScript; without it, a <details> per agency lists its measures', async () => {
    const expected = measures.filter((m) => m.agencies.includes(agency!)).map((m) => m.url).sort();
    await page.goto(`${base}/measures/?agency=${agency}`);
    const shown = await page.$$eval('#measure-groups .measure-card', (cards) => cards.filter((c) => !(c as HTMLElement).closest('[hidden]')).map((c) => c.querySelector('a')!.getAttribute('href')));
    expect([...shown].sort()).toEqual(expected);

    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(`${base}/measures/`);
    await p.locator(`#agency-${agency} summary`).click();
    const listed = await p.$$eval(`#agency-${agency} .measure-card-title a`, (as) => as.map((a) => a.getAttribute('href')));
    expect([...listed].sort()).toEqual(expected);
    expect(await p.locator('[data-filter-nojs]').isVisible()).toBe(true);
    await context.close();
  });
});

describe('links into the knowledge pages', () => {
  test('every measure block on a document page links to its measure page', async () => {
    const missing: string[] = [];
    for (const doc of new Set(measures.map((m) => m.documentId))) {
      await page.goto(`${base}/docs/${doc}/`);
      const rows = measures.filter((m) => m.documentId === doc).map((m) => ({ url: m.url, id: m.id }));
      const anchors = await page.evaluate(
        (rows) => rows.filter((r) => !document.querySelector(`.doc-body a[href="${r.url}"]`)).map((r) => r.id),
        rows,
      );
      missing.push(...anchors);
    }
    expect(missing).toEqual([]);
  });

  test('a document page has its timeline, collapsed, with every dated item', async () => {
    await page.goto(`${base}/docs/${PLAN}/`);
    const box = page.locator('details#doc-timeline');
    expect(await box.getAttribute('open')).toBeNull();
    expect(await box.locator('.tl-item').count()).toBe(timeline.filter((t) => t.documentId === PLAN).length);
  });

  test.runIf(tips)('the TIPS programme page lists the measure and its dates', async () => {
    await page.goto(`${base}${entity('program', 'tips')!.url}`);
    expect(await page.locator(`#measures a[href="${tips!.url}"]`).count()).toBe(1);
    expect(await page.locator('#timeline .tl-item').count()).toBeGreaterThanOrEqual(tips!.dates.length);
  });
});

describe('cases', () => {
  test('/data/entities.json holds the cases, and /cases/ lists each', async () => {
    expect(cases.length).toBeGreaterThan(0);
    await page.goto(`${base}/cases/`);
    const hrefs = await page.$$eval('main .measure-card-title a', (as) => as.map((a) => a.getAttribute('href')));
    expect([...hrefs].sort()).toEqual(cases.map((c) => c.url).sort());
  });

  const withPlace = cases.find((c) => c.url.includes(PLAN));

  test.runIf(withPlace)('a case page links its block and its places first; the places link back to it', async () => {
    const c = withPlace!;
    await page.goto(`${base}${c.url}`);
    expect(await page.locator('h1').innerText()).toBe(c.name);
    expect(await page.locator('a.button-link').getAttribute('href')).toBe(c.mentions[0]!.url);
    expect(await page.locator('.measure-facts dt').nth(1).innerText()).toBe('장소');
    const place = await page.locator('.measure-facts dd').nth(1).locator('a').first().getAttribute('href');
    await page.goto(`${base}${place}`);
    expect(await page.locator(`#cases a[href="${c.url}"]`).count()).toBe(1);
  });
});

describe('accessibility of the knowledge pages', () => {
  const pages = [...(tips ? [tips.url] : measures.slice(0, 1).map((m) => m.url)), '/measures/', '/timeline/', '/timeline/?agency=mss&lineage=1', '/cases/', ...cases.slice(0, 2).map((c) => c.url)];
  test.each(pages)('axe-core finds no serious or critical violation on %s', async (url) => {
    await page.goto(`${base}${url}`);
    expect(await axeViolations(page)).toEqual([]);
  });

  test.runIf(tips)('phone width: the measure page does not scroll sideways', async () => {
    const p = await browser.newPage({ viewport: { width: 375, height: 800 } });
    for (const url of [tips!.url, '/timeline/', '/measures/']) {
      await p.goto(`${base}${url}`);
      expect(await p.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(375);
    }
    await p.close();
  });
});
