import type { Root, RootContent, PhrasingContent, Paragraph, TableRow, FootnoteDefinition } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement, MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import type { Block, DocTree, Inline, ItemBlock } from '../types.ts';
import { slice, type Span } from '../text/span.ts';

const trimStart = (s: Span) => slice(s, s.text.length - s.text.trimStart().length);
const trimEnd = (s: Span) => slice(s, 0, s.text.trimEnd().length);

/**
 * Builds the page as an mdast tree with MDX JSX elements (never as a string): text stays
 * text, and the serialiser escapes `{`, `<`, `*` … by construction. Component contract:
 * src/compiler/contract.ts. Headings are real markdown headings whose first child is an
 * `<Anchor>` element; the site's remark plugin moves its id onto the heading.
 */
export function emitMdast(tree: DocTree): Root {
  const children: RootContent[] = [];
  for (const block of groupItems(tree.children)) children.push(...blockNodes(block));
  for (const note of tree.footnotes) {
    const def: FootnoteDefinition = { type: 'footnoteDefinition', identifier: note.label, label: note.label, children: [paragraph(trimInlines(note.content))] };
    children.push(def);
  }
  return { type: 'root', children };
}

type Grouped = Block | { type: 'list'; key: string; items: ItemBlock[] };

function groupItems(blocks: Block[]): Grouped[] {
  const out: Grouped[] = [];
  for (const b of blocks) {
    const last = out.at(-1);
    if (b.type === 'item') {
      if (last && last.type === 'list' && last.key === b.key) last.items.push(b);
      else out.push({ type: 'list', key: b.key, items: [b] });
    } else out.push(b);
  }
  return out;
}

function blockNodes(block: Grouped): RootContent[] {
  switch (block.type) {
    case 'list':
      return [flow('List', { marker: block.key }, block.items.map(itemNode))];
    case 'heading': {
      const level = Math.min(6, (block.depth ?? 1) + 1) as 2 | 3 | 4 | 5 | 6;
      const anchor: MdxJsxTextElement = { type: 'mdxJsxTextElement', name: 'Anchor', attributes: attrs({ id: block.id!, from: block.from, to: block.to, synthetic: block.synthetic ? 'true' : undefined }), children: [] };
      const title: PhrasingContent[] = [anchor];
      if (block.num) title.push({ type: 'text', value: `${block.num.text} ` });
      title.push(...phrasing(block.title));
      return [{ type: 'heading', depth: level, children: title }];
    }
    case 'para':
      return [flow('Para', { id: block.id!, from: block.from, to: block.to }, [paragraph(block.content)])];
    case 'item':
      return [itemNode(block)];
    case 'table': {
      const width = Math.max(...block.rows.map((r) => r.length));
      const rows: TableRow[] = block.rows.map((r) => ({
        type: 'tableRow',
        children: Array.from({ length: width }, (_, k) => ({ type: 'tableCell' as const, children: phrasing(r[k] ?? [], ' ') })),
      }));
      // A `[표]` fence with no rows: the anchor stays, but an empty GFM table is not a table
      // (it serialises as `||` text).
      return [flow('Table', { id: block.id!, from: block.from, to: block.to }, rows.length > 0 ? [{ type: 'table', align: [], children: rows }] : [])];
    }
    case 'pre':
      return [flow('Pre', { id: block.id!, from: block.from, to: block.to, reason: block.reason }, [{ type: 'code', lang: 'text', value: block.lines.map((l) => l.text).join('\n') }])];
    case 'figure': {
      const inner = block.children.flatMap((c) => blockNodes(c));
      return [flow('Figure', { id: block.id!, kind: block.kind, num: block.num, caption: block.caption.map((c) => (c.type === 'fnref' ? '' : c.span.text)).join(''), title: block.title, from: block.from, to: block.to }, inner)];
    }
    case 'facts':
      return [flow('Facts', { id: block.id!, from: block.from, to: block.to }, block.entries.map((e) => flow('Fact', { label: e.label.text }, [paragraph([{ type: 'text', span: e.value }])])))];
    case 'footnote':
      return [];
  }
}

function itemNode(item: ItemBlock): MdxJsxFlowElement {
  const children: RootContent[] = [paragraph(item.content)];
  for (const g of groupItems(item.children)) children.push(...blockNodes(g));
  return flow('Item', { id: item.id!, marker: item.marker.text, from: item.from, to: item.to, role: item.role }, children);
}

/** Drops white space at the edges of inline content (notes keep their inner structure). */
function trimInlines(content: Inline[]): Inline[] {
  const out = [...content];
  const first = out[0];
  if (first?.type === 'text') out[0] = { type: 'text', span: trimStart(first.span) };
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = { type: 'text', span: trimEnd(last.span) };
  return out.filter((c) => c.type !== 'text' || c.span.text !== '');
}

function paragraph(content: Inline[]): Paragraph {
  return { type: 'paragraph', children: phrasing(content) };
}

function phrasing(content: Inline[], join = ''): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  content.forEach((c, k) => {
    if (k > 0 && join) out.push({ type: 'text', value: join });
    if (c.type === 'text') out.push({ type: 'text', value: c.span.text });
    else if (c.type === 'fnref') out.push({ type: 'footnoteReference', identifier: c.label, label: c.label });
    else if (c.type === 'mention') out.push({ type: 'mdxJsxTextElement', name: 'M', attributes: attrs({ to: c.ref ?? undefined, kind: c.kind }), children: [{ type: 'text', value: c.span.text }] });
    else out.push({ type: 'link', url: `#${c.target}`, children: [{ type: 'text', value: c.span.text }] });
  });
  // Merge adjacent text nodes so the serialiser sees whole runs.
  const merged: PhrasingContent[] = [];
  for (const n of out) {
    const prev = merged.at(-1);
    if (prev?.type === 'text' && n.type === 'text') prev.value += n.value;
    else merged.push(n);
  }
  return merged.flatMap(unlinkable);
}

/**
 * Where GFM would turn source text into a link: `www.`, `http(s)://`, `name@host` (and so
 * `mailto:`/`xmpp:`). remark-gfm finds these in the decoded text of each text node after
 * parsing, so no escape stops it (`(www.kova.or.kr)는` became a link to `www.kova.or.kr)는`).
 */
const AUTOLINK = /(?<=www)(?=\.)|(?<=https?)(?=:\/\/)|(?<=[\w+\-.])(?=@)/giu;

/** Splits a text node at every autolink trigger with an empty fragment `<></>`, which renders nothing. */
function unlinkable(node: PhrasingContent): PhrasingContent[] {
  if (node.type === 'mdxJsxTextElement') node.children = node.children.flatMap(unlinkable);
  if (node.type !== 'text' || !/www\.|https?:\/\/|@/iu.test(node.value)) return [node];
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const m of node.value.matchAll(AUTOLINK)) {
    out.push({ type: 'text', value: node.value.slice(last, m.index) }, { type: 'mdxJsxTextElement', name: null, attributes: [], children: [] });
    last = m.index;
  }
  out.push({ type: 'text', value: node.value.slice(last) });
  return out;
}

function flow(name: string, props: Record<string, string | number | undefined>, children: RootContent[]): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes: attrs(props), children: children as MdxJsxFlowElement['children'] };
}

function attrs(props: Record<string, string | number | undefined>): MdxJsxAttribute[] {
  return Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value: String(value) }));
}

/** Attributes whose values are source text shown to readers (checked like text). */
export const TEXT_ATTRIBUTES = new Set(['marker', 'caption', 'label']);
