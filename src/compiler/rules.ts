/**
 * Every rule the compiler applies or reports, by id. The README's "Compiler rules" and
 * "Errors" sections list the same ids (a test keeps them in step). Messages carry
 * `source: 'kb'` and one of these ids, so `file:line:column kb:rule-id` finds the doc.
 */
export const RULES = {
  // Input errors: the build stops.
  'meta/missing': { severity: 'error', doc: 'The document folder has no meta.yaml.' },
  'meta/syntax': { severity: 'error', doc: 'meta.yaml is not valid YAML.' },
  'meta/invalid': { severity: 'error', doc: 'A meta.yaml field is missing, of the wrong type or not allowed (an unknown key is named with the allowed ones). Text fields must hold more than white space, dates must be real calendar dates, URLs must be http(s).' },
  'yaml/alias-limit': { severity: 'error', doc: 'A YAML file (meta.yaml, overrides.yaml, a registry) expands more aliases (`*name`, counting those inside what they expand to) than the limit (100): an alias bomb; write the values out.' },
  'source/missing': { severity: 'error', doc: 'The document folder has no source.txt.' },
  'source/empty': { severity: 'error', doc: 'source.txt holds no text (empty or only white space).' },
  'source/binary': { severity: 'error', doc: 'source.txt is not UTF-8 text (NUL bytes or invalid byte sequences).' },
  'source/too-large': { severity: 'error', doc: 'source.txt is larger than the source-size limit (32 MiB; `KB_MAX_SOURCE_BYTES`, README “Limits”); the message points at the line where the limit is crossed.' },
  'source/line-too-long': { severity: 'error', doc: 'A line of source.txt is longer than the line-length limit (4 Mi characters; `KB_MAX_LINE_CHARS`, README “Limits”); the message points at the column where the limit is crossed.' },
  'doc/id-invalid': { severity: 'error', doc: 'The folder name is not a valid document id (`YYYY[-MM[-DD]]-slug`, lower-case ASCII).' },
  'doc/id-duplicate': { severity: 'error', doc: 'Two documents resolve to the same id, or two source folders hold the same text (compared after normalising line endings, Unicode NFC and white space, so a CRLF copy is a duplicate).' },
  'doc/symlink': { severity: 'error', doc: 'A document folder, a file in it, or a registry file is a symbolic link (it could point outside the repository); copy the folder or file in instead.' },
  'override/invalid': { severity: 'error', doc: 'overrides.yaml is not valid (syntax or schema).' },
  'override/unknown-target': { severity: 'error', doc: 'An override names a line that does not exist or that does not hold what the override expects.' },
  'override/unused': { severity: 'error', doc: 'An override matched nothing: a `tables` entry on a line that starts no pipe table, a `tableHeaders` or `zones` entry for a caption that is not there, a second entry for the same line.' },
  'override/reserved-id': { severity: 'error', doc: 'An override `id` is an anchor the site uses for itself (`main`, `toc-*`, `cite-*`, `*-heading` …) or one the compiler gives (`L12`, `fn-1`, `tbl-2-1`); choose another.' },
  'registry/invalid': { severity: 'error', doc: 'A registry file (content/registry/*.yaml) is invalid: syntax or schema (names of only white space, impossible dates, an unknown key).' },
  'registry/duplicate-id': { severity: 'error', doc: 'Two registry entries (in any of the registry files) have the same id; each message names both places.' },
  'registry/lineage': { severity: 'error', doc: 'A predecessor, successor or responsible agency that is not an agency of the registry, an agency that is its own predecessor, or a circular chain of predecessors.' },
  'permalink/redirect-invalid': { severity: 'error', doc: 'content/redirects.yaml is invalid: syntax, schema (`from`, `to`: site paths ending in `/`, not `//host/`; a `reason`), or an anchor moved to another page.' },
  'check/coverage': { severity: 'error', doc: 'Source characters are neither in the output nor a documented removed artifact; the lines are listed.' },
  'check/roundtrip': { severity: 'error', doc: 'The emitted MDX does not parse back to the same reader-visible text (a serialiser bug). `npm run compile` re-parses and shows the first difference; every Astro build checks a digest of the text on the tree its own MDX parser built (src/site/markdown/remark-verify-text.ts).' },
  'check/anchor-duplicate': { severity: 'error', doc: 'Two blocks of a document would get the same anchor.' },
  // Normalisation (whole-file, before parsing).
  'source/bom': { severity: 'artifact', doc: 'A byte-order mark at the start is removed.' },
  'source/newline': { severity: 'info', doc: 'CRLF and CR line endings become LF (white space only).' },
  'source/nfc': { severity: 'info', doc: 'Text is normalised to Unicode NFC (decomposed Hangul jamo become syllables).' },
  // Cleaning artifacts: removed characters are counted by rule in every build.
  'clean/page-label': { severity: 'artifact', doc: 'A line holding only a page label (`- xiii -`, `- 12 -`, or a bare `12` in a rising run of page numbers a page apart) is removed; the text around it is joined as one paragraph.' },
  'clean/running-head': { severity: 'artifact', doc: 'A running header or footer (the same short line, not a table row or list item, next to at least three and at least half of the removed page labels) is removed like the labels; the text around it is joined as one paragraph.' },
  'clean/fake-bold': { severity: 'artifact', doc: 'Fake-bold text (every glyph or run written 4×) is decoded to one copy; only when every token of the line is a 4× sequence and the line has a letter (so `- - - -` cells survive), and with evidence: the decoded line has at least 4 distinct letters (not jamo; a letter-spaced line, 5 tokens), or is a numbered heading whose title has a word of 2+ different letters, or a decoded word of 2+ different letters is written elsewhere in the document or named in the registries. `ㅋㅋㅋㅋ`, `XXXX`, `하하하하` stay; the build log counts decoded and kept lines.' },
  'clean/page-chrome': { severity: 'artifact', doc: 'Web-page furniture kept by a capture of the page — position labels (`top of page`, `맨 위로`), navigation and list links (`…목록`, `이전 글`), subscribe boxes (`…구독하기` and the newsletter pitch under it), share and print buttons — is removed at the start and end of the document and counted; the same words inside the text stay.' },
  'clean/leading-space': { severity: 'info', doc: 'Leading spaces mark a block start (page top), not a word break; they never become a joining space.' },
  'clean/pua-glyph': { severity: 'artifact', doc: 'A private-use glyph (HWP box bullets such as U+F000) used as a marker is shown as ■; the original is kept in the source view.' },
  'clean/middle-dot': { severity: 'artifact', doc: 'Middle-dot variants between words (`․` U+2024, `‧` U+2027, `ㆍ` U+318D) are shown as `·` (U+00B7); the source view keeps the original.' },
  'clean/letter-spacing': { severity: 'info', doc: 'Letter-spaced headings and lines (`서 론`, `指 導 敎 授`: every token a single syllable) are shown without the spaces (white space only).' },
  'clean/double-spacing': { severity: 'info', doc: 'In a double-spaced run (text and blank lines alternating, most text lines not ending a sentence) the blank lines are soft breaks.' },
  'clean/displaced-blank': { severity: 'info', doc: 'A blank line displaced one line down into the next paragraph is moved back (seed-004 R7).' },
  'clean/line-join': { severity: 'info', doc: 'Hard-wrapped lines are joined with or without a space by evidence: the document’s own spacing of the syllables that meet, the Korean analyzer (lindera, ko-dic), words written whole elsewhere, and layout (a full line continues its block, a short one ends it). See “Line joins”.' },
  'clean/footnote-marker': { severity: 'artifact', doc: 'A footnote marker in running text (`말한다.1)`, `관리계획*`, `추가1」`) becomes a footnote reference; the marker characters are replaced by the rendered reference.' },
  'clean/table-pipe': { severity: 'artifact', doc: 'The `|` cell separators of a pipe table, and `[표]`/`[/표]` fences, become table structure.' },
  // Structure.
  'structure/heading': { severity: 'info', doc: 'Heading patterns (제N장, 제N절, Ⅳ., 1., 1.1., 1.1.1., 가., (1), 참고 N, letter-spaced `붙 임`/`참 고`, bracketed `【붙임】`/`[붙임 2]`, `질문 N`) on bold lines, or on short lines when the document has no bold headings; levels by order of first appearance. A table-of-contents entry (a tab and a page number at the end) is never a heading. In an ingested document, a paragraph whose style has an outline level (개요 N in source.origin.tsv) is a heading at that level. Not headings: a field and its value (`다. 발표대상 : …`), a numbered line indented under a `※` note. In one-paragraph-per-line documents a short unmarked line followed by `o`/`ㅇ` items or a table titles what follows.' },
  'structure/contents': { severity: 'info', doc: 'A document\'s own table of contents (a `목차` title followed by outline entries, or three or more numbered entries ending in page numbers) becomes a contents list whose entries link to the chapters they name; it never becomes headings (it would take the chapters\' anchors) nor a table. When a contents list enumerates a numbering family (`Ⅰ.`, `1.`, `가.`, or bare `1 제목`), lines of that family are sections exactly when the list names them.' },
  'structure/list': { severity: 'info', doc: '개조식 markers (□ ㅇ ○ ▪ - • ▶ ➊ ① ※ …) become nested lists; nesting by order of first appearance under each heading.' },
  'structure/footnote': { severity: 'info', doc: 'Footnote bodies (`1) …` continuing the numbering, `* …`, `** …`, `1」 …`) become footnotes attached at their marker.' },
  'structure/table': { severity: 'info', doc: 'Tab-separated rows, `|`-terminated cells, and `[표]` blocks become tables. In a document ingested from HWP/HWPX/PDF (meta `ingested`) only its `[표]` blocks, the file\'s own tables, are tables: nothing is guessed.' },
  'structure/press-facts': { severity: 'info', doc: 'Press-release header fields (보도시점, 보도일시, 배포, 배포일시, 엠바고 …), several per line, become a definition list and `facts` in the record.' },
  'structure/caption': { severity: 'info', doc: '`<표 n-n>` / `<그림 n-n>` captions open an anchored figure that runs to its `자료)` source lines; in-text references link to it.' },
  'structure/flattened-table': { severity: 'warning', doc: 'A captioned, PDF-flattened table becomes a real table when every body line is a label followed by the same number of numeric values (a `tableHeaders` override may say where header cells end), or when it is a grouped grid under a header of years or numbers (labels and values over several lines, group labels as their own rows, value-and-total pairs), or when a `tableRows` override gives its cells (spelled from its own text, all of it used); otherwise it is shown as a preformatted grid and the warning names its source lines and says why.' },
  'structure/english-abstract': { severity: 'info', doc: 'A trailing run of mostly-Latin paragraphs after Korean text becomes an "Abstract" section.' },
  'structure/front-matter': { severity: 'info', doc: 'Unheaded text before the first heading becomes a front-matter section.' },
  'structure/table-ambiguous': { severity: 'warning', doc: 'A pipe table whose column count cannot be decided; an override can set it.' },
  'structure/footnote-unmatched': { severity: 'warning', doc: 'A footnote body without a marker (or a marker without a body); the body is shown where it stands, as a note item — never only as a definition nothing refers to (which the page would not show).' },
  'knowledge/mention': { severity: 'info', doc: 'Names, aliases, abbreviations and titles from content/registry/ found in the text (one pass with a trie of all names, longest match, Korean particles allowed after a name) become links to their entity; a name shared by two entities resolves by the document date.' },
  'knowledge/measure': { severity: 'info', doc: 'Policy measures are the items that state an action (ending in 추진, 확대, 구축, 지원 …) at the shallowest such level of each 개조식 tree; grouping items are descended into; summary (◇) and case (※) boxes, front matter and descriptive sections (titles ending 현황, 사례, 쟁점, 성공요인 정리, 개요, 비전 …) and lists under a descriptive box title (`【 광역권별 클러스터 비전 】`) hold no measures. Id `<docId>--L<first line>`; the `(label)` names it; its sub-items and notes are part of it. Also: each action step of an inline enumeration (`① … ② …` in a paragraph; id `<docId>--<anchor>-<n>`) each row of a comparison table (header 기존/현행/변경전 vs 향후/개선/변경후; id `<docId>--L<row line>`), and in a proposal section (heading ending 방안, 방향, 제언, 과제, 전략) each prose step 첫째 … 마지막으로 / 첫 번째는 … 끝으로는 (id `<docId>--<anchor>-<n>`).' },
  'knowledge/date': { severity: 'info', doc: 'Every date form of korean-conventions.md, ISO dates and years relative to the document (2023. 6. 1.(목), 2002-11-01, 올해부터, 지난해, ’23.下, ’23.2Q, (’24~), ~’25, \'04~\'08, target paths, 4.20 with the year from the document) is normalised to {start, end?, precision} and classified as announcement, target, event, enactment or period.' },
  'knowledge/case': { severity: 'info', doc: 'Case studies: a `※ 「…」 사례` box, or a sub-section of a heading titled `… 사례` (recursing through sub-groupings that are themselves `… 사례`). Each records the entities mentioned in it.' },
  'knowledge/definition': { severity: 'info', doc: 'Abbreviations the text defines — `생명윤리위원회(IRB)`, `지역기술혁신센터(Technological Innovation Center, TIC)`, `(SME : Small and Medium size Enterprise, …)` — are recorded with their definition and place, for the glossary.' },
  'knowledge/related': { severity: 'info', doc: 'Measures of different documents are related when they share a programme, law, place or organisation and their wording overlaps, or their wording overlaps strongly (character-bigram Jaccard).' },
  'knowledge/unknown-name': { severity: 'warning', doc: 'A 「…」 title that matches nothing in the registries; it is still marked as an instrument, unlinked.' },
  'structure/replacement-char': { severity: 'warning', doc: 'The source holds U+FFFD (a character lost before it reached us); kept and flagged.' },
} as const satisfies Record<string, { severity: 'error' | 'warning' | 'artifact' | 'info'; doc: string }>;

export type RuleId = keyof typeof RULES;

export const README_ERRORS_URL = 'README.md#errors';
