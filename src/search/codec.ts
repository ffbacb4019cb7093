/**
 * The search index's alphabet, shared by the build (Node) and the browser.
 *
 * Pagefind stays the index and the ranking engine, but it sees neither Korean words nor the
 * text readers read:
 *
 * - **Index terms** are ASCII. Each word of the text becomes one term per run of one script,
 *   written with a class letter and a code (`k` Hangul, 3 base-32 digits per syllable; `e`
 *   Latin letters and digits, lower-cased; `n` numbers; `u` any other letter, 5 base-32
 *   digits per code point; `w` a registry entity), and ended by `z`, a letter no code uses.
 *   Fixed width keeps Pagefind's prefix matching exact at syllable boundaries; the class
 *   letter keeps an English query from matching the code of a Korean word; the end letter
 *   means no index term is a prefix of a longer query term, so Pagefind's fallback for a term
 *   it cannot find (search the longest indexed prefix of it) finds nothing instead of noise;
 *   and ASCII lets Pagefind split its word index into chunks: a Korean index is never chunked
 *   (pagefind#1211), ASCII is, so a query downloads one chunk per term, not the whole index.
 * - **Display words** travel in the same record, encoded as Braille patterns (two per UTF-16
 *   code unit): Pagefind keeps them in the fragment it returns but indexes nothing of them,
 *   because they hold no word characters. The browser decodes them, so excerpts are the real
 *   text, character for character.
 *
 * A record's content is `display term term … display term …`: every term follows the display
 * word it was derived from, so a match location maps back to the word to highlight.
 */

const BRAILLE = 0x2800;
const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;

/** Encodes a display word (no white space) so that Pagefind stores it but indexes nothing. */
export function toDisplayToken(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const u = word.charCodeAt(i);
    out += String.fromCharCode(BRAILLE + (u >> 8), BRAILLE + (u & 0xff));
  }
  return out;
}

/** The display word of a content token, or null when the token is an index term. */
export function fromDisplayToken(token: string): string | null {
  const first = token.charCodeAt(0);
  if (!(first >= BRAILLE && first <= BRAILLE + 0xff) || token.length % 2 !== 0) return null;
  let out = '';
  for (let i = 0; i < token.length; i += 2) out += String.fromCharCode(((token.charCodeAt(i) - BRAILLE) << 8) | (token.charCodeAt(i + 1) - BRAILLE));
  return out;
}

export const isHangul = (c: number) => c >= HANGUL_FIRST && c <= HANGUL_LAST;
const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Joiners inside a Latin or numeric run (`R&D`, `1,000`, `3.5`, `B2B`): dropped, not split. */
const JOINERS = new Set(['&', '.', ',', '-', '_', '/', "'", '+', '·']);
/** Letters of other scripts (Hanja `下`, Latin with accents, jamo): indexed by code point. */
const isOtherLetter = (ch: string) => /[\p{L}\p{N}]/u.test(ch) && ch !== 'ㆍ' && ch !== 'ᆞ';

export type TermClass = 'k' | 'e' | 'n' | 'u';

/** One run of a word: its class, its text, and where it starts in the word. */
export interface Run {
  cls: TermClass;
  text: string;
  start: number;
}

/**
 * Splits a word into script runs: Hangul syllables; ASCII letters and digits with their
 * joiners (`R&D`, `2,000`); other letters. Everything else (brackets, quotes, middle dots,
 * symbols) separates runs.
 */
export function runsOf(input: string): Run[] {
  // Compatibility forms are their plain letters for search: fullwidth Ａ１ is A1, ㎞ is km.
  const word = input.normalize('NFKC');
  const runs: Run[] = [];
  let i = 0;
  while (i < word.length) {
    const c = word.charCodeAt(i);
    if (isHangul(c)) {
      let j = i + 1;
      while (j < word.length && isHangul(word.charCodeAt(j))) j++;
      runs.push({ cls: 'k', text: word.slice(i, j), start: i });
      i = j;
    } else if (isAsciiAlnum(c)) {
      let j = i + 1;
      while (j < word.length && (isAsciiAlnum(word.charCodeAt(j)) || (JOINERS.has(word[j]!) && j + 1 < word.length && isAsciiAlnum(word.charCodeAt(j + 1))))) j++;
      const text = word.slice(i, j);
      runs.push({ cls: /[A-Za-z]/.test(text) ? 'e' : 'n', text, start: i });
      i = j;
    } else {
      const cp = word.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (isOtherLetter(ch)) {
        let j = i + ch.length;
        while (j < word.length) {
          const next = String.fromCodePoint(word.codePointAt(j)!);
          if (!isOtherLetter(next) || isHangul(next.charCodeAt(0)) || isAsciiAlnum(next.charCodeAt(0))) break;
          j += next.length;
        }
        runs.push({ cls: 'u', text: word.slice(i, j), start: i });
        i = j;
      } else i += ch.length;
    }
  }
  return runs;
}

/** Base 32 over `0-9a-v`: `w`–`z` stay free for classes and the end letter. */
const b32 = (n: number, width: number) => n.toString(32).padStart(width, '0');
/** Ends every index term; never inside a code. */
export const END = 'z';

/**
 * The code of a run, without the end letter: what a query searches by prefix. Latin text is
 * lower-cased and written with `y` as an escape (`y` → `yx`, `z` → `yy`), so it never holds
 * the end letter either.
 */
export function termOf(cls: TermClass, text: string): string {
  if (cls === 'k') {
    let out = 'k';
    for (let i = 0; i < text.length; i++) out += b32(text.charCodeAt(i) - HANGUL_FIRST, 3);
    return out;
  }
  // A decimal point between digits is kept (as `d`: 3.5 is not 35); other joiners go (1,000 = 1000).
  if (cls === 'n') return `n${text.replace(/(?<=\d)\.(?=\d)/g, 'd').replace(/[^0-9d]/g, '')}`;
  if (cls === 'e') return `e${text.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/[yz]/g, (c) => (c === 'y' ? 'yx' : 'yy'))}`;
  let out = 'u';
  for (const ch of text.toLowerCase()) out += b32(ch.codePointAt(0)!, 5);
  return out;
}

/** The index term of a run: its code and the end letter. */
export function indexTermOf(cls: TermClass, text: string): string {
  return termOf(cls, text) + END;
}

/** One term for a word of several runs (`1조원`, `R&D사업`): `m` and the codes of its runs, without the end letter. */
export function mixedTermOf(runs: Run[]): string {
  return `m${runs.map((r) => termOf(r.cls, r.text)).join('')}`;
}

/** The index terms of a word, one per run. */
export function termsOfWord(word: string): string[] {
  return runsOf(word).map((r) => indexTermOf(r.cls, r.text));
}

/** A registry entity's term (complete, with the end letter): `w`, seven base-32 digits of a hash of its `type:id` ref. */
export function entityTerm(ref: string): string {
  // FNV-1a, 32 bits: stable across builds and machines; collisions are checked at build.
  let h = 0x811c9dc5;
  for (let i = 0; i < ref.length; i++) {
    h ^= ref.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `w${b32(h, 7)}${END}`;
}

/**
 * Korean particles and copula endings stripped from the end of a query word (longest first),
 * so `클러스터를` searches `클러스터` and finds `클러스터가`, `클러스터의`, `클러스터`. Index
 * terms match by prefix, so stripping only ever widens a query to the word's other forms.
 */
export const PARTICLES = [
  '에서부터', '으로부터', '으로서의', '으로써의',
  '로부터', '에서는', '에서도', '에서의', '에게서', '으로는', '으로도', '으로서', '으로써', '까지는', '까지의', '부터는', '이라는', '이라고', '에게는', '에서만', '만으로',
  '라는', '라고', '에서', '에게', '으로', '까지', '부터', '처럼', '보다', '마다', '이나', '이며', '이고', '에는', '에도', '에의', '과의', '와의', '로서', '로써', '로는', '로도', '하고', '이다', '이란', '들이', '들은', '들을', '들의', '들과', '들에',
  '을', '를', '이', '가', '은', '는', '의', '에', '로', '와', '과', '도', '만', '들', '란',
];

/** A query word without its particle, when at least two syllables stay. */
export function stripParticle(word: string): string {
  for (const p of PARTICLES) {
    if (word.length - p.length >= 2 && word.endsWith(p)) return word.slice(0, -p.length);
  }
  return word;
}
