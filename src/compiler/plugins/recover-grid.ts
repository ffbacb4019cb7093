import type { Inline, Line } from '../types.ts';
import { concat, slice, synthetic, trim, type Span } from '../text/span.ts';

const NUMBER = /^\(?[△▲-]?\d[\d,.]*(?:%|개|명|건|개사|억원|백만원|천원|원|년|배)?\)?$/u;
const UNIT = /^(?:%|개|명|건|개사|억원|백만원|천원|원|년|배)\)?$/u;
const EMPTY_CELL = /^[-–]$/u;

export type GridResult = { ok: true; rows: Inline[][][]; unit?: Line } | { ok: false; reason: string };

/**
 * Rule structure/flattened-table, the recoverable case: a captioned table whose body lines
 * are all "label value value …" with the same number of numeric values (a unit written apart,
 * `17 개`, stays with its number; `-` is an empty cell). The header is the text above the
 * first data row; it becomes one cell per word when the word count matches the columns,
 * otherwise only a `tableHeaders` override can say where its cells end (the flattened text
 * does not). Anything else stays verbatim: a wrong table is worse than none.
 */
export function recoverGrid(body: Line[], headerCells?: string[]): GridResult {
  const lines = body.filter((l) => !l.blank && !l.removed && !l.footnote);
  const unit = lines[0] && /^\(단위\s*[:：]/u.test(lines[0].text.text) ? lines.shift() : undefined;
  const parsed = lines.map((l) => ({ line: l, row: splitRow(l.text) }));
  const first = parsed.findIndex((p) => p.row !== null);
  if (first < 0) return { ok: false, reason: 'no row ends in numeric values' };
  const data = parsed.slice(first);
  const k = data[0]!.row!.values.length;
  const bad = data.find((p) => p.row === null || p.row.values.length !== k);
  if (bad) return { ok: false, reason: `line ${bad.line.n} is not a row of ${k} values` };
  if (data.length < 2) return { ok: false, reason: 'fewer than two rows' };
  const headerLines = parsed.slice(0, first).map((p) => p.line);
  const rows: Inline[][][] = [];
  if (headerLines.length > 0) {
    let span = headerLines[0]!.text;
    for (const l of headerLines.slice(1)) span = concat(span, synthetic(' '), l.text);
    const header = headerCells ? splitByCells(span, headerCells) : splitWords(span, k + 1);
    if (!header) {
      return { ok: false, reason: headerCells ? 'the tableHeaders cells do not spell the header text' : `the header “${span.text}” does not split into ${k + 1} cells by itself; a tableHeaders override can split it` };
    }
    rows.push(header.map(cell));
  }
  for (const p of data) rows.push([cell(p.row!.label), ...p.row!.values.map(cell)]);
  return { ok: true, rows, unit };
}

function cell(span: Span): Inline[] {
  return span.text ? [{ type: 'text', span }] : [];
}

/** Splits `label v1 v2 …` from the right: numbers, with a unit written apart kept with them. */
function splitRow(span: Span): { label: Span; values: Span[] } | null {
  const tokens: [number, number][] = [];
  for (const m of span.text.matchAll(/\S+/gu)) tokens.push([m.index!, m.index! + m[0].length]);
  const values: Span[] = [];
  let i = tokens.length - 1;
  while (i >= 1) {
    const [s, e] = tokens[i]!;
    const t = span.text.slice(s, e);
    if (UNIT.test(t) && i >= 2 && NUMBER.test(span.text.slice(...tokens[i - 1]!)) && !UNIT.test(span.text.slice(...tokens[i - 1]!))) {
      values.unshift(slice(span, tokens[i - 1]![0], e));
      i -= 2;
    } else if (NUMBER.test(t) || EMPTY_CELL.test(t)) {
      values.unshift(slice(span, s, e));
      i -= 1;
    } else break;
  }
  if (values.length === 0 || i < 0) return null;
  const label = trim(slice(span, 0, tokens[i]![1]));
  return label.text ? { label, values } : null;
}

function splitWords(span: Span, n: number): Span[] | null {
  const words = [...span.text.matchAll(/\S+/gu)];
  if (words.length === n) return words.map((m) => slice(span, m.index!, m.index! + m[0].length));
  // One missing label header (the first column's title lost): an empty first cell.
  if (words.length === n - 1) return [synthetic(''), ...words.map((m) => slice(span, m.index!, m.index! + m[0].length))];
  return null;
}

/** Maps override header cells onto the source span; null unless they spell it exactly. */
function splitByCells(span: Span, cells: string[]): Span[] | null {
  const squash = (s: string) => s.replace(/\s+/gu, '');
  if (squash(cells.join('')) !== squash(span.text)) return null;
  const out: Span[] = [];
  let pos = 0;
  for (const c of cells) {
    const need = squash(c).length;
    while (pos < span.text.length && /\s/u.test(span.text[pos]!)) pos++;
    const start = pos;
    let seen = 0;
    while (pos < span.text.length && seen < need) {
      if (!/\s/u.test(span.text[pos]!)) seen++;
      pos++;
    }
    out.push(need === 0 ? synthetic('') : trim(slice(span, start, pos)));
  }
  return out;
}
