import type { EntityRow } from '../../src/site/lib/data-export.ts';
/**
 * Entity pages, the glossary and the mention links in documents. Data-driven: the registry
 * (content/registry/) grows, so the assertions pick their subjects from /data/entities.json;
 * the named cases at the end run once the registry holds those agencies.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launch } from './browser.ts';

const base = inject('baseUrl');
const dist = path.resolve(import.meta.dirname, '../../dist');

const entities: EntityRow[] = JSON.parse(readFileSync(path.join(dist, 'data/entities.json'), 'utf8'));
const byName = (name: string, type = 'agency') => entities.find((e) => e.type === type && e.name === name);
const mostMentioned = (type: string) => entities.filter((e) => e.type === type && e.mentions.length > 0).sort((a, b) => b.mentions.length - a.mentions.length || a.id.localeCompare(b.id))[0];
const topAgency = mostMentioned('agency');
const topTerm = mostMentioned('term');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

/** The name and description Chromium exposes to assistive technology for the first match. */
async function accessible(p: Page, selector: string): Promise<{ name: string; description: string }> {
  const cdp = await p.context().newCDPSession(p);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await cdp.detach();
  return { name: String(nodes[0]?.name?.value ?? ''), description: String(nodes[0]?.description?.value ?? '') };
}

/** Mention links of an entity page's own "언급" section. */
const mentionHrefs = (p: Page) => p.$$eval('#mentions a.mention-excerpt', (as) => as.map((a) => a.getAttribute('href')!));

describe('entity pages', () => {
  test('the index pages list every entity of their type', async () => {
    for (const [type, index] of [['agency', '/agencies/'], ['law', '/laws/'], ['program', '/programs/'], ['place', '/places/'], ['organization', '/organizations/']] as const) {
      await page.goto(`${base}${index}`);
      const links = new Set(await page.$$eval('main a', (as) => as.map((a) => a.getAttribute('href'))));
      const missing = entities.filter((e) => e.type === type && !links.has(e.url)).map((e) => e.url);
      expect(missing, index).toEqual([]);
    }
  });

  test.runIf(topAgency)('the most mentioned agency lists every mention, grouped by document, and each link lands on its block', async () => {
    const agency = topAgency!;
    await page.goto(`${base}${agency.url}`);
    expect(await page.locator('h1').innerText()).toBe(agency.name);
    const hrefs = await mentionHrefs(page);
    expect(hrefs).toHaveLength(agency.mentions.length);
    expect([...hrefs].sort()).toEqual(agency.mentions.map((m) => m.url).sort());
    // One group per document, titled by a link to the document.
    const documents = [...new Set(agency.mentions.map((m) => m.documentId))];
    const titles = await page.$$eval('#mentions .mention-doc a', (as) => as.map((a) => a.getAttribute('href')));
    expect(titles.sort()).toEqual(documents.map((d) => `/docs/${d}/`).sort());
    // Every mention link resolves to an element of its document page.
    for (const doc of documents) {
      const anchors = [...new Set(hrefs.filter((h) => h.startsWith(`/docs/${doc}/#`)).map((h) => decodeURIComponent(h.split('#')[1]!)))];
      await page.goto(`${base}/docs/${doc}/`);
      const missing = await page.evaluate((ids) => ids.filter((id) => !document.getElementById(id)), anchors);
      expect(missing, doc).toEqual([]);
    }
  });

  test.runIf(topAgency)('a mention in a document links to its entity page, with a tooltip on focus that is its description', async () => {
    const agency = topAgency!;
    const doc = agency.mentions[0]!.documentId;
    await page.goto(`${base}/docs/${doc}/`);
    const selector = `.doc-body a.mention[href="${agency.url}"]`;
    const link = page.locator(selector).first();
    expect(await link.count()).toBe(1);
    // Keyboard focus shows the tooltip (CSS :focus-visible), which names the entity and its type.
    const tip = link.locator('.mention-tip');
    expect(await tip.isVisible()).toBe(false);
    await page.keyboard.press('Tab'); // leave the mouse modality so :focus-visible applies
    await link.focus();
    expect(await tip.isVisible()).toBe(true);
    const tipText = await tip.innerText();
    expect(tipText).toContain(`${agency.name} · 기관`);
    // Screen readers hear the text as written as the name and the tooltip text once, as description.
    const { name, description } = await accessible(page, selector);
    expect(name).toBe((await link.innerText()).replace(tipText, '').trim());
    expect(description).toBe(tipText);
    expect(await tip.getAttribute('data-pagefind-ignore')).not.toBeNull();
    await link.click();
    await page.waitForURL(`${base}${agency.url}`);
    expect(await page.locator('h1').innerText()).toBe(agency.name);
  });

  test('a renamed agency: its page shows the whole lineage, and mentions of its other names', async () => {
    const renamed = entities
      .filter((e) => e.type === 'agency' && e.successors && e.successors.length > 0)
      .map((e) => ({ e, successor: entities.find((s) => s.type === 'agency' && s.id === e.successors![0]!.id)! }))
      .find(({ e, successor }) => e.mentions.length > 0 && successor);
    if (!renamed) return;
    const { e, successor } = renamed;
    await page.goto(`${base}${successor.url}`);
    const lineage = await page.$$eval('#names .lineage-name', (ps) => ps.map((p) => p.textContent ?? ''));
    expect(lineage.some((t) => t.includes(e.name))).toBe(true);
    expect(await page.locator('#names [aria-current="page"]').innerText()).toContain(successor.name);
    const other = await page.$$eval('#lineage-mentions a.mention-excerpt', (as) => as.map((a) => a.getAttribute('href')));
    for (const m of e.mentions) expect(other).toContain(m.url);
  });

  test('an unknown 「…」 title is marked but not a link', async () => {
    await page.goto(`${base}/docs/2023-delco-global-cluster-plan-summary/`);
    const unknown = page.locator('.doc-body .mention-unknown').first();
    if ((await unknown.count()) === 0) return;
    expect(await unknown.evaluate((el) => el.tagName)).toBe('SPAN');
    expect(await unknown.locator('.mention-tip').getAttribute('aria-hidden')).toBe('true');
    await unknown.hover();
    expect(await unknown.locator('.mention-tip').innerText()).toBe('등록되지 않은 법령·계획');
  });

  test.runIf(topTerm)('the glossary has an entry per term, with its definition and mentions', async () => {
    await page.goto(`${base}/glossary/`);
    const ids = await page.$$eval('article.term', (as) => as.map((a) => a.id));
    expect(ids.sort()).toEqual(entities.filter((e) => e.type === 'term').map((e) => e.id).sort());
    const term = page.locator(`article.term[id="${topTerm!.id}"]`);
    expect((await term.locator('.term-definition').innerText()).length).toBeGreaterThan(0);
    const hrefs = await term.locator('a.mention-excerpt').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual(topTerm!.mentions.map((m) => m.url).sort());
  });
});

describe('the registry of the corpus', () => {
  const patentOffice = byName('특허청');
  const ipOffice = byName('지식재산처');
  const smba = byName('중소기업청');
  const mss = byName('중소벤처기업부');

  test.runIf(patentOffice && ipOffice)('특허청 lists its mentions in the 2023 plan and press release and names 지식재산처 as its successor', async () => {
    await page.goto(`${base}${patentOffice!.url}`);
    const docs = await page.$$eval('#mentions .mention-doc a', (as) => as.map((a) => a.getAttribute('href')));
    expect(docs).toContain('/docs/2023-delco-global-cluster-plan-summary/');
    expect(docs).toContain('/docs/2023-06-01-moef-global-cluster-press/');
    expect(await page.locator(`.entity-facts a[href="${ipOffice!.url}"]`).count()).toBeGreaterThan(0);
    expect(await page.locator('#names .lineage-name').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('지식재산처')]));
  });

  test.runIf(smba && mss)('중소기업청: its lineage includes 중소벤처기업부, whose page shows 중소기업청 in the 2006 thesis', async () => {
    await page.goto(`${base}${smba!.url}`);
    expect(await page.locator(`#names a[href="${mss!.url}"]`).count()).toBe(1);
    await page.goto(`${base}${mss!.url}`);
    const other = await page.$$eval('#lineage-mentions a.mention-excerpt', (as) => as.map((a) => a.getAttribute('href')));
    expect(other.some((h) => h?.startsWith('/docs/2006-thesis-innovation-cluster-gri-sme/#'))).toBe(true);
  });
});

describe('accessibility of the entity pages', () => {
  const pages = ['/agencies/', '/glossary/', '/laws/', '/data/', ...(topAgency ? [topAgency.url] : [])];
  test.each(pages)('axe-core finds no serious or critical violation on %s', async (url) => {
    await page.goto(`${base}${url}`);
    expect(await axeViolations(page)).toEqual([]);
  });

  test.runIf(topAgency)('with JavaScript off, the mention tooltip still shows on keyboard focus', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    const doc = topAgency!.mentions[0]!.documentId;
    await p.goto(`${base}/docs/${doc}/`);
    const link = p.locator(`.doc-body a.mention[href="${topAgency!.url}"]`).first();
    await p.keyboard.press('Tab');
    await link.focus();
    expect(await link.locator('.mention-tip').isVisible()).toBe(true);
    await context.close();
  });

  test('print hides the tooltips', async () => {
    const doc = topAgency?.mentions[0]?.documentId ?? '2023-delco-global-cluster-plan-summary';
    await page.goto(`${base}/docs/${doc}/`);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.$$eval('.mention-tip', (tips) => tips.filter((t) => getComputedStyle(t).display !== 'none').length);
    await page.emulateMedia({ media: 'screen' });
    expect(shown).toBe(0);
  });
});
