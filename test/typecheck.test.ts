import { expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The compiler runs under Node's type stripping, which does not check types: tsc does.
test('TypeScript finds no type errors (tsc --noEmit)', { timeout: 120_000 }, () => {
  const root = path.resolve(import.meta.dirname, '..');
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root], { cwd: root, encoding: 'utf8' });
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.status).toBe(0);
});
