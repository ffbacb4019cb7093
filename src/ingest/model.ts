/**
 * The shared output model of every reader in `src/ingest/` (HWP, HWPX, PDF): what a published
 * file holds once its own structure has been read, before it is written out as
 * `content/sources/<id>/source.txt` by `write-source.ts`. Readers never write files and never
 * guess structure the file does not carry; the writer never looks at the file format.
 */

/**
 * Where a piece of text sits in the original. HWP/HWPX: the body section (0-based, as in
 * `BodyText/Section0` or `Contents/section0.xml`) and the top-level paragraph of that section
 * (0-based); text inside a table, text box or footnote points at the paragraph that anchors
 * it, and `detail` says where inside (`표 2행 3열`, `각주 4`, `글상자`). PDF: the 1-based page.
 */
export interface Origin {
  section?: number;
  paragraph?: number;
  page?: number;
  detail?: string;
}

/** A paragraph of running text, one source line. */
export interface ParagraphBlock {
  type: 'paragraph';
  /** The text as a reader sees it: automatic numbering and bullets written out. */
  text: string;
  origin: Origin;
  /** An outline (개요) level from the file's paragraph style, 1 = top; absent when the file has none. */
  outline?: number;
}

export interface TableCell {
  /** The cell's paragraphs (joined by ` / ` in the source convention). */
  paragraphs: string[];
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** A table read from the file's own records: cells in their rows, merged cells kept once. */
export interface TableBlock {
  type: 'table';
  rows: number;
  cols: number;
  cells: TableCell[];
  origin: Origin;
}

export type Block = ParagraphBlock | TableBlock;

/** A footnote or endnote: its marker is the `[^label]`-like reference kept in the anchor text. */
export interface Footnote {
  kind: 'footnote' | 'endnote';
  /** The marker as printed (`1)`, `*`, `주1`), also present in the anchoring paragraph's text. */
  marker: string;
  paragraphs: string[];
  origin: Origin;
}

/** A metadata value read or guessed from the document; `review` marks a guess a person must check. */
export interface Guessed<T> {
  value: T;
  review: boolean;
  /** Why this value (`첫 문단`, `문서 정보 Title`, `보도시점 2025. 12. 2.`). */
  from: string;
}

export interface GuessedMeta {
  title?: Guessed<string>;
  /** ISO date at its real precision. */
  issued?: Guessed<string>;
  publishers?: Guessed<string[]>;
  kind?: Guessed<string>;
}

export interface IngestedDocument {
  format: 'hwp' | 'hwpx' | 'pdf';
  blocks: Block[];
  footnotes: Footnote[];
  meta: GuessedMeta;
  /** Pages (PDF), or the page count the file records; absent when unknown. */
  pages?: number;
  /** Things the reader skipped or could not interpret, for the user. */
  notes: string[];
}

/** A file the readers refuse: the reason names what is wrong; nothing is written. */
export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestError';
  }
}
