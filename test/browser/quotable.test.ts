/**
 * Quotable text (issue 11, item 8): a reader selects a sentence on a document page and copies
 * it; the clipboard text is the sentence as the compiled text has it — no tooltip text of a
 * mention, no footnote numbers, no block tools. Search excerpts are the same text: the expected
 * sentences are taken from the search records (src/generated/search), so body and excerpts
 * are checked against each other too.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';

const base = inject('baseUrl');
const searchDir = path.resolve(import.meta.dirname, '../../src/generated/search');
const docs = readdirSync(searchDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(path.join(searchDir, f), 'utf8')) as { id: string; sections: { blocks: { anchor: string; text: string; mentions: unknown[] }[] }[] });

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Selects `sentence` inside the block `#id` (by visible characters, skipping furniture), hovers
 * the first mention in it (so its tooltip shows, as when a reader drags over it), fires a copy
 * and returns what the page put on the clipboard.
 */
async function copySentence(p: Page, id: string, sentence: string): Promise<string | null> {
  const mention = p.locator(`[id="${id}"] .mention`).first();
  if (await mention.count()) await mention.hover();
  return p.evaluate(
    ({ id, sentence }) => {
      const body = document.getElementById(id)?.querySelector('.block-body');
      if (!body) return null;
      const skip = (n: Node | null): boolean => !!n && n instanceof Element && n.matches('.mention-tip, .block-tools, [data-footnote-ref], .visually-hidden, .measure-links, [data-copy-ignore]') || (!!n?.parentElement && n.parentElement !== body && skip(n.parentElement));
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!skip(n.parentElement)) nodes.push(n as Text);
      // Visible text with collapsed white space, and where each character comes from.
      let text = '';
      const at: [Text, number][] = [];
      for (const n of nodes) {
        for (let k = 0; k < n.data.length; k++) {
          const ch = /\s/.test(n.data[k]!) ? ' ' : n.data[k]!;
          if (ch === ' ' && (text === '' || text.endsWith(' '))) continue;
          text += ch;
          at.push([n, k]);
        }
      }
      const start = text.indexOf(sentence);
      if (start < 0) return `NOT FOUND in: ${text}`;
      const end = start + sentence.length - 1;
      const range = document.createRange();
      range.setStart(at[start]![0], at[start]![1]);
      range.setEnd(at[end]![0], at[end]![1] + 1);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      const data = new DataTransfer();
      range.startContainer.parentElement!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData('text/plain') || selection.toString();
    },
    { id, sentence },
  );
}

describe.each(docs.map((d) => [d.id, d] as const))('%s', (id, doc) => {
  // Sentences of paragraphs that hold a mention (a tooltip) or a footnote reference, a few per document.
  const blocks = doc.sections.flatMap((s) => s.blocks).filter((b) => /^L\d+$/u.test(b.anchor) && b.text.length > 20);
  const withMentions = blocks.filter((b) => b.mentions.length > 0).slice(0, 4);
  const chosen = [...withMentions, ...blocks.filter((b) => !withMentions.includes(b)).slice(0, 2)];

  test('a copied sentence is the source sentence: no tooltip, footnote number or tool text', async () => {
    await page.goto(`${base}/docs/${id}/`);
    let checked = 0;
    for (const b of chosen) {
      if (!(await page.locator(`[id="${b.anchor}"].para .block-body`).count())) continue;
      const sentence = (b.text.match(/[^.?!]*[.?!](?=\s|$)/u)?.[0] ?? b.text).trim();
      const copied = await copySentence(page, b.anchor, sentence);
      expect(copied, `${id} #${b.anchor}`).toBe(sentence);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
