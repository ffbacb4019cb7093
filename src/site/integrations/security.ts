/**
 * Content-Security-Policy, written into every built page at `astro:build:done`:
 * a `<meta http-equiv>` right after the charset, allowing scripts only from the site itself and
 * the inline scripts of that page, each by its SHA-256 hash. `'wasm-unsafe-eval'` lets Pagefind
 * compile its WebAssembly; nothing may load from another origin. `_headers` (Netlify /
 * Cloudflare Pages syntax) repeats the policy for servers, with the directives a meta element
 * cannot carry (`frame-ancestors`) and the usual hardening headers.
 *
 * Hashes come from the parsed document, never from a pattern over the HTML text: the page is
 * parsed with parse5 (the WHATWG parsing algorithm browsers use), and only real `<script>`
 * elements without `src` whose type a browser executes are hashed, over exactly the text the
 * browser hashes (the element's child text after input preprocessing). `<script>` written
 * inside an attribute value, a comment, `<template>`, `<noscript>`, `<textarea>` or `<title>`
 * is text in the DOM, so it can never earn a hash. Scripts inside `<template>` are inert until
 * cloned, and the site clones none: they are not hashed either.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Script types a browser executes (HTML §4.12.1.1): none, empty, a JavaScript MIME type, `module`. */
const JS_MIME = /^(?:(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/(?:j|live)script|text\/javascript1\.[0-5])$/;
function executable(el: Element): boolean {
  const type = el.attrs.find((a) => a.name === 'type');
  const language = el.attrs.find((a) => a.name === 'language');
  if (type === undefined || type.value === '') return language === undefined || language.value === '' || JS_MIME.test(`text/${language.value.trim().toLowerCase()}`);
  const t = type.value.trim().toLowerCase();
  return t === 'module' || JS_MIME.test(t);
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

/** Every `<script>` element of the parsed document, in document order (not inside `<template>`). */
function scriptElements(root: Node): Element[] {
  const out: Element[] = [];
  // An explicit stack: a hostile page may nest elements far deeper than the call stack allows.
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isElement(node)) {
      if (node.tagName === 'script' && node.namespaceURI === 'http://www.w3.org/1999/xhtml') out.push(node);
      if (node.tagName === 'template') continue;
    }
    if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return out;
}

function textOf(el: Element): string {
  return el.childNodes.map((c) => ('value' in c && c.nodeName === '#text' ? c.value : '')).join('');
}

/** SHA-256 sources of the page's executable inline scripts, sorted and distinct. */
export function inlineScriptHashes(html: string): string[] {
  return hashesOf(parse(html));
}

function hashesOf(document: Node): string[] {
  const hashes = new Set<string>();
  for (const el of scriptElements(document)) {
    if (el.attrs.some((a) => a.name === 'src') || !executable(el)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(textOf(el), 'utf8').digest('base64')}'`);
  }
  return [...hashes].sort();
}

export function policy(hashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${hashes.length ? ` ${hashes.join(' ')}` : ''}`,
    // Components set a few CSS custom properties in style attributes (--depth).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** The `<meta charset>` element that opens `<head>`, found in the parsed document. */
function charsetMeta(document: Node): Element | undefined {
  const html = 'childNodes' in document ? document.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'html') : undefined;
  const head = html?.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'head');
  const first = head?.childNodes.find(isElement);
  return first?.tagName === 'meta' && first.attrs.some((a) => a.name === 'charset' && a.value.toLowerCase() === 'utf-8') ? first : undefined;
}

/** Inserts the policy into one page; returns the hashes it allowed. */
export function securePage(html: string): { html: string; hashes: string[] } {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const charset = charsetMeta(document);
  const at = charset?.sourceCodeLocation?.endOffset;
  if (at === undefined) throw new Error('security: a page whose <head> does not start with <meta charset="utf-8">');
  const hashes = hashesOf(document);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes)}">`;
  return { html: html.slice(0, at) + meta + html.slice(at), hashes };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? htmlFiles(p) : name.endsWith('.html') ? [p] : [];
    });
}

export default function securityIntegration(): AstroIntegration {
  return {
    name: 'cluster-kb:security',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const all = new Set<string>();
        const files = htmlFiles(dist);
        for (const file of files) {
          const { html, hashes } = securePage(readFileSync(file, 'utf8'));
          writeFileSync(file, html);
          for (const h of hashes) all.add(h);
        }
        writeFileSync(
          path.join(dist, '_headers'),
          `# Generated by src/site/integrations/security.ts (Netlify / Cloudflare Pages syntax).\n/*\n  Content-Security-Policy: ${policy([...all].sort())}; frame-ancestors 'none'\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n`,
        );
        logger.info(`Content-Security-Policy in ${files.length} pages (${all.size} distinct inline scripts allowed by hash).`);
      },
    },
  };
}
