/**
 * Groups a page's text runs into lines by geometry. Runs belong to one line when their
 * glyph boxes overlap vertically by more than half the smaller box (a superscript footnote
 * marker rides on its line). Within a line, runs are read left to right; a gap wider than a
 * fraction of the font size is a space, because Korean PDFs often draw no space glyphs at
 * all. Larger gaps split the line into segments, the cells of a possible table row.
 */
import type { PdfPage, TextRun } from './load.ts';

export interface Segment {
  text: string;
  x0: number;
  x1: number;
}

export interface Line {
  page: number;
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  baseline: number;
  /** The size and boldness of most of the line's characters. */
  size: number;
  bold: boolean;
  /** Parts of the line separated by gaps of at least SEGMENT_GAP × size. */
  segments: Segment[];
  /** The line's runs, left to right. */
  runs: TextRun[];
  /** 0 for a full-width line; 1 and 2 for the left and right column of a two-column page. */
  column?: number;
}

/** The text frame a line belongs to: its page, and its column on a two-column page. */
export const frameOf = (line: Line): string => `${line.page}|${line.column ?? 0}`;

/** A gap of this many font sizes between runs becomes a space. */
const SPACE_GAP = 0.15;
/** A gap of this many font sizes separates segments (table cells, columns). */
export const SEGMENT_GAP = 0.9;

export function pageLines(page: PdfPage): Line[] {
  const runs = [...page.runs].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const groups: TextRun[][] = [];
  const boxes: { top: number; bottom: number }[] = [];
  for (const run of runs) {
    // Look back a few lines only: runs are sorted by baseline, so a match is near the end.
    let target = -1;
    for (let i = groups.length - 1; i >= Math.max(0, groups.length - 3); i--) {
      const box = boxes[i]!;
      const overlap = Math.min(box.bottom, run.bottom) - Math.max(box.top, run.top);
      const smaller = Math.min(box.bottom - box.top, run.bottom - run.top);
      if (smaller > 0 && overlap > smaller * 0.5) {
        target = i;
        break;
      }
    }
    if (target < 0) {
      groups.push([run]);
      boxes.push({ top: run.top, bottom: run.bottom });
    } else {
      groups[target]!.push(run);
      const box = boxes[target]!;
      // The box follows the line's main runs; a superscript must not stretch it upward
      // enough to swallow the line above.
      if (run.size >= dominant(groups[target]!).size * 0.95) {
        box.top = Math.min(box.top, run.top);
        box.bottom = Math.max(box.bottom, run.bottom);
      }
    }
  }
  return groups
    .filter((g) => g.some((r) => r.text.trim() !== ''))
    .map((g) => toLine(page.number, g))
    .sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
}

function dominant(runs: TextRun[]): { size: number; bold: boolean } {
  const weight = new Map<string, number>();
  for (const r of runs) {
    const key = `${Math.round(r.size * 2) / 2}|${r.bold ? 1 : 0}`;
    weight.set(key, (weight.get(key) ?? 0) + r.text.trim().length);
  }
  const [best] = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const [size, bold] = best.split('|');
  return { size: Number(size), bold: bold === '1' };
}

/**
 * Reads runs left to right into segments: a gap of SPACE_GAP em is a space, a gap of
 * `split` em starts a new segment.
 */
export function segmentRuns(runs: TextRun[], size: number, split = SEGMENT_GAP): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | null = null;
  let prev: TextRun | null = null;
  const em = Math.max(size, 1);
  for (const run of runs) {
    if (run.text.trim() === '') {
      // A blank glyph run: a space that covers its width.
      if (current && prev) {
        current.x1 = Math.max(current.x1, run.x1);
        prev = { ...run, text: ' ' };
      }
      continue;
    }
    const lead = run.text.length - run.text.trimStart().length;
    const text = run.text.trim();
    // Leading spaces inside the run move its visible start to the right.
    const x0 = run.x0 + (lead > 0 ? (run.x1 - run.x0) * (lead / run.text.length) : 0);
    const gap = prev ? x0 - prev.x1 : 0;
    if (!current || !prev || gap >= split * em) {
      current = { text, x0, x1: run.x1 };
      segments.push(current);
    } else {
      const spaced = gap >= SPACE_GAP * em || /\s$/.test(prev.text) || lead > 0;
      current.text += spaced && !tight(current.text, text) ? ' ' + text : text;
      current.x1 = Math.max(current.x1, run.x1);
    }
    prev = run;
  }
  return segments;
}

/** A line from its runs (the runs are sorted left to right in place). */
export function toLine(page: number, runs: TextRun[]): Line {
  runs.sort((a, b) => a.x0 - b.x0);
  const { size, bold } = dominant(runs);
  const main = runs.filter((r) => Math.abs(r.size - size) < 0.6);
  const segments = segmentRuns(runs, size);
  const ref = main.length > 0 ? main : runs;
  // The baseline most of the line's characters sit on.
  const baseline = [...ref].sort((a, b) => b.text.length - a.text.length)[0]!.baseline;
  return {
    page,
    text: segments.map((s) => s.text).join(' '),
    x0: segments[0]!.x0,
    x1: Math.max(...segments.map((s) => s.x1)),
    // A nominal box from the baseline and the size, not the fonts' own ascent and descent:
    // a line mixing fonts (a fallback font for one symbol) must not look taller, or the
    // gaps that separate paragraphs would vary inside a paragraph.
    top: baseline - 0.8 * size,
    bottom: baseline + 0.2 * size,
    baseline,
    size,
    bold,
    segments,
    runs,
  };
}

/** A gap before closing punctuation is kerning, not a space. */
function tight(before: string, after: string): boolean {
  return before === '' || /^[.,)\]」』”’:;!?]/u.test(after);
}
