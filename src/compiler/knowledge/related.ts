/**
 * Related measures across documents (rule knowledge/related): computed, not hand-listed.
 * Two measures are related when they share specific entities (programmes, laws, places,
 * organisations: TIPS, 「산업입지법」, 오송) and their wording overlaps (Jaccard similarity
 * of Hangul/Latin character bigrams). Each measure keeps its best few.
 */
export interface RelatableMeasure {
  id: string;
  documentId: string;
  text: string;
  mentions: string[];
}

const SPECIFIC = /^(?:program|law|place|organization):/u;

function bigrams(text: string): Set<string> {
  const t = text.replace(/[^가-힣A-Za-z0-9]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

/** Thresholds: a shared specific entity and some common wording, or much common wording. */
const WITH_ENTITY = 0.06;
const WORDING_ALONE = 0.18;

/**
 * Candidates come from two inverted indexes instead of all pairs, so the cost grows with the
 * pairs that can qualify, not with the square of the corpus: measures sharing a specific
 * entity, and measures sharing one of the rarest bigrams of either side (prefix filtering: two
 * bigram sets with Jaccard ≥ t share at least one of the first |A| − ⌈t·|A|⌉ + 1 bigrams of A in
 * a global order, rarest first). The result is the same as comparing every pair
 * (`relateMeasuresBrute`, kept for the test that proves it).
 */
export function relateMeasures(measures: RelatableMeasure[], maxPerMeasure = 5): Map<string, string[]> {
  const grams = measures.map((m) => bigrams(m.text));
  const frequency = new Map<string, number>();
  for (const g of grams) for (const x of g) frequency.set(x, (frequency.get(x) ?? 0) + 1);
  const byEntity = new Map<string, number[]>();
  const byPrefix = new Map<string, number[]>();
  measures.forEach((m, i) => {
    for (const r of new Set(m.mentions)) if (SPECIFIC.test(r)) (byEntity.get(r) ?? byEntity.set(r, []).get(r)!).push(i);
    const ordered = [...grams[i]!].sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
    const prefix = ordered.length - Math.ceil(WORDING_ALONE * ordered.length) + 1;
    for (const x of ordered.slice(0, prefix)) (byPrefix.get(x) ?? byPrefix.set(x, []).get(x)!).push(i);
  });
  const scores: { id: string; score: number }[][] = measures.map(() => []);
  const seen = new Set<number>();
  for (let i = 0; i < measures.length; i++) {
    const a = measures[i]!;
    seen.clear();
    const candidates: number[] = [];
    const consider = (j: number) => {
      if (j > i && !seen.has(j)) {
        seen.add(j);
        candidates.push(j);
      }
    };
    for (const r of new Set(a.mentions)) if (SPECIFIC.test(r)) for (const j of byEntity.get(r)!) consider(j);
    const ordered = [...grams[i]!].sort((x, y) => frequency.get(x)! - frequency.get(y)! || (x < y ? -1 : x > y ? 1 : 0));
    for (const x of ordered.slice(0, ordered.length - Math.ceil(WORDING_ALONE * ordered.length) + 1)) for (const j of byPrefix.get(x)!) consider(j);
    for (const j of candidates.sort((x, y) => x - y)) {
      const b = measures[j]!;
      if (a.documentId === b.documentId) continue;
      const score = pairScore(a, b, grams[i]!, grams[j]!);
      if (score === null) continue;
      scores[i]!.push({ id: b.id, score });
      scores[j]!.push({ id: a.id, score });
    }
  }
  return new Map(measures.map((m, i) => [m.id, top(scores[i]!, maxPerMeasure)]));
}

function pairScore(a: RelatableMeasure, b: RelatableMeasure, ga: Set<string>, gb: Set<string>): number | null {
  const shared = a.mentions.filter((r) => SPECIFIC.test(r) && b.mentions.includes(r)).length;
  const sim = jaccard(ga, gb);
  if (!((shared >= 1 && sim >= WITH_ENTITY) || sim >= WORDING_ALONE)) return null;
  return shared * 0.1 + sim;
}

/** Best first; ties by id, so the order never depends on the order of the input. */
function top(list: { id: string; score: number }[], n: number): string[] {
  return list.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).slice(0, n).map((x) => x.id);
}

/** Every pair compared: the definition `relateMeasures` must match. */
export function relateMeasuresBrute(measures: RelatableMeasure[], maxPerMeasure = 5): Map<string, string[]> {
  const grams = measures.map((m) => bigrams(m.text));
  const scores: { id: string; score: number }[][] = measures.map(() => []);
  for (let i = 0; i < measures.length; i++) {
    for (let j = i + 1; j < measures.length; j++) {
      if (measures[i]!.documentId === measures[j]!.documentId) continue;
      const score = pairScore(measures[i]!, measures[j]!, grams[i]!, grams[j]!);
      if (score === null) continue;
      scores[i]!.push({ id: measures[j]!.id, score });
      scores[j]!.push({ id: measures[i]!.id, score });
    }
  }
  return new Map(measures.map((m, i) => [m.id, top(scores[i]!, maxPerMeasure)]));
}
