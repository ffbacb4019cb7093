import type { VFile } from 'vfile';
import type { DocTree, Inline, Line, TableBlock } from '../types.ts';
import { slice, trim, type Span } from '../text/span.ts';
import { report } from '../messages.ts';
import { overrideApplied } from '../metadata/check-overrides.ts';

/**
 * Finds tables written as text and claims their lines (they are zoned, so no other rule
 * touches them):
 * - `[표]` … `[/표]` fences with one `| a | b |` row per line (HWP extractions);
 * - runs of tab-separated lines;
 * - `|`-terminated cells, one cell per line (portal pages): the column count is the smallest
 *   divisor of the cell count; when several divisors are plausible, an override decides.
 * Tables are stored in `tree.tables` by first line; detect-blocks places them.
 * In an ingested document (meta `ingested`, written by `npm run add`) the fences are the
 * file's own tables and nothing else is guessed: tabs and `|` stay text.
 */
export default function detectTables() {
  return (tree: DocTree, file: VFile) => {
    const { lines } = tree;
    tree.tables = new Map();
    let zone = 1_000_000;
    const explicitOnly = file.data.meta?.ingested !== undefined;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      // Footnote bodies were set aside first (detect-footnote-bodies): never table rows too.
      if (line.blank || line.removed || line.zone !== undefined || line.footnote) continue;
      const text = line.text.text;
      if (/^\[표\]$/u.test(text)) {
        let j = i + 1;
        while (j < lines.length && !(/^\[\/표\]$/u.test(lines[j]!.text.text) && !lines[j]!.footnote)) j++;
        if (j >= lines.length) continue; // unclosed: plain text
        const rows: Inline[][][] = [];
        const rowLines: number[] = [];
        for (let k = i + 1; k < j; k++) {
          const l = lines[k]!;
          if (l.blank || l.footnote) continue;
          rows.push(pipeRow(l.text, file));
          rowLines.push(l.n);
        }
        zone++;
        for (let k = i; k <= j; k++) lines[k]!.zone = zone;
        artifact(file, line.text);
        artifact(file, lines[j]!.text);
        tree.tables.set(line.n, { type: 'table', from: line.n, to: lines[j]!.n, rows, rowLines });
        i = j;
        continue;
      }
      if (explicitOnly) continue;
      if (text.includes('\t') && lines[i + 1]?.text.text.includes('\t') && !lines[i + 1]!.footnote) {
        let j = i;
        while (j < lines.length && lines[j]!.text.text.includes('\t') && !lines[j]!.removed && !lines[j]!.footnote) j++;
        // Tab-aligned list lines (`□ 사업명\t: …` twice) are items whose tabs align text, not a
        // table: a run is a table only when its lines do not all open with a list marker and at
        // least two of them hold two or more cells.
        const run = lines.slice(i, j);
        const cellCount = (l: Line) => l.text.text.split('\t').filter((c) => c.trim()).length;
        if (run.every((l) => LIST_MARKER.test(l.text.text)) || run.filter((l) => cellCount(l) >= 2).length < 2) {
          i = j - 1;
          continue;
        }
        zone++;
        const rows = lines.slice(i, j).map((l) => splitCells(l.text, /\t/u).map(cell));
        for (let k = i; k < j; k++) lines[k]!.zone = zone;
        tree.tables.set(line.n, { type: 'table', from: line.n, to: lines[j - 1]!.n, rows, rowLines: lines.slice(i, j).map((l) => l.n) });
        i = j - 1;
        continue;
      }
      if (/\S\s*\|$/u.test(text) && !text.startsWith('|')) {
        const found = pipeCells(lines, i);
        if (!found) continue;
        const { cells, end, bars } = found;
        for (const b of bars) file.data.artifacts!.push({ rule: 'clean/table-pipe', start: b, end: b + 1 });
        let override = file.data.overrides!.tables.find((t) => t.line === line.n);
        // The override must name this table's text and a column count its cells fill.
        if (override && !text.startsWith(override.expect) && !line.raw.trimStart().startsWith(override.expect)) {
          report(file, 'override/unknown-target', `Unexpected text at source line ${line.n}: the override expects it to start with “${override.expect}”`, line.n);
          override = undefined;
        } else if (override && cells.length % override.columns !== 0) {
          report(file, 'override/unknown-target', `Unexpected tables override: the table at source line ${line.n} has ${cells.length} cells, which do not fill ${override.columns} columns (${divisors(cells.length).join(', ') || 'no other count'} would)`, line.n);
          override = undefined;
        }
        if (override) overrideApplied(file, override);
        const columns = override?.columns ?? columnsOf(cells.length);
        if (!override && ambiguous(cells.length)) {
          report(file, 'structure/table-ambiguous', `Unexpected ambiguous pipe table: ${cells.length} cells could be ${divisors(cells.length).join(' or ')} columns; add an override`, line.n);
        }
        zone++;
        for (let k = i; k <= end; k++) lines[k]!.zone = zone;
        const rows: Inline[][][] = [];
        for (let c = 0; c < cells.length; c += columns) rows.push(cells.slice(c, c + columns).map((parts) => parts.map((s) => ({ type: 'text', span: s }) as Inline)));
        tree.tables.set(line.n, { type: 'table', from: line.n, to: lines[end]!.n, rows });
        i = end;
      }
    }

    function artifact(f: VFile, span: Span) {
      for (let k = 0; k < span.text.length; k++) if (span.text[k] !== ' ' && span.map[k]! >= 0) f.data.artifacts!.push({ rule: 'clean/table-pipe', start: span.map[k]!, end: span.map[k]! + 1 });
    }

    function pipeRow(span: Span, f: VFile): Inline[][] {
      let s = trim(span);
      const pipes: number[] = [];
      for (let k = 0; k < s.text.length; k++) if (s.text[k] === '|') pipes.push(k);
      for (const k of pipes) f.data.artifacts!.push({ rule: 'clean/table-pipe', start: s.map[k]!, end: s.map[k]! + 1 });
      if (s.text.startsWith('|')) s = slice(s, 1);
      if (s.text.endsWith('|')) s = slice(s, 0, s.text.length - 1);
      return splitCells(s, /\|/u).map(cell);
    }

    /** Cells of a `|`-terminated run starting at line i; each cell ends with a line ending in `|`. */
    function pipeCells(all: Line[], i: number): { cells: Span[][]; end: number; bars: number[] } | null {
      const cells: Span[][] = [];
      const bars: number[] = [];
      let current: Span[] = [];
      let end = i;
      for (let k = i; k < all.length; k++) {
        const l = all[k]!;
        if (l.removed || l.zone !== undefined || l.footnote) break;
        if (l.blank) {
          if (current.length) break;
          continue;
        }
        const t = l.text.text;
        if (/\|$/u.test(t)) {
          const bar = t.length - 1;
          bars.push(l.text.map[bar]!);
          current.push(trim(slice(l.text, 0, bar)));
          cells.push(current);
          current = [];
          end = k;
          continue;
        }
        // A line without the bar continues a cell only if a bar follows within a few lines.
        let ahead = k + 1;
        while (ahead < all.length && ahead <= k + 8 && !/\|$/u.test(all[ahead]!.text.text) && !all[ahead]!.blank) ahead++;
        if (ahead < all.length && /\|$/u.test(all[ahead]!.text.text) && ahead <= k + 8) {
          current.push(l.text);
          continue;
        }
        break;
      }
      // Lines after the last bar (an unterminated tail) are not part of the table.
      return cells.length >= 2 ? { cells, end, bars } : null;
    }
  };
}

/** A 개조식 list marker opening a line (korean-conventions.md). */
const LIST_MARKER = /^\s*(?:[□■▣◇◆ㅇ○❍◯●▪▫◾◽•◦∘▶►▸▷※➊-➓❶-❿①-⑳△▲*-]|o\s)/u;

function splitCells(span: Span, sep: RegExp): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let k = 0; k <= span.text.length; k++) {
    if (k === span.text.length || sep.test(span.text[k]!)) {
      out.push(trim(slice(span, start, k)));
      start = k + 1;
    }
  }
  return out;
}

function cell(span: Span): Inline[] {
  return span.text ? [{ type: 'text', span }] : [];
}

function divisors(n: number): number[] {
  const out: number[] = [];
  for (let d = 2; d <= Math.min(6, n); d++) if (n % d === 0) out.push(d);
  return out;
}
function columnsOf(n: number): number {
  return divisors(n)[0] ?? 1;
}
function ambiguous(n: number): boolean {
  return divisors(n).length > 1;
}

declare module '../types.ts' {
  interface DocTree {
    tables?: Map<number, TableBlock>;
  }
}
