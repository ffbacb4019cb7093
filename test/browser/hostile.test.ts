/**
 * Hostile metadata and source text, end to end: a document whose every metadata field that
 * reaches the page head (title, description, authors, publishers, JSON-LD, citation_*) and
 * whose source text carry `<script>`, `"><script>` and `</script><script>` payloads is built in
 * a copy of the project, then its pages are loaded in Chromium under their CSP. No payload may
 * run, the site's own scripts must run without a violation, and the CSP may allow exactly the
 * inline scripts the browser's own DOM holds — never a hash of attacker text.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launch } from './browser.ts';
import { serve, type Served } from '../../scripts/lib/serve.ts';

const root = path.resolve(import.meta.dirname, '../..');
const id = '2024-03-05-hostile-metadata';

/** Each payload sets a distinct global if it ever runs. */
const payloads = (field: string) => [
  `<script>window.__pwned=(window.__pwned||[]).concat('${field}-1')</script>`,
  `"><script>window.__pwned=(window.__pwned||[]).concat('${field}-2')</script>`,
  `'></script><script>window.__pwned=(window.__pwned||[]).concat('${field}-3')</script>`,
];
const y = (s: string) => JSON.stringify(s);
const list = (field: string) => `[${payloads(field).map(y).join(', ')}]`;

const META = `title: ${y(`적대적 제목 ${payloads('title').join(' ')}`)}
kind: report
issued: "2024-03-05"
issuedNote: ${y(`배포 ${payloads('note').join(' ')}`)}
publishers: [기획재정부]
contributors: ${list('contributors')}
authors: ${list('authors')}
advisors: ${list('advisors')}
category: ${y(payloads('category').join(' '))}
summarizes:
  title: ${y(payloads('summarizes').join(' '))}
sourceUrl: ${y(`https://example.org/doc?x=${encodeURIComponent(payloads('url')[1]!)}`)}
originalFile: ${y(`${payloads('file')[0]}.hwp`)}
`;

const SOURCE = `적대적 문서 ${payloads('heading')[0]}

1. 개요 ${payloads('section')[1]}

□ 기획재정부는 규제를 완화한다 ${payloads('measure')[2]}
  ○ 세부 과제 ${payloads('item').join(' ')} (’24. 5월)

본문 문단 <img src=x onerror="window.__pwned=['img']"> 그리고 {alert(1)} 와 <style>body{display:none}</style>
`;

let work: string;
let served: Served;
let browser: Browser;
let output = '';

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'kb-hostile-'));
  for (const f of ['content', 'src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(path.join(root, f), path.join(work, f), { recursive: true, filter: (p) => !p.includes(`${path.sep}generated`) });
  symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'));
  mkdirSync(path.join(work, 'content/sources', id));
  writeFileSync(path.join(work, 'content/sources', id, 'meta.yaml'), META);
  writeFileSync(path.join(work, 'content/sources', id, 'source.txt'), SOURCE);
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: work, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  output = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`build of the hostile document failed:\n${output}`);
  served = await serve(path.join(work, 'dist'));
  browser = await launch();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
  if (work && !process.env.KB_KEEP) rmSync(work, { recursive: true, force: true });
});

const sha = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const allPayloads = ['title', 'note', 'contributors', 'authors', 'advisors', 'category', 'summarizes', 'url', 'file', 'heading', 'section', 'measure', 'item'].flatMap(payloads);

describe('hostile metadata and source text under the CSP', () => {
  test('the build keeps the payloads as text (they reach the head)', () => {
    const html = readFileSync(path.join(work, 'dist/docs', id, 'index.html'), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    // The payload text is present, escaped, in the head metadata: the test exercises what it claims.
    expect(head).toMatch(/name="description"/);
    expect(head).toMatch(/citation_title" content="[^"]*&lt;script>|citation_title" content="[^"]*<script>/);
    expect(head).toContain('application/ld+json');
  });

  test('no attacker text is among the hashes the site allows', () => {
    const headers = readFileSync(path.join(work, 'dist/_headers'), 'utf8');
    for (const p of allPayloads) {
      const inner = /<script>(.*?)<\/script>/.exec(p)![1]!;
      expect(headers).not.toContain(sha(inner));
    }
  });

  for (const page of [`/docs/${id}/`, `/docs/${id}/source/`, '/measures/', '/timeline/', `/search/?q=${encodeURIComponent('적대적')}`]) {
    test(`${page}: no payload runs, no CSP violation, and the CSP allows exactly the DOM's inline scripts`, async () => {
      const context = await browser.newContext();
      const p = await context.newPage();
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(String(e)));
      await p.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
      });
      await p.goto(`${served.url}${page}`);
      await p.waitForLoadState('load');
      const state = await p.evaluate(() => {
        const w = window as unknown as { __pwned?: string[]; __csp: string[] };
        const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
        const inline = [...document.scripts].filter((s) => !s.src && (!s.type || s.type === 'module' || /javascript/.test(s.type))).map((s) => s.text);
        return { pwned: w.__pwned ?? null, csp: w.__csp, meta, inline, js: document.documentElement.dataset.js ?? null };
      });
      await context.close();
      expect(state.pwned).toBeNull();
      expect(state.csp).toEqual([]);
      expect(errors).toEqual([]);
      const allowed = (state.meta.match(/'sha256-[^']+'/g) ?? []).sort();
      expect(allowed).toEqual([...new Set(state.inline.map(sha))].sort());
    });
  }
});
