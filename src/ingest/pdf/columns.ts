/**
 * Two-column pages. A page is set in two columns when a vertical gutter near the middle
 * is crossed by no line of text (only by full-width lines above or below, such as a
 * title), and both sides hold several lines of prose (long segments, not table cells).
 * Lines that PDF.js reads across the gutter are cut there; the page then reads: full-width
 * lines above, the left column, the right column, full-width lines below.
 */
import { toLine, type Line } from './lines.ts';

const MIN_LINES = 6;
/** Average characters per segment for a side to count as prose. */
const PROSE = 12;

function crosses(line: Line, x: number): boolean {
  return line.segments.some((s) => s.x0 < x && s.x1 > x);
}

/** The gutter's x, if the page is set in two columns. */
export function findGutter(lines: Line[], width: number): number | null {
  if (lines.length < MIN_LINES * 2) return null;
  // Quick rejection: a right column needs lines (or line parts) that start past 30% of
  // the width, which a one-column page rarely has.
  if (lines.filter((l) => l.segments.some((s) => s.x0 > width * 0.3)).length < MIN_LINES) return null;
  let best: { x: number; score: number } | null = null;
  for (let x = width * 0.3; x <= width * 0.7; x += 2) {
    const crossing = lines.filter((l) => crosses(l, x));
    // Full-width lines may only sit above or below the columns, never between their lines.
    const left = lines.filter((l) => !crosses(l, x) && l.segments.some((s) => s.x1 <= x));
    const right = lines.filter((l) => !crosses(l, x) && l.segments.some((s) => s.x0 >= x));
    if (left.length < MIN_LINES || right.length < MIN_LINES) continue;
    const top = Math.min(...left.map((l) => l.top), ...right.map((l) => l.top));
    const bottom = Math.max(...left.map((l) => l.bottom), ...right.map((l) => l.bottom));
    if (crossing.some((l) => l.bottom > top && l.top < bottom)) continue;
    const score = Math.min(left.length, right.length);
    if (!best || score > best.score) best = { x, score };
  }
  if (!best) return null;
  const x = best.x;
  const side = (pick: (s: Line['segments'][number]) => boolean) => lines.flatMap((l) => l.segments.filter(pick));
  const avg = (segs: Line['segments']) => segs.reduce((n, s) => n + s.text.length, 0) / Math.max(1, segs.length);
  return avg(side((s) => s.x1 <= x)) >= PROSE && avg(side((s) => s.x0 >= x)) >= PROSE ? x : null;
}

function part(line: Line, keep: (x: number) => boolean): Line | null {
  const runs = line.runs.filter((r) => keep((r.x0 + r.x1) / 2));
  // The two halves of a line PDF.js grouped across the gutter need not share a baseline.
  return runs.some((r) => r.text.trim() !== '') ? toLine(line.page, runs) : null;
}

/** Reorders a page's lines for reading when it is set in two columns. */
export function readColumns(lines: Line[], width: number): Line[] {
  const x = findGutter(lines, width);
  if (x === null) return lines;
  // Full-width lines cross the gutter; so, in effect, does the short last line of a
  // full-width paragraph: right below a crossing line, with nothing beside it.
  const fullSet = new Set(lines.filter((l) => crosses(l, x)));
  const sorted = [...lines].sort((a, b) => a.top - b.top);
  sorted.forEach((l, k) => {
    const above = sorted[k - 1];
    if (fullSet.has(l) || !above || !fullSet.has(above) || l.top - above.bottom > 0.8 * l.size) return;
    const beside = lines.some((o) => o !== l && !fullSet.has(o) && o.bottom > l.top && o.top < l.bottom);
    if (!beside && !l.segments.some((s) => s.x0 >= x)) fullSet.add(l);
  });
  const full = lines.filter((l) => fullSet.has(l));
  const left = lines.flatMap((l) => (fullSet.has(l) ? [] : [part(l, (c) => c < x)].filter((p): p is Line => p !== null))).map((l) => ({ ...l, column: 1 }));
  const right = lines.flatMap((l) => (fullSet.has(l) ? [] : [part(l, (c) => c >= x)].filter((p): p is Line => p !== null))).map((l) => ({ ...l, column: 2 }));
  const start = Math.min(...left.map((l) => l.top), ...right.map((l) => l.top));
  return [...full.filter((l) => l.top < start), ...left, ...right, ...full.filter((l) => l.top >= start)];
}
