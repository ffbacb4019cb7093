import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { textDigest } from '../../compiler/emit/serialize.ts';

/**
 * Rule check/roundtrip, at build time: the compiler writes `textDigest` (a hash of the page's
 * reader-visible text) into each generated MDX file's frontmatter; this plugin recomputes it
 * from the tree @astrojs/mdx actually parsed. A difference means the serialiser and the
 * parser disagree about some text, and the build stops naming the file. Runs first, before
 * any plugin changes the tree.
 */
export default function remarkVerifyText() {
  return (tree: Root, file: VFile) => {
    const expected = (file.data as { astro?: { frontmatter?: { textDigest?: string } } }).astro?.frontmatter?.textDigest;
    if (!expected) return;
    const actual = textDigest(tree);
    if (actual !== expected) {
      throw new Error(`${file.path}: the MDX parsed by Astro does not hold the text the compiler emitted (digest ${actual}, expected ${expected}); run \`npm run compile\` to find the difference [kb:check/roundtrip]`);
    }
  };
}
