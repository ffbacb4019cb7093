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

export function relateMeasures(measures: RelatableMeasure[], maxPerMeasure = 5): Map<string, string[]> {
  const grams = new Map(measures.map((m) => [m.id, bigrams(m.text)]));
  const scores = new Map<string, { id: string; score: number }[]>(measures.map((m) => [m.id, []]));
  for (let i = 0; i < measures.length; i++) {
    for (let j = i + 1; j < measures.length; j++) {
      const a = measures[i]!;
      const b = measures[j]!;
      if (a.documentId === b.documentId) continue;
      const shared = a.mentions.filter((r) => SPECIFIC.test(r) && b.mentions.includes(r)).length;
      const sim = jaccard(grams.get(a.id)!, grams.get(b.id)!);
      if (!((shared >= 1 && sim >= 0.06) || sim >= 0.18)) continue;
      const score = shared * 0.1 + sim;
      scores.get(a.id)!.push({ id: b.id, score });
      scores.get(b.id)!.push({ id: a.id, score });
    }
  }
  return new Map([...scores].map(([id, list]) => [id, list.sort((x, y) => y.score - x.score).slice(0, maxPerMeasure).map((x) => x.id)]));
}
