/** Korean display formats for document metadata. Pure functions, no Astro imports. */
import type { DatePrecision, DocumentRecord, TocEntry } from '../../compiler/contract.ts';

export const UNKNOWN = '알 수 없음';

type Issued = NonNullable<DocumentRecord['issued']>;

/** Year and month of an ISO date at any precision (`2023`, `2023-06`, `2023-06-01`, `2023-Q2`, `2023-H2`). */
function parts(value: string): { y: string; m?: number; d?: number; q?: number; h?: number } {
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (iso) return { y: iso[1]!, m: iso[2] ? Number(iso[2]) : undefined, d: iso[3] ? Number(iso[3]) : undefined };
  const qh = /^(\d{4})-([QH])([1-4])$/i.exec(value);
  if (qh) return qh[2]!.toUpperCase() === 'Q' ? { y: qh[1]!, q: Number(qh[3]) } : { y: qh[1]!, h: Number(qh[3]) };
  return { y: value };
}

/** `2023년 6월 1일`, `2023년 6월`, `2023년 2분기`, `2023년 하반기`, `2023년` — never more precise than the source. */
export function formatIssued(issued: Issued | null): string {
  if (!issued) return UNKNOWN;
  const { y, m, d, q, h } = parts(issued.value);
  const precision: DatePrecision = issued.precision;
  switch (precision) {
    case 'day':
      return m && d ? `${y}년 ${m}월 ${d}일` : `${y}년`;
    case 'month':
      return m ? `${y}년 ${m}월` : `${y}년`;
    case 'quarter': {
      const quarter = q ?? (m ? Math.ceil(m / 3) : undefined);
      return quarter ? `${y}년 ${quarter}분기` : `${y}년`;
    }
    case 'half': {
      const half = h ?? (m ? (m <= 6 ? 1 : 2) : undefined);
      return half ? `${y}년 ${half === 1 ? '상' : '하'}반기` : `${y}년`;
    }
    case 'year':
      return `${y}년`;
  }
}

/** A valid `<time datetime>` value for the issued date (the ISO prefix, or the year). */
export function issuedDatetime(issued: Issued): string {
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(issued.value) ? issued.value : issued.value.slice(0, 4);
}

/** Sort key: ISO value, so that later documents sort after earlier ones; undated last. */
export function issuedSortKey(issued: Issued | null): string {
  return issued ? issued.value : '';
}

/** `기획재정부, 산업통상자원부` or `알 수 없음`. */
export function formatNames(names: string[] | 'unknown' | undefined): string {
  if (names === undefined || names === 'unknown' || names.length === 0) return UNKNOWN;
  return names.join(', ');
}

/** `245` or `245–247`. */
export function lineRange(from: number, to: number): string {
  return to > from ? `${from}–${to}` : String(from);
}

export interface TocNode extends TocEntry {
  children: TocNode[];
}

/**
 * Nests the flat TOC by depth. A jump of more than one level (depth 1 → 3) nests under
 * the nearest shallower entry, so no entry is ever dropped.
 */
export function nestToc(entries: readonly TocEntry[]): TocNode[] {
  const roots: TocNode[] = [];
  const stack: TocNode[] = [];
  for (const entry of entries) {
    const node: TocNode = { ...entry, children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= node.depth) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1]!.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/**
 * A line number or flag from an MDX attribute: `from={245}` arrives as a number,
 * `from="245"` as a string; both mean line 245.
 */
export function toLine(value: number | string): number {
  const n = typeof value === 'number' ? value : Number.parseInt(value, 10);
  if (!Number.isInteger(n) || n < 1) throw new Error(`Invalid source line "${value}": expected a positive integer.`);
  return n;
}

/** `synthetic`, `synthetic={true}` and `synthetic="true"` are true; absent or `"false"` are false. */
export function toFlag(value: boolean | string | undefined): boolean {
  return value === true || value === 'true' || value === '';
}

/** The precision an ISO date is written at: `2023` year, `2023-06` month, `2023-06-01` day. */
export function isoPrecision(value: string): DatePrecision {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'day' : /^\d{4}-\d{2}$/.test(value) ? 'month' : 'year';
}

/** `2017년 7월 26일`, `2013년 3월`, `2013년`: a registry date at the precision it is written at. */
export function formatIsoDate(value: string): string {
  return formatIssued({ value, precision: isoPrecision(value) });
}

/** `중소벤처기업부로`, `특허청으로`, `지식재산처로`: the particle 로/으로 after a word (ㄹ takes 로). */
export function withRo(word: string): string {
  const last = word.codePointAt(word.length - 1) ?? 0;
  if (last < 0xac00 || last > 0xd7a3) return `${word}(으)로`;
  const final = (last - 0xac00) % 28;
  return `${word}${final === 0 || final === 8 ? '로' : '으로'}`;
}

/**
 * A particle that depends on the last syllable: `withJosa('기관', '이', '가')` → `기관이`,
 * `withJosa('장소', '을', '를')` → `장소를`. A word that does not end in Hangul gets both (`TIPS을(를)`).
 */
export function withJosa(word: string, afterConsonant: string, afterVowel: string): string {
  const last = word.codePointAt(word.length - 1) ?? 0;
  if (last < 0xac00 || last > 0xd7a3) return `${word}${afterConsonant}(${afterVowel})`;
  return `${word}${(last - 0xac00) % 28 === 0 ? afterVowel : afterConsonant}`;
}
