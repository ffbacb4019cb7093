#!/usr/bin/env node
/**
 * `npm run permalinks`: builds the site and writes content/permalinks.txt — every URL and
 * anchor the site publishes now, plus every registered one that a redirect keeps alive.
 * Entries are only ever added here; removing one means declaring a redirect
 * (content/redirects.yaml). `-- --no-build` reads the existing dist/ (or KB_DIST).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { entriesOf, formatRegistry } from '../src/site/lib/permalinks.ts';
import { REGISTRY, readRedirects, readRegistry, scanSite } from '../src/site/integrations/permalinks.ts';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.resolve(process.env.KB_DIST ?? path.join(root, 'dist'));
if (!process.argv.includes('--no-build')) {
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const current = new Set(entriesOf(scanSite(dist)));
const before = readRegistry(root) ?? [];
const moved = readRedirects(root).map((r) => r.from);
const kept = before.filter((e) => current.has(e) || moved.includes(e) || moved.includes(e.split('#')[0]!));
const all = [...new Set([...current, ...kept])];
writeFileSync(path.join(root, REGISTRY), formatRegistry(all));
console.log(`${REGISTRY}: ${all.length} entries (${all.length - before.length >= 0 ? '+' : ''}${all.length - before.length}).`);
