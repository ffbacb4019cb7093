/**
 * Build-time Korean analysis with lindera (ko-dic, embedded in `lindera-wasm`; 42 MB, so
 * never shipped to the browser). For each run of Hangul it finds where the content morphemes
 * inside the word start, so `규제완화를` is also indexed from `완화…` and `사업지원서비스`
 * from `지원…` and `서비스`. Results are cached per run: a corpus has far fewer distinct
 * words than words.
 */
import { linderaTokenizer, type LinderaToken } from '../compiler/text/lindera.ts';

/** Parts of speech that start a searchable part of a word (nouns, roots, foreign words, numbers). */
const CONTENT = /^(NNG|NNP|NNB|NR|NP|XR|SL|SH|SN|VV|VA|MAG)/;
/** Particles, endings and suffixes: what a word's stem is followed by. */
const FUNCTIONAL = /^(J|E|XSV|XSA|VCP|VCN)/;

export interface RunAnalysis {
  /** Offsets (in UTF-16 units) inside the run where a content morpheme of two syllables or more starts, excluding 0. */
  starts: number[];
  /** Offsets where any token starts (particles and one-syllable morphemes too), excluding 0. */
  tokenStarts: number[];
  /** The run's stem: the run without trailing particles and endings (lindera's view). */
  stem: string;
  /** Nouns of two syllables or more in the run, for the suggestion vocabulary. */
  nouns: string[];
}

const cache = new Map<string, RunAnalysis>();

/** Analyses one run of Hangul syllables (no spaces, no punctuation). */
export function analyzeRun(run: string): RunAnalysis {
  const cached = cache.get(run);
  if (cached) return cached;
  const tokens: LinderaToken[] = linderaTokenizer().tokenize(run);
  const starts = new Set<number>();
  const tokenStarts = new Set<number>();
  const nouns: string[] = [];
  let at = 0;
  let stemEnd = 0;
  for (const t of tokens) {
    const start = run.indexOf(t.surface, at);
    if (start < 0) continue; // lindera normalised the surface; keep the offsets we have
    const tag = t.partOfSpeechTag;
    tokenStarts.add(start);
    if (CONTENT.test(tag)) {
      if (t.surface.length >= 2 || /^(SL|SN|SH)/.test(tag)) starts.add(start);
      if (/^NN[GP]/.test(tag) && t.surface.length >= 2) nouns.push(t.surface);
      // ko-dic compounds (재정부 = 재정+부, 산업단지 = 산업+단지): their parts start too.
      if (t.type === 'Compound' && t.expression) {
        let inner = start;
        for (const part of t.expression.split('+')) {
          const surface = part.split('/')[0] ?? '';
          const p = run.indexOf(surface, inner);
          if (p < 0) break;
          if (surface.length >= 2) starts.add(p);
          inner = p + surface.length;
        }
      }
    }
    if (!FUNCTIONAL.test(tag)) stemEnd = start + t.surface.length;
    at = start + t.surface.length;
  }
  starts.delete(0);
  tokenStarts.delete(0);
  const result: RunAnalysis = { starts: [...starts].sort((a, b) => a - b), tokenStarts: [...tokenStarts].sort((a, b) => a - b), stem: run.slice(0, stemEnd || run.length), nouns };
  cache.set(run, result);
  return result;
}

/** How many distinct runs were analysed (for the build log). */
export function analyzedRuns(): number {
  return cache.size;
}
