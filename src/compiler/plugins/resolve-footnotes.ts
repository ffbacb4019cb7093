import type { VFile } from 'vfile';
import type { Block, DocTree, FootnoteBlock, Inline, ItemBlock } from '../types.ts';
import { EMPTY, concat, slice, synthetic, trim, type Span } from '../text/span.ts';
import { report } from '../messages.ts';

const NOTE_KEYS = new Set(['*', '**', '***', '」']);

/**
 * Turns notes into real footnotes attached where their marker is:
 * - `* …`, `** …`, `1」 …` lines (plans) annotate the block above; the matching marker in that
 *   block (`관리계획*`, `민간병원**`, `추가1」`) becomes the reference, or, when the block has
 *   no marker, the reference goes at its end;
 * - numbered bodies set aside by detect-footnote-bodies (`1) …`, thesis) are referenced at
 *   their `N)` marker glued to a word (`말한다.1)`, `개념2)`), searched in document order.
 */
export default function resolveFootnotes() {
  return (tree: DocTree, file: VFile) => {
    const out: Block[] = [];
    let anchor: Block | null = null;
    let lastNote: FootnoteBlock | null = null;
    for (const block of tree.children) {
      if (block.type === 'item' && NOTE_KEYS.has(block.key) && anchor && anchor.type !== 'figure' && anchor.type !== 'table' && anchor.type !== 'pre') {
        const note = toFootnote(block);
        const token = block.key === '」' ? block.marker.text : block.key;
        if (!attachAtMarker(anchor, token, note.label)) appendRef(anchor, note.label);
        tree.footnotes.push(note);
        lastNote = note;
        continue;
      }
      // Enumerations that continue a note (`* ➊ … ` / `➋ …`) belong to it.
      if (lastNote && block.type === 'item' && (block.key === '➊' || block.key === '①') && textOfNote(lastNote).includes(firstOfFamily(block.key))) {
        lastNote.content = [...lastNote.content, { type: 'text', span: synthetic(' ') }, { type: 'text', span: block.marker }, ...block.content];
        lastNote.to = block.to;
        continue;
      }
      lastNote = null;
      out.push(block);
      anchor = block;
    }
    tree.children = out;

    // Numbered footnotes: find each marker once, in document order.
    const unmatched: FootnoteBlock[] = [];
    for (const note of tree.footnotes.filter((n) => n.key === '1)')) {
      const re = new RegExp(`(?<=[가-힣A-Za-z.)’”])${note.label}\\)(?!\\d)`, 'u');
      if (!tree.children.some((b) => attachFirst(b, re, note.label))) {
        report(file, 'structure/footnote-unmatched', `Unexpected footnote ${note.label}) without a marker in the text; it is shown where it stands, as a note`, note.from);
        unmatched.push(note);
      }
    }
    // A footnote definition nothing refers to is not rendered (GFM drops it): a body without a
    // marker goes back into the text where it stands, as a note item, so the reader sees it.
    if (unmatched.length) {
      tree.footnotes = tree.footnotes.filter((n) => !unmatched.includes(n));
      for (const note of unmatched) {
        const item: ItemBlock = { type: 'item', key: '1)', marker: note.marker, content: note.content, children: [], role: 'note', from: note.from, to: note.to };
        const at = tree.children.findIndex((b) => b.from > note.from);
        tree.children.splice(at < 0 ? tree.children.length : at, 0, item);
      }
    }
  };
}

function firstOfFamily(key: string): string {
  return key === '➊' ? '➊' : '①';
}
function textOfNote(n: FootnoteBlock): string {
  return n.content.map((c) => (c.type === 'fnref' ? '' : c.span.text)).join('');
}

function toFootnote(item: ItemBlock): FootnoteBlock {
  return { type: 'footnote', label: `L${item.from}`, key: item.key, marker: item.marker, content: item.content, from: item.from, to: item.to };
}

function contentsOf(block: Block): Inline[][] {
  switch (block.type) {
    case 'heading':
      return [block.title];
    case 'para':
    case 'item':
      return [block.content];
    default:
      return [];
  }
}
function setContents(block: Block, content: Inline[]) {
  if (block.type === 'heading') block.title = content;
  else if (block.type === 'para' || block.type === 'item') block.content = content;
}

/** Replaces the last unreferenced occurrence of `token` glued to text with a reference. */
function attachAtMarker(block: Block, token: string, label: string): boolean {
  const escaped = token.replace(/[*]/g, '\\*');
  const re = token.startsWith('*') ? new RegExp(`(?<!\\*)${escaped}(?!\\*)`, 'gu') : new RegExp(escaped, 'gu');
  const content = contentsOf(block)[0];
  if (!content) return false;
  for (let i = content.length - 1; i >= 0; i--) {
    const part = content[i]!;
    if (part.type !== 'text') continue;
    const matches = [...part.span.text.matchAll(re)].filter((m) => m.index! > 0);
    const m = matches.at(-1);
    if (!m) continue;
    setContents(block, [...content.slice(0, i), ...split(part.span, m.index!, m[0].length, label), ...content.slice(i + 1)]);
    return true;
  }
  return false;
}

function attachFirst(block: Block, re: RegExp, label: string): boolean {
  const content = contentsOf(block)[0];
  if (!content) return false;
  for (let i = 0; i < content.length; i++) {
    const part = content[i]!;
    if (part.type !== 'text') continue;
    const m = re.exec(part.span.text);
    if (!m) continue;
    setContents(block, [...content.slice(0, i), ...split(part.span, m.index, m[0].length, label), ...content.slice(i + 1)]);
    return true;
  }
  return false;
}

function split(span: Span, at: number, length: number, label: string): Inline[] {
  const parts: Inline[] = [];
  if (at > 0) parts.push({ type: 'text', span: slice(span, 0, at) });
  parts.push({ type: 'fnref', label, marker: slice(span, at, at + length) });
  if (at + length < span.text.length) parts.push({ type: 'text', span: slice(span, at + length) });
  return parts;
}

function appendRef(block: Block, label: string) {
  const content = contentsOf(block)[0];
  if (!content) return;
  setContents(block, [...content, { type: 'fnref', label, marker: EMPTY }]);
}
