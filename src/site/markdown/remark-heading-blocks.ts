import type { Root, Heading, PhrasingContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';

/**
 * The compiler writes section headings as Markdown headings whose first child is an
 * `<Anchor id from to synthetic? />` element (`## <Anchor id="2-2" …/>제 2 절 …[^2]`), so
 * that heading text can hold footnote references. This plugin turns each into the
 * `<Heading id level from to synthetic?>` component with the heading's phrasing as its
 * children: the page gets `<h3 id="2-2">`, a stable id Pagefind uses for sub-results, and
 * the block tools sit outside the heading element.
 */
export default function remarkHeadingBlocks() {
  return (tree: Root) => {
    tree.children = tree.children.map((node) => (node.type === 'heading' ? convert(node) : node)) as Root['children'];
  };
}

function convert(heading: Heading): Heading | MdxJsxFlowElement {
  const [first, ...rest] = heading.children;
  if (!first || first.type !== 'mdxJsxTextElement' || (first as MdxJsxTextElement).name !== 'Anchor') return heading;
  const attributes: MdxJsxAttribute[] = [
    ...(first as MdxJsxTextElement).attributes.filter((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute'),
    { type: 'mdxJsxAttribute', name: 'level', value: String(heading.depth) },
  ];
  return { type: 'mdxJsxFlowElement', name: 'Heading', attributes, children: rest as PhrasingContent[] as MdxJsxFlowElement['children'], position: heading.position };
}
