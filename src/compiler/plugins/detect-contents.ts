import type { DocTree, HeadingBlock, ItemBlock, Line, ParaBlock } from '../types.ts';
import { EMPTY, slice, synthetic, trim } from '../text/span.ts';
import { matchHeading, segFor } from './detect-blocks.ts';

/** A contents title (`목  차`, `차례`, `Contents`), letter-spaced or not. */
const TITLE = /^(?:목차|차례|contents|tableofcontents)$/iu;
/** A page number at the end of an entry, after a tab, a run of spaces or a dot leader. */
const PAGE = /(?:\t|\s{2,}|[.·…]{2,})\s*(\d{1,3})\s*$/u;
/** A bare chapter number (`1 신청 방법`: the boxed numbers of HWP documents lose their box). */
const BARE = /^((\d{1,2}))\s+(?=[가-힣A-Za-z])(.+)$/u;

export interface ContentsEntry {
  line: Line;
  /** Heading family (roman, num, ganada …) and its number segment, when the entry has one. */
  key?: string;
  seg?: string;
  /** The entry's title without number and page, squashed (no white space) for matching. */
  key_title: string;
  item: ItemBlock;
  /** The heading this entry names, once found (detect-blocks). */
  target?: HeadingBlock;
}

export interface Contents {
  first: number;
  last: number;
  title?: ParaBlock;
  entries: ContentsEntry[];
  /** Entries by `family:number`, built on first use. */
  index?: Map<string, ContentsEntry[]>;
}

const squash = (s: string) => s.replace(/\s+/gu, '');

/** An outline entry: a numbered title (any heading family or a bare number) of a contents list. */
export function parseEntry(text: string): { key?: string; seg?: string; numLength: number; title: string } | null {
  const h = matchHeading(text);
  if (h) {
    const seg = segFor(h.key, h.match);
    return { key: h.key, seg, numLength: h.match[1]!.length, title: text.slice(h.match[1]!.length) };
  }
  const b = BARE.exec(text);
  if (b) return { key: 'num', seg: b[2]!, numLength: b[1]!.length, title: b[3]! };
  return null;
}

/**
 * Rule structure/contents: a document's own table of contents — a `목차` title followed by
 * outline entries, or a run of at least three numbered entries ending in page numbers — is a
 * contents block: a list whose entries link to the chapters they name. Its lines are zoned
 * first, so they never become headings (they would take the chapters' anchors) nor a table
 * (their page numbers are tab-separated). Which heading families a contents block lists also
 * tells detect-blocks which numbered lines are the document's sections.
 */
export default function detectContents() {
  return (tree: DocTree) => {
    const { lines } = tree;
    tree.contents = [];
    let zone = 2_000_000;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.blank || line.removed || line.zone !== undefined || line.footnote) continue;
      const titled = TITLE.test(squash(line.text.text));
      if (!titled && !PAGE.test(line.text.text)) continue;
      const entries: Line[] = [];
      const seen = new Set<string>();
      let j = titled ? i + 1 : i;
      let paged = 0;
      let numbered = 0;
      let lastPage = 0;
      // Bounded, so a failed candidate never rescans a long run (linear in the document).
      for (; j < lines.length && j < i + 400; j++) {
        const l = lines[j]!;
        if (l.blank) continue;
        if (l.removed || l.zone !== undefined || l.footnote) break;
        const text = l.text.text;
        if (text.length > 70) break;
        const page = PAGE.exec(text);
        const body = page ? text.slice(0, page.index).trim() : text.trim();
        const entry = parseEntry(body);
        // Without a page number only an outline number makes a line an entry; a repeat of an
        // earlier entry is the body starting (`Ⅰ 사업개요` after `Ⅰ. 사업개요`).
        if (!page && !entry) break;
        const id = `${entry?.key ?? ''}:${entry?.seg ?? ''}:${squash(entry ? entry.title : body)}`;
        if (seen.has(id)) break;
        if (page) {
          const p = Number(page[1]);
          if (p < lastPage) break;
          lastPage = p;
          paged++;
        }
        if (entry) numbered++;
        seen.add(id);
        entries.push(l);
      }
      const ok = titled ? entries.length >= 2 && paged >= 1 : entries.length >= 3 && paged === entries.length && numbered * 2 >= entries.length;
      if (!ok) continue;
      zone++;
      const contents: Contents = { first: line.n, last: entries.at(-1)!.n, entries: [] };
      if (titled) {
        line.zone = zone;
        contents.title = { type: 'para', content: [{ type: 'text', span: trim(line.text) }], from: line.n, to: line.n, rule: 'structure/contents' };
      }
      for (const l of entries) {
        l.zone = zone;
        contents.entries.push(entryOf(l));
      }
      for (let k = i; k <= entries.at(-1)!.n - 1; k++) if (lines[k]!.blank) lines[k]!.zone = zone;
      tree.contents.push(contents);
      i = entries.at(-1)!.n - 1;
    }
  };
}

function entryOf(l: Line): ContentsEntry {
  const span = trim(l.text);
  const page = PAGE.exec(span.text);
  const bodyEnd = page ? span.text.slice(0, page.index).trimEnd().length : span.text.length;
  const body = slice(span, 0, bodyEnd);
  const parsed = parseEntry(body.text);
  const numLength = parsed?.numLength ?? 0;
  const marker = numLength ? trim(slice(body, 0, numLength)) : EMPTY;
  const title = trim(slice(body, numLength));
  const content: ItemBlock['content'] = [{ type: 'text', span: title }];
  if (page) content.push({ type: 'text', span: synthetic(' … ') }, { type: 'text', span: trim(slice(span, page.index + page[0].length - page[0].trimStart().length)) });
  const item: ItemBlock = { type: 'item', key: `toc-${parsed?.key ?? 'other'}`, marker, content, children: [], from: l.n, to: l.n, role: 'contents' };
  return { line: l, key: parsed?.key, seg: parsed?.seg, key_title: squash(title.text), item };
}

/**
 * Finds the contents entry a heading candidate names: same family and number, and titles that
 * agree once white space is ignored (one may extend the other: `가. 시스템 장비구성
 * 요구사항(Equipment …)` for `가. 시스템 장비구성 요구사항`). Entries are used once.
 */
export function matchEntry(all: Contents[], key: string, seg: string | undefined, title: string, line: number): ContentsEntry | null {
  const t = squash(title);
  if (t.length < 2) return null;
  // Entries by family and number, so a lookup does not scan the whole list (linear overall).
  for (const c of all) {
    if (line <= c.last) continue;
    c.index ??= Map.groupBy(c.entries, (e) => `${e.key}:${e.seg}`);
    for (const e of c.index.get(`${key}:${seg}`) ?? []) {
      if (e.target) continue;
      if (t.startsWith(e.key_title) || (e.key_title.startsWith(t) && t.length >= 4)) return e;
    }
  }
  return null;
}

/** Heading families a contents block lists: numbered lines of these families are sections only when listed. */
export function listedFamilies(all: Contents[]): Set<string> {
  const out = new Set<string>();
  for (const c of all) for (const e of c.entries) if (e.key && e.key !== 'appendix') out.add(e.key);
  return out;
}

declare module '../types.ts' {
  interface DocTree {
    contents?: Contents[];
  }
  interface ParaBlock {
    rule?: string;
  }
}
