/**
 * What the browser needs to read a query: registry names, aliases and titles → entities,
 * agency predecessors, and nouns a query must keep whole (document titles are in the search
 * page itself, so the lexicon does not grow with the number of documents). Written by
 * build-index.ts as `/search/lexicon.json` in a compact form (`LexiconWire`: each entity once,
 * each form once) and expanded in the browser.
 */
import { entityTerm } from './codec.ts';

export interface Lexicon {
  /** Name key (no spaces, lower case) → entity refs having that name, alias or title. */
  names: Record<string, string[]>;
  /** Entity ref → name `n`, every form `f` (name first), direct predecessors `p`. */
  entities: Record<string, { n: string; f: string[]; p?: string[] }>;
  /** Corpus nouns that end like a particle (전문가, 경기도): queries keep them whole. */
  nostrip: string[];
  /** Groups of forms searched as one (variants.ts): kind (`concept`, `spelling`, `transliteration`) and forms, the first naming the group. */
  variants?: { kind: string; forms: string[] }[];
}

/** `[ref, other forms (aliases, titles), indexes of direct predecessors]`; the name is forms[0]. */
export type WireEntity = [ref: string, forms: string[], predecessors?: number[]];
export interface LexiconWire {
  v: 2;
  e: WireEntity[];
  nostrip: string[];
  /** Variant groups, each `[kind, ...forms]` (absent when there are none). */
  g?: string[][];
}

/** Lower-cased, without spaces, middle dots or hyphens: how variant forms (variants.ts) are compared on both sides. */
export function variantKey(form: string): string {
  return form.normalize('NFC').replace(/[\s·‧ㆍ・-]+/gu, '').toLowerCase();
}

/** The index term of a variant group (its first form names it, so the term is stable while the list grows). */
export function variantTerm(group: string[]): string {
  return entityTerm(`variant:${variantKey(group[0]!)}`);
}

/** Lower-cased, without spaces: how names are looked up on both sides. */
export function nameKey(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

export function compactLexicon(lex: Lexicon): LexiconWire {
  const refs = Object.keys(lex.entities).sort();
  const index = new Map(refs.map((r, i) => [r, i]));
  const e: WireEntity[] = refs.map((ref) => {
    const x = lex.entities[ref]!;
    const preds = (x.p ?? []).map((p) => index.get(p)).filter((i): i is number => i !== undefined);
    return preds.length ? [ref, x.f, preds] : [ref, x.f];
  });
  return { v: 2, e, nostrip: lex.nostrip, ...(lex.variants?.length ? { g: lex.variants.map((v) => [v.kind, ...v.forms]) } : {}) };
}

export function expandLexicon(wire: LexiconWire): Lexicon {
  // Null-prototype maps: keys come from registry names and, at lookup, from what readers type
  // (`__proto__`, `constructor` must find nothing, not Object.prototype).
  const names: Lexicon['names'] = Object.create(null) as Lexicon['names'];
  const entities: Lexicon['entities'] = Object.create(null) as Lexicon['entities'];
  for (const [ref, forms, preds] of wire.e) {
    entities[ref] = { n: forms[0]!, f: forms, ...(preds?.length ? { p: preds.map((i) => wire.e[i]![0]) } : {}) };
    for (const f of forms) {
      const key = nameKey(f);
      if (key.length < 2) continue;
      const list = (names[key] ??= []);
      if (!list.includes(ref)) list.push(ref);
    }
  }
  return { names, entities, nostrip: wire.nostrip, ...(wire.g?.length ? { variants: wire.g.map(([kind, ...forms]) => ({ kind: kind!, forms })) } : {}) };
}
