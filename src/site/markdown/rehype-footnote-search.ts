/**
 * Keeps footnote furniture out of the search index: the reference numbers (`<sup>1</sup>`,
 * which Pagefind would glue onto the preceding word) and the `↩` back-links. The footnote
 * text itself stays indexed.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const isFootnoteRef = (node: Element) => node.tagName === 'a' && 'dataFootnoteRef' in node.properties;
const isBackref = (node: Element) => node.tagName === 'a' && 'dataFootnoteBackref' in node.properties;

export default function rehypeFootnoteSearch() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (isBackref(node) || (node.tagName === 'sup' && node.children.some((c) => c.type === 'element' && isFootnoteRef(c)))) {
        node.properties.dataPagefindIgnore = '';
      }
    });
  };
}
