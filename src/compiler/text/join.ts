/**
 * Joining hard-wrapped lines (rule `clean/line-join`). Korean PDF extractions wrap
 * character by character, so a break can fall inside a word (`전` + `체기업의`) or at a
 * word boundary (`중소기업의` + `토대`); both look the same. The decision uses the
 * document's own vocabulary first, then particles and punctuation (seed-004-map.md R10).
 */
const SENTENCE_END = /(?:[.,;:?!。]|[다요음함임됨봄]\.?)["'’”)\]」』]*$/u;
import { SpacingCounts, analyzerFeatures, runsAt } from './evidence.ts';

const HANGUL = /[가-힣]/u;
const LATIN_DIGIT = /[A-Za-z0-9%]/;
const PARTICLE_START = /^(?:의|을|를|은|는|이|가|에|에서|와|과|로|으로|도|고|며|서|한|된|적|다|하고|하여)(?=$|[\s,.)])/u;
const ENDS_WITH_PARTICLE = /(?:의|을|를|은|는|가|에|에서|와|과|로|으로|도|며|고|해|통해|하여|하고|및|등)$/u;
const DETERMINER = /^(?:어느|그|이|저|각|세|두|한|약|총|및|또는)$/u;

export interface Vocabulary {
  has(token: string): boolean;
  /** How the document spaces syllable pairs elsewhere (evidence.ts). */
  spacing?: SpacingCounts;
  /** How the corpus spaces them (other documents; absent for a document compiled alone). */
  corpus?: SpacingCounts;
}

/** Builds the vocabulary of whole tokens (whitespace-separated, bare of punctuation). */
export function vocabulary(lines: readonly string[], corpus?: SpacingCounts): Vocabulary {
  const set = new Set<string>();
  const spacing = new SpacingCounts();
  const token = /[\p{L}\p{N}](?:\S*[\p{L}\p{N}])?/gu;
  for (const line of lines) {
    const tokens = [...line.matchAll(token)].map((m) => m[0]);
    for (const t of tokens) set.add(t);
    spacing.add(line);
  }
  return Object.assign(set, { spacing, ...(corpus ? { corpus } : {}) });
}

function bare(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

export type JoinDecision = 'space' | 'none';

/**
 * Decides how the previous line `a` and the next line `b` (both trimmed) are joined.
 * Returns 'space' to join with one space, 'none' to concatenate.
 */
export function joinDecision(whole: string, next: string, vocab: Vocabulary): JoinDecision {
  // Only the edges matter; looking at them alone keeps joining linear in paragraph length
  // (end-anchored regexes scan the whole string in V8).
  const a = whole.length > 80 ? whole.slice(-80) : whole;
  const b = next.length > 80 ? next.slice(0, 80) : next;
  if (!a || !b) return 'space';
  const aLast = a.at(-1)!;
  const bFirst = b[0]!;
  if (/[.,;:?!]["'’”)\]」]*$/u.test(a)) return 'space';
  const aTok = bare(a.split(/\s+/u).at(-1)!);
  const bTok = bare(b.split(/\s+/u)[0]!);
  // A word the document writes whole elsewhere, whose halves are not words: a cut word.
  // (Between two Hangul syllables this is one witness among several: hangulJoin weighs it.)
  if (aTok && bTok && !(HANGUL.test(aLast) && HANGUL.test(bFirst)) && vocab.has(aTok + bTok) && !(vocab.has(aTok) && vocab.has(bTok))) return 'none';
  if (LATIN_DIGIT.test(aLast) && LATIN_DIGIT.test(bFirst)) return 'space';
  if (bFirst === '(') return 'none';
  if (/[(\[「『‘“]$/u.test(a)) return 'none';
  if (/[가-힣A-Za-z][-/~～·‧ㆍ․]$/u.test(a)) return 'none';
  if (/^다(?=[.,\s]|$)/u.test(b)) return 'none';
  if (/^[)\]」』’”,.~～·‧ㆍ․]/u.test(b) || /^\d{1,2}」/u.test(b)) return 'none';
  if (HANGUL.test(aLast) && HANGUL.test(bFirst)) return hangulJoin(aTok, bTok, b, vocab) > 0 ? 'space' : 'none';
  // Hangul next to Latin/digits, brackets and symbols: Korean attaches them without a space
  // only when the wrap clearly fell inside a token; otherwise keep the words apart.
  if (HANGUL.test(aLast) && /[A-Za-z0-9]/.test(bFirst)) return 'space';
  if (/[A-Za-z0-9%]/.test(aLast) && HANGUL.test(bFirst) && vocab.spacing) {
    // How this document attaches a number or a Latin word to the syllable that follows.
    const l = /[A-Za-z0-9%.,]+$/u.exec(a)?.[0] ?? aLast;
    const r = /^[가-힣]+/u.exec(b)![0];
    const v = vocab.spacing.vote(l, r);
    if (v.seen >= 2 && Math.abs(v.odds) >= 0.7) return v.odds > 0 ? 'space' : 'none';
  }
  if (/[A-Za-z0-9)]/.test(aLast) && HANGUL.test(bFirst)) {
    return PARTICLE_START.test(b) || /^[가-힣]{1,2}(?=[\s,.)]|$)/u.test(b) ? 'none' : 'space';
  }
  return 'space';
}

/**
 * Strong evidence that a line break fell inside a word (`산` + `업단지의`): the Hangul join
 * vote is clearly for no space. A line cut inside a word continues its block whatever the layout.
 */
export function cutInsideWord(whole: string, next: string, vocab: Vocabulary): boolean {
  const a = whole.length > 80 ? whole.slice(-80) : whole;
  if (!/[가-힣]$/u.test(a) || !/^[가-힣]/u.test(next)) return false;
  const aTok = bare(a.split(/\s+/u).at(-1)!);
  const bTok = bare(next.slice(0, 80).split(/\s+/u)[0]!);
  return hangulJoin(aTok, bTok, next, vocab) < -2;
}

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test((text.length > 40 ? text.slice(-40) : text).trimEnd());
}

/**
 * A break between two Hangul syllables: a weighted sum of the witnesses' votes for a space
 * (evidence.ts); positive means a space. The weights were fitted on re-wrapped documents
 * (scripts/eval-joins.ts --fit, on the tuning half of the corpus; see README “Line joins”).
 */
export function hangulJoin(aTok: string, bTok: string, b: string, vocab: Vocabulary): number {
  const f = hangulFeatures(aTok, bTok, b, vocab);
  let score = WEIGHTS[0]!;
  for (let i = 0; i < f.length; i++) score += WEIGHTS[i + 1]! * f[i]!;
  return score;
}

/** Feature names, in the order hangulFeatures returns them (for the fitting script). */
export const FEATURES = ['wholeElsewhere', 'halvesAreWords', 'spacingOdds', 'spacingSeen', 'morphemeSpans', 'boundAfter', 'wordEndBefore', 'nounNoun', 'determiner', 'particleStart', 'aLen1', 'bLen1', 'corpusOdds'] as const;

export function hangulFeatures(aTok: string, bTok: string, b: string, vocab: Vocabulary): number[] {
  const runs = runsAt(aTok, bTok);
  const [aRun, bRun] = runs ?? ['', ''];
  const sp = vocab.spacing && runs ? vocab.spacing.vote(aRun, bRun) : { odds: 0, seen: 0 };
  // The whole word written elsewhere counts unless the document also writes it apart there
  // (then the spacing counts already weigh both forms).
  const whole = (vocab.has(aTok + bTok) || (aRun !== '' && vocab.has(aRun + bRun))) && !(sp.seen > 0 && sp.odds >= 0) ? 1 : 0;
  const halves = !whole && aTok.length >= 2 && bTok.length >= 2 && vocab.has(aTok) && vocab.has(bTok) ? 1 : 0;
  const m = runs ? analyzerFeatures(aRun.slice(-8), bRun.slice(0, 8)) : { spans: 0, boundAfter: 0, wordEnd: 0, nounNoun: 0 };
  return [whole, halves, Math.max(-3, Math.min(3, sp.odds)), Math.log1p(sp.seen) * Math.sign(sp.odds), m.spans, m.boundAfter, m.wordEnd, m.nounNoun, DETERMINER.test(aTok) || aTok === '등' ? 1 : 0, PARTICLE_START.test(b) ? 1 : 0, aRun.length === 1 ? 1 : 0, bRun.length === 1 ? 1 : 0, vocab.corpus && runs ? Math.max(-3, Math.min(3, vocab.corpus.vote(aRun, bRun).odds)) : 0];
}

const WEIGHTS = [0.51, -0.76, 0.91, 1.26, -0.02, -2.00, -2.58, 1.90, -0.20, 1.51, -1.02, -0.23, -0.16, 0.67];
