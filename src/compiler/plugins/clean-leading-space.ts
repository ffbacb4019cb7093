import type { DocTree } from '../types.ts';
import { trim } from '../text/span.ts';

/**
 * Strips leading and trailing white space from every line. A leading space marks the start
 * of a block (page top, after a figure) and must never turn into a joining space
 * (seed-004 R2); the flag keeps that hint for the structure rules.
 */
export default function cleanLeadingSpace() {
  return (tree: DocTree) => {
    for (const line of tree.lines) {
      if (line.blank || line.removed) continue;
      if (/^\s/u.test(line.text.text)) line.blockStart = true;
      line.text = trim(line.text);
    }
  };
}
