import type { VFile } from 'vfile';
import type { DocTree } from '../types.ts';
import { concat, slice, synthetic } from '../text/span.ts';

const PUA = /[\uE000-\uF8FF]/u;

/**
 * HWP exports write box bullets as private-use glyphs (U+F000…) that no font shows. A PUA
 * character at the start of a line is a marker: it is shown as ■ (the source view keeps the
 * original), recorded as a substitution.
 */
export default function cleanPuaGlyphs() {
  return (tree: DocTree, file: VFile) => {
    for (const line of tree.lines) {
      if (line.blank || line.removed || !PUA.test(line.text.text[0] ?? '')) continue;
      const offset = line.text.map[0]!;
      file.data.artifacts!.push({ rule: 'clean/pua-glyph', start: offset, end: offset + 1 });
      line.text = concat(synthetic('■'), slice(line.text, 1));
    }
  };
}
