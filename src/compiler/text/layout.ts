/**
 * Layout evidence for line joins (rule clean/line-join): how wide a line is on the page it
 * came from, and whether the next line's first word would have fitted on it. A line that is
 * full (the next word did not fit) was wrapped by the layout engine and continues; a line
 * that ends well short of the page's width ended its block. Widths are in display columns:
 * a Hangul syllable, a CJK character, a full-width form or a box/circled marker takes two, a
 * Latin letter, a digit or a space one — the proportions of a printed Korean page.
 */

export function charWidth(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c < 0x1100) return 1;
  return c <= 0x115f || (c >= 0x2460 && c <= 0x24ff) || (c >= 0x25a0 && c <= 0x27bf) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ? 2 : 1;
}

export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += charWidth(s[i]!);
  return w;
}

/**
 * The wrap width of a hard-wrapped document, or null when its lines do not share one (one
 * paragraph per line, or a proportional layout too ragged to read). Wrapped text has a
 * crowd of lines just under the width (every full line) and almost none above it.
 * Linear in the number of lines (a histogram of widths).
 */
export function wrapWidth(widths: readonly number[]): number | null {
  const n = widths.length;
  if (n < 4) return null;
  const max = Math.max(...widths);
  const hist = new Int32Array(max + 2);
  for (const w of widths) hist[w]!++;
  // Lines within a band of BAND columns below each candidate width (a sliding window).
  const BAND = 6;
  let best = 0;
  let bestAt = 0;
  let window = 0;
  for (let w = 0; w <= max; w++) {
    window += hist[w]!;
    if (w - BAND >= 0) window -= hist[w - BAND]!;
    if (window >= best) {
      best = window;
      bestAt = w;
    }
  }
  // A short text needs a smaller crowd, but then nothing may stand above it, and the crowd
  // must be most of its lines (three similar one-line items are a list, not a wrapped page).
  const small = n < 24;
  if (bestAt < 30 || best < (small ? Math.max(3, Math.ceil(0.5 * n)) : Math.max(6, 0.1 * n))) return null;
  // Text above the crowd means lines that were not wrapped there (one paragraph per line).
  let above = 0;
  for (let w = bestAt + 4; w <= max; w++) above += hist[w]!;
  if (above > (small ? 0 : 0.05 * n)) return null;
  return bestAt;
}

/**
 * Columns of the first unit of the next line: one character, or a whole Latin word or number
 * with any opening bracket or quote before it (layout engines move `(Technological` whole).
 */
export function firstUnitWidth(next: string): number {
  const m = /^[(\[“‘"'<]*[A-Za-z0-9][A-Za-z0-9.,'’%-]*/u.exec(next);
  return m ? displayWidth(m[0]) : next ? charWidth(next[0]!) : 0;
}

/**
 * Whether a line of `width` columns, followed by `next`, was full: the next line's first unit
 * would not have fitted within the page width (less `slack` for line-to-line variation).
 */
export function isFull(width: number, next: string, pageWidth: number, slack = 4): boolean {
  return width + firstUnitWidth(next) > pageWidth - slack;
}
