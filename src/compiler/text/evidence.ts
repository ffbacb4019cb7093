/**
 * Evidence for joining a line break that falls between two Hangul syllables (rule
 * clean/line-join): was the break inside a word (`전` + `체기업의`) or at a word boundary
 * (`중소기업의` + `토대`)? Three witnesses, each linear to build and constant per question:
 *
 *   1. the document's own spacing: every other place in the document where the syllables on
 *      either side of the break meet, written together or apart (character-bigram contexts,
 *      two syllables each side, backing off to one) — the document's vocabulary, counted;
 *   2. the Korean analyzer (lindera, ko-dic): whether a morpheme spans the break, whether the
 *      text after it is a particle, an ending or a suffix (never a word of its own), and
 *      whether the text before it ends in one (a finished word);
 *   3. the vocabulary of whole tokens (vocabulary() in join.ts): a word written unbroken
 *      elsewhere.
 * Each gives a log-odds vote for a space; the sum decides.
 */
import { linderaTokenizer, type LinderaToken } from './lindera.ts';

const HANGUL_RUN_END = /[가-힣]+$/u;
const HANGUL_RUN_START = /^[가-힣]+/u;

/** Counts, per context, how often the document writes two syllables together or apart. */
export class SpacingCounts {
  private joined = new Map<string, number>();
  private split = new Map<string, number>();

  add(line: string) {
    // Hangul tokens in order, with whether a space (not punctuation) separates each from the next.
    // Digits and Latin letters count as classes (`0`, `a`): `30일`, `100%를` and `AI 기술` teach
    // how this document attaches any number or Latin word to the syllable that follows.
    const re = /[가-힣0-9A-Za-z%]+|\s+|[^가-힣0-9A-Za-z%\s]+/gu;
    let prev: string | null = null;
    let gap: 'space' | 'other' | null = null;
    for (const m of line.matchAll(re)) {
      const t = classes(m[0]);
      if (/^[가-힣0a%]/u.test(t)) {
        const w = `^${t}$`;
        for (let i = 2; i < w.length - 1; i++) this.count(this.joined, w.slice(i - 2, i), w.slice(i, i + 2));
        if (prev && gap === 'space') this.count(this.split, `^${prev}`.slice(-2), `${t}$`.slice(0, 2));
        prev = t;
        gap = null;
      } else if (/^\s/u.test(t)) gap = gap ?? 'space';
      else {
        gap = 'other';
      }
    }
  }

  private count(map: Map<string, number>, l: string, r: string) {
    // Four contexts: 2|2, 1|2, 2|1, 1|1 (the shorter ones are the back-off). `^` and `$` mark a
    // token's start and end, so `^등|추진` (the word 등) differs from `평등|추진`.
    const keys = [`${l}|${r}`, `${l.slice(-1)}|${r}`, `${l}|${r.slice(0, 1)}`, `${l.slice(-1)}|${r.slice(0, 1)}`];
    for (const k of new Set(keys)) map.set(k, (map.get(k) ?? 0) + 1);
  }

  /** Log-odds for a space between `l` and `r` from the most specific context seen, or 0. */
  vote(left: string, right: string): { odds: number; seen: number } {
    const l = classes(left);
    const r = classes(right);
    // `l` and `r` are whole Hangul runs at the break: their outer ends are word edges.
    const l2 = `^${l}`.slice(-2);
    const r2 = `${r}$`.slice(0, 2);
    for (const k of [`${l2}|${r2}`, `${l2.slice(-1)}|${r2}`, `${l2}|${r2.slice(0, 1)}`]) {
      const j = this.joined.get(k) ?? 0;
      const s = this.split.get(k) ?? 0;
      if (j + s >= 2) return { odds: Math.log((s + 0.5) / (j + 0.5)), seen: j + s };
    }
    const k = `${l2.slice(-1)}|${r2.slice(0, 1)}`;
    const j = this.joined.get(k) ?? 0;
    const s = this.split.get(k) ?? 0;
    return j + s >= 3 ? { odds: 0.5 * Math.log((s + 0.5) / (j + 0.5)), seen: j + s } : { odds: 0, seen: 0 };
  }
}

/** Digits become `0` and Latin letters `a` (runs collapsed to one), so contexts generalise. */
function classes(t: string): string {
  return t.replace(/[0-9]+(?:[.,][0-9]+)*/gu, '0').replace(/[A-Za-z]+/gu, 'a');
}

/** Particles, endings, suffixes and the copula: never a word of their own. */
const BOUND = /^(?:J|E|XS|VCP|VCN)/u;
/** What a finished word ends in: a particle or an ending. */
const WORD_END = /^(?:J|EF|EC|ETM|ETN)/u;

export interface AnalyzerFeatures {
  /** A morpheme spans the break (the break is inside a word). */
  spans: number;
  /** The text after the break starts with a particle, ending or suffix. */
  boundAfter: number;
  /** The text before the break ends in a particle or an ending (a finished word). */
  wordEnd: number;
  /** A noun meets a noun at the break (a compound, or two words). */
  nounNoun: number;
}

const cache = new Map<string, AnalyzerFeatures>();

/**
 * What the analyzer sees at the break between the Hangul runs `a` and `b`: it tokenizes
 * `a + b` and looks at the break. Cached per pair (a document repeats its words).
 */
export function analyzerFeatures(a: string, b: string): AnalyzerFeatures {
  const key = `${a}|${b}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const tokens = linderaTokenizer().tokenize(a + b);
  let at = 0;
  let before: LinderaToken | null = null;
  let after: LinderaToken | null = null;
  let spans = 0;
  const text = a + b;
  for (const t of tokens) {
    const start = text.indexOf(t.surface, at);
    if (start < 0) continue;
    const end = start + t.surface.length;
    if (start < a.length && end > a.length) spans = 1;
    if (end === a.length) before = t;
    if (start === a.length) after = t;
    at = end;
  }
  // A morpheme across the break may be a mis-segmentation (`발전방안` → 발/전방/안): when each
  // side alone ends and starts with a noun of two syllables or more, it is a noun meeting a noun.
  let nounsApart = false;
  if (spans) {
    const left = linderaTokenizer().tokenize(a).at(-1);
    const right = linderaTokenizer().tokenize(b)[0];
    nounsApart = !!left && !!right && left.surface.length >= 2 && right.surface.length >= 2 && /^NN/u.test(tagOf(left, 'last')) && /^NN/u.test(right.partOfSpeechTag) && a.endsWith(left.surface) && b.startsWith(right.surface);
    if (nounsApart) spans = 0;
  }
  const f: AnalyzerFeatures = {
    spans,
    boundAfter: after && BOUND.test(after.partOfSpeechTag) ? 1 : 0,
    wordEnd: before && WORD_END.test(tagOf(before, 'last')) ? 1 : 0,
    nounNoun: nounsApart || (before && after && /^NN/u.test(after.partOfSpeechTag) && /^NN/u.test(tagOf(before, 'last'))) ? 1 : 0,
  };
  cache.set(key, f);
  return f;
}

/** The tag of a token's first or last morpheme (ko-dic writes `VV+EC` for inflected forms). */
function tagOf(t: LinderaToken, which: 'first' | 'last'): string {
  const parts = t.partOfSpeechTag.split('+');
  return (which === 'last' ? parts.at(-1) : parts[0]) ?? '';
}

/** The Hangul runs that meet at a break: the end of the last token and the start of the next. */
export function runsAt(aTok: string, bTok: string): [string, string] | null {
  const a = HANGUL_RUN_END.exec(aTok)?.[0];
  const b = HANGUL_RUN_START.exec(bTok)?.[0];
  return a && b ? [a, b] : null;
}
