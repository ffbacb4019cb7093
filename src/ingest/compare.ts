/**
 * Compares produced source text with a reference text line by line, for the fidelity test
 * and `scripts/ingest-fidelity.ts`. Lines are matched in order (longest common subsequence),
 * so one extra or missing line costs one line, not every line after it.
 */
export interface Comparison {
  /** Reference lines found, in order, in the produced text. */
  matched: number;
  total: number;
  /** Reference lines not matched, with their 1-based line number. */
  missing: { line: number; text: string }[];
  /** Produced lines not matched. */
  extra: { line: number; text: string }[];
}

export function compareLines(reference: string[], produced: string[]): Comparison {
  const n = reference.length;
  const m = produced.length;
  // LCS table, one row of lengths at a time from the end, keeping the full table for backtracking.
  const width = m + 1;
  const table = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = reference[i] === produced[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const missing: Comparison['missing'] = [];
  const extra: Comparison['extra'] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (reference[i] === produced[j]) (i++, j++);
    else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) missing.push({ line: i + 1, text: reference[i++]! });
    else extra.push({ line: j + 1, text: produced[j++]! });
  }
  while (i < n) missing.push({ line: i + 1, text: reference[i++]! });
  while (j < m) extra.push({ line: j + 1, text: produced[j++]! });
  return { matched: table[0]!, total: n, missing, extra };
}

/**
 * The text units of a source text with table markup set aside: a `| a | b / c |` row gives
 * `a`, `b`, `c`; fences are dropped. Comparing units measures whether the same text comes in
 * the same order when the two texts decided differently what is a table and what a layout box.
 */
export function textUnits(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (/^\[\/?표\]$/u.test(line.trim())) continue;
    const t = line.trim();
    if (t.startsWith('|') && t.endsWith('|') && t.length > 1) {
      for (const cell of t.slice(1, -1).split(' | ')) for (const part of cell.split(' / ')) if (part.trim()) out.push(norm(part));
      continue;
    }
    // Inline cell fences (`[표] / | a | / [/표]`) inside a line are markup as well.
    for (const part of t.split(' / ')) {
      const p = part.replace(/^\[\/?표\]$/u, '').replace(/^\|\s*|\s*\|$/gu, '');
      for (const cell of p.split(' | ')) if (cell.trim()) out.push(norm(cell));
    }
  }
  return out;
}

function norm(s: string): string {
  return s.trim().replace(/\s+/gu, ' ');
}
