/**
 * Suggestions for a search that found nothing: the corpus words and registry names closest
 * to each query word, by edit distance over jamo (so `클러스타` is one step from `클러스터`,
 * `특허천` one from `특허청`), and words that contain it or that it contains.
 */

/** Decomposes Hangul syllables into jamo (initial, medial, final), other characters as they are. */
export function jamo(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0) - 0xac00;
    if (c < 0 || c > 11171) {
      out += ch.toLowerCase();
      continue;
    }
    out += String.fromCharCode(0x1100 + Math.floor(c / 588), 0x1161 + Math.floor((c % 588) / 28));
    if (c % 28) out += String.fromCharCode(0x11a7 + (c % 28));
  }
  return out;
}

function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]!);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Up to `limit` vocabulary entries closest to `word`. */
export function closest(word: string, vocabulary: string[], limit = 5): string[] {
  if ([...word].length < 2) return [];
  const w = jamo(word);
  const max = Math.max(1, Math.floor(w.length / 4));
  const scored: [string, number][] = [];
  for (const v of vocabulary) {
    if (v === word) continue;
    const d = distance(w, jamo(v), max);
    if (d <= max) scored.push([v, d]);
    else if (v.length >= 2 && word.length >= 2 && (v.includes(word) || word.includes(v))) scored.push([v, max + 0.5 + Math.abs(v.length - word.length) / 10]);
  }
  return scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([v]) => v);
}
