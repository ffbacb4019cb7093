import type { Root, Nodes } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxToMarkdown, mdxFromMarkdown } from 'mdast-util-mdx';
import { gfmToMarkdown, gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import { gfm } from 'micromark-extension-gfm';
import { createHash } from 'node:crypto';
import { TEXT_ATTRIBUTES } from './emit-mdast.ts';

/**
 * Text is escaped by backslashing every ASCII punctuation character: CommonMark and MDX allow a
 * backslash before any of them, so this is always correct wherever the text lands (line start,
 * table cell, link text), and it is one regex pass instead of mdast-util-to-markdown's
 * context-sensitive `safe`, which tests dozens of patterns per text node and dominated compile
 * time. The round-trip check (check/roundtrip) proves the text comes back unchanged.
 */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
const text = (node: { value: string }) => node.value.replace(ASCII_PUNCTUATION, '\\$&');

/** Serialises the page tree to MDX (mdast-util-to-markdown with the MDX and GFM extensions). */
export function toMdx(tree: Root, frontmatter: string): string {
  const body = toMarkdown(escapeAttributes(tree), { extensions: [mdxToMarkdown(), gfmToMarkdown()], bullet: '-', fences: true, rule: '-', handlers: { text } });
  return `---\n${frontmatter}---\n\n${body}`;
}

/**
 * JSX attribute values are read back with character references decoded (`&lt;` → `<`,
 * `&nbsp;` → U+00A0), but mdast-util-mdx-jsx escapes only the quote, so a caption holding
 * `&lt;` would change. Every `&` is written `&amp;`: the value comes back as written. Returns a
 * copy; the tree itself (whose text the round-trip check reads) is left as it is.
 */
function escapeAttributes<T extends Nodes>(node: T): T {
  const jsx = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
  if (!jsx && !('children' in node)) return node;
  const copy = { ...node } as Nodes;
  if ('children' in copy) copy.children = copy.children.map((c) => escapeAttributes(c as Nodes)) as never;
  if (copy.type === 'mdxJsxFlowElement' || copy.type === 'mdxJsxTextElement') {
    copy.attributes = copy.attributes.map((a) => (a.type === 'mdxJsxAttribute' && typeof a.value === 'string' && a.value.includes('&') ? { ...a, value: a.value.replaceAll('&', '&amp;') } : a));
  }
  return copy as T;
}

/** Parses MDX back to mdast, the way @astrojs/mdx will. */
export function fromMdx(mdx: string): Root {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  return fromMarkdown(body, { extensions: [mdxjs(), gfm()], mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()] });
}

/**
 * The reader-visible text of a page tree, in order: text, code, footnote labels and the
 * JSX attributes that carry source text. Used to prove that serialisation lost nothing.
 */
export function textStream(tree: Nodes): string {
  const out: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'text' || node.type === 'code' || node.type === 'inlineCode') out.push(node.value);
    else if (node.type === 'footnoteReference') out.push(`[^${node.label ?? node.identifier}]`);
    else if (node.type === 'footnoteDefinition') out.push(`[^${node.label ?? node.identifier}]:`);
    else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const a of node.attributes) if (a.type === 'mdxJsxAttribute' && TEXT_ATTRIBUTES.has(a.name) && typeof a.value === 'string') out.push(a.value);
    }
    if ('children' in node) for (const c of node.children) walk(c as Nodes);
  };
  walk(tree);
  return out.join('').replace(/\s+/gu, '');
}

/** A digest of the reader-visible text, written to the page's frontmatter so the site can
 *  check, with its own MDX parser, that it reads exactly what the compiler emitted. */
export function textDigest(tree: Nodes): string {
  return createHash('sha256').update(textStream(tree)).digest('hex').slice(0, 32);
}
