import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dist } from './global-setup.ts';
import { entriesOf } from '../../src/site/lib/permalinks.ts';
import { readRegistry, scanSite } from '../../src/site/integrations/permalinks.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('the committed permalink registry', () => {
  test('lists every URL and anchor the built site publishes (run npm run permalinks after adding pages)', () => {
    const registry = new Set(readRegistry(root) ?? []);
    const unregistered = entriesOf(scanSite(dist)).filter((e) => !registry.has(e));
    expect(unregistered).toEqual([]);
  });
});

/** A copy of the project (sources, registry, site code) that builds on its own. */
let work: string;
function build(): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: work, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

describe('permanence, on a copy of the project', () => {
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'kb-permalinks-'));
    for (const f of ['content', 'src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(path.join(root, f), path.join(work, f), { recursive: true, filter: (p) => !p.includes(`${path.sep}generated`) });
    symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const press = '2023-06-01-moef-global-cluster-press';
  const mke = '2010-mke-industrial-complex-cluster';

  test('renaming a heading and adding a document leave every registered URL resolving', { timeout: 180_000 }, () => {
    const source = path.join(work, 'content/sources', '2023-delco-global-cluster-plan-summary', 'source.txt');
    const text = readFileSync(source, 'utf8');
    expect(text).toContain('중앙정부의 지원 패키지');
    writeFileSync(source, text.replace('중앙정부의 지원 패키지', '중앙정부 지원 묶음'));
    cpSync(path.join(root, 'content/sources', press), path.join(work, 'content/sources', '2024-01-02-moef-global-cluster-press-copy'), { recursive: true });
    const sourceCopy = path.join(work, 'content/sources', '2024-01-02-moef-global-cluster-press-copy', 'source.txt');
    writeFileSync(sourceCopy, `${readFileSync(sourceCopy, 'utf8')}\n추가 문단: 새 문서는 기존 문서와 구별된다.\n`);
    const r = build();
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/new URL\(s\)\/anchor\(s\) not yet in content\/permalinks\.txt/);
    // The renamed heading keeps its anchor (ids come from numbering, not from text).
    expect(readFileSync(path.join(work, 'dist/docs/2023-delco-global-cluster-plan-summary/index.html'), 'utf8')).toMatch(/id="IV-1"[^>]*>[\s\S]{0,400}중앙정부 지원 묶음/);
  });

  test('deleting a document fails the build, naming what would disappear', { timeout: 180_000 }, () => {
    const removed = path.join(work, 'content/sources', mke);
    const backup = path.join(work, `${mke}.bak`);
    cpSync(removed, backup, { recursive: true });
    rmSync(removed, { recursive: true });
    try {
      const failed = build();
      expect(failed.status).not.toBe(0);
      expect(failed.output).toContain('[kb:permalink/removed]');
      expect(failed.output).toContain(`  /docs/${mke}/\n`);
      expect(failed.output).toContain('content/redirects.yaml');
    } finally {
      cpSync(backup, removed, { recursive: true });
      rmSync(backup, { recursive: true });
    }
  });

  test('a moved page keeps resolving through a declared redirect: a redirect page and a host rule', { timeout: 180_000 }, () => {
    // A page published under an old path (registered), now at a new one.
    const registry = path.join(work, 'content/permalinks.txt');
    writeFileSync(registry, `${readFileSync(registry, 'utf8')}/docs/2009-old-name/\n/docs/2009-old-name/#L5\n`);
    // Added to the project's own redirects (they keep its moved anchors resolving).
    const redirects = path.join(work, 'content/redirects.yaml');
    const existing = readFileSync(redirects, 'utf8').replace(/^\[\]\s*$/mu, '');
    writeFileSync(redirects, `${existing.trimEnd()}\n- from: /docs/2009-old-name/\n  to: /docs/${press}/\n  reason: test — id corrected\n`);
    const r = build();
    expect(r.status, r.output).toBe(0);
    const page = readFileSync(path.join(work, 'dist/docs/2009-old-name/index.html'), 'utf8');
    expect(page).toContain(`<link rel="canonical" href="https://cluster-kb.example/docs/${press}/">`);
    expect(page).toContain(`http-equiv="refresh" content="0; url=/docs/${press}/"`);
    expect(readFileSync(path.join(work, 'dist/_redirects'), 'utf8')).toContain(`/docs/2009-old-name/ /docs/${press}/ 301`);
  });
});
