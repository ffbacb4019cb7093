import type { VFile } from 'vfile';
import type { Block, DocTree, FactsBlock, FigureBlock, FootnoteBlock, HeadingBlock, Inline, ItemBlock, Line, ParaBlock, PreBlock } from '../types.ts';
import { EMPTY, concat, slice, synthetic, trim, type Span } from '../text/span.ts';
import { cutInsideWord, endsSentence, joinDecision, vocabulary, type Vocabulary } from '../text/join.ts';
import { displayWidth, isFull, wrapWidth } from '../text/layout.ts';
import { report } from '../messages.ts';
import { CAPTION } from './detect-captions.ts';
import { gridFromRows, recoverGrid, recoverGroupedGrid } from './recover-grid.ts';
import { listedFamilies, matchEntry, parseEntry, type Contents, type ContentsEntry } from './detect-contents.ts';
import { overrideApplied } from '../metadata/check-overrides.ts';

/** Heading patterns, by family. `seg` turns the number into an anchor path segment. */
const HEADINGS: { key: string; re: RegExp; seg: (m: RegExpExecArray) => string }[] = [
  { key: 'chapter', re: /^(제\s*(\d+)\s*장\.?)\s*(.*)$/u, seg: (m) => m[2]! },
  { key: 'section', re: /^(제\s*(\d+)\s*절\.?)\s*(.*)$/u, seg: (m) => m[2]! },
  { key: 'roman', re: /^(([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]+)\s*[.．]?)\s+(.+)$/u, seg: (m) => roman(m[2]!) },
  // Annex labels: `참고 1 …`, letter-spaced `붙 임`, `참 고`, and bracketed `【붙임】`, `[붙임 2]`, `<붙임1>`.
  { key: 'appendix', re: /^((참\s?고|붙\s?임|별\s?첨)\s*(\d*))\s+(.+)$/u, seg: (m) => `ref${m[3] || ''}` },
  { key: 'appendix', re: /^([【\[<〔]\s*(참\s?고|붙\s?임|별\s?첨)\s*(\d*)\s*[】\]>〕])\s*(.*)$/u, seg: (m) => `ref${m[3] || ''}` },
  // Questions of a Q&A annex (`질문 1 …`, `Q2. …`).
  { key: 'question', re: /^((?:질문|Q)\s*(\d{1,2})\s*[.:]?)\s+(.+)$/u, seg: (m) => `q${m[2]}` },
  { key: 'num3', re: /^((\d{1,2})\.(\d{1,2})\.(\d{1,2})\.?)\s+(.+)$/u, seg: (m) => m[4]! },
  { key: 'num2', re: /^((\d{1,2})\.(\d{1,2})\.?)\s+(?!\d)(.+)$/u, seg: (m) => m[3]! },
  { key: 'num', re: /^((\d{1,2})\s*\.)\s*(?![\d.])(.+)$/u, seg: (m) => m[2]! },
  { key: 'ganada', re: /^(([가-하])\s*\.)\s*(.+)$/u, seg: (m) => GANADA[m[2]!] ?? m[2]! },
  { key: 'paren', re: /^(\((\d{1,2})\))\s*(.+)$/u, seg: (m) => m[2]! },
];
const GANADA: Record<string, string> = { 가: 'ga', 나: 'na', 다: 'da', 라: 'ra', 마: 'ma', 바: 'ba', 사: 'sa', 아: 'a', 자: 'ja', 차: 'cha', 카: 'ka', 타: 'ta', 파: 'pa', 하: 'ha' };
function roman(r: string): string {
  const map: Record<string, string> = { Ⅰ: 'I', Ⅱ: 'II', Ⅲ: 'III', Ⅳ: 'IV', Ⅴ: 'V', Ⅵ: 'VI', Ⅶ: 'VII', Ⅷ: 'VIII', Ⅸ: 'IX', Ⅹ: 'X', Ⅺ: 'XI', Ⅻ: 'XII' };
  return [...r].map((c) => map[c] ?? c).join('');
}

/** 개조식 markers, by family. The family decides nesting (detect-hierarchy). */
const MARKERS: { key: string; re: RegExp }[] = [
  { key: '***', re: /^\*\*\*(?=\s|\S)/u },
  { key: '**', re: /^\*\*(?!\*)/u },
  { key: '*', re: /^\*(?!\*)/u },
  { key: '」', re: /^\d{1,2}」/u },
  { key: '※', re: /^※/u },
  { key: '□', re: /^[□■▣]/u },
  { key: '◇', re: /^[◇◆]/u },
  { key: 'ㅇ', re: /^(?:[ㅇ○❍◯]|o(?=\s))/u },
  { key: '●', re: /^●/u },
  { key: '▪', re: /^[▪▫◾◽]/u },
  { key: '•', re: /^[•◦∘]/u },
  { key: '▶', re: /^[▶►▸▷]/u },
  { key: '-', re: /^[-–‐](?=\s*[가-힣A-Za-z0-9(「‘“'"])(?!\s*-\s*-)/u },
  { key: '·', re: /^[·‧․ㆍ](?=\s?[가-힣])/u },
  { key: '➊', re: /^[➊-➓❶-❿]/u },
  { key: '①', re: /^[①-⑳]/u },
  { key: '△', re: /^[△▲]/u },
  { key: '1)', re: /^\d{1,2}\)(?=\s*\S)/u },
  { key: '가)', re: /^[가-하]\)(?=\s)/u },
];
const LABEL = /^\(([^()]{1,15})\)\s+(?=\S)/u;
/** Standard header fields of Korean government press releases. */
const FACT_LABELS = '보도시점|보도일시|보도일|배포일시|배포일|배포|엠바고';
const FACTS = new RegExp(`^(?:${FACT_LABELS})\\s+\\S`, 'u');
/** What a wrapped header line goes on with: a date, a time, a weekday, another label. */
const FACT_CONTINUATION = new RegExp(`^(?:\\d|[(’‘'~]|(?:${FACT_LABELS})\\s)`, 'u');
const FACT_SPLIT = new RegExp(`(?<=^|\\s)(?:${FACT_LABELS})(?=\\s)`, 'gu');

export interface Classified {
  kind: 'heading' | 'item' | 'caption' | 'text';
  key?: string;
  match?: RegExpExecArray;
  /** The contents entry that names this heading. */
  entry?: ContentsEntry;
}

/** What classify needs to know beyond the line itself. */
interface Context {
  boldHeadings: boolean;
  prev: Line | null;
  /** The source line just above (blank or not), and the next non-blank line. */
  above: Line | undefined;
  below: Line | undefined;
  contents: Contents[];
  listed: Set<string>;
  /** Unmarked sub-section titles are possible (one-paragraph-per-line text with headings). */
  plainTitles: boolean;
}

/**
 * Groups the lines outside zones into blocks: headings, 개조식 items, footnote notes and
 * paragraphs, joining hard-wrapped lines (rule clean/line-join). Zoned tables and captioned
 * figures are placed at their first line.
 */
export default function detectBlocks() {
  return (tree: DocTree, file: VFile) => {
    const { lines } = tree;
    // The document's own words, plus every name the registries know and the words of names
    // written in several (`과학기술` + `정보통신부`, `칭` + `후와 국립대학`: a known word).
    const known = file.data.knowledge ? [...file.data.knowledge.registry.entities.values()].flatMap((e) => [e.name, ...e.aliases]).flatMap((n) => (/\s/u.test(n) ? [n.replace(/\s+/gu, ''), ...n.split(/\s+/u)] : [n])).filter((n) => n.length >= 2) : [];
    const vocab = vocabulary([...lines.filter((l) => !l.blank && !l.removed).map((l) => l.text.text), ...known], file.data.corpusSpacing);
    const boldHeadings = lines.filter((l) => l.bold && matchHeading(l.text.text)).length >= 3;
    // Layout evidence: the page width of a hard-wrapped document (null when lines share none).
    const pageWidth = wrapWidth(lines.filter((l) => !l.blank && !l.removed && !l.bold && l.zone === undefined && !l.footnote).map((l) => displayWidth(l.raw.trimEnd())));
    const wrapped = pageWidth !== null || isWrapped(lines);
    file.data.wrapped = wrapped;
    file.data.pageWidth = pageWidth;
    // The document's own convention: when its items and headings nearly all follow a blank
    // line, blocks are separated by blank lines, and a plain line right under another continues it.
    let afterBlank = 0;
    let starts = 0;
    for (let k = 1; k < lines.length; k++) {
      const l = lines[k]!;
      if (l.blank || l.removed || l.zone !== undefined || l.footnote || !/^(?:[□■○ㅇ❍●▪•◦※◇◆▶-]\s|\d{1,2}\.\s|[가-하]\.\s|\(\d{1,2}\)\s)/u.test(l.text.text)) continue;
      starts++;
      if (lines[k - 1]!.blank) afterBlank++;
    }
    const blankSeparated = starts >= 3 && afterBlank / starts >= 0.9;
    /** The line was full: the layout wrapped it, so the next line continues its block. */
    const full = (a: Line, b: Line) => pageWidth !== null && !a.bold && isFull(displayWidth(a.raw.trimEnd()), b.text.text, pageWidth, /[.?!。]['"’”)\]」』]*$/u.test(a.text.text) ? 4 : 6);
    const blocks: Block[] = [];
    const footnotes = new Map<string, FootnoteBlock>();
    let open: (ParaBlock | ItemBlock | HeadingBlock) | null = null;
    // The open block's text as parts, concatenated once when it closes (linear, not quadratic).
    let openParts: Span[] | null = null;
    let openTail = '';
    // Whether the last line added to the open block ended with a space in the source.
    let openSpaceAfter = false;
    const append = (span: Span, spaceAfter: boolean) => {
      if (!openParts) return;
      if (openTail && span.text) openParts.push(openSpaceAfter || joinDecision(openTail, span.text, vocab) === 'space' ? synthetic(' ') : EMPTY);
      openParts.push(span);
      openTail = (openTail + span.text).slice(-80);
      openSpaceAfter = spaceAfter;
    };
    let lastLine: Line | null = null;
    // A page break (label, running head) lies between the last text line and this one.
    let afterPage = false;
    const zonesById = new Map((tree.zones ?? []).map((z) => [z.id, z]));
    const overrideHeadings = new Map(file.data.overrides!.headings.map((h) => [h.before, h]));
    const overrideSections = new Map(file.data.overrides!.sections.map((s) => [s.line, s]));
    const contents = tree.contents ?? [];
    const contentsAt = new Map(contents.map((c) => [c.first, c]));
    const listed = listedFamilies(contents);
    let seenHeading = false;

    const close = () => {
      if (open && openParts) setContent(open, concat(...openParts));
      open = null;
      openParts = null;
      openTail = '';
    };
    const start = (block: ParaBlock | ItemBlock, span: Span, spaceAfter: boolean) => {
      open = block;
      openParts = [span];
      openTail = span.text.slice(-80);
      openSpaceAfter = spaceAfter;
    };

    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      for (const [at, kind] of [[overrideHeadings.get(line.n), 'heading'], [overrideSections.get(line.n), 'section']] as const) {
        if (!at) continue;
        if (!line.text.text.startsWith(at.expect) && !line.raw.trimStart().startsWith(at.expect)) {
          report(file, 'override/unknown-target', `Unexpected text at source line ${line.n}: the override expects it to start with “${at.expect}”`, line.n);
          continue;
        }
        close();
        const h: HeadingBlock = kind === 'heading' && 'key' in at
          ? { type: 'heading', key: at.key, seg: at.id ?? (at.num ? segOf(at.key, at.num) : undefined), num: at.num ? synthetic(at.num) : undefined, title: [{ type: 'text', span: synthetic(at.title) }], synthetic: true, from: line.n, to: line.n, id: at.id }
          : { type: 'heading', key: 'zone', seg: at.id, title: [{ type: 'text', span: synthetic(at.title) }], synthetic: true, from: line.n, to: line.n, id: at.id };
        blocks.push(h);
        overrideApplied(file, at);
      }
      if (line.removed) {
        if (line.removed === 'clean/page-label' || line.removed === 'clean/running-head') afterPage = true;
        continue;
      }
      if (line.blank) {
        if (!line.soft) close();
        continue;
      }
      if (line.footnote) {
        // Numbered footnote bodies set aside by detect-footnote-bodies.
        const fn = footnotes.get(line.footnote);
        if (fn) {
          fn.to = line.n;
          fn.content = [{ type: 'text', span: joinSpans(textOf(fn.content), line.text, vocab) }];
        } else {
          const m = /^(\d{1,2})\)/u.exec(line.text.text)!;
          const note: FootnoteBlock = { type: 'footnote', label: line.footnote, key: '1)', marker: slice(line.text, 0, m[0].length), content: [{ type: 'text', span: trim(slice(line.text, m[0].length)) }], from: line.n, to: line.n };
          footnotes.set(line.footnote, note);
          tree.footnotes.push(note);
        }
        continue;
      }
      if (line.zone !== undefined) {
        close();
        const toc = contentsAt.get(line.n);
        if (toc) {
          if (toc.title) blocks.push(toc.title);
          for (const e of toc.entries) blocks.push(e.item);
        }
        const table = tree.tables?.get(line.n);
        if (table) blocks.push(table);
        const zone = zonesById.get(line.zone);
        if (zone && zone.caption === line) blocks.push(figureOf(zone, vocab, file));
        continue;
      }
      if (FACTS.test(line.text.text)) {
        close();
        // A header line wrapped by the layout goes on (`배포 2025. 9.` / `19.(금) 08:00`): a
        // date cut after a period continues even when its rest looks like a numbered heading.
        let facts = line;
        let last = line;
        while (i + 1 < lines.length && !lines[i + 1]!.blank && !lines[i + 1]!.removed && lines[i + 1]!.zone === undefined && !lines[i + 1]!.footnote && full(last, lines[i + 1]!) && !/\d{1,2}:\d{2}$/u.test(facts.text.text) && (/[(\[]$/u.test(facts.text.text) || (FACT_CONTINUATION.test(lines[i + 1]!.text.text) && (/\d\.$/u.test(facts.text.text) || classify(lines[i + 1]!, { boldHeadings, prev: last, above: last, below: undefined, contents, listed, plainTitles: false }).kind === 'text')))) {
          last = lines[++i]!;
          facts = { ...facts, text: joinSpans(facts.text, last.text, vocab), n: facts.n };
        }
        blocks.push({ ...factsOf(facts), to: last.n });
        lastLine = line;
        continue;
      }
      // An ingested document's outline paragraphs (a style with an outline level, 개요 N,
      // recorded in source.origin.tsv) are headings at that level, numbered or not.
      const outline = file.data.outline?.get(line.n);
      if (outline !== undefined) {
        close();
        const hm = matchHeading(line.text.text);
        const numText = hm?.match[1];
        const seg = hm ? HEADINGS.find((p) => p.key === hm.key)!.seg(hm.match) : undefined;
        const title = numText ? trim(slice(line.text, numText.length)) : trim(line.text);
        blocks.push({ type: 'heading', key: `outline${outline}`, ...(numText ? { num: slice(line.text, 0, numText.length) } : {}), ...(seg ? { seg } : {}), title: [{ type: 'text', span: title }], from: line.n, to: line.n });
        lastLine = line;
        continue;
      }
      let below: Line | undefined;
      for (let k = i + 1; k < lines.length && k <= i + 3 && !below; k++) if (!lines[k]!.blank && !lines[k]!.removed) below = lines[k];
      let c = classify(line, { boldHeadings, prev: lastLine, above: lines[i - 1], below, contents, listed, plainTitles: !wrapped && !boldHeadings && seenHeading });
      // A full line cut inside a word continues on the next line even when that line happens to
      // begin like a marker or a heading (`표명하였` + `다. 지역…`, `산` + `·학·연 공동`): the
      // layout and the join evidence outweigh the look of the line start.
      if (wrapped && c.kind !== 'text' && c.kind !== 'caption' && open !== null && lastLine && !line.bold && full(lastLine, line) && /[가-힣A-Za-z0-9]$/u.test(openTail) && /^[가-힣A-Za-z0-9(·‧ㆍ․]/u.test(line.text.text) && joinDecision(openTail, line.text.text, vocab) === 'none') c = { kind: 'text' };
      // A switch of script after a finished sentence starts a new paragraph (a Korean text
      // followed by its English abstract), even in wrapped text.
      const scriptSwitch = open !== null && openParts !== null && lastLine !== null && endsSentence(openTail) && isLatinLine(line.text.text) !== isLatinLine(lastLine.text.text);
      // An indented line after a finished sentence opens a paragraph, also in wrapped text (a page
      // top is marked by one leading space at most; an indent is two or more).
      const indented = /^\s{2,}\S/u.test(line.raw) && endsSentence(openTail);
      // Across a page break, a finished sentence ends the paragraph unless the layout says the
      // line before the break was full.
      const pageEnd = afterPage && endsSentence(openTail) && !(lastLine && full(lastLine, line));
      afterPage = false;
      const breakHere = line.breakBefore || (line.blockStart && !wrapped) || scriptSwitch || indented || pageEnd;
      if (c.kind === 'heading') {
        close();
        const m = c.match!;
        const numText = m[1]!;
        const num = slice(line.text, 0, numText.length);
        const rest = unLetterSpace(trim(slice(line.text, numText.length)), 2);
        const h: HeadingBlock = { type: 'heading', key: c.key!, num: numText ? num : undefined, seg: c.entry?.seg ?? segFor(c.key!, m), title: [{ type: 'text', span: rest }], from: line.n, to: line.n };
        if (c.entry) c.entry.target = h;
        seenHeading = true;
        blocks.push(h);
        // A wrapped bold heading continues on the next bold line that is not a heading itself.
        const next = lines[i + 1];
        if (next && next.bold && !next.blank && !matchHeading(next.text.text) && line.bold) {
          h.title = [{ type: 'text', span: joinSpans(rest, next.text, vocab) }];
          h.to = next.n;
          i++;
        }
        lastLine = line;
        continue;
      }
      if (c.kind === 'item') {
        close();
        const m = c.match!;
        const marker = slice(line.text, 0, m[0].length);
        const item: ItemBlock = { type: 'item', key: c.key!, marker, content: [], children: [], from: line.n, to: line.n };
        if (c.key === '*' || c.key === '**' || c.key === '***' || c.key === '」') item.role = 'note';
        if (c.key === '※') item.role = 'box';
        blocks.push(item);
        start(item, trim(slice(line.text, m[0].length)), line.spaceAfter === true);
        lastLine = line;
        continue;
      }
      // Plain text: continue the open block or start a paragraph.
      const current = open as ParaBlock | ItemBlock | HeadingBlock | null;
      // In wrapped text every line continues the block; in one-paragraph-per-line text a line
      // continues a paragraph that has not ended, and an item only when it clearly goes on.
      // With a known page width, the previous line's fullness decides (a short line ended its
      // block). Without one (one paragraph per line), a line continues an unfinished paragraph
      // only on evidence: an interruption between them (a page label, a footnote), a space left
      // at the line end, a dangling particle or a continuation start. A word cut in two always
      // continues.
      const continues = current && lastLine && ((blankSeparated && lastLine.n === line.n - 1) || cutInsideWord(openTail, line.text.text, vocab) || (pageWidth !== null ? full(lastLine, line) || (!endsSentence(openTail) && NON_INITIAL.test(line.text.text)) : wrapped || (current.type === 'item' ? continuesItem(openTail, line.text.text) : !endsSentence(openTail) && (lastLine.n !== line.n - 1 || openSpaceAfter || continuesItem(openTail, line.text.text) || DANGLING_END.test(openTail)))));
      if (current && openParts !== null && !breakHere && continues) {
        append(line.text, line.spaceAfter === true);
        current.to = line.n;
      } else {
        close();
        const para: ParaBlock = { type: 'para', content: [], from: line.n, to: line.n };
        blocks.push(para);
        start(para, unLetterSpace(line.text, 4), line.spaceAfter === true);
      }
      lastLine = line;
    }
    close();
    tree.children = mergeDanglingParagraphs(blocks, vocab);
  };
}

/**
 * Rule clean/letter-spacing: a title or line whose tokens are all single syllables
 * (`서 론`, `指 導 敎 授 朱 亨 根`) is letter-spaced typography; the spaces go (white space
 * only, so nothing is lost). Real one-syllable words (`이 두`, `수 있다`) never fill a line alone.
 */
function unLetterSpace(span: Span, minTokens: number): Span {
  const tokens = span.text.split(' ');
  if (tokens.length < minTokens || !tokens.every((t) => /^[가-힣\p{Script=Han}]$/u.test(t))) return span;
  const parts: Span[] = [];
  for (let k = 0; k < span.text.length; k++) if (span.text[k] !== ' ') parts.push(slice(span, k, k + 1));
  return concat(...parts);
}

function continuesItem(a: string, b: string): boolean {
  return /[,·‧ㆍ\-/(&~～]$/u.test(a) || /^[:)）,.]/u.test(b) || NON_INITIAL.test(b);
}

/** Words that cannot open a Korean sentence: the line before was cut mid-sentence. */
const NON_INITIAL = /^(?:등(?:을|의|에|으로|과|이|은)?|및|또는|를|을|의|에서|에게|으로|로|와|과|하고|하여|하기|하는|하며|한다|된다|되어|되는|하였|했|이다|이며)(?=\s|$|[,.])/u;

/** Endings that cannot close a Korean sentence: a topic or case particle, a connective, a comma. */
const DANGLING_END = /(?:[가-힣](?:은|는|을|를|의|에|와|과|며|하고|하여|및)|,)$/u;

function isLatinLine(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length > 0 && letters.filter((c) => /[A-Za-z]/.test(c)).length / letters.length >= 0.8;
}

function setContent(block: ParaBlock | ItemBlock | HeadingBlock, span: Span) {
  if (block.type === 'heading') block.title = [{ type: 'text', span }];
  else block.content = [{ type: 'text', span }];
}

export function textOf(content: Inline[]): Span {
  return concat(...content.map((c) => (c.type === 'fnref' ? c.marker : c.span)));
}

function joinSpans(a: Span, b: Span, vocab: Vocabulary): Span {
  if (!a.text) return b;
  return joinDecision(a.text, b.text, vocab) === 'space' ? concat(a, synthetic(' '), b) : concat(a, b);
}

/** The path segment a heading family gives a matched number (`Ⅳ` gives `IV`, `가` gives `ga`). */
export function segFor(key: string, m: RegExpExecArray): string | undefined {
  const p = HEADINGS.find((q) => q.key === key && q.re.test(m.input));
  return p ? p.seg(p.re.exec(m.input)!) : undefined;
}

export function matchHeading(text: string): { key: string; match: RegExpExecArray } | null {
  for (const p of HEADINGS) {
    const m = p.re.exec(text);
    if (m) return { key: p.key, match: m };
  }
  return null;
}

function segOf(key: string, num: string): string | undefined {
  const h = HEADINGS.find((p) => p.key === key);
  const m = h?.re.exec(`${num} x`);
  return m && h ? h.seg(m) : undefined;
}

function classify(line: Line, ctx: Context): Classified {
  const text = line.text.text;
  const { boldHeadings, prev } = ctx;
  if (CAPTION.test(text)) return { kind: 'caption' };
  // A table-of-contents entry (`1. 사업일반<TAB>1`: a tab, maybe a leader, then a page number)
  // names a heading elsewhere; it is not one. Hand-made text has these as tab tables, but an
  // ingested document keeps its tabs as text.
  const h = /\t[\s.·…]*\d{1,4}\s*$/u.test(text) ? null : matchHeading(text);
  const entry = ctx.contents.length ? parseEntry(text) : null;
  if (entry?.key && ctx.listed.has(entry.key) && ctx.contents.some((c) => c.last < line.n)) {
    // A family the document's contents list enumerates: its lines are sections exactly when
    // they are listed there (`1 신청 방법 및 접수 기간` is; `1. 첫째 항목의 구분은…` is not).
    const e = matchEntry(ctx.contents, entry.key, entry.seg, entry.title, line.n);
    if (e) return { kind: 'heading', key: entry.key, match: headingMatch(text, entry.numLength), entry: e };
    // Not listed: a numbered list item, kept apart from its neighbours (`3) … 4) …`).
    if (h) return numberedItem(h);
  } else if (h && (isKeyValue(h) || insideNote(line, ctx.above))) {
    return numberedItem(h);
  } else if (h) {
    const short = text.length <= 60 && !/(?:다|함|음|임|됨)\.$/u.test(text) && !/[,:]$/u.test(text);
    const eligible = boldHeadings
      ? line.bold || ((h.key === 'chapter' || h.key === 'section') && text.length < 30)
      : h.key === 'question'
        ? text.length <= 160
        : short && (h.key !== 'num' || text.length <= 45) && (h.key !== 'appendix' || text.length <= 50);
    if (eligible) return { kind: 'heading', key: h.key, match: h.match };
  }
  for (const mk of MARKERS) {
    const m = mk.re.exec(text);
    if (m) return { kind: 'item', key: mk.key, match: m };
  }
  // A parenthesised label opening a line (`(산단) …`) is an item when it starts a block.
  const label = LABEL.exec(text);
  if (label && /[가-힣A-Za-z]/u.test(label[1]!) && !/[,;]|\d{4}/u.test(label[1]!) && (!prev || prev.n !== line.n - 1 || prev.blank)) {
    return { kind: 'item', key: 'label', match: /^/u.exec(text)! };
  }
  if (ctx.plainTitles && isPlainTitle(line, ctx.below)) return { kind: 'heading', key: 'plain', match: /^()/u.exec(text)! };
  return { kind: 'text' };
}

/**
 * A numbered line that is not a section (a field and its value, a line quoted in a note, a
 * number the contents list does not name) is a list item of its numbering family.
 */
function numberedItem(h: { key: string; match: RegExpExecArray }): Classified {
  const m = /^/u.exec(h.match.input)!;
  m[0] = h.match[1]!;
  return { kind: 'item', key: `${h.key}-item`, match: m };
}

/** The match of a heading whose number is the first `numLength` characters (group 1). */
function headingMatch(text: string, numLength: number): RegExpExecArray {
  const m = /^()/u.exec(text)!;
  m[1] = text.slice(0, numLength);
  return m;
}

/**
 * A numbered line that states a field and its value (`다. 발표대상 : …`, `가. 사 업 명:
 * 생성형 AI …`) is an item of a list of facts, not a section title.
 */
function isKeyValue(h: { key: string; match: RegExpExecArray }): boolean {
  if (h.key === 'appendix' || h.key === 'chapter' || h.key === 'section' || h.key === 'question') return false;
  const title = h.match.input.slice(h.match[1]!.length);
  return /^[^:：]{1,30}[:：]\s*\S/u.test(title);
}

/**
 * A numbered line right under a `※` note and indented deeper than it quotes something inside
 * the note (`※ … 급여기준` / `  3. 고식적요법`): it is the note's content, never a section.
 */
function insideNote(line: Line, above: Line | undefined): boolean {
  if (!above || above.blank || !/^\s*※/u.test(above.raw)) return false;
  const indent = (l: Line) => l.raw.length - l.raw.trimStart().length;
  return indent(line) > indent(above);
}

/**
 * Rule structure/heading, unmarked titles: in one-paragraph-per-line documents, a short line
 * with no marker that does not read as a sentence or a field, directly followed by a list of
 * sub-items (`o`, `ㅇ`, `○`, `❍`) or a table, titles what follows (`신청 시 주의사항`). Only
 * after a first heading, so cover-page lines are never titles.
 */
function isPlainTitle(line: Line, below: Line | undefined): boolean {
  const t = line.text.text.trim();
  // Deeply indented lines continue the item above them (hard-wrapped RFP items).
  if (line.raw.length - line.raw.trimStart().length > 2) return false;
  if (t.length < 2 || t.length > 25 || !/[가-힣]/u.test(t)) return false;
  if (/[.。:：,;!?]$|[다요함음임됨]$/u.test(t) || /[:：]/u.test(t) || /^[(\[<【〈《0-9]|^주\s*\d/u.test(t)) return false;
  if (t.split(/\s+/u).every((k) => [...k].length === 1)) return false;
  if (!below) return false;
  return /^(?:[oㅇ○❍◦](?:\s|$)|\[표\]$|[<〈《]\s)/u.test(below.text.text.trimStart());
}


/**
 * A document is hard-wrapped when most adjacent text lines break mid-sentence; then a line
 * ending a sentence does not end the paragraph (the wrap just fell there).
 */
export function isWrapped(lines: Line[]): boolean {
  const text = lines.filter((l) => !l.blank && !l.removed && l.zone === undefined);
  const widths = text.map((l) => l.text.text.length).sort((a, b) => a - b);
  const p90 = widths[Math.floor(widths.length * 0.9)] ?? 0;
  let pairs = 0;
  let open = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    if (a.blank || b.blank || a.removed || b.removed || a.zone !== undefined || b.zone !== undefined) continue;
    pairs++;
    // A wrapped line is cut mid-sentence near the page's common width.
    if (!endsSentence(a.text.text) && a.text.text.length >= 0.6 * p90) open++;
  }
  return pairs >= 20 && open / pairs >= 0.5;
}

/**
 * A paragraph that ends mid-sentence followed (across blank lines) by one that continues it
 * is one paragraph: page breaks in extractions insert such blanks (`뒷받침` / `하기 위해`).
 */
function mergeDanglingParagraphs(blocks: Block[], vocab: Vocabulary): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    // The block this paragraph may continue: the previous one, or the one before a table or
    // figure that the extraction dropped into the middle of a sentence.
    const last = out.at(-1);
    const prev = last && (last.type === 'table' || last.type === 'figure') ? out.at(-2) : last;
    if (b.type === 'para' && (prev?.type === 'para' || prev?.type === 'item')) {
      const a = textOf(prev.content);
      const next = textOf(b.content);
      const decision = joinDecision(a.text, next.text, vocab);
      const fragment = decision === 'none' && /^(?:[가-힣]{1,3}(?:\s|$)|하|되|다)/u.test(next.text);
      if (a.text.length >= (prev.type === 'para' ? 40 : 8) && !endsSentence(a.text) && /^[가-힣]/u.test(next.text) && (fragment || NON_INITIAL.test(next.text) || DANGLING_END.test(a.text))) {
        prev.content = [...prev.content, ...(decision === 'space' ? [{ type: 'text' as const, span: synthetic(' ') }] : []), ...b.content];
        prev.parts = [...(prev.parts ?? [[prev.from, prev.to]]), [b.from, b.to]];
        prev.to = b.to;
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

/** `1013–1331, 1352–1431`: the line ranges a list of lines covers. */
function lineList(lines: Line[]): string {
  const ranges: [number, number][] = [];
  for (const l of lines) {
    const last = ranges.at(-1);
    if (last && l.n <= last[1] + 2) last[1] = l.n;
    else ranges.push([l.n, l.n]);
  }
  return ranges.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(', ');
}

/** Whether the last word of `a` and the first of `b` are one word the document writes whole elsewhere. */
function oneWord(a: string, b: string, vocab: Vocabulary): boolean {
  const word = `${a.trim().split(/\s+/u).at(-1) ?? ''}${b.trim().split(/\s+/u)[0] ?? ''}`.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return vocab.has(word);
}

/** Body lines grouped by where they sit: a new run starts where a `zones` override part starts. */
function lineRuns(body: Line[], zone: NonNullable<DocTree['zones']>[number]): Line[][] {
  const partStarts = new Set((zone.parts ?? []).map((p) => p[0]));
  const runs: Line[][] = [];
  for (const l of body) {
    if (runs.length === 0 || partStarts.has(l.n)) runs.push([l]);
    else runs.at(-1)!.push(l);
  }
  return runs;
}

/** Rule structure/press-facts: `보도시점 2023. 6. 1.(목) … 배포 2023. 6. 1.(목) 08:00`. */
function factsOf(line: Line): FactsBlock {
  const starts = [...line.text.text.matchAll(FACT_SPLIT)].map((m) => ({ at: m.index!, length: m[0].length }));
  const entries = starts.map((s, k) => ({
    label: slice(line.text, s.at, s.at + s.length),
    value: trim(slice(line.text, s.at + s.length, starts[k + 1]?.at ?? line.text.text.length)),
  }));
  return { type: 'facts', entries, from: line.n, to: line.n };
}

function figureOf(zone: NonNullable<DocTree['zones']>[number], vocab: Vocabulary, file: VFile): FigureBlock {
  const m = CAPTION.exec(zone.caption.text.text)!;
  const titleStart = zone.caption.text.text.length - m[4]!.length;
  const id = `${zone.kind === '표' ? 'tbl' : 'fig'}-${zone.num}`;
  const children: Block[] = [];
  const notes = zone.notes.map((group) => {
    let span = group[0]!.text;
    for (const l of group.slice(1)) span = joinSpans(span, l.text, vocab);
    return { type: 'para', content: [{ type: 'text', span }], from: group[0]!.n, to: group.at(-1)!.n } as ParaBlock;
  });
  const base = { type: 'figure' as const, kind: zone.kind, num: zone.num, title: m[4]!.trim(), caption: [{ type: 'text' as const, span: zone.caption.text }], from: zone.caption.n, to: zone.end + 1, id, titleStart };
  // An ingested document's tables are its `[표]` fences: lines under a caption are not re-gridded.
  if (zone.kind === '표' && zone.body.some((l) => !l.footnote) && file.data.meta?.ingested === undefined) {
    const header = file.data.overrides!.tableHeaders.find((h) => h.figure === id);
    const rowsOverride = file.data.overrides!.tableRows.find((h) => h.figure === id);
    let grid = rowsOverride ? gridFromRows(zone.body, rowsOverride.rows) : recoverGrid(zone.body, header?.cells);
    if (rowsOverride && !grid.ok) report(file, 'override/unknown-target', `Unexpected tableRows override for ${id}: ${grid.reason}`, zone.caption.n);
    if (!grid.ok && !header && !rowsOverride) {
      const grouped = recoverGroupedGrid(zone.body, { join: (a, b) => oneWord(a, b, vocab) });
      if (grouped.ok) grid = grouped;
      else grid = { ok: false, reason: `${grid.reason}; as a grouped grid: ${grouped.reason}` };
    }
    if (grid.ok) {
      if (header) overrideApplied(file, header);
      if (rowsOverride) overrideApplied(file, rowsOverride);
      const body = zone.body.filter((l) => !l.footnote && l !== grid.unit);
      if (grid.unit) children.push({ type: 'para', content: [{ type: 'text', span: grid.unit.text }], from: grid.unit.n, to: grid.unit.n });
      const parts = lineRuns(body, zone).map((run): [number, number] => [run[0]!.n, run.at(-1)!.n]);
      children.push({ type: 'table', rows: grid.rows, from: body[0]!.n, to: body.at(-1)!.n, parts });
      return { ...base, children: [...children, ...notes] };
    }
    if (header) report(file, 'override/unknown-target', `Unexpected tableHeaders override for ${id}: ${grid.reason}`, zone.caption.n);
    report(file, 'structure/flattened-table', `Unexpected flattened table <표 ${zone.num}>: ${grid.reason}; source lines ${lineList(zone.body.filter((l) => !l.footnote))} shown verbatim as a preformatted grid`, zone.caption.n);
  }
  // One preformatted block per run of body lines (a zone extended by an override may have
  // parts elsewhere in the source; each keeps its own line range).
  const body = zone.body.filter((l) => !l.footnote);
  for (const run of lineRuns(body, zone)) {
    const pre: PreBlock = { type: 'pre', lines: run.map((l) => l.text), reason: zone.kind === '표' ? 'flattened-table' : 'figure-labels', from: run[0]!.n, to: run.at(-1)!.n };
    children.push(pre);
  }
  return { ...base, children: [...children, ...notes] };
}

declare module 'vfile' {
  interface DataMap {
    /** How the whole corpus spaces syllable pairs (compileCorpus builds it; join evidence). */
    corpusSpacing: import('../text/evidence.ts').SpacingCounts;
    /** The page width (display columns) of a hard-wrapped document, when its lines share one. */
    pageWidth: number | null;
  }
}

declare module '../types.ts' {
  interface ParaBlock {
    /** Line ranges when the block was rejoined across an interruption (else [from, to]). */
    parts?: [number, number][];
  }
  interface ItemBlock {
    parts?: [number, number][];
  }
  interface TableBlock {
    parts?: [number, number][];
  }
  interface FigureBlock {
    titleStart?: number;
  }
}
