/**
 * Automatic paragraph numbering and bullets (문단 번호 / 개요 번호 / 글머리표), shared by the HWP
 * and HWPX readers. They are not in the text stream: the file stores a format per level
 * (`^1.`, `^2)`, `(^3)`; `^n` is level n's counter) and each paragraph's head kind and level,
 * and the reader must count. The text is written out as Hangul shows it.
 */

export interface NumberingLevel {
  /** The format string: `^1.`; `^n` stands for level n's number. */
  format: string;
  /** Number shape, in the order of the HWPX `numFormat` values (0 DIGIT, 1 CIRCLED_DIGIT, …). */
  shape: number;
  start: number;
}
export interface NumberingDef {
  levels: NumberingLevel[];
}

export type HeadDef =
  | { kind: 'bullet'; level: number; char: string }
  | { kind: 'outline' | 'number'; level: number; id: number; def?: NumberingDef };

/** HWPX `numFormat` names in the order HWP 5.0 stores them as numbers. */
export const SHAPES = [
  'DIGIT',
  'CIRCLED_DIGIT',
  'ROMAN_CAPITAL',
  'ROMAN_SMALL',
  'LATIN_CAPITAL',
  'LATIN_SMALL',
  'CIRCLED_LATIN_CAPITAL',
  'CIRCLED_LATIN_SMALL',
  'HANGUL_SYLLABLE',
  'CIRCLED_HANGUL_SYLLABLE',
  'HANGUL_JAMO',
  'CIRCLED_HANGUL_JAMO',
  'HANGUL_PHONETIC',
  'IDEOGRAPH',
  'CIRCLED_IDEOGRAPH',
] as const;

const SYLLABLES = '가나다라마바사아자차카타파하';
const JAMO = 'ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ';
const CIRCLED_SYLLABLES = '㉮㉯㉰㉱㉲㉳㉴㉵㉶㉷㉸㉹㉺㉻';
const CIRCLED_JAMO = '㉠㉡㉢㉣㉤㉥㉦㉧㉨㉩㉪㉫㉬㉭';
const IDEOGRAPHS = '一二三四五六七八九十';

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}
function cycle(chars: string, n: number): string {
  return chars[(n - 1) % chars.length]!;
}

export function formatNumber(n: number, shape: number): string {
  switch (SHAPES[shape]) {
    case 'CIRCLED_DIGIT':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'ROMAN_CAPITAL':
      return roman(n);
    case 'ROMAN_SMALL':
      return roman(n).toLowerCase();
    case 'LATIN_CAPITAL':
      return String.fromCharCode(65 + ((n - 1) % 26));
    case 'LATIN_SMALL':
      return String.fromCharCode(97 + ((n - 1) % 26));
    case 'CIRCLED_LATIN_CAPITAL':
      return String.fromCodePoint(0x24b6 + ((n - 1) % 26));
    case 'CIRCLED_LATIN_SMALL':
      return String.fromCodePoint(0x24d0 + ((n - 1) % 26));
    case 'HANGUL_SYLLABLE':
      return cycle(SYLLABLES, n);
    case 'CIRCLED_HANGUL_SYLLABLE':
      return cycle(CIRCLED_SYLLABLES, n);
    case 'HANGUL_JAMO':
      return cycle(JAMO, n);
    case 'CIRCLED_HANGUL_JAMO':
      return cycle(CIRCLED_JAMO, n);
    case 'HANGUL_PHONETIC':
      return n <= 10 ? '일이삼사오육칠팔구십'[n - 1]! : String(n);
    case 'IDEOGRAPH':
      return n <= 10 ? IDEOGRAPHS[n - 1]! : String(n);
    case 'CIRCLED_IDEOGRAPH':
      return n >= 1 && n <= 10 ? String.fromCodePoint(0x3280 + n - 1) : String(n);
    default:
      return String(n);
  }
}

/** Counts numbered paragraphs in document order, one counter set per numbering definition. */
export class Numberer {
  private counters = new Map<number, number[]>();

  /** The head text of a paragraph (`1. `, `가) `, `• `), or '' when it has none. */
  text(head: HeadDef | undefined): string {
    if (!head) return '';
    if (head.kind === 'bullet') return head.char ? `${head.char} ` : '';
    const def = head.def;
    if (!def) return '';
    const levels = def.levels;
    let counts = this.counters.get(head.id);
    if (!counts) this.counters.set(head.id, (counts = levels.map((l) => l.start - 1)));
    const level = Math.min(head.level, levels.length - 1);
    counts[level] = (counts[level] ?? 0) + 1;
    for (let k = level + 1; k < counts.length; k++) counts[k] = (levels[k]?.start ?? 1) - 1;
    const format = levels[level]?.format ?? '';
    if (!format) return '';
    // `^n` is level n's number; `^N` the paragraph's own level's.
    const out = format.replace(/\^(\d{1,2}|N)/gu, (_, d: string) => {
      const k = d === 'N' ? level : Number(d) - 1;
      const lv = levels[k];
      return lv ? formatNumber(Math.max(1, counts![k] ?? 1), lv.shape) : '';
    });
    return out ? `${out} ` : '';
  }
}
