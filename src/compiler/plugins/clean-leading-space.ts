import type { DocTree } from '../types.ts';
import { trim } from '../text/span.ts';

declare module '../types.ts' {
  interface Line {
    /** The line ended with a space in the source: a word boundary at the wrap. */
    spaceAfter?: boolean;
  }
}

/**
 * Strips leading and trailing white space from every line. A leading space marks the start
 * of a block (page top, after a figure) and must never turn into a joining space
 * (seed-004 R2); the flag keeps that hint for the structure rules. A trailing space is kept
 * as a flag too: it says the wrap fell between words.
 */
export default function cleanLeadingSpace() {
  return (tree: DocTree) => {
    for (const line of tree.lines) {
      if (line.blank || line.removed) continue;
      if (/^\s/u.test(line.text.text)) line.blockStart = true;
      // A space before the line break is the writer's word boundary: the join keeps it.
      if (/\S[ \u3000]$/u.test(line.text.text)) line.spaceAfter = true;
      line.text = trim(line.text);
    }
  };
}
