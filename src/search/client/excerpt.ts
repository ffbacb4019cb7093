/**
 * Excerpts from a record's content stream (codec.ts). The display words are decoded; a word
 * matches a query term when one of the index terms that follow it starts with that term (the
 * same prefix rule Pagefind applied). The block where the most distinct query terms meet is
 * where the result lands, and the excerpt shows its words around the first match, marked.
 * What the reader sees is the source text, word for word.
 */
import { fromDisplayToken } from '../codec.ts';

export interface Excerpt {
  /** HTML: escaped words, matches in `<mark>`. */
  html: string;
  /** The anchor (or page path) of the block the result should open (from the record's `blocks` meta). */
  anchor: string | null;
  /** Which entry of the `blocks` meta that is (-1: none, or the text before the first block). */
  block: number;
  /** Display words with a match, in order. */
  matched: string[];
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * `prefer`: narrower terms (a spelling of a concept searched, query.ts) — among blocks covering as
 * many query terms, the one with the most words matching them wins, before the most matching words.
 */
export function buildExcerpt(content: string, terms: string[], blocksMeta: string | undefined, size = 30, prefer: string[] = []): Excerpt {
  const words: string[] = [];
  /** For each display word, the query terms it matches (indexes into `terms`). */
  const matches: Set<number>[] = [];
  /** Display words that match a preferred term. */
  const preferred = new Set<number>();
  /** Token index → display word index, for the block offsets. */
  const wordOfToken: number[] = [];
  for (const token of content.split(' ')) {
    const w = fromDisplayToken(token);
    if (w !== null) {
      words.push(w);
      matches.push(new Set());
    } else if (words.length) {
      terms.forEach((t, i) => {
        if (token.startsWith(t)) matches[words.length - 1]!.add(i);
      });
      if (prefer.some((t) => token.startsWith(t))) preferred.add(words.length - 1);
    }
    wordOfToken.push(Math.max(0, words.length - 1));
  }

  // Blocks as word ranges; a record without blocks is one block.
  const blocks: { anchor: string | null; from: number }[] = [];
  for (const entry of blocksMeta?.split(' ') ?? []) {
    const colon = entry.lastIndexOf(':');
    blocks.push({ anchor: entry.slice(0, colon), from: wordOfToken[Number(entry.slice(colon + 1))] ?? 0 });
  }
  const lead = blocks.length === 0 || blocks[0]!.from > 0 ? 1 : 0;
  if (lead) blocks.unshift({ anchor: null, from: 0 });

  let best = { block: 0, covered: -1, liked: -1, hits: -1, first: -1 };
  blocks.forEach((b, i) => {
    const to = blocks[i + 1]?.from ?? words.length;
    const covered = new Set<number>();
    let hits = 0;
    let liked = 0;
    let first = -1;
    for (let w = b.from; w < to; w++) {
      if (matches[w]!.size === 0) continue;
      hits++;
      if (preferred.has(w)) liked++;
      if (first < 0) first = w;
      for (const t of matches[w]!) covered.add(t);
    }
    const better = covered.size > best.covered || (covered.size === best.covered && (liked > best.liked || (liked === best.liked && hits > best.hits)));
    if (better) best = { block: i, covered: covered.size, liked, hits, first };
  });

  const start = best.first > 0 ? Math.max(0, best.first - 4) : 0;
  const end = Math.min(words.length, start + size);
  const parts: string[] = [];
  for (let i = start; i < end; i++) parts.push(matches[i]!.size ? `<mark>${escape(words[i]!)}</mark>` : escape(words[i]!));
  const html = `${start > 0 ? '… ' : ''}${parts.join(' ')}${end < words.length ? ' …' : ''}`;
  const matched = words.filter((_, i) => matches[i]!.size > 0);
  const found = best.first >= 0;
  return { html, anchor: found ? blocks[best.block]!.anchor : null, block: found ? best.block - lead : -1, matched };
}
