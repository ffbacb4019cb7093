/**
 * Nothing lost, checked on what the reader sees (issue 11, item 3): the compiler's coverage
 * check proves every source character reaches the document tree or is a documented artifact;
 * this closes the loop on the rendered page. Every block of the tree (taken from the search
 * records, which are the tree's reader text) must be visible at its anchor on the built page,
 * furniture (tooltips, tools, screen-reader labels) removed. A footnote definition nothing
 * refers to, which GFM does not render, fails here, naming the document, anchor and lines.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';

const base = inject('baseUrl');
const searchDir = path.resolve(import.meta.dirname, '../../src/generated/search');
type Doc = { id: string; sections: { blocks: { anchor: string; text: string; lines: [number, number] }[] }[] };
const docs = readdirSync(searchDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(path.join(searchDir, f), 'utf8')) as Doc);

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

describe.each(docs.map((d) => [d.id, d] as const))('%s', (id, doc) => {
  test('every block of the compiled text is visible on the page', async () => {
    await page.goto(`${base}/docs/${id}/`);
    // Visible text per anchor, white space ignored (line breaks in cells and lists differ).
    const visible: Record<string, string> = await page.evaluate(() => {
      const body = document.querySelector('.doc-body')!.cloneNode(true) as HTMLElement;
      for (const el of body.querySelectorAll('.mention-tip, .block-tools, .visually-hidden, [data-footnote-ref], [data-footnote-backref]')) el.remove();
      document.body.append(body);
      const out: Record<string, string> = {};
      for (const el of body.querySelectorAll('[id]')) out[el.id] = (el as HTMLElement).innerText.replace(/\s+/g, '');
      out[''] = body.innerText.replace(/\s+/g, '');
      body.remove();
      return out;
    });
    const lost: string[] = [];
    for (const b of doc.sections.flatMap((s) => s.blocks)) {
      const text = b.text.replace(/\s+/g, '');
      const at = visible[b.anchor] ?? '';
      if (!at.includes(text) && !visible['']!.includes(text)) lost.push(`content/sources/${id}/source.txt:${b.lines[0]}-${b.lines[1]} #${b.anchor}: “${b.text.slice(0, 60)}” is not visible on the page`);
    }
    expect(lost).toEqual([]);
  });
});
