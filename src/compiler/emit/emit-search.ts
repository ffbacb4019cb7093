import type { Block, DocTree, FootnoteBlock, Inline } from '../types.ts';
import type { SearchBlock, SearchDoc, SearchSection } from '../contract.ts';
import { lineFinder } from '../knowledge/records.ts';
import { synthetic } from '../text/span.ts';

const SPACE: Inline = { type: 'text', span: synthetic(' ') };

/**
 * The document as the search index sees it: sections (each heading and the text under it,
 * up to the next heading) made of blocks that keep their page anchor, source lines and the
 * registry mentions inside them (character offsets in the block text). Footnote bodies join
 * the section that cites them. Text is the reader-visible text, as rendered.
 */
export function emitSearch(tree: DocTree, docId: string): SearchDoc {
  const lineOf = lineFinder(tree);
  const notes = new Map(tree.footnotes.map((n) => [n.label, n]));
  const sections: SearchSection[] = [{ anchor: null, title: '', path: [], blocks: [] }];
  const path: { depth: number; title: string }[] = [];
  // In citation order, with a set beside it: a section can cite thousands of notes.
  let cited: FootnoteBlock[] = [];
  let citedSet = new Set<FootnoteBlock>();
  const current = () => sections[sections.length - 1]!;

  const block = (anchor: string, parts: Inline[][], from: number, to: number) => {
    let text = '';
    const mentions: SearchBlock['mentions'] = [];
    for (const [i, part] of parts.entries()) {
      if (i > 0 && text && !text.endsWith(' ')) text += ' ';
      for (const c of part) {
        if (c.type === 'fnref') {
          const note = notes.get(c.label);
          if (note && !citedSet.has(note)) {
            cited.push(note);
            citedSet.add(note);
          }
          continue;
        }
        if (c.type === 'mention' && c.ref) mentions.push([c.ref, text.length, text.length + c.span.text.length]);
        text += c.span.text;
      }
    }
    const [first, last] = lineRange(parts, lineOf) ?? [from, to];
    if (text.trim()) current().blocks.push({ anchor, text: text.replace(/\s+/g, ' ').trim(), mentions: shift(mentions, text), lines: [first, last] });
  };
  const flushNotes = () => {
    for (const n of cited) block(`fn-${n.label.toLowerCase()}`, [n.content], n.from, n.to);
    cited = [];
    citedSet = new Set();
  };

  const visit = (blocks: Block[]) => {
    for (const b of blocks) {
      switch (b.type) {
        case 'heading': {
          flushNotes();
          const title = `${b.num ? `${b.num.text} ` : ''}${b.title.map((c) => (c.type === 'fnref' ? '' : c.span.text)).join('')}`.replace(/\s+/g, ' ').trim();
          const depth = b.depth ?? 1;
          while (path.length && path[path.length - 1]!.depth >= depth) path.pop();
          path.push({ depth, title });
          sections.push({ anchor: b.id!, title, path: path.map((p) => p.title), blocks: [] });
          block(b.id!, [b.num ? [{ type: 'text', span: b.num }, SPACE, ...b.title] : b.title], b.from, b.to);
          break;
        }
        case 'para':
          block(b.id!, [b.content], b.from, b.to);
          break;
        case 'item':
          block(b.id!, [b.content], b.from, b.from);
          visit(b.children);
          break;
        case 'table':
          block(b.id!, b.rows.flatMap((row) => row), b.from, b.to);
          break;
        case 'pre':
          block(b.id!, b.lines.map((span) => [{ type: 'text', span }]), b.from, b.to);
          break;
        case 'figure':
          block(b.id!, [b.caption], b.from, b.from);
          visit(b.children);
          break;
        case 'facts':
          block(b.id!, b.entries.map((e) => [{ type: 'text', span: e.label }, SPACE, { type: 'text', span: e.value }]), b.from, b.to);
          break;
        case 'footnote':
          break;
      }
    }
  };
  visit(tree.children);
  flushNotes();
  return { id: docId, sections: sections.filter((s) => s.blocks.length > 0) };
}

/** The first and last source lines the block's text comes from. */
function lineRange(parts: Inline[][], lineOf: (offset: number) => number): [number, number] | null {
  let min = Infinity;
  let max = -1;
  for (const part of parts) {
    for (const c of part) {
      if (c.type === 'fnref') continue;
      for (const m of c.span.map) {
        if (m < 0) continue;
        if (m < min) min = m;
        if (m > max) max = m;
      }
    }
  }
  return max < 0 ? null : [lineOf(min), lineOf(max)];
}

/** Moves mention offsets from the raw text to the whitespace-collapsed, trimmed text. */
function shift(mentions: SearchBlock['mentions'], raw: string): SearchBlock['mentions'] {
  if (mentions.length === 0) return mentions;
  const map: number[] = [];
  let out = 0;
  let space = true; // leading white space is trimmed
  for (let i = 0; i <= raw.length; i++) {
    map.push(out);
    const ch = raw[i];
    if (ch === undefined) break;
    if (/\s/.test(ch)) {
      if (!space) out++;
      space = true;
    } else {
      out++;
      space = false;
    }
  }
  return mentions.map(([ref, s, e]) => [ref, map[s]!, map[e]!]);
}
