/**
 * Runs the corpus compiler before Astro reads any content, so `astro build`, `astro dev`
 * and `astro sync` always render what `content/sources/` says now.
 *
 * The compiler is loaded with a dynamic import because it is developed in parallel:
 * while `src/compiler/index.ts` does not exist yet, the site builds from whatever is in
 * `src/generated/` and logs a warning.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The compiler's public entry point (see `src/compiler/index.ts`). */
const COMPILER_ENTRY = new URL('../../compiler/index.ts', import.meta.url);

interface CompilerModule {
  compileCorpus(opts: { root: string; outDir?: string; verify?: boolean }): Promise<{ documents: unknown[] }>;
}

/** Every file under `content/sources/*` (one level of document folders). */
function sourceFiles(root: string): string[] {
  const sources = join(root, 'content', 'sources');
  if (!existsSync(sources)) return [];
  return readdirSync(sources, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(sources, d.name), { withFileTypes: true })
        .filter((f) => f.isFile())
        .map((f) => join(sources, d.name, f.name)),
    );
}

export default function compile(): AstroIntegration {
  return {
    name: 'cluster-kb:compile',
    hooks: {
      'astro:config:setup': async ({ config, command, logger, addWatchFile }) => {
        // `astro preview` only serves dist/; compiling there would be wasted work.
        if (command === 'preview') return;

        if (!existsSync(COMPILER_ENTRY)) {
          logger.warn(
            `The compiler (${fileURLToPath(COMPILER_ENTRY)}) does not exist yet; ` +
              'building from the files already in src/generated/.',
          );
          return;
        }

        const root = fileURLToPath(config.root);
        const { compileCorpus } = (await import(COMPILER_ENTRY.href)) as CompilerModule;
        const started = performance.now();
        // A compiler error (file:line and rule in its message) must stop the build: let it throw.
        const { documents } = await compileCorpus({ root, verify: false });
        logger.info(
          `Compiled ${documents.length} documents in ${Math.round(performance.now() - started)} ms.`,
        );

        // In dev, editing a source file restarts the server, which re-runs this hook.
        if (command === 'dev') for (const file of sourceFiles(root)) addWatchFile(file);
      },
    },
  };
}
