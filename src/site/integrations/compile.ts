/**
 * Runs the corpus compiler before Astro reads any content, so `astro build`, `astro dev`
 * and `astro sync` always render what `content/sources/` says now. A CompileError (every
 * message with file:line:column and rule id) stops the build; warnings are logged.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { compileCorpus, fakeBoldSummary, formatMessage } from '../../compiler/index.ts';

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
        const root = fileURLToPath(config.root);
        const started = performance.now();
        // The MDX round trip is checked by remark-verify-text on Astro's own parse, so the
        // compiler does not re-parse here.
        const { documents, warnings, compiled } = await compileCorpus({ root, verify: false });
        for (const w of warnings) logger.warn(formatMessage(w));
        const fakeBold = fakeBoldSummary(compiled);
        if (fakeBold) logger.info(fakeBold);
        logger.info(`Compiled ${documents.length} documents in ${Math.round(performance.now() - started)} ms (${warnings.length} warnings).`);
        // In dev, editing a source file restarts the server, which re-runs this hook.
        if (command === 'dev') for (const file of sourceFiles(root)) addWatchFile(file);
      },
    },
  };
}
