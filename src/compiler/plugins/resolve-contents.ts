import type { DocTree } from '../types.ts';

/**
 * Links each entry of a contents block (detect-contents) to the heading it names, once
 * anchors are final: the entry's title becomes a link to `#<heading anchor>`. An entry whose
 * chapter was not found stays plain text.
 */
export default function resolveContents() {
  return (tree: DocTree) => {
    for (const c of tree.contents ?? []) {
      for (const e of c.entries) {
        const first = e.item.content[0];
        if (!e.target?.id || first?.type !== 'text') continue;
        e.item.content[0] = { type: 'xref', target: e.target.id, span: first.span };
      }
    }
  };
}
