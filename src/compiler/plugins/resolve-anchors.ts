import type { VFile } from 'vfile';
import type { Block, DocTree } from '../types.ts';
import { report } from '../messages.ts';

/**
 * Gives every block its permanent anchor: sections by their own numbering (`IV-1-2`,
 * `2-1-3-ga`), captions by number (`tbl-2-1`), everything else by its first source line
 * (`L245`). Anchors never depend on counters that editing elsewhere could shift.
 */
export default function resolveAnchors() {
  return (tree: DocTree, file: VFile) => {
    const used = new Map<string, number>();
    // The next suffix to try per repeated heading id: counting up from 2 each time would be
    // quadratic in the number of repeats (a long list of `가.` headings under one parent).
    const nextSuffix = new Map<string, number>();
    const claim = (b: Block) => {
      let id = b.id ?? `L${b.from}`;
      if (used.has(id)) {
        if (b.type === 'heading') {
          let k = nextSuffix.get(id) ?? 2;
          while (used.has(`${id}-${k}`)) k++;
          nextSuffix.set(id, k + 1);
          id = `${id}-${k}`;
        } else {
          report(file, 'check/anchor-duplicate', `Unexpected duplicate anchor #${id} (also used at line ${used.get(id)})`, b.from);
        }
      }
      used.set(id, b.from);
      b.id = id;
    };
    const visit = (blocks: Block[]) => {
      for (const b of blocks) {
        claim(b);
        if (b.type === 'item') visit(b.children);
        if (b.type === 'figure') for (const c of b.children) if (c.type !== 'para') claim(c); else c.id = `L${c.from}`;
      }
    };
    visit(tree.children);
  };
}
