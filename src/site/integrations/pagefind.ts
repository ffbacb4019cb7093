/**
 * Builds the Pagefind search index over the finished HTML at `astro:build:done`
 * (the same shape as withastro/starlight's integrations/pagefind.ts).
 * What gets indexed is decided in the markup: `data-pagefind-body` on the main text,
 * `data-pagefind-ignore` on furniture; pages without `data-pagefind-body` are skipped.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

/** Indexes every HTML file in `siteDir` and writes the index to `<siteDir>/pagefind`. */
export async function buildSearchIndex(siteDir: string, logger: AstroIntegrationLogger): Promise<void> {
  try {
    const { index, errors: createErrors } = await pagefind.createIndex({});
    if (!index) throw new Error(createErrors.join('\n'));

    const { page_count, errors: addErrors } = await index.addDirectory({ path: siteDir });
    if (addErrors.length > 0) throw new Error(addErrors.join('\n'));

    const { errors: writeErrors } = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (writeErrors.length > 0) throw new Error(writeErrors.join('\n'));

    logger.info(`Indexed ${page_count} pages.`);
  } catch (cause) {
    throw new Error('Failed to run Pagefind.', { cause });
  } finally {
    await pagefind.close();
  }
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'cluster-kb:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), logger);
      },
    },
  };
}
