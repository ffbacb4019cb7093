import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hwpTable, makeHwp } from './fixtures.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const node = path.join(repo, 'node_modules/.bin/node');

function run(root: string, args: string[]): { code: number; out: string } {
  try {
    const out = execFileSync(node, [path.join(repo, 'scripts/add.ts'), ...args], { env: { ...process.env, KB_ROOT: root }, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
}

describe('npm run add', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'kb-add-'));
  mkdirSync(path.join(root, 'content/sources'), { recursive: true });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes source, origins, a meta draft and the original with its SHA-256, and compiles it', () => {
    const file = path.join(root, '보도자료.hwp');
    const bytes = makeHwp([{ pieces: ['보도자료'] }, { pieces: ['보도시점 2025. 12. 2.(화) 16:00'] }, { pieces: ['정부혁신 추진전략 발표'] }, { pieces: [hwpTable(2, 2, [{ row: 0, col: 0, text: ['구분'] }, { row: 0, col: 1, text: ['내용'] }, { row: 1, col: 0, text: ['가'] }, { row: 1, col: 1, text: ['나'] }])] }]);
    writeFileSync(file, bytes);
    const { code, out } = run(root, [file]);
    expect(code, out).toBe(0);
    const dir = path.join(root, 'content/sources/2025-12-02-jeongbuhyeoksin-chujinjeonryak-balpyo');
    expect(readdirSync(dir).sort()).toEqual(['meta.yaml', 'original.hwp', 'original.sha256', 'source.origin.tsv', 'source.txt']);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(readFileSync(path.join(dir, 'original.sha256'), 'utf8')).toBe(`${sha}  original.hwp\n`);
    expect(readFileSync(path.join(dir, 'meta.yaml'), 'utf8')).toContain(`sha256: "${sha}"`);
    expect(out).toMatch(/found: 3 paragraphs, 1 tables/u);
    expect(out).toMatch(/compiled: .*1 tables/u);
    expect(out).toMatch(/review meta\.yaml/u);
  });

  it('refuses a distribution-protected file and writes nothing', () => {
    const file = path.join(root, 'protected.hwp');
    writeFileSync(file, makeHwp([{ pieces: ['2025. 1. 1. 비밀'] }], { properties: 4 }));
    const before = readdirSync(path.join(root, 'content/sources'));
    const { code, out } = run(root, [file, '--id', '2025-01-01-protected']);
    expect(code).toBe(1);
    expect(out).toMatch(/distribution-protected.*Nothing was written/su);
    expect(readdirSync(path.join(root, 'content/sources'))).toEqual(before);
    expect(existsSync(path.join(root, 'content/sources/2025-01-01-protected'))).toBe(false);
  });
});
