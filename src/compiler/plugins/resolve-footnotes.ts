import type { VFile } from 'vfile';
import type { Block, DocTree, FootnoteBlock, Inline, ItemBlock } from '../types.ts';
import { EMPTY, concat, slice, synthetic, trim, type Span } from '../text/span.ts';
import { report } from '../messages.ts';

const NOTE_KEYS = new Set(['*', '**', '***', '」']);
/** Any numbered marker glued to a word (the per-note pattern below, for every number at once). */
const ANY_MARKER = /(?<=[가-힣A-Za-z.)’”])(\d+)\)(?!\d)/gu;

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
    // Where the next marker search in a block starts: the parts after the last marker
    // attached there hold no further marker (they were searched already).
    const resume = new Map<Block, Map<string, number>>();
    // The enumeration glyphs each note's text holds, found once per note.
    const seen = new Map<FootnoteBlock, Set<string>>();
    const noteHas = (note: FootnoteBlock, glyph: string) => {
      let glyphs = seen.get(note);
      if (!glyphs) {
        const text = textOfNote(note);
        glyphs = new Set(['➊', '①'].filter((g) => text.includes(g)));
        seen.set(note, glyphs);
      }
      return glyphs.has(glyph);
    };
    for (const block of tree.children) {
      if (block.type === 'item' && NOTE_KEYS.has(block.key) && anchor && anchor.type !== 'figure' && anchor.type !== 'table' && anchor.type !== 'pre') {
        const note = toFootnote(block);
        const token = block.key === '」' ? block.marker.text : block.key;
        if (!attachAtMarker(anchor, token, note.label, resume)) appendRef(anchor, note.label);
        tree.footnotes.push(note);
        lastNote = note;
        continue;
      }
      // Enumerations that continue a note (`* ➊ … ` / `➋ …`) belong to it.
      if (lastNote && block.type === 'item' && (block.key === '➊' || block.key === '①') && noteHas(lastNote, firstOfFamily(block.key))) {
        // In place, and the glyph check cached per note: one note can take thousands of items.
        lastNote.content.push({ type: 'text', span: synthetic(' ') }, { type: 'text', span: block.marker }, ...block.content);
        lastNote.to = block.to;
        for (const glyph of ['➊', '①']) if (!noteHas(lastNote, glyph) && (block.marker.text + inlineText(block.content)).includes(glyph)) seen.get(lastNote)!.add(glyph);
        continue;
      }
      lastNote = null;
      out.push(block);
      anchor = block;
    }
    tree.children = out;

    // Numbered footnotes: find each marker once, in document order. One pass first notes the
    // first block where each number could be a marker, so a note's search starts there
    // instead of at the top (attaching only splits text, so it never adds an earlier match).
    const numbered = tree.footnotes.filter((n) => n.key === '1)');
    const firstBlock = new Map<string, number>();
    if (numbered.length > 0) {
      tree.children.forEach((b, i) => {
        for (const part of contentsOf(b)[0] ?? []) {
          if (part.type !== 'text') continue;
          for (const m of part.span.text.matchAll(ANY_MARKER)) if (!firstBlock.has(m[1]!)) firstBlock.set(m[1]!, i);
        }
      });
    }
    const unmatched = new Set<FootnoteBlock>();
    for (const note of numbered) {
      const re = new RegExp(`(?<=[가-힣A-Za-z.)’”])${note.label}\\)(?!\\d)`, 'u');
      const from = firstBlock.get(note.label);
      let found = false;
      for (let i = from ?? tree.children.length; i < tree.children.length && !found; i++) found = attachFirst(tree.children[i]!, re, note.label);
      if (!found) {
        report(file, 'structure/footnote-unmatched', `Unexpected footnote ${note.label}) without a marker in the text; it is shown where it stands, as a note`, note.from);
        unmatched.add(note);
      }
    }
    // A footnote definition nothing refers to is not rendered (GFM drops it): a body without a
    // marker goes back into the text where it stands, as a note item, so the reader sees it.
    // Both lists are in source order, so one merge places every note (linear).
    if (unmatched.size > 0) {
      tree.footnotes = tree.footnotes.filter((n) => !unmatched.has(n));
      const notes = [...unmatched].sort((x, y) => x.from - y.from);
      const merged: typeof tree.children = [];
      let k = 0;
      for (const b of tree.children) {
        while (k < notes.length && notes[k]!.from < b.from) merged.push(noteItem(notes[k++]!));
        merged.push(b);
      }
      while (k < notes.length) merged.push(noteItem(notes[k++]!));
      tree.children = merged;
    }
  };
}

/** A footnote body with no marker, shown where it stands as a note item. */
function noteItem(note: FootnoteBlock): ItemBlock {
  return { type: 'item', key: '1)', marker: note.marker, content: note.content, children: [], role: 'note', from: note.from, to: note.to };
}

function firstOfFamily(key: string): string {
  return key === '➊' ? '➊' : '①';
}
function textOfNote(n: FootnoteBlock): string {
  return inlineText(n.content);
}
function inlineText(content: Inline[]): string {
  return content.map((c) => (c.type === 'fnref' ? '' : c.span.text)).join('');
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
function attachAtMarker(block: Block, token: string, label: string, resume: Map<Block, Map<string, number>>): boolean {
  const content = contentsOf(block)[0];
  if (!content) return false;
  // Notes of one block attach from its end backwards; resuming where the last one attached
  // (and splicing in place) keeps thousands of notes on one block linear. The resume point
  // is per token family, as `*` and `**` markers interleave.
  const key = token;
  const starts = resumeOf(resume, block);
  for (let i = Math.min(content.length - 1, starts.get(key) ?? Infinity); i >= 0; i--) {
    const part = content[i]!;
    if (part.type !== 'text') continue;
    const at = lastMarker(part.span.text, token);
    if (at < 0) continue;
    content.splice(i, 1, ...split(part.span, at, token.length, label));
    setContents(block, content);
    // Parts before index i did not move; other tokens' resume points at or after i shift.
    const added = (at > 0 ? 1 : 0) + (at + token.length < part.span.text.length ? 1 : 0);
    for (const [k, v] of starts) if (v >= i && k !== key) starts.set(k, v + added);
    starts.set(key, i);
    return true;
  }
  starts.set(key, -1);
  return false;
}

function resumeOf(resume: Map<Block, Map<string, number>>, block: Block): Map<string, number> {
  let m = resume.get(block);
  if (!m) {
    m = new Map();
    resume.set(block, m);
  }
  return m;
}

/**
 * The last occurrence of a note marker after the first character (`*`, `**` and `***` not
 * part of a longer run of stars), searched backwards from the end: a block's notes consume
 * its markers from the end, so each search stops near where the previous one did.
 */
function lastMarker(text: string, token: string): number {
  const star = token.startsWith('*');
  let at = text.lastIndexOf(token);
  while (at > 0) {
    if (!star || (text[at - 1] !== '*' && text[at + token.length] !== '*')) return at;
    at = text.lastIndexOf(token, at - 1);
  }
  return -1;
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
  // In place, like attachAtMarker: a block can collect thousands of notes.
  content.push({ type: 'fnref', label, marker: EMPTY });
}
