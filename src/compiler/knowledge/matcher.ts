import { NameTrie } from './trie.ts';
import type { Entity, EntityRef, Registry } from './registry.ts';

/** Particles and endings that may follow a Korean name without ending the mention. */
const PARTICLE = /^(?:과의|와의|에서의|으로의|으로서|로서|에서|에게|으로|이나|이며|이고|과|와|이|가|은|는|을|를|의|에|로|도|만|나|께서|까지|부터|과는|와는|에는|에서는|으로는|로는|상|상의)(?![가-힣])/u;
const HANGUL = /[가-힣]/u;
const SHARED_SUFFIX = /((?:[가-힣]{1,6}·)+)([가-힣]{1,6})(부|처|청)(?![가-힣])/gu;
const WORDCHAR = /[A-Za-z0-9]/;

export interface Mention {
  start: number;
  end: number;
  /** Candidate entities for this surface form (several when a name was reused). */
  refs: EntityRef[];
  surface: string;
}

/**
 * Finds registry names, aliases and titles in text in one pass (a name trie), keeping only
 * matches that stand as words: a Hangul name may be followed by a particle (`특허청과`,
 * `클러스터를`) but not by more syllables (`산업부` is not in `산업부문`); a Latin acronym
 * may be followed by Hangul (`VC기반`) but not by more Latin letters. Overlaps go to the
 * longest match, then the leftmost.
 */
export class MentionMatcher {
  private readonly trie: NameTrie;
  private readonly surfaces: string[];
  private readonly refs: EntityRef[][];
  private readonly bySurface: Map<string, EntityRef[]>;

  constructor(entities: Iterable<Entity>) {
    const bySurface = new Map<string, EntityRef[]>();
    for (const e of entities) {
      for (const s of new Set([e.name, ...e.aliases, ...e.titles])) {
        const surface = s.replace(/^[「｢『]|[」｣』]$/gu, '').trim();
        if (surface.length < 2) continue;
        const list = bySurface.get(surface) ?? [];
        if (!list.includes(e.ref)) list.push(e.ref);
        bySurface.set(surface, list);
      }
    }
    this.bySurface = bySurface;
    this.surfaces = [...bySurface.keys()];
    this.refs = this.surfaces.map((s) => bySurface.get(s)!);
    this.trie = new NameTrie(this.surfaces);
  }

  /** The members of `과기정통·복지·산업·중기·국토부` each take the list's final 부/처/청. */
  private sharedSuffix(text: string): Mention[] {
    const out: Mention[] = [];
    for (const m of text.matchAll(SHARED_SUFFIX)) {
      let at = m.index!;
      for (const member of m[1]!.split('·').filter(Boolean)) {
        const refs = this.bySurface.get(member + m[3]!);
        if (refs && (at === 0 || !HANGUL.test(text[at - 1]!))) out.push({ start: at, end: at + member.length, refs, surface: member + m[3]! });
        at += member.length + 1;
      }
    }
    return out;
  }

  static fromRegistry(registry: Registry): MentionMatcher {
    return new MentionMatcher(registry.entities.values());
  }

  find(text: string): Mention[] {
    const candidates = [
      ...this.trie
        .search(text)
        .filter((m) => standsAlone(text, m.start, m.end))
        .map((m) => ({ start: m.start, end: m.end, refs: this.refs[m.patternIndex]!, surface: this.surfaces[m.patternIndex]! })),
      ...this.sharedSuffix(text),
    ].sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Mention[] = [];
    let until = 0;
    for (const m of candidates) {
      if (m.start < until) continue;
      // Among matches starting here, the first is the longest (sorted by end descending).
      out.push(m);
      until = m.end;
    }
    return out;
  }
}


function standsAlone(text: string, start: number, end: number): boolean {
  const first = text[start]!;
  const last = text[end - 1]!;
  const before = text[start - 1] ?? ' ';
  const after = text.slice(end);
  if (HANGUL.test(first) && HANGUL.test(before)) return false;
  if (WORDCHAR.test(first) && WORDCHAR.test(before)) return false;
  if (HANGUL.test(last)) return !HANGUL.test(after[0] ?? ' ') || PARTICLE.test(after);
  if (WORDCHAR.test(last)) return !WORDCHAR.test(after[0] ?? ' ');
  return true;
}

/** Chooses among entities sharing a name by the document's date (a reused ministry name). */
export function resolveByDate(entities: Map<EntityRef, Entity>, refs: EntityRef[], date: string | null): EntityRef {
  if (refs.length === 1 || !date) return refs[0]!;
  const fits = refs.filter((r) => {
    const e = entities.get(r)!;
    return (!e.from || e.from <= date) && (!e.until || date < e.until);
  });
  return fits[0] ?? refs[0]!;
}
