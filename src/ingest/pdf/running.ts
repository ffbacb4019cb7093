/**
 * Removes running headers, running footers and page numbers. A line near the top or the
 * bottom edge of a page is running matter when the same text (digits ignored, so `- 3 -`
 * and `- 4 -` are one text) recurs in that band on several pages, or when it is nothing but
 * a page label. Removed lines are counted and kept for the report, never silently lost.
 */
import type { Line } from './lines.ts';

/** How many lines from each edge are candidates, and how far into the page they may reach. */
const BAND_LINES = 3;
const BAND_FRACTION = 0.14;

const PAGE_LABEL = /^(?:[-–—(\[<]\s*)?(?:p\.?\s*|page\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:\/|of)\s*\d{1,4})?(?:\s*[-–—)\]>])?$/iu;

export interface RunningResult {
  pages: Line[][];
  removed: Line[];
}

function key(line: Line): string {
  return line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

function bands(lines: Line[], height: number): { top: Line[]; bottom: Line[] } {
  const top = lines.slice(0, BAND_LINES).filter((l) => l.bottom <= height * BAND_FRACTION);
  const bottom = lines.slice(-BAND_LINES).filter((l) => l.top >= height * (1 - BAND_FRACTION));
  return { top, bottom };
}

export function removeRunningMatter(pages: Line[][], heights: number[]): RunningResult {
  const counts = { top: new Map<string, number>(), bottom: new Map<string, number>() };
  const perPage = pages.map((lines, i) => bands(lines, heights[i]!));
  for (const b of perPage) {
    for (const edge of ['top', 'bottom'] as const) {
      for (const k of new Set(b[edge].map(key))) counts[edge].set(k, (counts[edge].get(k) ?? 0) + 1);
    }
  }
  // Alternating (odd/even) headers recur on about half the pages; a third is the floor.
  const needed = Math.max(2, Math.ceil(pages.length * 0.3));
  const removed: Line[] = [];
  const kept = pages.map((lines, i) => {
    const b = perPage[i]!;
    const drop = new Set<Line>();
    for (const edge of ['top', 'bottom'] as const) {
      for (const line of b[edge]) {
        const recurs = (counts[edge].get(key(line)) ?? 0) >= needed;
        if (recurs || PAGE_LABEL.test(line.text.trim())) drop.add(line);
      }
    }
    removed.push(...drop);
    return lines.filter((l) => !drop.has(l));
  });
  return { pages: kept, removed };
}
