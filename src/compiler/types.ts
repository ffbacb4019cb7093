import type { Node } from 'unist';
import type { Span } from './text/span.ts';
import type { RuleId } from './rules.ts';
import type { DocumentMeta } from './metadata/schema.ts';
import type { Overrides } from './metadata/overrides.ts';
import type { DocId, DocumentRecord } from './contract.ts';

/** One physical line of the normalised source. `n` is 1-based. */
export interface Line {
  n: number;
  /** Offset of the line's first character in the normalised source. */
  start: number;
  /** The line as it is in the source. */
  raw: string;
  /** The cleaned text, with provenance. */
  text: Span;
  blank: boolean;
  /** Set when a cleaning rule removed the whole line. */
  removed?: RuleId;
  /** The line was fake-bold (4×) in the source: a strong heading signal. */
  bold?: boolean;
  /** The line started with white space: a new block (page top), never a joining space. */
  blockStart?: boolean;
  /** A blank line that does not end a paragraph (double spacing, displaced blanks, page breaks). */
  soft?: boolean;
  /** Set by table/figure zoning: the line belongs to a captioned zone or a table. */
  zone?: number;
  /** Set when a footnote-body detector claimed the line. */
  footnote?: string;
}

/** Inline content of a paragraph, item, cell or footnote. */
export type Inline =
  | { type: 'text'; span: Span }
  | { type: 'fnref'; label: string; marker: Span }
  | { type: 'xref'; target: string; span: Span }
  /** A name the registries know (`ref`), or an unknown 「…」 title (`ref` null, `kind` law). */
  | { type: 'mention'; ref: string | null; kind: string; span: Span };

interface BlockBase {
  from: number;
  to: number;
  /** The anchor on the document page. */
  id?: string;
}

export interface HeadingBlock extends BlockBase {
  type: 'heading';
  /** Pattern family (chapter, section, roman, num, ganada, paren, appendix, synthetic…). */
  key: string;
  num?: Span;
  /** The number as a path segment (`2`, `IV`, `ga`). */
  seg?: string;
  title: Inline[];
  depth?: number;
  synthetic?: boolean;
}
export interface ParaBlock extends BlockBase {
  type: 'para';
  content: Inline[];
}
export interface ItemBlock extends BlockBase {
  type: 'item';
  marker: Span;
  /** Marker family used for nesting (□, ㅇ, ▪, -, *, ※, ➊ …). */
  key: string;
  content: Inline[];
  children: Block[];
  role?: 'note' | 'box' | 'contents';
}
export interface TableBlock extends BlockBase {
  type: 'table';
  rows: Inline[][][];
  /** The source line each row starts on, when known. */
  rowLines?: number[];
}
export interface PreBlock extends BlockBase {
  type: 'pre';
  lines: Span[];
  reason: string;
}
export interface FigureBlock extends BlockBase {
  type: 'figure';
  kind: '표' | '그림';
  num: string;
  caption: Inline[];
  title: string;
  children: Block[];
}
export interface FootnoteBlock extends BlockBase {
  type: 'footnote';
  label: string;
  /** How the note was written: `1)`, `*`, `**`, `1」`. */
  key: string;
  marker: Span;
  content: Inline[];
}

/** Header facts of a press release (`보도시점 … 배포 …`), one entry per label. */
export interface FactsBlock extends BlockBase {
  type: 'facts';
  entries: { label: Span; value: Span }[];
}

export type Block = HeadingBlock | ParaBlock | ItemBlock | TableBlock | PreBlock | FigureBlock | FootnoteBlock | FactsBlock;

/** The tree the compiler's plugins share: lines first, then blocks. */
export interface DocTree extends Node {
  type: 'root';
  source: string;
  lines: Line[];
  children: Block[];
  footnotes: FootnoteBlock[];
}

/** A character range removed or replaced on purpose, counted per rule. */
export interface Artifact {
  rule: RuleId;
  /** Offsets in the normalised source, [start, end). */
  start: number;
  end: number;
}

declare module 'vfile' {
  interface DataMap {
    docId: DocId;
    meta: DocumentMeta;
    overrides: Overrides;
    artifacts: Artifact[];
    /** Characters removed before offsets exist (a BOM), by rule. */
    preRemoved: Partial<Record<RuleId, number>>;
    /** The serialised MDX page. */
    mdx: string;
    record: DocumentRecord;
    /** The knowledge registries and their matcher, shared by all documents of a corpus. */
    knowledge: import('./knowledge/knowledge.ts').Knowledge;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Whether detect-blocks judged the text hard-wrapped (lines cut at a common width). */
    wrapped: boolean;
    /** Ingested documents: source line → outline level (개요 N) from source.origin.tsv. */
    outline: ReadonlyMap<number, number>;
  }
}
