import { expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

// The compiler runs under Node's type stripping, which does not check types: tsc does.
test('TypeScript finds no type errors (tsc --noEmit)', { timeout: 180_000 }, () => {
  const root = path.resolve(import.meta.dirname, '..');
  // The site's types include Astro's generated content-collection types (.astro/types.d.ts).
  // A full `npm test` has them from the browser project's build; the unit project alone, on a
  // fresh clone, generates them (only when absent: a sync rewrites src/generated/, which the
  // browser tests may be reading).
  if (!existsSync(path.join(root, '.astro/types.d.ts'))) {
    const sync = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(sync.status, sync.stdout + sync.stderr).toBe(0);
  }
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root], { cwd: root, encoding: 'utf8' });
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.status).toBe(0);
});
