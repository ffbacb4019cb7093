/**
 * Turns the compiler's output into Pagefind records, one per thing a reader can land on:
 * a document (its metadata and the text before its first heading), a section (a heading and
 * the text under it), a measure (its own page) and a registry entity (its page).
 *
 * Each record's content is the codec's stream (codec.ts): display words, each followed by
 * its index terms — one per script run, one per content morpheme that starts inside the
 * word (lindera), and the entity terms of a registry mention (the entity and every later
 * name of it, so a search for today's ministry finds the text written under its old names).
 */
import type { DocumentRecord, SearchBlock, SearchDoc } from '../compiler/contract.ts';
import { analyzeRun } from './analyzer.ts';
import { END, entityTerm, indexTermOf, mixedTermOf, runsOf, toDisplayToken } from './codec.ts';
import { VariantIndex, rateVariant, variantKey, type Variants } from './variants.ts';

export type RecordKind = 'document' | 'section' | 'measure' | 'entity';

export interface IndexRecord {
  url: string;
  kind: RecordKind;
  content: string;
  /** Shown with results; text values are display-encoded (codec.ts), so Pagefind indexes none of it (`kind` and `blocks` are ASCII ids and paths). */
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  /** Source lines the record covers (documents: none), for the evaluation. */
  docId?: string;
  lines?: [number, number];
}

export interface EntityInfo {
  ref: string;
  type: string;
  id: string;
  name: string;
  aliases: string[];
  titles: string[];
  description?: string;
  url: string;
  predecessors: string[];
  successors: string[];
}

export interface MeasureInfo {
  id: string;
  documentId: string;
  label: string;
  text: string;
  headingPath: string[];
  sourceLines: [number, number];
  agencies: string[];
  laws: string[];
  programs: string[];
  places: string[];
  url: string;
}

export interface CorpusForSearch {
  documents: { record: DocumentRecord; search: SearchDoc; url: string }[];
  measures: MeasureInfo[];
  entities: EntityInfo[];
  /** Groups of forms searched as one (content/registry/variants.yaml, variants.ts). */
  variants?: Variants[];
}

/** What a stream builder collects besides the content: where each block starts, which agencies occur. */
interface Stream {
  tokens: string[];
  /** `anchor:index of the block's first token`. */
  blocks: string[];
  agencies: Set<string>;
}

/** Headings at this depth or above start a section record; deeper ones belong to it. */
export const RECORD_DEPTH = 2;

export class RecordBuilder {
  /** Entity ref → its term and the terms of every later name (successors, transitively). */
  private readonly lineageTerms = new Map<string, string[]>();
  private readonly byRef = new Map<string, EntityInfo>();
  /** Nouns of the corpus and their counts (suggestions), and nouns a query must not strip. */
  readonly nouns = new Map<string, number>();

  private readonly variants: VariantIndex;

  constructor(entities: EntityInfo[], variants: Variants[] = []) {
    this.variants = new VariantIndex(variants);
    for (const e of entities) this.byRef.set(e.ref, e);
    const terms = new Map<string, string>();
    for (const e of entities) {
      const t = entityTerm(e.ref);
      const clash = terms.get(t);
      if (clash) throw new Error(`Search index: entity terms of ${clash} and ${e.ref} collide (${t}); rename one id.`);
      terms.set(t, e.ref);
    }
  }

  /** The entity's own term and those of all its successors. */
  termsOfEntity(ref: string): string[] {
    const cached = this.lineageTerms.get(ref);
    if (cached) return cached;
    const out = new Set<string>();
    const stack = [ref];
    while (stack.length) {
      const r = stack.pop()!;
      const t = entityTerm(r);
      if (out.has(t)) continue;
      out.add(t);
      const e = this.byRef.get(r);
      for (const s of e?.successors ?? []) stack.push(s);
    }
    const list = [...out];
    this.lineageTerms.set(ref, list);
    return list;
  }

  private stream(): Stream {
    return { tokens: [], blocks: [], agencies: new Set() };
  }

  /**
   * First pass over every text of the corpus: the nouns lindera finds (two syllables or
   * more). A part of a word is indexed where the analysis starts a content morpheme, or where
   * a corpus noun starts at a token boundary the analysis saw (`전자의무기록`: lindera reads
   * `전자/의/무/기록`, but `의무` is a noun of the corpus, so `의무기록` is indexed too;
   * `조정제도` is not indexed from `정제`, which would cut the morpheme `조정`).
   */
  learn(text: string): void {
    for (const word of text.split(/\s+/)) {
      for (const run of runsOf(word)) {
        if (run.cls !== 'k') continue;
        for (const n of analyzeRun(run.text).nouns) this.nouns.set(n, (this.nouns.get(n) ?? 0) + 1);
      }
    }
  }

  /** Where the parts of a Hangul run start (see `learn`). */
  private partStarts(run: string): number[] {
    const a = analyzeRun(run);
    const starts = new Set(a.starts);
    for (const p of a.tokenStarts) {
      if (starts.has(p) || run.length - p < 2) continue;
      for (let len = Math.min(6, run.length - p); len >= 2; len--) {
        if (this.nouns.has(run.slice(p, p + len))) {
          starts.add(p);
          break;
        }
      }
    }
    return [...starts].sort((x, y) => x - y);
  }

  /** Appends a block's words and their terms. */
  private add(s: Stream, text: string, mentions: SearchBlock['mentions'], anchor?: string) {
    if (anchor) s.blocks.push(`${anchor}:${s.tokens.length}`);
    // Entity terms follow every word of the mention (`지식경제부 장관`: both words).
    const spans = mentions.map(([ref, start, end]) => {
      const e = this.byRef.get(ref);
      if (e?.type === 'agency') s.agencies.add(e.id);
      return { start, end, terms: this.termsOfEntity(ref) };
    });
    const phrases = this.phraseStarts(text);
    const words = /\S+/g;
    for (let m = words.exec(text); m; m = words.exec(text)) {
      const word = m[0];
      s.tokens.push(toDisplayToken(word));
      const terms = new Set<string>();
      const runs = runsOf(word);
      for (const run of runs) {
        terms.add(indexTermOf(run.cls, run.text));
        if (run.cls === 'k') {
          for (const start of [0, ...this.partStarts(run.text)]) {
            const part = run.text.slice(start);
            if (start > 0) terms.add(indexTermOf('k', part));
            // 률/율 spelt the other way, and the groups of forms the part starts with (variants.ts).
            const rate = rateVariant(part);
            if (rate) terms.add(indexTermOf('k', rate));
            for (const t of this.variants.termsAt(part)) terms.add(t);
          }
        } else if (run.cls === 'e') {
          // A Latin word is a form only as a whole (`AC` is not `ACCESS`).
          for (const t of this.variants.termsOf(run.text)) terms.add(t);
        }
      }
      for (const t of phrases.get(m.index) ?? []) terms.add(t);
      // A word of several runs (`1조원`, `R&D사업`, `산업·기술`) is also one term, so a query
      // written the same way matches it as a whole.
      if (runs.length > 1) {
        terms.add(mixedTermOf(runs) + END);
        if (runs.every((r) => r.cls === runs[0]!.cls)) terms.add(indexTermOf(runs[0]!.cls, runs.map((r) => r.text).join('')));
      }
      // A two-digit year (`’27`, `'23.下`) is also its full year, alone and in the word (`’27년` = `2027년`).
      const fullYears = word.replace(/[’‘'`](\d{2})(?!\d)/g, (_, y: string) => `${Number(y) <= 69 ? 20 : 19}${y}`);
      if (fullYears !== word) {
        const yearRuns = runsOf(fullYears);
        for (const run of yearRuns) if (run.cls === 'n') terms.add(indexTermOf('n', run.text));
        if (yearRuns.length > 1) terms.add(mixedTermOf(yearRuns) + END);
      }
      for (const span of spans) if (span.start < m.index + word.length && span.end > m.index) for (const t of span.terms) terms.add(t);
      s.tokens.push(...terms);
    }
  }

  /** Where a form of several words (`펀드 오브 펀즈`) starts in the text: word offset → group terms. */
  private phraseStarts(text: string): Map<number, string[]> {
    const out = new Map<number, string[]>();
    if (!this.variants.phrases.length) return out;
    // The text without spaces, and for each of its characters the offset of its word.
    const offsets: number[] = [];
    let joined = '';
    const words = /\S+/g;
    for (let m = words.exec(text); m; m = words.exec(text)) {
      const key = variantKey(m[0]);
      joined += key;
      for (let i = 0; i < key.length; i++) offsets.push(m.index);
    }
    for (const { key, term } of this.variants.phrases) {
      for (let at = joined.indexOf(key); at >= 0; at = joined.indexOf(key, at + 1)) {
        const start = offsets[at]!;
        // Only where the phrase starts a word: `…오브펀즈` inside a longer word is not it.
        if (at > 0 && offsets[at - 1] === start) continue;
        const list = out.get(start) ?? [];
        if (!list.includes(term)) list.push(term);
        out.set(start, list);
      }
    }
    return out;
  }

  /**
   * Adds a measure's text with the terms of its entities after the first word naming them.
   * An entity the measure is linked to without naming it (the agency in charge, from a table
   * column) is listed after the text, by name, as the measure page lists it.
   */
  private addNamed(s: Stream, text: string, refs: string[]) {
    const mentions: SearchBlock['mentions'] = [];
    const unnamed: string[] = [];
    for (const ref of refs) {
      const e = this.byRef.get(ref);
      if (!e) continue;
      let best = -1;
      let len = 0;
      for (const name of [e.name, ...e.aliases, ...e.titles]) {
        const at = text.indexOf(name);
        if (at >= 0 && (best < 0 || at < best)) [best, len] = [at, name.length];
      }
      if (best >= 0) mentions.push([ref, best, best + len]);
      else unnamed.push(ref);
    }
    this.add(s, text, mentions);
    for (const ref of unnamed) {
      const name = this.byRef.get(ref)!.name;
      this.add(s, name, [[ref, 0, name.length]]);
    }
  }

  private record(kind: RecordKind, url: string, s: Stream, meta: Record<string, string>, filters: Record<string, string[]>, extra: Partial<IndexRecord> = {}): IndexRecord {
    const encoded: Record<string, string> = { kind };
    for (const [k, v] of Object.entries(meta)) if (v) encoded[k] = toDisplayToken(v);
    if (s.blocks.length) encoded.blocks = s.blocks.join(' ');
    const agencies = [...s.agencies].sort();
    return { url, kind, content: s.tokens.join(' '), meta: encoded, filters: { kind: [kind], ...filters, ...(agencies.length ? { agency: agencies } : {}) }, ...extra };
  }

  /** A document's records: the document itself and one per section. */
  documentRecords(doc: CorpusForSearch['documents'][number]): IndexRecord[] {
    const { record, search, url } = doc;
    const year = record.issued?.value.slice(0, 4);
    const docFilters: Record<string, string[]> = { doc: [record.id], ...(year ? { year: [year] } : {}) };
    const out: IndexRecord[] = [];
    const head = this.stream();
    const publishers = Array.isArray(record.publishers) ? record.publishers : [];
    const authors = Array.isArray(record.authors) ? record.authors : [];
    this.add(head, [record.title, record.kindLabel, ...publishers, ...authors, year ?? ''].join(' '), []);
    const all = new Set<string>();
    // A section record is a heading of the top two levels with everything under it, deeper
    // headings included: results land on the block that matched (the `blocks` meta), so
    // finer records would only add records (each costs every query a few bytes of Pagefind's
    // page list) without adding precision.
    let current: { section: SearchDoc['sections'][number]; stream: Stream; lines: [number, number] } | null = null;
    const flush = () => {
      if (!current) return;
      for (const a of current.stream.agencies) all.add(a);
      out.push(this.record('section', `${url}#${current.section.anchor}`, current.stream, { title: current.section.path.join(' › '), doc: record.title }, docFilters, { docId: record.id, lines: current.lines }));
      current = null;
    };
    for (const section of search.sections) {
      if (section.anchor === null) {
        for (const b of section.blocks) this.add(head, b.text, b.mentions, b.anchor);
        continue;
      }
      if (!current || section.path.length <= RECORD_DEPTH) {
        flush();
        current = { section, stream: this.stream(), lines: [Infinity, 0] };
      }
      for (const b of section.blocks) {
        this.add(current.stream, b.text, b.mentions, b.anchor);
        current.lines = [Math.min(current.lines[0], b.lines[0]), Math.max(current.lines[1], b.lines[1])];
      }
    }
    flush();
    for (const a of all) head.agencies.add(a);
    out.unshift(this.record('document', url, head, { title: record.title, doc: `${record.kindLabel} · ${year ?? '연도 미상'}` }, docFilters, { docId: record.id }));
    return out;
  }

  /**
   * The measures of one section (a heading of the top two levels, as for section records), in
   * one record: its blocks are the measures, each landing on its own page (`blocks` holds the
   * page paths, `labels` the measures' labels). One record per measure would cost every query
   * the bytes of thousands more pages in Pagefind's page list, for no gain in precision.
   */
  measureRecord(group: MeasureInfo[], doc: DocumentRecord): IndexRecord {
    const s = this.stream();
    for (const m of group) {
      s.blocks.push(`${m.url}:${s.tokens.length}`);
      this.addNamed(s, m.text, [...m.agencies.map((a) => `agency:${a}`), ...m.laws.map((a) => `law:${a}`), ...m.programs.map((a) => `program:${a}`), ...m.places.map((a) => `place:${a}`)]);
    }
    const year = doc.issued?.value.slice(0, 4);
    const first = group[0]!;
    const lines: [number, number] = [Math.min(...group.map((m) => m.sourceLines[0])), Math.max(...group.map((m) => m.sourceLines[1]))];
    const meta = { title: group.length === 1 ? first.label : first.headingPath.slice(0, RECORD_DEPTH).join(' › ') || first.label, doc: doc.title, path: first.headingPath.slice(0, RECORD_DEPTH).join(' › '), labels: group.map((m) => m.label).join('\n') };
    return this.record('measure', first.url, s, meta, { doc: [doc.id], ...(year ? { year: [year] } : {}) }, { docId: doc.id, lines });
  }

  entityRecord(e: EntityInfo): IndexRecord {
    const s = this.stream();
    for (const name of [e.name, ...e.aliases, ...e.titles]) this.add(s, name, [[e.ref, 0, name.length]]);
    if (e.description) this.add(s, e.description, []);
    return this.record('entity', e.url, s, { title: e.name, doc: TYPE_LABELS[e.type] ?? e.type }, {});
  }
}

export const TYPE_LABELS: Record<string, string> = {
  agency: '기관',
  law: '법령·계획',
  program: '사업',
  place: '지역',
  case: '사례',
  organization: '단체',
  term: '용어',
};

/** All records of a corpus, in a stable order (documents by id, then measures, then entities). */
export function buildRecords(corpus: CorpusForSearch): { records: IndexRecord[]; builder: RecordBuilder } {
  const builder = new RecordBuilder(corpus.entities, corpus.variants);
  const records: IndexRecord[] = [];
  const docs = [...corpus.documents].sort((a, b) => a.record.id.localeCompare(b.record.id));
  const byId = new Map(docs.map((d) => [d.record.id as string, d.record]));
  for (const d of docs) for (const sec of d.search.sections) for (const b of sec.blocks) builder.learn(b.text);
  for (const m of corpus.measures) builder.learn(m.text);
  for (const e of corpus.entities) builder.learn([e.name, ...e.aliases, e.description ?? ''].join(' '));
  for (const d of docs) records.push(...builder.documentRecords(d));
  const groups = new Map<string, MeasureInfo[]>();
  for (const m of [...corpus.measures].sort((a, b) => a.documentId.localeCompare(b.documentId) || a.sourceLines[0] - b.sourceLines[0] || a.id.localeCompare(b.id))) {
    const key = `${m.documentId}\u0000${m.headingPath.slice(0, RECORD_DEPTH).join('\u0000')}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(m);
  }
  for (const group of groups.values()) {
    const doc = byId.get(group[0]!.documentId);
    if (doc) records.push(builder.measureRecord(group, doc));
  }
  for (const e of [...corpus.entities].sort((a, b) => a.ref.localeCompare(b.ref))) records.push(builder.entityRecord(e));
  return { records, builder };
}
