/**
 * Builds the site's search at `astro:build:done`: the Korean-aware Pagefind index of every
 * document, section, measure and entity record (src/search/), written to `dist/pagefind/`,
 * and the small query-side files in `dist/search/`.
 *
 * `buildPlainIndex` is Pagefind as it comes (`addDirectory` over the built HTML, what
 * `data-pagefind-body` marks); only the search evaluation uses it, as the baseline.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { buildSearch, loadCorpusForSearch } from '../../search/build-index.ts';
import { writePagefindBundle } from '../../search/normalise.ts';

/** Plain Pagefind over every HTML file in `siteDir`, written to `outputPath`. */
export async function buildPlainIndex(siteDir: string, outputPath: string): Promise<number> {
  try {
    const { index, errors: createErrors } = await pagefind.createIndex({});
    if (!index) throw new Error(createErrors.join('\n'));
    const { page_count, errors: addErrors } = await index.addDirectory({ path: siteDir });
    if (addErrors.length > 0) throw new Error(addErrors.join('\n'));
    // In memory, then written by us: complete on disk before this returns (writeFiles may not be).
    const { files, errors: getErrors } = await index.getFiles();
    if (getErrors.length > 0) throw new Error(getErrors.join('\n'));
    writePagefindBundle(outputPath, files);
    return page_count;
  } finally {
    await pagefind.close();
  }
}

export default function pagefindIntegration(): AstroIntegration {
  let root = '';
  return {
    name: 'cluster-kb:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const corpus = loadCorpusForSearch(path.join(root, 'src', 'generated'), root);
        const result = await buildSearch(corpus, fileURLToPath(dir));
        logger.info(`Indexed ${result.records.length} search records (${result.runs} distinct Korean word runs analysed) in ${Math.round(result.ms)} ms.`);
      },
    },
  };
}
