import type { VFile } from 'vfile';
import type { DocTree } from '../types.ts';
import { EMPTY } from '../text/span.ts';
import { endsSentence } from '../text/join.ts';

const PAGE_LABEL = /^\s*-\s*(?:[ivxlcdm]+|\d{1,3})\s*-\s*$/i;
const BARE_NUMBER = /^\s*(\d{1,3})\s*$/u;

/**
 * Bare page numbers (`12` alone between blank lines) are told from table cells by their run:
 * page numbers rise by one to three from one to the next, a page (at least MIN_PAGE lines)
 * apart, and a document has several. Returns the indexes of the lines that are page numbers.
 */
function barePageNumbers(lines: DocTree['lines']): Set<number> {
  const MIN_PAGE = 15;
  const chain: number[] = [];
  let last = -1;
  let lastAt = -MIN_PAGE;
  for (let i = 0; i < lines.length; i++) {
    const m = BARE_NUMBER.exec(lines[i]!.raw);
    if (!m || !(lines[i - 1]?.blank ?? true) || !(lines[i + 1]?.blank ?? true)) continue;
    const value = Number(m[1]);
    if (i - lastAt < MIN_PAGE) continue;
    if (last < 0 ? value <= 20 : value > last && value - last <= 3) {
      chain.push(i);
      last = value;
      lastAt = i;
    }
  }
  // Three numbers, or two consecutive ones (a short document has few pages).
  const consecutive = chain.length === 2 && Number(lines[chain[1]!]!.raw.trim()) === Number(lines[chain[0]!]!.raw.trim()) + 1;
  return new Set(chain.length >= 3 || consecutive ? chain : []);
}

/**
 * Removes page-label lines (`- xiii -`, or a bare `12` in a rising run of page numbers) and marks the blank lines around them soft, so the
 * text on either side joins as one paragraph (seed-004 R1).
 */
export default function cleanPageLabels() {
  return (tree: DocTree, file: VFile) => {
    const { lines } = tree;
    const bare = barePageNumbers(lines);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.blank || !(PAGE_LABEL.test(line.raw) || bare.has(i))) continue;
      // A run of such lines in a table (`- - -` cells) is not a page label: require blank or
      // text neighbours that are not themselves dash cells.
      const prev = lines[i - 1]?.raw ?? '';
      const next = lines[i + 1]?.raw ?? '';
      if (/^\s*-\s*\d/.test(line.raw) && (/^[\s\d-]+$/.test(prev) && prev.trim() !== '' || /^[\s\d-]+$/.test(next) && next.trim() !== '')) continue;
      line.removed = 'clean/page-label';
      file.data.artifacts!.push({ rule: 'clean/page-label', start: line.start, end: line.start + line.raw.length });
      line.text = EMPTY;
      // Only a label inside a sentence joins its two halves; after a finished sentence the
      // blank lines keep separating paragraphs.
      if (finishedBefore(lines, i)) continue;
      for (let j = i - 1; j >= 0 && lines[j]!.blank; j--) lines[j]!.soft = true;
      for (let j = i + 1; j < lines.length && lines[j]!.blank; j++) lines[j]!.soft = true;
    }
    removeRunningHeads(tree, file);
  };
}

/**
 * Rule clean/running-head: a running header or footer is a short line that recurs next to the
 * page labels (within two non-blank lines of a removed label, blank lines skipped) at least
 * three times, next to at least half of the labels, with the same text. It goes like the label, and the blank lines around it become
 * soft when the text before it is unfinished. Linear: one pass to count, one to remove.
 */
function removeRunningHeads(tree: DocTree, file: VFile) {
  const { lines } = tree;
  const near = (i: number, step: 1 | -1): number[] => {
    const out: number[] = [];
    for (let j = i + step; j >= 0 && j < lines.length && out.length < 2; j += step) {
      const l = lines[j]!;
      if (l.blank) continue;
      if (l.removed) break;
      out.push(j);
    }
    return out;
  };
  const candidates = new Map<string, number[]>();
  let labels = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.removed !== 'clean/page-label') continue;
    labels++;
    for (const j of [...near(i, -1), ...near(i, 1)]) {
      const text = lines[j]!.raw.trim();
      // Not a sentence, a table row or fence, or a list item: those recur by content.
      if (text.length > 60 || /[.。]$/u.test(text) || /^\[\/?표\]$|^\||\t/u.test(text) || /^[□■○ㅇ❍●▪•◦※◇◆▶*-]/u.test(text)) continue;
      const list = candidates.get(text) ?? [];
      if (!list.includes(j)) list.push(j);
      candidates.set(text, list);
    }
  }
  for (const [, at] of candidates) {
    // A running head is on (nearly) every page: next to at least half of the labels.
    if (at.length < 3 || at.length < labels / 2) continue;
    for (const i of at) {
      const line = lines[i]!;
      line.removed = 'clean/running-head';
      file.data.artifacts!.push({ rule: 'clean/running-head', start: line.start, end: line.start + line.raw.length });
      line.text = EMPTY;
      if (finishedBefore(lines, i)) continue;
      for (let j = i - 1; j >= 0 && (lines[j]!.blank || lines[j]!.removed); j--) if (lines[j]!.blank) lines[j]!.soft = true;
      for (let j = i + 1; j < lines.length && (lines[j]!.blank || lines[j]!.removed); j++) if (lines[j]!.blank) lines[j]!.soft = true;
    }
  }
}

/** The last text line before line `i` (blank and removed lines skipped) ends a sentence. */
function finishedBefore(lines: DocTree['lines'], i: number): boolean {
  let before = i - 1;
  while (before >= 0 && (lines[before]!.blank || lines[before]!.removed)) before--;
  return before >= 0 && endsSentence(lines[before]!.raw.trim());
}
