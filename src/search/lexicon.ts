/** The shape of `/search/lexicon.json`: what the browser needs to read a query (build-index.ts writes it). */
export interface Lexicon {
  v: 1;
  /** Name key (no spaces, lower case) → entity refs having that name, alias or title. */
  names: Record<string, string[]>;
  /** Entity ref → name `n`, page `u`, every form `f`, direct predecessors `p`. */
  entities: Record<string, { n: string; u: string; f: string[]; p?: string[] }>;
  /** Document id → title `t`, year `y`. */
  docs: Record<string, { t: string; y: string }>;
  /** Corpus nouns that end like a particle (전문가, 경기도): queries keep them whole. */
  nostrip: string[];
}
