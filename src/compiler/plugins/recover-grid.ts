import type { Inline, Line } from '../types.ts';
import { concat, slice, synthetic, trim, type Span } from '../text/span.ts';

const NUMBER = /^\(?[△▲-]?\d[\d,.]*(?:%|개|명|건|개사|억원|백만원|천원|원|년|배)?\)?$/u;
const UNIT = /^(?:%|개|명|건|개사|억원|백만원|천원|원|년|배)\)?$/u;
const EMPTY_CELL = /^[-–]$/u;

export type GridResult = { ok: true; rows: Inline[][][]; unit?: Line; rowLines?: number[] } | { ok: false; reason: string };

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

/** A column label of a numeric table: a year or number, with a unit glued or written apart (`2000 년`, `‘04`). */
const COLUMN = /^(?:[‘’']?\d{2,4}(?:년|년도|월)?|\d+(?:\.\d+)?%?)$/u;
/** A suffix the flattening split off its column label (`2000` / `년`). */
const SUFFIX = /^(?:년|년도|월|%|\([^()]{1,8}\))$/u;

/**
 * Rule structure/flattened-table, grouped grids: rows of `label v1 … vk` where labels and
 * values may be spread over several lines (a label wrapped before its values, values written
 * one per line, `27` / `(224)` pairs of a value and its total in one cell), and where group
 * labels (a merged cell spanning the rows below it) come out as text lines before the first
 * row of their group. Group labels become their own row (label only); a header whose column
 * labels were split from their unit (`2000` / `년`) is glued back. Fails, naming the line,
 * on anything else: a wrong table is worse than none.
 */
export function recoverGroupedGrid(body: Line[], vocab: { join: (a: string, b: string) => boolean }): GridResult {
  const lines = body.filter((l) => !l.blank && !l.removed && !l.footnote);
  const unit = lines[0] && /^\(단위\s*[:：]/u.test(lines[0].text.text) ? lines.shift() : undefined;
  const parsed = lines.map((l) => ({ line: l, ...splitTail(l.text) }));
  // The header: the shortest prefix of lines whose tokens end in at least two column labels
  // (units glued back) and that the next line does not continue (`2004` / `년`).
  let headerEnd = -1;
  let headerCells: Span[] = [];
  let k = 0;
  for (let h = 0; h < parsed.length - 1 && h < 40; h++) {
    const tokens = gluedTokens(parsed.slice(0, h + 1).map((p) => p.line.text));
    let c = 0;
    while (c < tokens.length - 1 && COLUMN.test(tokens[tokens.length - 1 - c]!.text.replace(/\s+/gu, ''))) c++;
    const next = parsed[h + 1]!.line.text.text.trim().split(/\s+/u)[0] ?? '';
    if (c >= 2 && !SUFFIX.test(next) && !COLUMN.test(next)) {
      headerEnd = h;
      k = c;
      headerCells = [joinTokens(tokens.slice(0, tokens.length - c)), ...tokens.slice(-c)];
      break;
    }
  }
  if (headerEnd < 0) return { ok: false, reason: 'no header line of column labels (years or numbers)' };
  const rows: Inline[][][] = [headerCells.map(cell)];
  const rowLines: number[] = [parsed[0]!.line.n];
  let fragments: (typeof parsed)[number][] = [];
  const position = new Map(parsed.map((p, k) => [p, k]));
  const next = (p: (typeof parsed)[number]) => parsed[position.get(p)! + 1]?.line.text.text.trim() ?? null;
  let pending: { label: Span; values: Span[]; line: number } | null = null;
  const flushGroup = (frags: typeof fragments) => {
    if (!frags.length) return;
    rows.push([cell(joinLabel(frags.map((f) => f.line.text), vocab))]);
    rowLines.push(frags[0]!.line.n);
  };
  for (const p of parsed.slice(headerEnd + 1)) {
    if (pending) {
      if (p.label.text !== '' || p.values.length === 0) return { ok: false, reason: `line ${p.line.n} interrupts the values of the row at line ${pending.line}` };
      pending.values.push(...p.values);
    } else if (p.values.length === 0) {
      fragments.push(p);
      continue;
    } else if (p.label.text !== '') {
      // A row label written with its values; a one- or two-syllable label, or one that makes
      // one word with the fragment above it, continues it (`참여과제` / `수 53 …`, `중소기업부담` /
      // `연구비(B) …`); earlier fragments are a group label.
      const last = fragments.at(-1);
      const continues = last && continuesLabel(last.line.text.text, p.label.text, vocab);
      const own = continues ? [fragments.pop()!.line.text, p.label] : [p.label];
      flushGroup(fragments);
      fragments = [];
      pending = { label: joinLabel(own, vocab), values: [...p.values], line: p.line.n };
    } else {
      // Values alone: the last fragment is the row label, with the fragments before it that it
      // continues (`중소기업2) 참여과제` / `수`, `총투입인력M/M` / `(정규직총원)`); earlier ones are a group label.
      if (fragments.length === 0) return { ok: false, reason: `line ${p.line.n} holds values without a row label` };
      let from = fragments.length - 1;
      while (from > 0 && continuesLabel(fragments[from - 1]!.line.text.text, fragments[from]!.line.text.text, vocab)) from--;
      flushGroup(fragments.slice(0, from));
      pending = { label: joinLabel(fragments.slice(from).map((f) => f.line.text), vocab), values: [...p.values], line: fragments[from]!.line.n };
      fragments = [];
    }
    const cells = pairValues(pending.values);
    if (cells.length > k) return { ok: false, reason: `line ${p.line.n} gives the row at line ${pending.line} more than ${k} values` };
    // In a row of value-and-total pairs, the last value waits for its total on the next line.
    const waits = cells.some((c) => c.text.includes('(')) && !cells.at(-1)!.text.includes('(') && next(p) !== null && /^\(\d[\d,.]*\)$/u.test(next(p)!);
    if (cells.length === k && !waits) {
      rows.push([cell(pending.label), ...cells.map(cell)]);
      rowLines.push(pending.line);
      pending = null;
    }
  }
  if (pending) return { ok: false, reason: `the row at line ${pending.line} has fewer than ${k} values` };
  if (fragments.length) return { ok: false, reason: `line ${fragments[0]!.line.n} is text after the last row` };
  if (rows.length < 3) return { ok: false, reason: 'fewer than two rows' };
  return { ok: true, rows, unit, rowLines };
}

/** `b` continues the label `a`: a one- or two-syllable tail, a parenthesis, or one word with it. */
function continuesLabel(a: string, b: string, vocab: { join: (a: string, b: string) => boolean }): boolean {
  const t = b.trim();
  return [...t.replace(/\s+/gu, '')].length <= 2 || t.startsWith('(') || vocab.join(a, t);
}

/** Splits trailing numeric values off a line (`label v v v`, or values alone). */
function splitTail(span: Span): { label: Span; values: Span[] } {
  const tokens: [number, number][] = [];
  for (const m of span.text.matchAll(/\S+/gu)) tokens.push([m.index!, m.index! + m[0].length]);
  const values: Span[] = [];
  let i = tokens.length - 1;
  while (i >= 0) {
    const t = span.text.slice(...tokens[i]!);
    if (UNIT.test(t) && i >= 1 && NUMBER.test(span.text.slice(...tokens[i - 1]!)) && !UNIT.test(span.text.slice(...tokens[i - 1]!))) {
      values.unshift(slice(span, tokens[i - 1]![0], tokens[i]![1]));
      i -= 2;
    } else if (NUMBER.test(t) || EMPTY_CELL.test(t)) {
      values.unshift(slice(span, ...tokens[i]!));
      i -= 1;
    } else break;
  }
  const label = i >= 0 ? trim(slice(span, 0, tokens[i]![1])) : slice(span, 0, 0);
  // A label that is only a footnote-like marker (`1)`) is not a label.
  return { label, values };
}

/** A value followed by its total in parentheses (`27` / `(224)`) is one cell. */
function pairValues(values: Span[]): Span[] {
  const out: Span[] = [];
  for (const v of values) {
    const prev = out.at(-1);
    if (prev && /^\(\d[\d,.]*\)$/u.test(v.text) && /^[\d,.]+$/u.test(prev.text)) out[out.length - 1] = concat(prev, synthetic(' '), v);
    else out.push(v);
  }
  return out;
}

function gluedTokens(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    for (const m of s.text.matchAll(/\S+/gu)) {
      const t = slice(s, m.index!, m.index! + m[0].length);
      const prev = out.at(-1);
      if (prev && SUFFIX.test(t.text) && COLUMN.test(prev.text)) out[out.length - 1] = concat(prev, t);
      else out.push(t);
    }
  }
  return out;
}

function joinTokens(tokens: Span[]): Span {
  if (!tokens.length) return synthetic('');
  const parts: Span[] = [tokens[0]!];
  for (const t of tokens.slice(1)) parts.push(synthetic(' '), t);
  return concat(...parts);
}

function joinLabel(spans: Span[], vocab: { join: (a: string, b: string) => boolean }): Span {
  const parts: Span[] = [];
  for (const s of spans.map(trim).filter((s) => s.text)) {
    const prev = parts.at(-1);
    if (prev && !vocab.join(prev.text, s.text)) parts.push(synthetic(' '));
    parts.push(s);
  }
  return parts.length ? concat(...parts) : synthetic('');
}

/**
 * A `tableRows` override: the rows of a flattened table as cells that spell its body text.
 * Each cell is found in the body (white space ignored), after the previous cell when it can
 * be (row order), anywhere unused otherwise (a column the extraction emitted on its own), and
 * keeps its source characters; `{…}` cells are text the source lost. Fails, naming the cell or
 * the lines left over, unless the cells use every character of the body exactly once.
 */
export function gridFromRows(body: Line[], spec: string[]): GridResult {
  const lines = body.filter((l) => !l.blank && !l.removed && !l.footnote);
  const unit = lines[0] && /^\(단위\s*[:：]/u.test(lines[0].text.text) ? lines.shift() : undefined;
  const chars: { line: number; at: number; c: string }[] = [];
  lines.forEach((l, li) => {
    for (let k = 0; k < l.text.text.length; k++) if (!/\s/u.test(l.text.text[k]!)) chars.push({ line: li, at: k, c: l.text.text[k]! });
  });
  // Middle-dot variants count as one character (the cleaned text may show `·` for `․`).
  const norm = (t: string) => t.replace(/[·‧․ㆍ]/gu, '·');
  const stream = norm(chars.map((c) => c.c).join(''));
  const used = new Uint8Array(chars.length);
  let cursor = 0;
  const find = (want: string): number => {
    for (const from of [cursor, 0]) {
      for (let at = stream.indexOf(want, from); at >= 0; at = stream.indexOf(want, at + 1)) {
        let free = true;
        for (let k = at; k < at + want.length && free; k++) if (used[k]) free = false;
        if (free) return at;
      }
    }
    return -1;
  };
  const rows: Inline[][][] = [];
  for (const row of spec) {
    const cells: Inline[][] = [];
    for (const raw of row.split('|').map((c) => c.trim())) {
      if (/^\{.*\}$/u.test(raw)) {
        cells.push(cell(synthetic(raw.slice(1, -1))));
        continue;
      }
      const want = norm(raw.replace(/\s+/gu, ''));
      if (!want) {
        cells.push([]);
        continue;
      }
      const at = find(want);
      if (at < 0) return { ok: false, reason: `the tableRows cell “${raw}” is not in the table's text (or its text is used twice)` };
      for (let k = at; k < at + want.length; k++) used[k] = 1;
      cursor = at + want.length;
      // The cell's characters, run by run within each line; a space where the cell has one.
      const parts: Span[] = [];
      let k = at;
      let seen = 0;
      while (k < at + want.length) {
        let e = k;
        while (e + 1 < at + want.length && chars[e + 1]!.line === chars[k]!.line) e++;
        const l = lines[chars[k]!.line]!;
        if (parts.length) parts.push(/\s/u.test(raw[indexOfNth(raw, seen) - 1] ?? '') ? synthetic(' ') : synthetic(''));
        parts.push(slice(l.text, chars[k]!.at, chars[e]!.at + 1));
        seen += e - k + 1;
        k = e + 1;
      }
      cells.push(cell(concat(...parts)));
    }
    rows.push(cells);
  }
  const left = chars.findIndex((_, k) => !used[k]);
  if (left >= 0) return { ok: false, reason: `the tableRows cells leave text of line ${lines[chars[left]!.line]!.n} unused` };
  return { ok: true, rows, unit };
}

/** Index in `s` of its n-th non-space character. */
function indexOfNth(s: string, n: number): number {
  let seen = 0;
  for (let i = 0; i < s.length; i++) {
    if (/\s/u.test(s[i]!)) continue;
    if (seen === n) return i;
    seen++;
  }
  return s.length;
}
