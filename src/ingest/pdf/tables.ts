/**
 * Finds tables among a page's body lines by aligned columns. A table is a run of lines,
 * at least two of them split into segments by wide gaps, whose segments fall into the same
 * vertical bands (columns may be left-, centre- or right-aligned: bands are the union of
 * overlapping segment extents, so alignment inside a column does not matter). Lines that
 * hold one segment inside one band, close below the line above, continue a cell. Rows
 * are separated by the wider of the two vertical gap sizes found in the table (a wrapped
 * cell's lines sit closer than the rows). When columns had to be merged by guesswork
 * (see `reduce`), the table is flagged for review. Bordered tables are read from their
 * rules instead (grid.ts).
 */
import type { Line, Segment } from './lines.ts';

export interface TableRegion {
  kind: 'table';
  lines: Line[];
  rows: string[][];
  flagged: boolean;
}

interface Band {
  x0: number;
  x1: number;
}

const overlaps = (s: { x0: number; x1: number }, b: Band) => s.x0 < b.x1 - 1 && s.x1 > b.x0 + 1;

/** The columns of some lines: the union of overlapping segment extents (whitespace rivers between). */
function bandsOf(lines: Line[]): Band[] {
  const spans = lines.flatMap((l) => l.segments.map((s) => ({ x0: s.x0, x1: s.x1 }))).sort((a, b) => a.x0 - b.x0);
  const bands: Band[] = [];
  for (const s of spans) {
    const last = bands.at(-1);
    if (last && overlaps(s, last)) last.x1 = Math.max(last.x1, s.x1);
    else bands.push({ ...s });
  }
  return bands;
}

const bandOf = (bands: Band[], s: Segment) => bands.findIndex((b) => overlaps(s, b));

/** True when no line puts two segments into one column. */
function consistent(lines: Line[], bands: Band[]): boolean {
  return lines.every((l) => new Set(l.segments.map((s) => bandOf(bands, s))).size === l.segments.length);
}

/**
 * More columns than any row has cells happens when a centred header and left-aligned
 * cells below it do not overlap. Adjacent columns that no row uses both of are merged,
 * nearest first, until the count fits; the table is then flagged as a guess.
 */
function reduce(lines: Line[], bands: Band[]): { bands: Band[]; merged: boolean } {
  const target = Math.max(...lines.map((l) => l.segments.length));
  let merged = false;
  while (bands.length > target) {
    let best = -1;
    for (let i = 0; i + 1 < bands.length; i++) {
      const clash = lines.some((l) => {
        const used = new Set(l.segments.map((s) => bandOf(bands, s)));
        return used.has(i) && used.has(i + 1);
      });
      if (!clash && (best < 0 || bands[i + 1]!.x0 - bands[i]!.x1 < bands[best + 1]!.x0 - bands[best]!.x1)) best = i;
    }
    if (best < 0) break;
    bands = [...bands.slice(0, best), { x0: bands[best]!.x0, x1: bands[best + 1]!.x1 }, ...bands.slice(best + 2)];
    merged = true;
  }
  return { bands, merged };
}

/**
 * Splits lines into plain lines and table regions, in order. `join` joins a cell's
 * wrapped lines (the document's line-join decision).
 */
export function findTables(lines: Line[], join: (a: string, b: string) => string): (Line | TableRegion)[] {
  const out: (Line | TableRegion)[] = [];
  let i = 0;
  while (i < lines.length) {
    const region = grow(lines, i);
    if (region) {
      out.push(build(region.lines, region.bands, region.spanning, join));
      i += region.lines.length;
    } else {
      out.push(lines[i]!);
      i++;
    }
  }
  return out;
}

function grow(lines: Line[], start: number): { lines: Line[]; bands: Band[]; spanning: boolean } | null {
  const first = lines[start]!;
  if (first.segments.length < 2) return null;
  const taken = [first];
  let bands = bandsOf(taken);
  let multi = 1;
  for (let j = start + 1; j < lines.length; j++) {
    const line = lines[j]!;
    const prev = taken.at(-1)!;
    const gap = line.top - prev.bottom;
    if (gap > 2.5 * Math.max(line.size, prev.size)) break;
    if (line.segments.length >= 2) {
      const next = bandsOf([...taken, line]);
      if (next.length < 2 || !consistent([...taken, line], next)) break;
      bands = next;
      multi++;
    } else {
      const s = line.segments[0]!;
      const hit = bands.filter((b) => overlaps(s, b));
      if (hit.length !== 1 || gap > 1.2 * line.size) break;
      bands = bandsOf([...taken, line]);
    }
    taken.push(line);
  }
  // Trailing single-segment lines belong to the table only if they sit as close as its lines.
  while (taken.length > 1 && taken.at(-1)!.segments.length < 2 && !closeBelow(taken)) taken.pop();
  if (multi < 2) return null;
  const reduced = reduce(taken, bandsOf(taken));
  return { lines: taken, bands: reduced.bands, spanning: reduced.merged };
}

/** A trailing one-segment line stays when it sits as close as the table's own lines. */
function closeBelow(taken: Line[]): boolean {
  const last = taken.at(-1)!;
  const prev = taken.at(-2)!;
  return last.top - prev.bottom < 0.5 * last.size;
}

function build(lines: Line[], bands: Band[], spanning: boolean, join: (a: string, b: string) => string): TableRegion {
  const gaps = lines.slice(1).map((l, k) => l.top - lines[k]!.bottom);
  const size = Math.max(...lines.map((l) => l.size));
  const lo = Math.min(...gaps);
  const hi = Math.max(...gaps);
  // Two gap sizes: the smaller joins a cell's wrapped lines, the larger separates rows.
  const threshold = hi - lo >= 0.3 * size ? (lo + hi) / 2 : -Infinity;
  const rows: string[][] = [];
  let flagged = spanning;
  let row: string[] | null = null;
  lines.forEach((line, k) => {
    const continues = k > 0 && gaps[k - 1]! < threshold;
    if (!row || !continues) {
      row = bands.map(() => '');
      rows.push(row);
    }
    for (const s of line.segments) {
      let b = bands.findIndex((band) => overlaps(s, band));
      if (b < 0) {
        b = 0;
        flagged = true;
      }
      row[b] = row[b] ? join(row[b]!, s.text) : s.text;
    }
  });
  return { kind: 'table', lines, rows, flagged };
}
