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
 * Measures with the same text and mentions (a plan restated in a later summary, or the copies
 * the scale benchmark makes) are scored once, as a group. Candidate pairs of groups come from
 * two inverted indexes instead of all pairs, so the cost grows with the pairs that can qualify,
 * not with the square of the corpus: groups sharing a specific entity, and groups sharing one of
 * the rarest bigrams of either side (prefix filtering: two bigram sets with Jaccard ≥ t share at
 * least one of the first |A| − ⌈t·|A|⌉ + 1 bigrams of A in a global order, rarest first). The
 * result is the same as comparing every pair (`relateMeasuresBrute`; a test proves it).
 */
export function relateMeasures(measures: RelatableMeasure[], maxPerMeasure = 5): Map<string, string[]> {
  // Groups of identical measures, members in id order.
  const groupOf = new Map<string, number>();
  const members: number[][] = [];
  measures.forEach((m, i) => {
    const key = `${m.text}\u0000${[...new Set(m.mentions)].sort().join(',')}`;
    let g = groupOf.get(key);
    if (g === undefined) {
      g = members.length;
      groupOf.set(key, g);
      members.push([]);
    }
    members[g]!.push(i);
  });
  for (const list of members) list.sort((a, b) => (measures[a]!.id < measures[b]!.id ? -1 : measures[a]!.id > measures[b]!.id ? 1 : 0));
  const reps = members.map((list) => measures[list[0]!]!);
  // Bigrams as ids in a global order, rarest first: a sorted id array is then in that order,
  // its prefix is its first ids, and Jaccard is a merge of two sorted arrays.
  const sets = reps.map((m) => bigrams(m.text));
  const frequency = new Map<string, number>();
  for (const g of sets) for (const x of g) frequency.set(x, (frequency.get(x) ?? 0) + 1);
  const order = [...frequency.keys()].sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  const idOf = new Map(order.map((x, i) => [x, i]));
  const grams = sets.map((g) => Int32Array.from([...g].map((x) => idOf.get(x)!)).sort());
  const prefixOf = (g: Int32Array) => g.subarray(0, g.length - Math.ceil(WORDING_ALONE * g.length) + 1);
  const byEntity = new Map<string, number[]>();
  const byPrefix = new Map<number, number[]>();
  reps.forEach((m, g) => {
    for (const r of new Set(m.mentions)) if (SPECIFIC.test(r)) (byEntity.get(r) ?? byEntity.set(r, []).get(r)!).push(g);
    for (const x of prefixOf(grams[g]!)) (byPrefix.get(x) ?? byPrefix.set(x, []).get(x)!).push(g);
  });

  // Scores between groups (a group with itself: its members in different documents).
  const linked: { g: number; score: number }[][] = reps.map(() => []);
  const seen = new Set<number>();
  for (let g = 0; g < reps.length; g++) {
    seen.clear();
    const candidates = [g];
    const consider = (h: number) => {
      if (h > g && !seen.has(h)) {
        seen.add(h);
        candidates.push(h);
      }
    };
    for (const r of new Set(reps[g]!.mentions)) if (SPECIFIC.test(r)) for (const h of byEntity.get(r)!) consider(h);
    for (const x of prefixOf(grams[g]!)) for (const h of byPrefix.get(x)!) consider(h);
    for (const h of candidates) {
      const score = scoreOf(reps[g]!, reps[h]!, jaccardSorted(grams[g]!, grams[h]!));
      if (score === null) continue;
      linked[g]!.push({ g: h, score });
      if (h !== g) linked[h]!.push({ g, score });
    }
  }

  // Each measure: the best members of the linked groups, in other documents.
  const out = new Map<string, string[]>();
  members.forEach((list, g) => {
    const ranked = linked[g]!.sort((a, b) => b.score - a.score);
    for (const i of list) {
      const m = measures[i]!;
      const picked: { id: string; score: number }[] = [];
      for (let k = 0; k < ranked.length; k++) {
        const { g: h, score } = ranked[k]!;
        // Stop once enough are picked and the remaining groups score lower (ties are resolved by id).
        if (picked.length >= maxPerMeasure && score < picked[picked.length - 1]!.score) break;
        for (const j of members[h]!) {
          const other = measures[j]!;
          if (other.documentId !== m.documentId) picked.push({ id: other.id, score });
        }
      }
      out.set(m.id, top(picked, maxPerMeasure));
    }
  });
  return out;
}

function scoreOf(a: RelatableMeasure, b: RelatableMeasure, sim: number): number | null {
  const shared = a.mentions.filter((r) => SPECIFIC.test(r) && b.mentions.includes(r)).length;
  if (!((shared >= 1 && sim >= WITH_ENTITY) || sim >= WORDING_ALONE)) return null;
  return shared * 0.1 + sim;
}

function jaccardSorted(a: Int32Array, b: Int32Array): number {
  let inter = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter || 1);
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
      const score = scoreOf(measures[i]!, measures[j]!, jaccard(grams[i]!, grams[j]!));
      if (score === null) continue;
      scores[i]!.push({ id: measures[j]!.id, score });
      scores[j]!.push({ id: measures[i]!.id, score });
    }
  }
  return new Map(measures.map((m, i) => [m.id, top(scores[i]!, maxPerMeasure)]));
}
