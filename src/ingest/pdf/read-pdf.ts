/**
 * Reads a PDF's text layer into the ingest model: lines by geometry (lines.ts), running
 * headers, footers and page numbers removed by repetition (running.ts), footnotes at the
 * page foot (footnotes.ts), tables by aligned columns (tables.ts), paragraphs and headings
 * (paragraphs.ts), metadata guesses (meta.ts). Each block records its page.
 * A PDF without any text layer (scanned images) is an error; OCR is out of scope.
 */
import { joinDecision, vocabulary } from '../../compiler/text/join.ts';
import type { IngestedBlock, IngestedDocument, IngestedFootnote } from './model.ts';
import { readColumns } from './columns.ts';
import { splitFootnotes } from './footnotes.ts';
import { garbledWarning } from './garbled.ts';
import { findGrids, gridTable, inGrid } from './grid.ts';
import { linkFootnotes } from './link-footnotes.ts';
import { frameOf, pageLines, type Line } from './lines.ts';
import { loadPdf } from './load.ts';
import { guessMeta } from './meta.ts';
import { buildParagraphs, type LayoutFacts, type Paragraph } from './paragraphs.ts';
import { removeRunningMatter } from './running.ts';
import { findTables, type TableRegion } from './tables.ts';

/** Thrown when no page of the PDF has a text layer. */
export class PdfNoTextError extends Error {
  constructor(pages: number, scanned: number, rotated = 0) {
    super(
      `The PDF has no text layer on any of its ${pages} page(s)` +
        (scanned > 0
          ? `; ${scanned} page(s) are images only, so it is a scan. `
          : rotated > 0
            ? `: its only text runs vertically (${rotated} rotated runs), which the reader does not read. `
            : ': its pages hold no text. ') +
        'Text recognition (OCR) is out of scope: run OCR first so that the PDF holds selectable text, or add the text by hand.',
    );
    this.name = 'PdfNoTextError';
  }
}

/** The size most characters are set in. */
function bodySizeOf(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) {
    const k = Math.round(l.size * 2) / 2;
    weight.set(k, (weight.get(k) ?? 0) + l.text.length);
  }
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/**
 * The gap between the glyph boxes of consecutive lines inside a paragraph. Documents of
 * many one-line paragraphs make the paragraph gap the most common one, so this takes the
 * smallest gap that recurs (at least 2 times and 5% of all gaps), not the most frequent.
 */
function leadingOf(pages: Line[][], bodySize: number): number {
  const counts = new Map<number, number>();
  let total = 0;
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const [a, b] = [lines[i - 1]!, lines[i]!];
      if (Math.abs(a.size - bodySize) > 0.6 || Math.abs(b.size - bodySize) > 0.6) continue;
      const gap = Math.round((b.top - a.bottom) * 2) / 2;
      if (gap > 0) {
        counts.set(gap, (counts.get(gap) ?? 0) + 1);
        total++;
      }
    }
  }
  const recurring = [...counts.entries()].filter(([, n]) => n >= Math.max(2, total * 0.05)).map(([g]) => g);
  return recurring.length > 0 ? Math.min(...recurring) : bodySize * 0.5;
}

/**
 * Whether the writer wrapped Korean at spaces only: among at least 20 wraps of full
 * lines between Hangul, at most 5% join two fragments into a word the document writes whole
 * elsewhere. Writers that wrap between any syllables cut such words often (≈ 1 wrap in 5
 * on the corpus-extra prints).
 */
function wrapsAtSpacesOnly(wraps: [string, string][], vocab: { has(t: string): boolean }): boolean {
  const bare = (t: string) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  let hangul = 0;
  let cuts = 0;
  for (const [whole, next] of wraps) {
    const a = bare(whole.split(/\s+/u).at(-1) ?? '');
    const b = bare(next.split(/\s+/u)[0] ?? '');
    if (!/[가-힣]$/u.test(a) || !/^[가-힣]/u.test(b)) continue;
    hangul++;
    if (vocab.has(a + b) && !(vocab.has(a) && vocab.has(b))) cuts++;
  }
  return hangul >= 20 && cuts <= hangul * 0.05;
}

export async function readPdf(bytes: Uint8Array): Promise<IngestedDocument> {
  const pdf = await loadPdf(bytes);
  const warnings: string[] = [];
  const empty = pdf.pages.filter((p) => p.runs.length === 0);
  const scanned = empty.filter((p) => p.images > 0).map((p) => p.number);
  if (empty.length === pdf.pages.length) throw new PdfNoTextError(pdf.pages.length, scanned.length, pdf.pages.reduce((n, p) => n + p.rotated, 0));
  if (scanned.length > 0) {
    warnings.push(`Page(s) ${scanned.join(', ')} are images without a text layer (scanned); their content is missing. OCR is out of scope.`);
  }

  // Running matter first (it sits at the page edges in top-to-bottom order), then columns.
  const raw = pdf.pages.map(pageLines);
  const edges = removeRunningMatter(
    raw,
    pdf.pages.map((p) => p.height),
  );
  const running = { ...edges, pages: edges.pages.map((lines, i) => readColumns(lines, pdf.pages[i]!.width)) };
  const all = running.pages.flat();
  const bodySize = bodySizeOf(all);
  const vocab = vocabulary(all.map((l) => l.text));
  const joinText = (a: string, b: string) => (joinDecision(a, b, vocab) === 'space' ? `${a} ${b}` : a + b);

  const footnotes: IngestedFootnote[] = [];
  const gridsOf = pdf.pages.map((p) => findGrids(p.rules));
  const bodyPages = running.pages.map((lines, i) => {
    const split = splitFootnotes(lines, bodySize, joinText, (l) => gridsOf[i]!.some((g) => inGrid(l, g)));
    for (const fn of split.footnotes) footnotes.push({ marker: fn.marker, text: fn.text, origin: { page: pdf.pages[i]!.number } });
    return split.body;
  });

  const facts: LayoutFacts = { bodySize, leading: leadingOf(bodyPages, bodySize), left: new Map(), right: new Map() };
  const items: (Line | TableRegion)[] = [];
  bodyPages.forEach((lines, i) => {
    // Bordered tables first (exact cells from the rules), then aligned columns.
    const grids = gridsOf[i]!;
    const framed = grids.map((g) => ({ grid: g, lines: lines.filter((l) => inGrid(l, g)) })).filter((f) => f.lines.length > 0);
    const inside = new Set(framed.flatMap((f) => f.lines));
    const flow: (Line | TableRegion)[] = [...findTables(lines.filter((l) => !inside.has(l)), joinText), ...framed.map((f) => gridTable(f.grid, f.lines, joinText))];
    // Reading order is the order of the lines (columns already read one after the other).
    const order = new Map(lines.map((l, k) => [l, k]));
    const at = (r: Line | TableRegion) => order.get('kind' in r ? r.lines[0]! : r)!;
    const regions = flow.sort((a, b) => at(a) - at(b));
    const plain = regions.filter((r): r is Line => !('kind' in r));
    for (const l of plain) {
      const key = frameOf(l);
      facts.left.set(key, Math.min(facts.left.get(key) ?? Infinity, l.x0));
      facts.right.set(key, Math.max(facts.right.get(key) ?? -Infinity, l.x1));
    }
    items.push(...regions);
  });

  const joinLines = (whole: string, next: string, prev?: Line) => {
    // A line that stops short of the right edge by more than a character was broken at a
    // word boundary by the writer: a space. A full line is ambiguous (Korean wraps inside
    // words too); the compiler's line-join rule decides from the document's vocabulary.
    const right = prev ? facts.right.get(frameOf(prev)) : undefined;
    if (prev && right !== undefined && prev.x1 < right - prev.size * 1.2) return `${whole} ${next}`;
    // Some writers keep the space glyph at the end of a wrapped line.
    if (prev && /\s$/u.test(prev.runs.at(-1)?.text ?? '')) return `${whole} ${next}`;
    if (wrapsAtSpaces && !/[(\[「『‘“/-]$/u.test(whole) && !/^[)\]」』’”,.]/u.test(next)) return `${whole} ${next}`;
    return joinText(whole, next);
  };
  // A first pass collects the full-line wraps to learn how the writer wraps Korean: when
  // no wrap cuts a word the document writes whole elsewhere, it wraps at spaces only
  // (어절 wrapping), and every wrap is a space.
  let wrapsAtSpaces = false;
  const wraps: [string, string][] = [];
  buildParagraphs(items, facts, (whole, next, prev) => {
    const right = prev ? facts.right.get(frameOf(prev)) : undefined;
    if (prev && right !== undefined && prev.x1 >= right - prev.size * 1.2) wraps.push([whole, next]);
    return `${whole} ${next}`;
  });
  // Tokens inside lines only: a line's first and last tokens may be the fragments in question.
  wrapsAtSpaces = wrapsAtSpacesOnly(wraps, vocabulary(all.map((l) => l.text.split(/\s+/u).slice(1, -1).join(' '))));
  const built = buildParagraphs(items, facts, joinLines);

  const blocks: IngestedBlock[] = built.map((b) =>
    b.kind === 'table'
      ? { kind: 'table', rows: b.rows, origin: { page: b.lines[0]!.page }, ...(b.flagged ? { flagged: true } : {}) }
      : { kind: 'paragraph', text: b.text, origin: { page: b.lines[0]!.page }, ...(b.heading ? { heading: b.heading } : {}) },
  );
  for (const b of built) {
    if (b.kind === 'table' && b.flagged) warnings.push(`Page ${b.lines[0]!.page}: a table's grid is uncertain (merged or misaligned cells); check it against the PDF.`);
  }
  const garbled = garbledWarning([...blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.rows.flat())), ...footnotes.map((f) => f.text)]);
  if (garbled) warnings.push(garbled);
  const links = linkFootnotes({ blocks, footnotes });
  links.forEach((at, k) => {
    const fn = footnotes[k]!;
    if (at < 0) warnings.push(`Page ${fn.origin.page}: no marker “${fn.marker}” found in the text for the footnote “${fn.text.slice(0, 30)}”.`);
  });

  const firstPage = built.filter((b): b is Paragraph => b.kind === 'paragraph' && b.lines[0]!.page === pdf.pages[0]!.number);
  return {
    blocks,
    footnotes,
    meta: guessMeta(firstPage, pdf.info),
    stats: {
      pages: pdf.pages.length,
      paragraphs: blocks.filter((b) => b.kind === 'paragraph').length,
      tables: blocks.filter((b) => b.kind === 'table').length,
      footnotes: footnotes.length,
      removed: running.removed.length,
    },
    warnings,
  };
}
