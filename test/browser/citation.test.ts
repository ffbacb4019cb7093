/**
 * Citation (product.md "Citation"): the metadata reference managers read, the cite panel with
 * and without JavaScript, its copy buttons by mouse and keyboard, accessibility, and print.
 * Subjects are picked from the /data/ exports of the built site.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launch } from './browser.ts';

const base = inject('baseUrl');
const dist = path.resolve(import.meta.dirname, '../../dist');
const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(dist, 'data', file), 'utf8')) as T;

interface DocumentRow {
  id: string;
  title: string;
  kind: string;
  issued: string | null;
  publishers: string[];
  url: string;
}
interface MeasureRow {
  id: string;
  documentId: string;
  label: string;
  url: string;
  agencies: string[];
}
interface EntityRow {
  id: string;
  type: string;
  name: string;
  url: string;
}
const documents = read<DocumentRow[]>('documents.json');
const measures = read<MeasureRow[]>('measures.json');
const entities = read<EntityRow[]>('entities.json');

const KB = '클러스터 정책 지식베이스';
const PRESS = '2023-06-01-moef-global-cluster-press';
const press = documents.find((d) => d.id === PRESS)!;
/** A measure of the press release that names an agency (so its agencies and its authors differ in kind). */
const measure = measures.find((m) => m.documentId === PRESS && m.agencies.length > 0) ?? measures.find((m) => m.documentId === PRESS)!;
const mss = entities.find((e) => e.type === 'agency' && e.id === 'mss')!;
/** documents.json names a publisher by its agency id when the registry knows it. */
const publisherName = (p: string) => entities.find((e) => e.type === 'agency' && e.id === p)?.name ?? p;

/** The document date as Highwire (`YYYY/MM/DD` or `YYYY`), Dublin Core and schema.org (ISO) write it. */
function expectedDates(issued: string | null) {
  if (!issued) return { highwire: undefined, iso: undefined };
  return { highwire: /^\d{4}-\d{2}-\d{2}$/.test(issued) ? issued.replaceAll('-', '/') : issued.slice(0, 4), iso: issued };
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

/* ---------------------------------------------------------------------------------------- */
/* Embedded metadata, read the way Zotero's "Embedded Metadata" translator reads it           */
/* ---------------------------------------------------------------------------------------- */

interface Embedded {
  canonical: string | null;
  metas: [string, string][];
  ld: Record<string, unknown>[];
}

/** The <head> of the built HTML, parsed by the browser with JavaScript off (as a translator sees it). */
async function embedded(url: string): Promise<Embedded> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const p = await context.newPage();
  await p.goto(`${base}${url}`);
  const result = await p.evaluate(() => ({
    canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
    metas: [...document.head.querySelectorAll('meta[name][content]')].map((m) => [m.getAttribute('name')!, m.getAttribute('content')!] as [string, string]),
    ld: [...document.head.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? 'null') as Record<string, unknown>),
  }));
  await context.close();
  return result;
}

interface Item {
  title?: string;
  creators: string[];
  date?: string;
  url?: string;
}

/**
 * Each layer on its own, then merged the way the translator does: Highwire `citation_*` first
 * (authors split on `;`, or on `,` only when both sides hold a space), then Dublin Core, then
 * schema.org JSON-LD for what is still missing.
 */
function readItem(e: Embedded): { highwire: Item; dc: Item; jsonld: Item; merged: Item } {
  const all = (name: string) => e.metas.filter(([n]) => n === name).map(([, v]) => v);
  const one = (name: string) => all(name)[0];
  const splitAuthors = (values: string[]) =>
    values.flatMap((v) => {
      const bySemicolon = v.split(/\s*;\s*/);
      if (bySemicolon.length > 1) return bySemicolon;
      const byComma = v.split(/\s*,\s*/);
      return byComma.length > 1 && byComma[0]!.includes(' ') && byComma[1]!.includes(' ') ? byComma : [v];
    }).filter((a) => /[^\s,.;-]/.test(a));
  const highwire: Item = { title: one('citation_title'), creators: splitAuthors(all('citation_author')), date: one('citation_publication_date') ?? one('citation_date'), url: one('citation_public_url') };
  const dc: Item = { title: one('DC.title'), creators: all('DC.creator'), date: one('DC.date'), url: one('DC.identifier') };
  const node = e.ld[0] ?? {};
  const authors = (Array.isArray(node.author) ? node.author : node.author ? [node.author] : []) as { name: string }[];
  const jsonld: Item = { title: node.name as string | undefined, creators: authors.map((a) => a.name), date: node.datePublished as string | undefined, url: node.url as string | undefined };
  const merged: Item = {
    title: highwire.title ?? dc.title ?? jsonld.title,
    creators: highwire.creators.length > 0 ? highwire.creators : dc.creators.length > 0 ? dc.creators : jsonld.creators,
    date: highwire.date ?? dc.date ?? jsonld.date,
    url: highwire.url ?? dc.url ?? jsonld.url,
  };
  return { highwire, dc, jsonld, merged };
}

describe('embedded metadata (Highwire, Dublin Core, schema.org), as Zotero reads it', () => {
  test(`a measure page: ${measure.url}`, async () => {
    const e = await embedded(measure.url);
    const { highwire, dc, jsonld, merged } = readItem(e);
    const authors = press.publishers.map(publisherName);
    const dates = expectedDates(press.issued);
    expect(authors).toEqual(['기획재정부']);
    // Permalinks come from the same `site` as the canonical URL.
    expect(e.canonical).not.toBeNull();
    expect(new URL(e.canonical!).pathname).toBe(measure.url);
    expect(merged).toEqual({ title: measure.label, creators: authors, date: dates.highwire, url: e.canonical });
    expect(dc).toEqual({ title: measure.label, creators: authors, date: dates.iso, url: e.canonical });
    expect(jsonld).toEqual({ title: measure.label, creators: authors, date: dates.iso, url: e.canonical });
    expect(highwire.creators).toEqual(authors);
    const meta = (n: string) => e.metas.filter(([k]) => k === n).map(([, v]) => v);
    expect(meta('citation_book_title')).toEqual([press.title]);
    expect(meta('citation_language')).toEqual(['ko']);
    expect(meta('DC.language')).toEqual(['ko']);
    expect(meta('citation_abstract_html_url')).toEqual([e.canonical]);
    // The measure is part of its document; the agencies it names are what it is about, not its authors.
    expect(e.ld).toHaveLength(1);
    expect(e.ld[0]).toMatchObject({ '@context': 'https://schema.org', '@type': 'CreativeWork', isPartOf: { name: press.title, url: new URL(press.url, e.canonical!).href } });
    if (measure.agencies.length > 0) {
      const about = (e.ld[0]!.about as { name: string }[]).map((a) => a.name);
      expect(about).toEqual(measure.agencies.map((id) => publisherName(id)));
    }
  });

  test.each(documents.map((d) => [d.url, d] as const))('a document page: %s', async (url, d) => {
    const e = await embedded(url);
    const { dc, jsonld, merged } = readItem(e);
    const dates = expectedDates(d.issued);
    expect(merged.title).toBe(d.title);
    expect(merged.date).toBe(dates.highwire);
    expect(merged.url).toBe(e.canonical);
    expect(new URL(e.canonical!).pathname).toBe(d.url);
    expect(dc.date).toBe(dates.iso);
    expect(jsonld.date).toBe(dates.iso);
    // Authors: the metadata's authors when named, otherwise its publishers; the same in every layer.
    expect(dc.creators).toEqual(merged.creators);
    expect(jsonld.creators).toEqual(merged.creators);
    if (d.id === PRESS) expect(merged.creators).toEqual(['기획재정부']);
    if (d.id === '2010-mke-industrial-complex-cluster') expect(merged.creators).toEqual(d.publishers.map(publisherName));
    if (d.id === '2002-11-01-seri-bio-cluster-strategy') expect(merged.creators).toEqual(['고유상']);
    if (d.id === '2006-thesis-innovation-cluster-gri-sme') expect(merged.creators).toEqual([]);
    expect(['Report', 'NewsArticle', 'Thesis', 'CreativeWork']).toContain(e.ld[0]!['@type']);
  });

  test(`an entity page: ${mss.url}`, async () => {
    const e = await embedded(mss.url);
    const { dc, jsonld, merged } = readItem(e);
    expect(merged).toEqual({ title: mss.name, creators: [KB], date: undefined, url: e.canonical });
    expect(dc).toEqual({ title: mss.name, creators: [KB], date: undefined, url: e.canonical });
    expect(jsonld).toEqual({ title: mss.name, creators: [KB], date: undefined, url: e.canonical });
    expect(e.ld[0]).toMatchObject({ '@type': 'WebPage', about: [{ '@type': 'GovernmentOrganization', name: mss.name }] });
  });

  test('every document, measure, entity and case page has one parseable JSON-LD block, citation_* and DC tags, and no inline executable script', () => {
    const roots = ['docs', 'measures', 'agencies', 'laws', 'programs', 'places', 'organizations', 'cases'];
    const pages = roots.flatMap((root) =>
      readdirSync(path.join(dist, root))
        .filter((name) => statSync(path.join(dist, root, name)).isDirectory())
        .map((name) => path.join(dist, root, name, 'index.html')),
    );
    expect(pages.length).toBeGreaterThan(300);
    const problems: string[] = [];
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const where = path.relative(dist, file);
      // A redirect page (content/redirects.yaml) for a moved URL is not a document page.
      if (html.includes('http-equiv="refresh"')) continue;
      const head = html.slice(0, html.indexOf('</head>'));
      const ld = [...head.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)];
      if (ld.length !== 1) problems.push(`${where}: ${ld.length} JSON-LD blocks`);
      else {
        try {
          JSON.parse(ld[0]![1]!);
        } catch {
          problems.push(`${where}: JSON-LD does not parse`);
        }
      }
      for (const name of ['citation_title', 'citation_public_url', 'citation_language', 'DC.title', 'DC.identifier', 'DC.language', 'DC.type']) {
        if (!head.includes(`<meta name="${name}" content="`)) problems.push(`${where}: no ${name}`);
      }
      for (const id of ['cite-url', 'cite-korean', 'cite-apa', 'cite-bibtex', 'cite-ris', 'cite-csl']) if (!html.includes(`id="${id}"`)) problems.push(`${where}: no #${id}`);
      for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
        const attrs = m[1]!;
        if (!/\bsrc=/.test(attrs) && !/type="application\/ld\+json"/.test(attrs)) problems.push(`${where}: inline script <script${attrs}>`);
      }
      if (/\son[a-z]+="/i.test(html)) problems.push(`${where}: inline event handler`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});

/* ---------------------------------------------------------------------------------------- */
/* The cite panel                                                                           */
/* ---------------------------------------------------------------------------------------- */

const FORMATS = ['cite-url', 'cite-korean', 'cite-apa', 'cite-bibtex', 'cite-ris', 'cite-csl'] as const;

/** The texts of the panel, as the server wrote them. */
async function panelTexts(p: Page): Promise<Record<string, string>> {
  return p.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, document.getElementById(id)?.textContent ?? ''])), [...FORMATS]);
}

async function clipboardContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  return context;
}

describe('the cite panel', () => {
  test.each([measure.url, press.url, mss.url])('without JavaScript, %s shows every format once the panel is opened; copy buttons stay hidden', async (url) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(`${base}${url}`);
    const panel = p.locator('details.cite-panel');
    expect(await panel.count()).toBe(1);
    await p.locator('details.cite-panel > summary').click();
    expect(await panel.getAttribute('open')).not.toBeNull();
    const text = await panel.innerText();
    const canonical = await p.getAttribute('link[rel="canonical"]', 'href');
    expect(text).toContain(canonical!);
    for (const label of ['고정 주소', '한국어 참고문헌', 'APA 7', 'BibTeX', 'RIS', 'CSL-JSON']) expect(text).toContain(label);
    expect(text).toContain(`${KB}`);
    expect(text).toMatch(/@misc\{kb-/);
    expect(text).toMatch(/^TY {2}- /m);
    expect(text).toMatch(/^ER {2}- ?$/m);
    expect(text).toContain('"URL": ');
    if (url === measure.url) {
      expect(text).toContain(`기획재정부 (2023. 6. 1.). “${measure.label}”. 「${press.title}」. 보도자료. ${KB}. ${canonical}`);
      expect(text).toContain(`기획재정부. (2023, June 1). ${measure.label}. In ${press.title} [Press release]. ${KB}. ${canonical}`);
    }
    if (url === mss.url) expect(text).toContain(`${KB}. (n.d.). ${mss.name} [Agency entry]. ${canonical}`);
    // The CSL-JSON block is JSON.
    const texts = await panelTexts(p);
    expect(JSON.parse(texts['cite-csl']!)[0]).toMatchObject({ URL: canonical });
    expect(await p.locator('.copy-button').count()).toBeGreaterThanOrEqual(6);
    expect(await p.locator('.copy-button:visible').count()).toBe(0);
    await context.close();
  });

  test('a copy button puts its block’s text on the clipboard and says so; a heading’s # link copies its absolute permalink', async () => {
    const context = await clipboardContext();
    const p = await context.newPage();
    await p.goto(`${base}${measure.url}`);
    await p.locator('details.cite-panel > summary').click();
    const texts = await panelTexts(p);
    for (const id of ['cite-bibtex', 'cite-korean', 'cite-url'] as const) {
      await p.locator(`button[data-copy-from="${id}"]`).click();
      await expect.poll(() => p.evaluate(() => navigator.clipboard.readText())).toBe(texts[id]);
    }
    expect(texts['cite-bibtex']).toMatch(/^@misc\{kb-measures-/);
    await expect.poll(() => p.locator('#copy-status').textContent()).toContain('고정 주소');

    // Document page: every heading and paragraph has an in-page # link; a click copies the absolute URL.
    await p.goto(`${base}${press.url}`);
    const missing = await p.$$eval('.doc-body .heading > :is(h2, h3, h4, h5, h6)[id], .doc-body .para[id]', (els) =>
      els.filter((el) => {
        const holder = el.closest('.heading, .para')!;
        return !holder.querySelector(`:scope > .block-tools a.anchor[href="#${CSS.escape(el.id)}"]`);
      }).map((el) => el.id),
    );
    expect(missing).toEqual([]);
    const heading = p.locator('.doc-body .heading').first();
    const id = await heading.locator(':is(h2, h3, h4, h5, h6)').getAttribute('id');
    await heading.locator('a.anchor').click();
    await expect.poll(() => p.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`${press.url}#${id}`, base).href);
    await context.close();
  });

  test('a document page cites each top-level section at its anchor; arriving inside a section opens its citation', async () => {
    const plan = documents.find((d) => d.id === '2023-delco-global-cluster-plan-summary')!;
    const context = await clipboardContext();
    const p = await context.newPage();
    await p.goto(`${base}${plan.url}`);
    const sections = await p.$$eval('details.cite-section', (els) =>
      els.map((el) => ({ anchor: (el as HTMLElement).dataset.section!, title: el.querySelector('summary')!.textContent!, text: el.textContent! })),
    );
    expect(sections.map((s) => s.anchor)).toEqual(['IV', 'IV-1', 'IV-2']);
    const canonical = (await p.getAttribute('link[rel="canonical"]', 'href'))!;
    for (const s of sections) {
      // The anchor is a heading on this page, and the citation names it and its document.
      const heading = (await p.locator(`[id="${s.anchor}"]`).textContent())!.replace(/\s+/g, ' ');
      expect(heading).toContain(s.title.replace(/^\S+\s/, ''));
      const url = `${canonical}#${s.anchor}`;
      expect(s.text).toContain(`“${s.title}”. 「${plan.title}」.`);
      expect(s.text).toContain(url);
      expect(s.text).toMatch(/TY {2}- CHAP/);
    }
    // Arriving at the second section opens its citation only; following a link into the first reopens there.
    await p.goto(`${base}${plan.url}#IV-2`);
    const open = () => p.$$eval('details.cite-section[open]', (els) => els.map((el) => (el as HTMLElement).dataset.section));
    expect(await open()).toEqual(['IV-2']);
    const inFirst = await p.evaluate(() => {
      const start = document.getElementById('IV-1')!;
      const end = document.getElementById('IV-2')!;
      return [...document.querySelectorAll('.para[id]')].find((el) => start.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && el.compareDocumentPosition(end) & Node.DOCUMENT_POSITION_FOLLOWING)!.id;
    });
    await p.evaluate((id) => (window.location.hash = id), inFirst);
    await expect.poll(open).toContain('IV-1');
    // Its copy buttons copy the section's own texts.
    await p.locator('details.cite-panel > summary').click();
    await p.locator('details.cite-section[data-section="IV-1"] button[data-copy-from$="-url"]').click();
    await expect.poll(() => p.evaluate(() => navigator.clipboard.readText())).toBe(`${canonical}#IV-1`);
    await context.close();
  });

  test('keyboard only: Tab reaches the summary, Enter opens it, Tab reaches each copy button, Enter and Space copy', async () => {
    const context = await clipboardContext();
    const p = await context.newPage();
    await p.goto(`${base}${measure.url}`);
    const isFocused = (selector: string) => p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
    let tabs = 0;
    while (!(await isFocused('details.cite-panel > summary')) && tabs < 300) {
      await p.keyboard.press('Tab');
      tabs++;
    }
    expect(await isFocused('details.cite-panel > summary')).toBe(true);
    await p.keyboard.press('Enter');
    expect(await p.locator('details.cite-panel').getAttribute('open')).not.toBeNull();
    const texts = await panelTexts(p);
    const order: string[] = [];
    const buttons = await p.locator('details.cite-panel .copy-button').count();
    for (let i = 0; i < buttons; i++) {
      await p.keyboard.press('Tab');
      order.push(await p.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.copyFrom ?? document.activeElement?.tagName ?? ''));
    }
    expect(order.filter((id) => (FORMATS as readonly string[]).includes(id))).toEqual(['cite-url', 'cite-korean', 'cite-apa', 'cite-bibtex', 'cite-ris', 'cite-csl']);
    // Back to the APA button (Shift+Tab from CSL-JSON over RIS and BibTeX): Space copies it;
    // then on to the RIS button: Enter copies it.
    expect(await isFocused('button[data-copy-from="cite-csl"]')).toBe(true);
    for (let i = 0; i < 3; i++) await p.keyboard.press('Shift+Tab');
    expect(await isFocused('button[data-copy-from="cite-apa"]')).toBe(true);
    await p.keyboard.press('Space');
    await expect.poll(() => p.evaluate(() => navigator.clipboard.readText())).toBe(texts['cite-apa']);
    await p.keyboard.press('Tab');
    await p.keyboard.press('Tab');
    expect(await isFocused('button[data-copy-from="cite-ris"]')).toBe(true);
    await p.keyboard.press('Enter');
    await expect.poll(() => p.evaluate(() => navigator.clipboard.readText())).toBe(texts['cite-ris']);
    // The focused button is visible (has a focus outline, not hidden).
    expect(await p.locator('button[data-copy-from="cite-ris"]').isVisible()).toBe(true);
    await context.close();
  });

  test.each([measure.url, press.url, mss.url])('axe-core finds no serious or critical violation on %s with the panel open', async (url) => {
    // axe is injected as an inline script, which the pages' Content-Security-Policy forbids.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const p = await context.newPage();
    await p.goto(`${base}${url}`);
    await p.locator('details.cite-panel > summary').click();
    await p.waitForLoadState('networkidle');
    expect(await p.locator('details.cite-panel .copy-button:visible').count()).toBeGreaterThanOrEqual(6);
    expect(await axeViolations(p)).toEqual([]);
    await context.close();
  });
});

/* ---------------------------------------------------------------------------------------- */
/* Print                                                                                    */
/* ---------------------------------------------------------------------------------------- */

describe('print', () => {
  afterAll(async () => {
    await page.emulateMedia({ media: 'screen' });
  });

  test.each([measure.url, press.url])('%s prints the Korean reference and the permalink, and the address after each link', async (url) => {
    await page.goto(`${base}${url}`);
    const korean = await page.locator('#cite-korean').textContent();
    const canonical = await page.getAttribute('link[rel="canonical"]', 'href');
    // On screen the print copy is hidden (also from assistive technology).
    expect(await page.locator('.cite-print').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const block = document.querySelector<HTMLElement>('.cite-print')!;
      const after = (el: Element | null) => (el ? getComputedStyle(el, '::after').content : null);
      const internal = [...document.querySelectorAll('main a[href^="/"]:not(.mention, .badge)')].find((a) => getComputedStyle(a).display !== 'none' && (a as HTMLElement).offsetParent !== null);
      return {
        display: getComputedStyle(block).display,
        text: block.innerText,
        panel: getComputedStyle(document.querySelector('.cite-panel')!).display,
        internalHref: internal?.getAttribute('href') ?? null,
        internalAfter: after(internal ?? null),
        hashAfter: after(document.querySelector('main a[href^="#"]')),
        mentionAfter: after(document.querySelector('main a.mention')),
        skipAfter: after(document.querySelector('.skip-link')),
        buttons: [...document.querySelectorAll('.copy-button')].filter((b) => getComputedStyle(b).display !== 'none').length,
      };
    });
    await page.emulateMedia({ media: 'screen' });
    expect(printed.display).not.toBe('none');
    expect(printed.panel).toBe('none');
    expect(printed.text).toContain(korean!);
    expect(printed.text).toContain(canonical!);
    expect(printed.internalHref).not.toBeNull();
    expect(printed.internalAfter).toContain(printed.internalHref);
    expect(printed.internalAfter).toMatch(/^" <.*>"$/);
    if (url === press.url) expect(printed.hashAfter).toBe('none');
    expect(printed.skipAfter).toBe('none');
    if (url === press.url) expect(printed.mentionAfter).toBe('none');
    expect(printed.buttons).toBe(0);
  });
});
