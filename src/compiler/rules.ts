/**
 * Every rule the compiler applies or reports, by id. The README's "Compiler rules" and
 * "Errors" sections list the same ids (a test keeps them in step). Messages carry
 * `source: 'kb'` and one of these ids, so `file:line:column kb:rule-id` finds the doc.
 */
export const RULES = {
  // Input errors: the build stops.
  'meta/missing': { severity: 'error', doc: 'The document folder has no meta.yaml.' },
  'meta/syntax': { severity: 'error', doc: 'meta.yaml is not valid YAML.' },
  'meta/invalid': { severity: 'error', doc: 'A meta.yaml field is missing, of the wrong type or not allowed.' },
  'source/missing': { severity: 'error', doc: 'The document folder has no source.txt.' },
  'source/empty': { severity: 'error', doc: 'source.txt holds no text (empty or only white space).' },
  'source/binary': { severity: 'error', doc: 'source.txt is not UTF-8 text (NUL bytes or invalid byte sequences).' },
  'doc/id-invalid': { severity: 'error', doc: 'The folder name is not a valid document id (`YYYY[-MM[-DD]]-slug`, lower-case ASCII).' },
  'doc/id-duplicate': { severity: 'error', doc: 'Two documents resolve to the same id, or two source folders hold the same text.' },
  'override/invalid': { severity: 'error', doc: 'overrides.yaml is not valid (syntax or schema).' },
  'override/unknown-target': { severity: 'error', doc: 'An override names a line that does not exist or that does not hold what the override expects.' },
  'registry/invalid': { severity: 'error', doc: 'A registry file (content/registry/*.yaml) is invalid: syntax, schema, a duplicate id or a lineage link to an unknown agency.' },
  'check/coverage': { severity: 'error', doc: 'Source characters are neither in the output nor a documented removed artifact; the lines are listed.' },
  'check/roundtrip': { severity: 'error', doc: 'The emitted MDX does not parse back to the same reader-visible text (a serialiser bug). `npm run compile` re-parses and shows the first difference; every Astro build checks a digest of the text on the tree its own MDX parser built (src/site/markdown/remark-verify-text.ts).' },
  'check/anchor-duplicate': { severity: 'error', doc: 'Two blocks of a document would get the same anchor.' },
  // Normalisation (whole-file, before parsing).
  'source/bom': { severity: 'artifact', doc: 'A byte-order mark at the start is removed.' },
  'source/newline': { severity: 'info', doc: 'CRLF and CR line endings become LF (white space only).' },
  'source/nfc': { severity: 'info', doc: 'Text is normalised to Unicode NFC (decomposed Hangul jamo become syllables).' },
  // Cleaning artifacts: removed characters are counted by rule in every build.
  'clean/page-label': { severity: 'artifact', doc: 'A line holding only a page label (`- xiii -`, `- 12 -`) is removed; the text around it is joined as one paragraph.' },
  'clean/fake-bold': { severity: 'artifact', doc: 'Fake-bold text (every glyph or run written 4×) is decoded to one copy; only when every token of the line is a 4× sequence and the line has a letter, so `- - - -` cells survive.' },
  'clean/leading-space': { severity: 'info', doc: 'Leading spaces mark a block start (page top), not a word break; they never become a joining space.' },
  'clean/pua-glyph': { severity: 'artifact', doc: 'A private-use glyph (HWP box bullets such as U+F000) used as a marker is shown as ■; the original is kept in the source view.' },
  'clean/middle-dot': { severity: 'artifact', doc: 'Middle-dot variants between words (`․` U+2024, `‧` U+2027, `ㆍ` U+318D) are shown as `·` (U+00B7); the source view keeps the original.' },
  'clean/letter-spacing': { severity: 'info', doc: 'Letter-spaced headings and lines (`서 론`, `指 導 敎 授`: every token a single syllable) are shown without the spaces (white space only).' },
  'clean/double-spacing': { severity: 'info', doc: 'In a double-spaced run (text and blank lines alternating, most text lines not ending a sentence) the blank lines are soft breaks.' },
  'clean/displaced-blank': { severity: 'info', doc: 'A blank line displaced one line down into the next paragraph is moved back (seed-004 R7).' },
  'clean/line-join': { severity: 'info', doc: 'Hard-wrapped lines are joined with or without a space by the document-vocabulary and particle rules.' },
  'clean/footnote-marker': { severity: 'artifact', doc: 'A footnote marker in running text (`말한다.1)`, `관리계획*`, `추가1」`) becomes a footnote reference; the marker characters are replaced by the rendered reference.' },
  'clean/table-pipe': { severity: 'artifact', doc: 'The `|` cell separators of a pipe table, and `[표]`/`[/표]` fences, become table structure.' },
  // Structure.
  'structure/heading': { severity: 'info', doc: 'Heading patterns (제N장, 제N절, Ⅳ., 1., 가., (1), 참고 N) on bold lines, or on short lines when the document has no bold headings; levels by order of first appearance. A table-of-contents entry (a tab and a page number at the end) is never a heading. In an ingested document, a paragraph whose style has an outline level (개요 N in source.origin.tsv) is a heading at that level.' },
  'structure/list': { severity: 'info', doc: '개조식 markers (□ ㅇ ○ ▪ - • ▶ ➊ ① ※ …) become nested lists; nesting by order of first appearance under each heading.' },
  'structure/footnote': { severity: 'info', doc: 'Footnote bodies (`1) …` continuing the numbering, `* …`, `** …`, `1」 …`) become footnotes attached at their marker.' },
  'structure/table': { severity: 'info', doc: 'Tab-separated rows, `|`-terminated cells, and `[표]` blocks become tables. In a document ingested from HWP/HWPX/PDF (meta `ingested`) only its `[표]` blocks, the file\'s own tables, are tables: nothing is guessed.' },
  'structure/press-facts': { severity: 'info', doc: 'Press-release header fields (보도시점, 보도일시, 배포, 배포일시, 엠바고 …), several per line, become a definition list and `facts` in the record.' },
  'structure/caption': { severity: 'info', doc: '`<표 n-n>` / `<그림 n-n>` captions open an anchored figure that runs to its `자료)` source lines; in-text references link to it.' },
  'structure/flattened-table': { severity: 'warning', doc: 'A captioned, PDF-flattened table becomes a real table when every body line is a label followed by the same number of numeric values (a `tableHeaders` override may say where header cells end); otherwise it is shown verbatim in a marked preformatted block and the warning says why.' },
  'structure/english-abstract': { severity: 'info', doc: 'A trailing run of mostly-Latin paragraphs after Korean text becomes an "Abstract" section.' },
  'structure/front-matter': { severity: 'info', doc: 'Unheaded text before the first heading becomes a front-matter section.' },
  'structure/table-ambiguous': { severity: 'warning', doc: 'A pipe table whose column count cannot be decided; an override can set it.' },
  'structure/footnote-unmatched': { severity: 'warning', doc: 'A footnote body without a marker (or a marker without a body); the body is attached to the block above.' },
  'knowledge/mention': { severity: 'info', doc: 'Names, aliases, abbreviations and titles from content/registry/ found in the text (one pass with a trie of all names, longest match, Korean particles allowed after a name) become links to their entity; a name shared by two entities resolves by the document date.' },
  'knowledge/measure': { severity: 'info', doc: 'Policy measures are the items that state an action (ending in 추진, 확대, 구축, 지원 …) at the shallowest such level of each 개조식 tree; grouping items are descended into; summary (◇) and case (※) boxes, front matter and descriptive sections (titles ending 현황, 사례, 쟁점, 성공요인 정리, 개요 …) hold no measures. Id `<docId>--L<first line>`; the `(label)` names it; its sub-items and notes are part of it. Also: each action step of an inline enumeration (`① … ② …` in a paragraph; id `<docId>--<anchor>-<n>`) each row of a comparison table (header 기존/현행/변경전 vs 향후/개선/변경후; id `<docId>--L<row line>`), and in a proposal section (heading ending 방안, 방향, 제언, 과제, 전략) each prose step 첫째 … 마지막으로 / 첫 번째는 … 끝으로는 (id `<docId>--<anchor>-<n>`).' },
  'knowledge/date': { severity: 'info', doc: 'Every date form of korean-conventions.md, ISO dates and years relative to the document (2023. 6. 1.(목), 2002-11-01, 올해부터, 지난해, ’23.下, ’23.2Q, (’24~), ~’25, \'04~\'08, target paths, 4.20 with the year from the document) is normalised to {start, end?, precision} and classified as announcement, target, event, enactment or period.' },
  'knowledge/case': { severity: 'info', doc: 'Case studies: a `※ 「…」 사례` box, or a sub-section of a heading titled `… 사례` (recursing through sub-groupings that are themselves `… 사례`). Each records the entities mentioned in it.' },
  'knowledge/definition': { severity: 'info', doc: 'Abbreviations the text defines — `생명윤리위원회(IRB)`, `지역기술혁신센터(Technological Innovation Center, TIC)`, `(SME : Small and Medium size Enterprise, …)` — are recorded with their definition and place, for the glossary.' },
  'knowledge/related': { severity: 'info', doc: 'Measures of different documents are related when they share a programme, law, place or organisation and their wording overlaps, or their wording overlaps strongly (character-bigram Jaccard).' },
  'knowledge/unknown-name': { severity: 'warning', doc: 'A 「…」 title that matches nothing in the registries; it is still marked as an instrument, unlinked.' },
  'structure/replacement-char': { severity: 'warning', doc: 'The source holds U+FFFD (a character lost before it reached us); kept and flagged.' },
} as const satisfies Record<string, { severity: 'error' | 'warning' | 'artifact' | 'info'; doc: string }>;

export type RuleId = keyof typeof RULES;

export const README_ERRORS_URL = 'README.md#errors';
