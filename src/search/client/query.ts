/**
 * Reads a query as Korean readers type it and turns it into index terms (codec.ts):
 *
 * 1. Names the registries know — agencies and organisations by any name, abbreviation or
 *    title (`기재부`, `과기정통부`, `특허청장`), and any entity by an alias — become the
 *    entity's term. The index puts that term on every mention of the entity and of its
 *    predecessors, so `산업통상자원부` also finds `지식경제부` and `산업자원부` text.
 *    Names of several words are matched across spaces (`한국 산업단지공단`).
 * 2. A word, or up to four words with spaces ignored, that is a form of a variant group (another
 *    word for the concept, another spelling or transliteration: `스타트업`, `리더쉽`, `보스톤`;
 *    variants.ts) becomes the group's term, which the index puts on every form.
 * 3. Other words lose a trailing particle (`클러스터를` → `클러스터`) unless the corpus has the
 *    word as a noun (`전문가`, `경기도`), and become one term per script run. Index terms
 *    match by prefix, and every morpheme inside a compound is indexed, so `완화` finds
 *    `규제완화를`.
 *
 * Every term must match (Pagefind joins terms with AND). `highlights` are the strings to
 * mark on the page a result opens.
 */
import { END, PARTICLES, entityTerm, mixedTermOf, runsOf, stripParticle, termOf } from '../codec.ts';
import { variantKey, variantTerm, type Lexicon } from '../lexicon.ts';
import { own } from './own.ts';

export interface ParsedQuery {
  /** The index terms, joined with spaces for Pagefind. */
  terms: string[];
  /** Strings to highlight where the results land (the text forms that matched). */
  highlights: string[];
  /** Registry entities the query names. */
  entities: string[];
  /** The query words, after particle stripping, for suggestions. */
  words: string[];
  /** The highlights that are query words (not entity names). */
  literal: string[];
  /** Narrower terms (a spelling group within a concept searched): where a result should land first. */
  prefer: string[];
}

const CODE_TYPES = new Set(['agency', 'organization']);
const key = (s: string) => s.replace(/\s+/g, '').toLowerCase();

export function parseQuery(raw: string, lexicon: Lexicon | null): ParsedQuery {
  const words = raw.normalize('NFC').split(/\s+/).filter(Boolean);
  const nostrip = new Set(lexicon?.nostrip ?? []);
  const out: ParsedQuery = { terms: [], highlights: [], entities: [], words: [], literal: [], prefer: [] };
  const strip = (w: string) => (nostrip.has(w) ? w : stripParticle(w));
  let i = 0;
  while (i < words.length) {
    const named = lexicon ? matchName(words, i, lexicon, strip) : null;
    if (named) {
      out.terms.push(entityTerm(named.ref));
      out.entities.push(named.ref);
      // A name that is also a spelling of a variant group (`엑셀러레이터`, an alias of the term AC):
      // results land first where it is written in one of those spellings.
      if (lexicon?.variants) out.prefer.push(...variantGroups(lexicon).get(variantKey(named.text))?.filter((g) => g.kind !== 'concept').map((g) => variantTerm(g.forms)) ?? []);
      out.highlights.push(...formsWithPredecessors(named.ref, lexicon!));
      out.words.push(named.text);
      i = named.next;
      continue;
    }
    const variant = lexicon?.variants ? matchVariant(words, i, lexicon, strip) : null;
    if (variant) {
      out.terms.push(variantTerm(variant.group));
      out.prefer.push(...variant.narrower.map(variantTerm));
      out.highlights.push(...variant.group);
      out.words.push(variant.text);
      i = variant.next;
      continue;
    }
    const word = words[i]!;
    let runs = runsOf(word);
    // A particle after a Latin word, a number or a quotation (`AI를`, `TIPS는`, `“클러스터”를`)
    // is a run of its own: drop it. Otherwise only the last Hangul run can carry one.
    const last = runs[runs.length - 1];
    if (runs.length > 1 && last?.cls === 'k' && PARTICLES.includes(last.text)) runs = runs.slice(0, -1);
    else runs = runs.map((run, n, all) => (run.cls === 'k' && n === all.length - 1 ? { ...run, text: strip(run.text) } : run));
    for (const run of runs) {
      out.highlights.push(run.text);
      out.literal.push(run.text);
      out.words.push(run.text);
    }
    if (runs.length > 1) out.terms.push(mixedTermOf(runs));
    else if (runs.length === 1) {
      const run = runs[0]!;
      // Numbers and acronyms typed in capitals (AC, VC, TIPS) are searched whole: 1 is not 10,
      // AC is not ACCESS.
      const exact = run.cls === 'n' || (run.cls === 'e' && /^[A-Z0-9&]+$/.test(run.text) && /[A-Z]/.test(run.text));
      out.terms.push(termOf(run.cls, run.text) + (exact ? END : ''));
    }
    i++;
  }
  out.terms = [...new Set(out.terms)];
  out.highlights = [...new Set(out.highlights)].sort((a, b) => b.length - a.length);
  return out;
}

/** The longest run of query words (up to four) starting at `i` that names one entity. */
function matchName(words: string[], i: number, lexicon: Lexicon, strip: (w: string) => string): { ref: string; next: number; text: string } | null {
  for (let j = Math.min(words.length, i + 4); j > i; j--) {
    const joined = words.slice(i, j).join('');
    for (const candidate of [joined, strip(joined)]) {
      const refs = own(lexicon.names, key(candidate));
      if (!refs || refs.length !== 1) continue;
      const ref = refs[0]!;
      const entity = own(lexicon.entities, ref);
      if (!entity) continue;
      // A name of an agency or organisation, or an alias that is not the entity's own name,
      // becomes the entity's term; a programme or law typed by its name stays a text search.
      const type = ref.slice(0, ref.indexOf(':'));
      if (CODE_TYPES.has(type) || key(entity.n) !== key(candidate)) return { ref, next: j, text: candidate };
    }
  }
  return null;
}

/** Form key → the groups holding it, concept groups first, built once per lexicon. */
const variantIndexes = new WeakMap<Lexicon, Map<string, { kind: string; forms: string[] }[]>>();

/**
 * The longest run of query words (up to four) starting at `i` that is a form of a variant group.
 * A form in a concept group and in a spelling or transliteration group (`엑셀러레이터`) searches the
 * concept (every word for the thing) and lands first where it is written in one of its spellings.
 */
function matchVariant(words: string[], i: number, lexicon: Lexicon, strip: (w: string) => string): { group: string[]; narrower: string[][]; next: number; text: string } | null {
  const index = variantGroups(lexicon);
  for (let j = Math.min(words.length, i + 4); j > i; j--) {
    const joined = words.slice(i, j).join('');
    for (const candidate of [joined, strip(joined)]) {
      const groups = index.get(variantKey(candidate));
      if (groups?.length) return { group: groups[0]!.forms, narrower: groups.slice(1).map((g) => g.forms), next: j, text: candidate };
    }
  }
  return null;
}

function variantGroups(lexicon: Lexicon): Map<string, { kind: string; forms: string[] }[]> {
  let index = variantIndexes.get(lexicon);
  if (!index) {
    index = new Map();
    for (const g of lexicon.variants ?? []) {
      for (const f of g.forms) {
        const list = index.get(variantKey(f)) ?? [];
        list.push(g);
        list.sort((a, b) => Number(b.kind === 'concept') - Number(a.kind === 'concept'));
        index.set(variantKey(f), list);
      }
    }
    variantIndexes.set(lexicon, index);
  }
  return index;
}

/** Every form of an entity and of all its predecessors: what its term stands for in the text. */
export function formsWithPredecessors(ref: string, lexicon: Lexicon): string[] {
  const seen = new Set<string>();
  const forms = new Set<string>();
  const stack = [ref];
  while (stack.length) {
    const r = stack.pop()!;
    if (seen.has(r)) continue;
    seen.add(r);
    const e = own(lexicon.entities, r);
    if (!e) continue;
    for (const f of e.f) forms.add(f);
    stack.push(...(e.p ?? []));
  }
  return [...forms];
}

/** An agency and all its predecessors (for the facet's "include predecessors"). */
export function withPredecessors(ids: string[], lexicon: Lexicon): string[] {
  const out = new Set<string>();
  const stack = ids.map((id) => `agency:${id}`);
  while (stack.length) {
    const r = stack.pop()!;
    const id = r.slice(r.indexOf(':') + 1);
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(own(lexicon.entities, r)?.p ?? []));
  }
  return [...out];
}
