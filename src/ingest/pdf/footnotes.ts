/**
 * Finds footnotes at the foot of each page: a trailing run of lines set smaller than the
 * body text, starting at a line that opens with a footnote marker (`1)`, `*`, `주1)`, `(1)`,
 * superscript digits, `1」`). Lines without a marker continue the footnote above them.
 * Small lines above the first marker (a table's 자료: line) stay in the body, and so do
 * tables: the run stops at a line inside drawn borders or split into cells.
 */
import type { Line } from './lines.ts';

export const FOOTNOTE_MARKER = /^(\d{1,3}\)|\*{1,3}|주\s?\d{0,3}\)|\(\d{1,3}\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[†‡]|\d{1,3}」|\d{1,3}(?=\s))\s*/u;

export interface PageFootnote {
  marker: string;
  lines: Line[];
  /** The footnote's text without its marker, lines joined. */
  text: string;
}

/**
 * `inTable` says whether a line is part of a table (inside drawn borders): a table set in
 * small type at the foot of a page is not a footnote zone, nor are lines split into cells.
 */
export function splitFootnotes(
  lines: Line[],
  bodySize: number,
  join: (a: string, b: string) => string,
  inTable: (line: Line) => boolean = () => false,
): { body: Line[]; footnotes: PageFootnote[] } {
  let start = lines.length;
  const small = (l: Line) => l.size <= bodySize * 0.9 && l.segments.length === 1 && !inTable(l);
  while (start > 0 && small(lines[start - 1]!)) start--;
  // The zone opens at the first marker line of the trailing small run.
  let open = -1;
  for (let i = start; i < lines.length; i++) {
    if (FOOTNOTE_MARKER.test(lines[i]!.text)) {
      open = i;
      break;
    }
  }
  if (open < 0) return { body: lines, footnotes: [] };
  const footnotes: PageFootnote[] = [];
  for (const line of lines.slice(open)) {
    const m = FOOTNOTE_MARKER.exec(line.text);
    const last = footnotes.at(-1);
    if (m || !last) {
      const marker = m ? m[1]! : '';
      footnotes.push({ marker, lines: [line], text: line.text.slice(m ? m[0].length : 0).trim() });
    } else {
      last.lines.push(line);
      last.text = join(last.text, line.text.trim());
    }
  }
  return { body: lines.slice(0, open), footnotes };
}
