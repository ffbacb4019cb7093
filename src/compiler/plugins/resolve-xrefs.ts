import type { Block, DocTree, Inline } from '../types.ts';
import { slice } from '../text/span.ts';

const XREF = /<?(표|그림)\s?(\d+)-(\d+)>?/gu;

/**
 * Links in-text references to captioned tables and figures (`<표 3-4>`, `<그림 2-1>는`,
 * `표3-1`) to their anchors. Only references to a caption that exists become links.
 */
export default function resolveXrefs() {
  return (tree: DocTree) => {
    const targets = new Set<string>();
    const collect = (blocks: Block[]) => {
      for (const b of blocks) if (b.type === 'figure' && b.id) targets.add(b.id);
    };
    collect(tree.children);
    if (targets.size === 0) return;
    const visit = (blocks: Block[]) => {
      for (const b of blocks) {
        if (b.type === 'para' || b.type === 'item') b.content = link(b.content, targets);
        if (b.type === 'item') visit(b.children);
      }
    };
    visit(tree.children);
  };
}

function link(content: Inline[], targets: Set<string>): Inline[] {
  const out: Inline[] = [];
  for (const part of content) {
    if (part.type !== 'text') {
      out.push(part);
      continue;
    }
    let last = 0;
    for (const m of part.span.text.matchAll(XREF)) {
      const id = `${m[1] === '표' ? 'tbl' : 'fig'}-${m[2]}-${m[3]}`;
      if (!targets.has(id)) continue;
      if (m.index! > last) out.push({ type: 'text', span: slice(part.span, last, m.index) });
      out.push({ type: 'xref', target: id, span: slice(part.span, m.index, m.index! + m[0].length) });
      last = m.index! + m[0].length;
    }
    if (last < part.span.text.length) out.push({ type: 'text', span: last === 0 ? part.span : slice(part.span, last) });
  }
  return out;
}
