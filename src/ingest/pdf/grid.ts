/**
 * Tables from drawn borders. Rules that touch each other form a frame; a frame with at
 * least two columns (three vertical positions) and one row is a table grid. Each text run
 * inside the frame goes to the cell holding its centre; a border missing inside a row
 * (a merged cell) leaves the text in the leftmost cell of the merged span and the others
 * empty, so the grid stays rectangular. This reads bordered tables exactly, whatever the
 * alignment and padding in the cells; borderless tables fall back to aligned columns
 * (tables.ts).
 */
import type { Rule, TextRun } from './load.ts';
import { segmentRuns, type Line } from './lines.ts';
import type { TableRegion } from './tables.ts';

export interface Grid {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Vertical border positions (left to right) and horizontal ones (top to bottom). */
  xs: number[];
  ys: number[];
  verticals: Rule[];
}

const TOUCH = 2;
const touches = (a: Rule, b: Rule) => a.x0 <= b.x1 + TOUCH && b.x0 <= a.x1 + TOUCH && a.top <= b.bottom + TOUCH && b.top <= a.bottom + TOUCH;

/** Distinct positions, merging those within `tol` points. */
function positions(values: number[], tol = 1.5): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out.at(-1)! > tol) out.push(v);
  return out;
}

export function findGrids(rules: Rule[]): Grid[] {
  // Union-find over touching rules.
  const parent = rules.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const order = rules.map((_, i) => i).sort((a, b) => rules[a]!.top - rules[b]!.top);
  for (let a = 0; a < order.length; a++) {
    const ra = rules[order[a]!]!;
    for (let b = a + 1; b < order.length; b++) {
      const rb = rules[order[b]!]!;
      if (rb.top > ra.bottom + TOUCH) break;
      if (touches(ra, rb)) parent[root(order[a]!)] = root(order[b]!);
    }
  }
  const clusters = new Map<number, Rule[]>();
  rules.forEach((r, i) => clusters.set(root(i), [...(clusters.get(root(i)) ?? []), r]));
  const grids: Grid[] = [];
  for (const cluster of clusters.values()) {
    const verticals = cluster.filter((r) => r.bottom - r.top > r.x1 - r.x0);
    const horizontals = cluster.filter((r) => r.bottom - r.top <= r.x1 - r.x0);
    const xs = positions(verticals.map((r) => (r.x0 + r.x1) / 2));
    const ys = positions(horizontals.map((r) => (r.top + r.bottom) / 2));
    // One column is a text box or a frame, not a table.
    if (xs.length < 3 || ys.length < 2) continue;
    grids.push({
      x0: Math.min(...cluster.map((r) => r.x0)),
      x1: Math.max(...cluster.map((r) => r.x1)),
      top: Math.min(...cluster.map((r) => r.top)),
      bottom: Math.max(...cluster.map((r) => r.bottom)),
      xs,
      ys,
      verticals,
    });
  }
  return grids.sort((a, b) => a.top - b.top);
}

const centreY = (r: { top: number; bottom: number }) => (r.top + r.bottom) / 2;

export function inGrid(line: Line, grid: Grid): boolean {
  const y = centreY(line);
  return y > grid.top && y < grid.bottom && line.x0 >= grid.x0 - 2 && line.x1 <= grid.x1 + 2;
}

function slot(edges: number[], v: number): number {
  for (let i = 0; i < edges.length - 1; i++) if (v < edges[i + 1]!) return i;
  return edges.length - 2;
}

/** Builds the table of a grid from the lines inside it. */
export function gridTable(grid: Grid, lines: Line[], join: (a: string, b: string) => string): TableRegion {
  const rowCount = grid.ys.length - 1;
  const colCount = grid.xs.length - 1;
  const cells: TextRun[][][] = Array.from({ length: rowCount }, () => Array.from({ length: colCount }, () => []));
  for (const line of lines) {
    for (const run of line.runs) {
      const r = slot(grid.ys, centreY(run));
      let c = slot(grid.xs, (run.x0 + run.x1) / 2);
      // A border missing between this cell and the one to its left: a merged cell.
      while (c > 0 && !hasBorder(grid, grid.xs[c]!, grid.ys[r]!, grid.ys[r + 1]!)) c--;
      cells[r]![c]!.push(run);
    }
  }
  const rows = cells
    .map((row) => row.map((runs) => cellText(runs, join)))
    .filter((row) => row.some((c) => c !== ''));
  return { kind: 'table', lines, rows, flagged: false };
}

function hasBorder(grid: Grid, x: number, top: number, bottom: number): boolean {
  const mid = (top + bottom) / 2;
  return grid.verticals.some((v) => Math.abs((v.x0 + v.x1) / 2 - x) <= 1.5 && v.top <= mid && v.bottom >= mid);
}

/** A cell's runs as text: lines by baseline, runs in a line by position, lines joined. */
function cellText(runs: TextRun[], join: (a: string, b: string) => string): string {
  if (!runs.some((r) => r.text.trim() !== '')) return '';
  const sorted = runs.filter((r) => r.text.trim() !== '' || r.x1 > r.x0).sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const lines: TextRun[][] = [];
  for (const run of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(last[0]!.baseline - run.baseline) < run.size * 0.5) last.push(run);
    else lines.push([run]);
  }
  return lines
    .map((l) => segmentRuns(l.sort((a, b) => a.x0 - b.x0), Math.max(...l.map((r) => r.size)), Infinity)[0]?.text ?? '')
    .filter((t) => t !== '')
    .reduce((a, b) => (a ? join(a, b) : b), '');
}
