import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dist } from './global-setup.ts';

const root = path.resolve(import.meta.dirname, '../..');

function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p, base) : [path.relative(base, p)];
  });
}

describe('reproducible builds', () => {
  test('two builds of the same input are byte-identical (HTML, assets, data, search index)', { timeout: 240_000 }, () => {
    const second = mkdtempSync(path.join(tmpdir(), 'kb-build-'));
    try {
      const build = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', second], { cwd: root, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}` } });
      expect(build.status, build.stderr).toBe(0);
      const a = files(dist).sort();
      const b = files(second).sort();
      expect(b).toEqual(a);
      const differing = a.filter((f) => !readFileSync(path.join(dist, f)).equals(readFileSync(path.join(second, f))));
      expect(differing).toEqual([]);
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  });
});
