/**
 * The shared result of reading an original file (HWP, HWPX, PDF): blocks of text and tables
 * in reading order, footnotes with their markers, guessed metadata and counts. Each reader
 * fills it; the source writer turns it into `source.txt` in the project's convention.
 * Kept minimal on purpose: this is the contract between the readers and the writer.
 */

/** Where a block came from in the original: page for PDF, section and paragraph for HWP/HWPX. */
export interface Origin {
  page?: number;
  section?: number;
  paragraph?: number;
}

/** A metadata value read from the document; `review` is true when it was guessed. */
export interface Guess {
  value: string;
  review: boolean;
}

export type IngestedBlock =
  | { kind: 'paragraph'; text: string; origin: Origin; heading?: number }
  | { kind: 'table'; rows: string[][]; origin: Origin; flagged?: boolean };

export interface IngestedFootnote {
  marker: string;
  text: string;
  origin: Origin;
}

export interface IngestedDocument {
  blocks: IngestedBlock[];
  footnotes: IngestedFootnote[];
  meta: { title?: Guess; issued?: Guess; publisher?: Guess; kind?: Guess };
  /** `removed`: lines dropped as artifacts (running headers and footers, page numbers). */
  stats: { pages?: number; paragraphs: number; tables: number; footnotes: number; removed?: number };
  warnings: string[];
}
