/**
 * Joins body lines into paragraphs and marks headings. A line starts a new paragraph when
 * the vertical gap above it is wider than the document's usual leading, when its size or
 * weight differs from the line above, when it opens with a 개조식 or numbering marker, when
 * the line above ended short of the right edge by more than this line's first word (the
 * writer broke it), or when it leaves the indentation of the paragraph's wrapped lines.
 * The first line of a page continues the last paragraph of the previous page when none
 * of these say otherwise. Headings are lines set larger than the body (levels by size,
 * largest first), then short bold lines at body size.
 */
import { frameOf, type Line } from './lines.ts';
import type { TableRegion } from './tables.ts';

/** Markers that open a paragraph: 개조식 symbols, numbering, notes, captions. */
export const BLOCK_MARKER =
  /^(?:[□■◇◆○●◦•▪▫▶▷►➢✓※☐◎ㅇ❍❏❑]|[-–—·*](?=\s)|[①-⑳➊-➓❶-❿]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+\.|\d{1,2}(?:\.\d{1,2})*\.(?=\s)|\d{1,2}\)|\(\d{1,2}\)|[가나다라마바사아자차카타파하]\.(?=\s)|[가나다라마바사아자차카타파하]\)|\([가나다라마바사아자차카타파하]\)|제\s*\d+\s*[장절조편]|<\s*[표그]|\[\s*[표그]|참고\s*\d)/u;

export interface Paragraph {
  kind: 'paragraph';
  lines: Line[];
  text: string;
  heading?: number;
}

export interface LayoutFacts {
  bodySize: number;
  /** Usual gap between the glyph boxes of consecutive lines of one paragraph, in points. */
  leading: number;
  /** Per text frame (page, or column of a page; see frameOf): leftmost start and rightmost end of body lines. */
  left: Map<string, number>;
  right: Map<string, number>;
}

const sameStyle = (a: Line, b: Line) => Math.abs(a.size - b.size) < 0.6 && a.bold === b.bold;

function firstWordWidth(line: Line): number {
  const word = line.text.split(/\s+/u)[0] ?? '';
  const perChar = (line.x1 - line.x0) / Math.max(1, line.text.length);
  return perChar * word.length;
}

function startsParagraph(prev: Line, line: Line, para: Line[], facts: LayoutFacts): boolean {
  if (!sameStyle(prev, line)) return true;
  if (BLOCK_MARKER.test(line.text)) return true;
  const right = facts.right.get(frameOf(prev)) ?? prev.x1;
  if (prev.x1 + firstWordWidth(line) + line.size * 0.5 < right) return true;
  if (frameOf(line) !== frameOf(prev)) {
    // Across a page or column break only a line at the frame's left edge continues the paragraph.
    return line.x0 > (facts.left.get(frameOf(line)) ?? line.x0) + line.size * 0.5;
  }
  if (line.top - prev.bottom > facts.leading + 0.3 * line.size) return true;
  if (para.length >= 2 && Math.abs(line.x0 - prev.x0) > line.size * 0.5) return true;
  return false;
}

/** Joins two wrapped lines, with a space when the layout shows a word boundary. */
export type Joiner = (whole: string, next: string, prev?: Line) => string;

export function buildParagraphs(items: (Line | TableRegion)[], facts: LayoutFacts, join: Joiner): (Paragraph | TableRegion)[] {
  const out: (Paragraph | TableRegion)[] = [];
  let current: Paragraph | null = null;
  for (const item of items) {
    if ('kind' in item) {
      out.push(item);
      current = null;
      continue;
    }
    const prev = current?.lines.at(-1);
    if (current && prev && !startsParagraph(prev, item, current.lines, facts)) {
      current.text = join(current.text, item.text.trim(), prev);
      current.lines.push(item);
    } else {
      current = { kind: 'paragraph', lines: [item], text: item.text.trim() };
      out.push(current);
    }
  }
  markHeadings(out, facts);
  return out;
}

function markHeadings(blocks: (Paragraph | TableRegion)[], facts: LayoutFacts): void {
  const paras = blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
  const larger = [...new Set(paras.filter((p) => p.lines[0]!.size >= facts.bodySize * 1.12).map((p) => Math.round(p.lines[0]!.size * 2) / 2))].sort(
    (a, b) => b - a,
  );
  const boldBodyShare = paras.filter((p) => p.lines[0]!.bold).length / Math.max(1, paras.length);
  for (const p of paras) {
    const first = p.lines[0]!;
    const level = larger.indexOf(Math.round(first.size * 2) / 2);
    if (level >= 0 && p.text.length <= 120) p.heading = level + 1;
    else if (
      boldBodyShare < 0.5 &&
      first.bold &&
      Math.abs(first.size - facts.bodySize) < 0.6 &&
      p.lines.length === 1 &&
      p.text.length <= 60 &&
      !/[.다]$/u.test(p.text)
    ) {
      p.heading = larger.length + 1;
    }
  }
}
