/**
 * The compiler's output contract: what `src/generated/` holds after `npm run compile`,
 * and therefore what the site (Astro content collections in `src/content.config.ts`) reads.
 *
 *   src/generated/docs/<docId>.mdx        the structured text (MDX, built from mdast)
 *   src/generated/documents/<docId>.json  DocumentRecord (metadata, TOC, source lines, stats)
 *
 * The MDX uses only these components, which the site must provide (see `src/site/components/mdx/`):
 *
 *   ## <Anchor id from to synthetic? />Ⅳ. 제목[^2]      a section heading: a Markdown heading (h2…h6)
 *                                                      opened by an <Anchor>; the site's remark plugin
 *                                                      (src/site/markdown/remark-heading-blocks.ts)
 *                                                      turns it into <Heading id level from to>…</Heading>.
 *                                                      Markdown, not an attribute, so titles can hold
 *                                                      footnote references.
 *   <Para id from to>…</Para>                           a paragraph (markdown phrasing inside)
 *   <List marker>…</List>                              a 개조식 list level; children are <Item>
 *   <Item id marker from to role?>…</Item>             a list item; first child a paragraph, then
 *                                                      nested <List>s; role: "note" | "box" |
 *                                                      "contents" (an entry of the document's own
 *                                                      table of contents, linking to its chapter)
 *   <Figure id kind num title from to>…</Figure>       a captioned table or figure (kind 표|그림);
 *                                                      children: a table, a <Pre>, <Para>s (자료), 주))
 *   <Table id from to>…</Table>                        wraps a GFM table
 *   <Pre id from to reason>…</Pre>                     wraps a fenced code block (uninterpretable
 *                                                      layout, shown verbatim)
 *   <Facts id from to><Fact label>…</Fact>…</Facts>    press-release header fields (dl/dt/dd)
 *   <M to? kind>name</M>                               an entity mention (inline): `to` is the
 *                                                      entity (`agency:patent-office`); absent for
 *                                                      an unknown 「…」 title (kind law)
 *   <></>                                              an empty fragment (renders nothing) splitting text
 *                                                      where GFM would autolink it (`www.`, `http://`,
 *                                                      `name@host`): URLs in the source stay text
 *
 *   src/generated/entities.json                        EntityRecord[] (registries + mentions)
 * Footnotes are GFM footnotes (`[^label]`), rendered by remark-rehype with back-links.
 * Every `from`/`to` is a 1-based line number of the normalised source (`DocumentRecord.lines`);
 * attribute values are strings (`from="245"`). Footnote ids on the page are lower-cased by
 * remark-rehype: `[^L40]` → `#fn-l40`, `#fnref-l40`.
 */

/** A document id: readable, permanent, `YYYY[-MM[-DD]]-slug`. */
export type DocId = string & { readonly __brand: 'DocId' };
/** An anchor on a document page: a section number (`IV-1-2`), `L245`, `tbl-2-1`, `fig-5-1`. */
export type AnchorId = string & { readonly __brand: 'AnchorId' };

export type DatePrecision = 'day' | 'month' | 'quarter' | 'half' | 'year';

export interface TocEntry {
  id: AnchorId;
  /** 1 = top level of this document's outline. */
  depth: number;
  /** The numbering as written (`Ⅳ.`, `제 2 장`, `(1)`), if any. */
  num?: string;
  title: string;
  line: number;
  /** True when the heading text is not in the source (an override or a zoning rule named it). */
  synthetic?: boolean;
}

export interface CaptionEntry {
  id: AnchorId;
  kind: '표' | '그림';
  num: string;
  title: string;
  line: number;
  /** How the body was rendered. */
  body: 'table' | 'pre' | 'none';
}

export interface DocumentMessage {
  line: number;
  column?: number;
  ruleId: string;
  source: string;
  message: string;
  fatal: boolean;
}

export interface DocumentRecord {
  id: DocId;
  title: string;
  /** True when the title is descriptive (the document's own title is lost). */
  titleIsDescriptive: boolean;
  kind: string;
  /** Korean label for the kind (보도자료, 학위논문 …). */
  kindLabel: string;
  issued: { value: string; precision: DatePrecision } | null;
  issuedNote?: string;
  publishers: string[] | 'unknown';
  contributors?: string[];
  authors: string[] | 'unknown';
  advisors?: string[];
  category?: string;
  summarizes?: { title: string; publishers?: string[]; issued?: string; part?: string };
  sourceUrl: string | 'unknown';
  originalFile?: string;
  toc: TocEntry[];
  captions: CaptionEntry[];
  /** Press-release header fields as written (`보도시점` → `2023. 6. 1.(목) 회의 후 별도 공지`). */
  facts: { label: string; value: string; line: number }[];
  /** Every entity mention, in source order: the entity (`agency:patent-office`, or null for an
   *  unknown 「…」 title), its type, the text as written, and the block that holds it. */
  mentions: { ref: string | null; kind: string; text: string; anchor: string; line: number }[];
  /** Policy measures (rule knowledge/measure), in source order. */
  measures: MeasureEntry[];
  /** Every dated expression (rule knowledge/date), normalised, in source order. */
  timeline: TimelineEntry[];
  /** Case studies (rule knowledge/case). */
  cases: CaseEntry[];
  /** Abbreviations the text defines (rule knowledge/definition). */
  definitions: DefinitionEntry[];
  /** The normalised source text, one entry per line (index 0 = line 1). */
  lines: string[];
  /** For each source line (index 0 = line 1): the anchor of the block on the document page
   *  that renders it, or null for blank lines and removed artifacts. */
  lineAnchors: (string | null)[];
  /** For each source line: the artifact rule that removed it entirely, if any. */
  lineArtifacts: (string | null)[];
  /** For an ingested document (`npm run add`), each line's place in the original file
   *  (`s0:p12 표 3 2행` for HWP/HWPX section and paragraph, `p.4` for a PDF page), from
   *  `source.origin.tsv`; absent for text added by hand. */
  lineOrigins?: (string | null)[];
  stats: {
    lines: number;
    characters: number;
    blocks: number;
    headings: number;
    tables: number;
    figures: number;
    footnotes: number;
    /** Characters removed on purpose, by rule id. */
    removed: Record<string, number>;
  };
  warnings: DocumentMessage[];
}

export interface MeasureEntry {
  /** `<docId>--<anchor>`. */
  id: string;
  anchor: string;
  label: string;
  text: string;
  headingPath: string[];
  sectionId: string | null;
  sourceLines: [number, number];
  /** Entity refs mentioned in the measure, its sub-items and its notes. */
  mentions: string[];
  /** Ids of its dated items in `timeline`. */
  dates: string[];
}

export interface TimelineEntry {
  /** `<docId>--L<line>-<n>`: the n-th date on that source line. */
  id: string;
  date: { start: string; end?: string; precision: DatePrecision };
  open?: 'from' | 'until';
  kind: 'announcement' | 'target' | 'event' | 'enactment' | 'period';
  /** The date as written and a window of its sentence. */
  sourceText: string;
  context: string;
  line: number;
  anchor: string;
  measureId?: string;
}

export interface CaseEntry {
  /** `<docId>--<anchor>`. */
  id: string;
  anchor: string;
  title: string;
  sourceLines: [number, number];
  /** Entities mentioned in the case (its places, agencies, organisations …). */
  mentions: string[];
}

export interface DefinitionEntry {
  /** The abbreviation (IRB, TLO, SME). */
  term: string;
  /** What the text says it stands for. */
  definition: string;
  anchor: string;
  line: number;
}

/** One block of a document as the search index sees it (see emit/emit-search.ts). */
export interface SearchBlock {
  /** The block's anchor on the document page (`L245`, `IV-1-2`, `tbl-2-1`, `fn-3`). */
  anchor: string;
  /** The reader-visible text, white space collapsed. */
  text: string;
  /** Registry mentions: `[ref, start, end]`, offsets in `text`. */
  mentions: [string, number, number][];
  /** First and last source line of the text. */
  lines: [number, number];
}

/** A heading and the blocks under it up to the next heading; `anchor` null before the first. */
export interface SearchSection {
  anchor: string | null;
  title: string;
  /** Titles of the heading and its ancestors, outermost first. */
  path: string[];
  blocks: SearchBlock[];
}

export interface SearchDoc {
  id: string;
  sections: SearchSection[];
}
