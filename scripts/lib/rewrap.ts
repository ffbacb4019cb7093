/**
 * The re-wrapper: turns a clean source (one paragraph per line) into text shaped like a PDF
 * extraction, and records the truth for every break it makes, so join decisions and block
 * structure can be measured without hand gold (issue 11, items 1–2).
 *
 * What it does, per document, from one seed:
 *   - wraps every long prose line at a random width in display columns (one width per
 *     document, ±2 per line; a Hangul syllable takes two columns, a Latin letter one):
 *     Korean is cut character by character (inside words or at a space, which then disappears,
 *     as PDF text extraction drops it); a run of Latin letters or digits is never cut (layout
 *     engines wrap those by word); closing punctuation stays on the line it follows (kinsoku);
 *   - inserts page chrome every 30–45 output lines: a page-number line (`- 12 -`, or `12` in a
 *     document of three pages or more)
 *     between blank lines, and a running header (a short line repeated on every page);
 *   - writes heading lines fake-bold (every character 4×, spaces once), when told which
 *     lines are headings.
 * Table rows (`|…|`, `[표]` fences, tab-separated lines) and short lines are kept as they are.
 *
 * Offsets: `Break.before` / `Break.after` are offsets in the output text of the last character
 * of the line before the break and of the first character after it, so a compiled document's
 * spans (which map characters back to source offsets) tell how the break was re-joined.
 */

import { charWidth, displayWidth } from '../../src/compiler/text/layout.ts';

export interface RewrapOptions {
  seed: number;
  /** Typical line width in display columns (a Hangul syllable is 2); random in [56, 120] when absent. */
  width?: number;
  /** 1-based line numbers of the input that are headings: written fake-bold. */
  headings?: ReadonlySet<number>;
  /** Insert page-number lines and a running header (default true). */
  pages?: boolean;
  /** The running header's text (default: none, only page numbers). */
  header?: string;
  /** 1-based line numbers kept exactly as they are (provenance lines, say). */
  keep?: ReadonlySet<number>;
}

export interface Break {
  /** Output offset of the last character before the break. */
  before: number;
  /** Output offset of the first character after the break. */
  after: number;
  /** The truth: the two halves are separated by a space in the clean source. */
  space: boolean;
  /** Characters on either side, for reports. */
  left: string;
  right: string;
  /** A page-number line (and header) sits inside this break. */
  page: boolean;
}

export interface Rewrapped {
  text: string;
  breaks: Break[];
  /** Output line (1-based) → input line (1-based); 0 for inserted chrome. */
  lineOrigin: number[];
  width: number;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same document. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDISH = /[A-Za-z0-9]/;

/** Characters a layout engine keeps at the end of the line they follow. */
const NO_LINE_START = /[.,;:!?%)\]}」』’”〉》>·…~～]/u;

/** Characters a layout engine moves to the next line with what follows them. */
const NO_LINE_END = /[(\[{「『‘“〈《<]/u;

/** Lines the wrapper leaves alone: table rows, fences, tab-aligned lines. */
function keepWhole(line: string): boolean {
  return /^\s*\|.*\|\s*$/u.test(line) || /^\[\/?표\]$/u.test(line.trim()) || line.includes('\t');
}

/** Writes a line fake-bold: every character four times, spaces once (seed-004 R3). */
export function fakeBold(line: string): string {
  let out = '';
  for (const ch of line) out += /\s/u.test(ch) ? ch : ch.repeat(4);
  return out;
}

/**
 * Cuts one line into pieces no longer than about `width`. Returns the pieces (leading space of
 * a continuation dropped) and, per cut, whether a space was dropped there.
 */
function cut(line: string, width: number, rnd: () => number): { pieces: string[]; spaces: boolean[] } {
  const pieces: string[] = [];
  const spaces: boolean[] = [];
  let rest = line;
  for (;;) {
    const w = width + Math.floor(rnd() * 5) - 2;
    if (displayWidth(rest) <= w) break;
    // The first character that does not fit.
    let at = 0;
    for (let used = 0; at < rest.length && used + charWidth(rest[at]!) <= w; at++) used += charWidth(rest[at]!);
    // Never cut a Latin word or a number: move the cut to the run's start (word wrap).
    if (WORDISH.test(rest[at - 1]!) && WORDISH.test(rest[at]!)) {
      let k = at;
      while (k > 0 && WORDISH.test(rest[k - 1]!)) k--;
      if (k < w / 2) {
        // A run too long to move (a URL): cut it after the run instead.
        k = at;
        while (k < rest.length && WORDISH.test(rest[k]!)) k++;
      }
      at = k;
    }
    // Closing punctuation and the like never start a line; opening brackets never end one.
    while (at < rest.length && NO_LINE_START.test(rest[at]!)) at++;
    while (at > 1 && NO_LINE_END.test(rest[at - 1]!)) at--;
    let a = rest.slice(0, at);
    let b = rest.slice(at);
    const space = /\s$/u.test(a) || /^\s/u.test(b);
    a = a.trimEnd();
    b = b.trimStart();
    if (!a || !b) break;
    pieces.push(a);
    spaces.push(space);
    rest = b;
  }
  pieces.push(rest);
  return { pieces, spaces };
}

/**
 * Re-wraps a clean source. Lines are cut when longer than the width; everything else is kept.
 * Blank lines, tables and short lines pass through unchanged.
 */
export function rewrap(source: string, options: RewrapOptions): Rewrapped {
  const rnd = prng(options.seed);
  const width = options.width ?? 56 + Math.floor(rnd() * 65);
  const pages = options.pages !== false;
  const out: string[] = [];
  const lineOrigin: number[] = [];
  const breaks: Break[] = [];
  // Breaks are recorded with output line/column first; offsets are filled in at the end.
  const pending: { lineA: number; colA: number; lineB: number; space: boolean; page: boolean }[] = [];
  let pageLeft = 30 + Math.floor(rnd() * 16);
  let pageNo = 1;
  const pageBreak = () => {
    pageNo++;
    out.push('', `\u0000${pageNo}`, '');
    lineOrigin.push(0, 0, 0);
    if (options.header) {
      out.push(options.header, '');
      lineOrigin.push(0, 0);
    }
    pageLeft = 30 + Math.floor(rnd() * 16);
  };
  const lines = source.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const bold = options.headings?.has(n + 1) ?? false;
    if (bold || options.keep?.has(n + 1) || keepWhole(line) || displayWidth(line.trim()) <= width) {
      out.push(bold ? fakeBold(line) : line);
      lineOrigin.push(n + 1);
    } else {
      const { pieces, spaces } = cut(line, width, rnd);
      for (let k = 0; k < pieces.length; k++) {
        out.push(pieces[k]!);
        lineOrigin.push(n + 1);
        if (k + 1 < pieces.length) {
          const lineA = out.length - 1;
          // A page ends inside this paragraph.
          let page = false;
          if (pages && --pageLeft <= 0) {
            pageBreak();
            page = true;
          }
          pending.push({ lineA, colA: pieces[k]!.length - 1, lineB: out.length, space: spaces[k]!, page });
        }
      }
    }
    // Pages also end between paragraphs (never inside a table: tables keep their rows).
    if (pages && --pageLeft <= 0 && !keepWhole(line) && !keepWhole(lines[n + 1] ?? '')) pageBreak();
  }
  // Page numbers: `- 12 -`, or bare `12` (one style per document; bare only when there are
  // three pages or more, since a lone bare number cannot be told from a table cell).
  const bare = pageNo > 3 && rnd() < 0.5;
  for (let i = 0; i < out.length; i++) if (out[i]!.startsWith('\u0000')) out[i] = bare ? out[i]!.slice(1) : `- ${out[i]!.slice(1)} -`;
  const starts: number[] = [];
  let at = 0;
  for (const l of out) {
    starts.push(at);
    at += l.length + 1;
  }
  for (const p of pending) {
    const left = out[p.lineA]!;
    const right = out[p.lineB]!;
    breaks.push({ before: starts[p.lineA]! + p.colA, after: starts[p.lineB]!, space: p.space, left: left.slice(-12), right: right.slice(0, 12), page: p.page });
  }
  return { text: out.join('\n'), breaks, lineOrigin, width };
}
