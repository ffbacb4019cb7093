import type { Block, Footnote, IngestedDocument, Origin, TableCell } from './model.ts';
import { Numberer, type HeadDef } from './numbering.ts';

/**
 * The reader-neutral middle of the HWP and HWPX readers: a paragraph as the file holds it
 * (text runs with tables, text boxes and notes at their place, and the paragraph's head),
 * turned into the model's blocks in reading order.
 */
export type Run =
  | { type: 'text'; text: string }
  | { type: 'table'; floating?: boolean; rows: number; cols: number; cells: { row: number; col: number; rowSpan: number; colSpan: number; paragraphs: RawParagraph[] }[] }
  | { type: 'box'; floating?: boolean; paragraphs: RawParagraph[] }
  | { type: 'note'; kind: 'footnote' | 'endnote'; number: number; paragraphs: RawParagraph[] };

export interface RawParagraph {
  runs: Run[];
  head?: HeadDef;
  style?: string;
}

export class Builder {
  private blocks: Block[] = [];
  private footnotes: Footnote[] = [];
  private numberer = new Numberer();
  private format: IngestedDocument['format'];
  private tables = 0;
  private noteCount = 0;
  constructor(format: IngestedDocument['format']) {
    this.format = format;
  }

  private skips = new Map<string, number>();
  /** Something in the file that is not body text and is left out (told to the user). */
  skipped(what: string) {
    this.skips.set(what, (this.skips.get(what) ?? 0) + 1);
  }

  /** A top-level body paragraph. */
  paragraph(p: RawParagraph, origin: Origin) {
    this.emit(p, origin, this.blocks);
  }

  private emit(p: RawParagraph, origin: Origin, out: Block[]) {
    const prefix = this.numberer.text(p.head);
    const outline = p.head?.kind === 'outline' ? p.head.level + 1 : undefined;
    let text = prefix;
    let any = false;
    const flush = () => {
      if (any || text.trim()) {
        for (const line of text.split('\n')) if (line.trim()) out.push({ type: 'paragraph', text: line, origin, ...(outline ? { outline } : {}) });
      }
      text = '';
      any = false;
    };
    // An object that floats (not placed like a character) is anchored to the paragraph but
    // laid out below its text: it is read after the text.
    const runs = [...p.runs.filter((r) => !('floating' in r && r.floating)), ...p.runs.filter((r) => 'floating' in r && r.floating)];
    for (const run of runs) {
      switch (run.type) {
        case 'text':
          text += run.text;
          if (run.text.trim()) any = true;
          break;
        case 'note':
          text += this.note(run, origin);
          any = true;
          break;
        case 'table': {
          flush();
          if (isLayoutBox(run)) {
            this.layoutBox(run, origin, out);
            break;
          }
          const n = ++this.tables;
          const cells: TableCell[] = run.cells.map((c) => ({
            row: c.row,
            col: c.col,
            rowSpan: c.rowSpan,
            colSpan: c.colSpan,
            paragraphs: c.paragraphs.flatMap((cp) => this.inline(cp, { ...origin, detail: `표 ${n} ${c.row + 1}행 ${c.col + 1}열` })),
          }));
          out.push({ type: 'table', rows: run.rows, cols: run.cols, cells, origin: { ...origin, detail: `표 ${n}` } });
          break;
        }
        case 'box':
          flush();
          for (const bp of run.paragraphs) this.emit(bp, { ...origin, detail: '글상자' }, out);
          break;
      }
    }
    flush();
  }

  /**
   * A table used for layout (a framed heading `Ⅰ | | 공모 사업 개요`, a boxed note): its text
   * is read as lines, in cell order. A one-row box whose cells hold one paragraph each is one line.
   */
  private layoutBox(run: Extract<Run, { type: 'table' }>, origin: Origin, out: Block[]) {
    const cells = [...run.cells].sort((a, b) => a.row - b.row || a.col - b.col);
    const at = { ...origin, detail: '글상자(표)' };
    if (run.rows === 1 && cells.every((c) => c.paragraphs.filter(hasText).length <= 1)) {
      const line = cells
        .map((c) => c.paragraphs.map((cp) => this.inline(cp, at).join(' ')).join('').trim())
        .filter(Boolean)
        .join(' ');
      if (line) out.push({ type: 'paragraph', text: line, origin: at });
      return;
    }
    for (const c of cells) for (const cp of c.paragraphs) this.emit(cp, at, out);
  }

  /** A paragraph inside a table cell, as text lines (nested tables are flattened cell by cell). */
  private inline(p: RawParagraph, origin: Origin): string[] {
    const lines: string[] = [];
    let text = this.numberer.text(p.head);
    const push = () => {
      lines.push(...text.split('\n'));
      text = '';
    };
    for (const run of p.runs) {
      // A `|` in a cell's text would end the cell: it is written as `¦`.
      if (run.type === 'text') text += run.text.replace(/\|/gu, '¦');
      else if (run.type === 'note') text += this.note(run, origin);
      else if (run.type === 'box') {
        push();
        for (const bp of run.paragraphs) lines.push(...this.inline(bp, origin));
      } else if (run.type === 'table') {
        // A table inside a cell cannot be a table of the convention: it is written as its own
        // fenced rows among the cell's paragraphs, so the grid is still legible.
        push();
        const rows = new Map<number, string[]>();
        for (const c of [...run.cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
          const cellText = c.paragraphs.flatMap((cp) => this.inline(cp, origin)).map((t) => t.trim()).filter(Boolean).join(' / ');
          rows.set(c.row, [...(rows.get(c.row) ?? []), cellText]);
        }
        // An empty grid (a form's blank table) has nothing to read.
        if ([...rows.values()].some((cells) => cells.some(Boolean))) {
          lines.push('[표]');
          for (const cells of rows.values()) lines.push(`| ${cells.join(' | ')} |`);
          lines.push('[/표]');
        }
      }
    }
    push();
    return lines.filter((l) => l.trim());
  }

  private note(run: Extract<Run, { type: 'note' }>, origin: Origin): string {
    // Hangul numbers notes continuously by default; the marker is the `N)` the compiler's
    // footnote rule links to its body line.
    const number = ++this.noteCount;
    const marker = `${number})`;
    const paragraphs = run.paragraphs.flatMap((np) => this.inline(np, origin)).map((t) => t.trim()).filter(Boolean);
    this.footnotes.push({ kind: run.kind, marker, paragraphs, origin: { ...origin, detail: `${run.kind === 'footnote' ? '각주' : '미주'} ${number}` } });
    return marker;
  }

  finish(): IngestedDocument {
    const notes = [...this.skips].map(([what, n]) => `${n} ${what} left out (not body text)`);
    return { format: this.format, blocks: this.blocks, footnotes: this.footnotes, meta: {}, notes };
  }
}

/** A table is a layout box when it has one row, or no row with two cells holding text. */
export function isLayoutBox(run: Extract<Run, { type: 'table' }>): boolean {
  const rows = new Map<number, number>();
  for (const c of run.cells) {
    const filled = c.paragraphs.some(hasText);
    if (filled) rows.set(c.row, (rows.get(c.row) ?? 0) + 1);
  }
  if (new Set(run.cells.map((c) => c.row)).size <= 1) return true;
  return [...rows.values()].every((n) => n <= 1);
}

function hasText(p: RawParagraph): boolean {
  return p.runs.some((r) => r.type !== 'text' || r.text.trim() !== '');
}
