/**
 * Atomic builds: `astro build` writes into a temporary sibling folder (`.dist.partial` beside
 * `dist/`), and only when every integration's `astro:build:done` has succeeded — search index,
 * permalink check, Content-Security-Policy — is it swapped into place. A build that fails at
 * any step leaves `dist/` as the last successful build made it (or absent), never a half-built
 * site without its CSP that could be deployed by mistake; the partial folder stays for
 * inspection and is cleared by the next build.
 *
 * It must be the LAST integration in astro.config.mjs: its `astro:build:done` runs after all
 * the others (Astro runs them in order), and every integration sees the temporary folder as
 * `config.outDir` and as the `dir` of `astro:build:done`. `astro build --outDir X` works the
 * same way (X is swapped in at the end). Other commands (dev, preview, sync) are untouched.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The temporary folder a build of `outDir` writes into (same parent, so the swap is a rename). */
export function partialDirOf(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.partial`);
}

/** Puts `built` at `outDir`: the old output is renamed aside first and removed after. */
export function swapInto(built: string, outDir: string): void {
  const old = path.join(path.dirname(outDir), `.${path.basename(outDir)}.old`);
  rmSync(old, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(built, outDir);
  rmSync(old, { recursive: true, force: true });
}

export default function atomicOutput(): AstroIntegration {
  let finalDir = '';
  let partialDir = '';
  return {
    name: 'cluster-kb:atomic-output',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        finalDir = fileURLToPath(config.outDir).replace(/[\\/]$/, '');
        partialDir = partialDirOf(finalDir);
        // A previous failed build's leftovers; Astro would empty the folder anyway.
        rmSync(partialDir, { recursive: true, force: true });
        // A URL, as Astro's own validated config holds it (a string is not resolved again here).
        updateConfig({ outDir: pathToFileURL(`${partialDir}/`) });
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!finalDir) return;
        const built = fileURLToPath(dir).replace(/[\\/]$/, '');
        if (built !== partialDir) throw new Error(`atomic-output: expected the build in ${partialDir}, got ${built}; is another integration changing outDir?`);
        swapInto(built, finalDir);
        logger.info(`Build complete: swapped into ${path.relative(process.cwd(), finalDir) || finalDir}/.`);
      },
    },
  };
}
