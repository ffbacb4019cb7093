/**
 * The CSP's script hashes come from the parsed document: text that only looks like a script
 * (in an attribute, a comment, a raw-text element, a template) never earns a hash.
 */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { inlineScriptHashes, securePage } from '../../src/site/integrations/security.ts';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const page = (head: string, body = '') => `<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const EVIL = 'alert(1)';

describe('inline script hashes', () => {
  test('a real inline script is hashed over its exact text', () => {
    expect(inlineScriptHashes(page('<script>document.documentElement.dataset.js="1"</script>'))).toEqual([sha('document.documentElement.dataset.js="1"')]);
    expect(inlineScriptHashes(page('<script type="module">import "/a.js";</script>'))).toEqual([sha('import "/a.js";')]);
  });

  test('external scripts and data blocks are not hashed', () => {
    expect(inlineScriptHashes(page('<script src="/a.js"></script><script type="application/ld+json">{"a":1}</script>'))).toEqual([]);
  });

  test.each([
    ['meta description', `<meta name="description" content="<script>${EVIL}</script>">`],
    ['attribute breakout attempt, escaped as Astro escapes it', `<meta name="citation_title" content="&quot;><script>${EVIL}</script>">`],
    ['title element (raw text)', `<title><script>${EVIL}</script></title>`],
    ['comment', `<!-- <script>${EVIL}</script> -->`],
    ['JSON-LD data block with a script-like string', `<script type="application/ld+json">{"name":"\\u003cscript>${EVIL}\\u003c/script>"}</script>`],
  ])('attacker text in the head (%s) earns no hash', (_, head) => {
    expect(inlineScriptHashes(page(head))).toEqual([]);
  });

  test.each([
    ['textarea', `<textarea><script>${EVIL}</script></textarea>`],
    ['template', `<template><script>${EVIL}</script></template>`],
    ['escaped text', `<p>&lt;script&gt;${EVIL}&lt;/script&gt;</p>`],
    ['attribute of a link', `<a href="#" title="<script>${EVIL}</script>">x</a>`],
    ['noscript (raw text while scripting is on)', `<noscript><script>${EVIL}</script></noscript>`],
    ['SVG script (foreign namespace: blocked, never allowed)', `<svg><script>${EVIL}</script></svg>`],
  ])('attacker text in the body (%s) earns no hash', (_, body) => {
    expect(inlineScriptHashes(page('', body))).toEqual([]);
  });

  test('the policy is inserted right after the charset, whatever attribute text looks like one', () => {
    const html = page(`<meta name="description" content='<meta charset="utf-8">'><script>ok()</script>`);
    const { html: out, hashes } = securePage(html);
    expect(hashes).toEqual([sha('ok()')]);
    expect(out.indexOf('http-equiv="Content-Security-Policy"')).toBe(html.indexOf('<meta charset="utf-8">') + '<meta charset="utf-8">'.length + '<meta '.length);
    expect(out.match(/Content-Security-Policy/g)).toHaveLength(1);
  });

  test('a page whose head does not open with the charset is refused', () => {
    expect(() => securePage('<!DOCTYPE html><html><head><title>x</title><meta charset="utf-8"></head></html>')).toThrow(/charset/);
  });
});
