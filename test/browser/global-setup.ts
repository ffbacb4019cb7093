import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serve, type Served } from '../../scripts/lib/serve.ts';

const root = path.resolve(import.meta.dirname, '../..');
export const dist = path.join(root, 'dist');
let served: Served | undefined;

/** Builds the site once (unless KB_SKIP_BUILD=1 and dist/ exists) and serves dist/ on loopback. */
export default async function setup(project: TestProject) {
  if (!(process.env.KB_SKIP_BUILD && existsSync(dist))) {
    const build = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}` } });
    if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
  }
  served = await serve(dist);
  project.provide('baseUrl', served.url);
  return async () => {
    await served?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
