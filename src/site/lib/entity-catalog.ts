/**
 * The registry entities as the site shows them: labels, names over time, mentions grouped by
 * document. Pure functions over `EntityRecord[]` (no Astro imports), so they can be tested
 * and reused by pages, the mention component and the /data/ endpoints alike.
 */
import type { DocumentRecord } from '../../compiler/contract.ts';
import type { EntityRecord } from '../../compiler/knowledge/entities.ts';
import { formatIsoDate } from './format.ts';
import type { EntityType } from './urls.ts';

export type { EntityRecord };
export type Mention = EntityRecord['mentions'][number];

/** The type label shown next to a name (badges, tooltips). */
export const TYPE_LABELS: Record<EntityType, string> = {
  agency: '기관',
  law: '법령·계획',
  program: '사업',
  place: '장소',
  organization: '기관·단체',
  term: '용어',
};

/** Korean labels of each registry's `kind` (src/compiler/knowledge/registry-schema.ts). */
const KIND_LABELS: Partial<Record<EntityType, Record<string, string>>> = {
  agency: { ministry: '중앙행정기관(부)', agency: '청·처', committee: '위원회', 'public-body': '공공기관', 'local-government': '지방자치단체', other: '기타 기관' },
  law: { act: '법률', decree: '시행령', rule: '시행규칙', notice: '고시', plan: '계획', guideline: '지침' },
  place: { cluster: '클러스터', complex: '산업단지', city: '도시', region: '지역', country: '국가', district: '특구·지구', other: '기타 장소' },
  organization: { 'research-institute': '연구기관', university: '대학', company: '기업', association: '협회·단체', center: '센터', other: '기타 단체' },
};

/** The order kinds are listed in on index pages: the order of the registry schema's enums. */
export function kindOrder(type: EntityType): string[] {
  return Object.keys(KIND_LABELS[type] ?? {});
}

/** `청·처`, `법률` …, or undefined for types without kinds and unknown kinds. */
export function kindLabel(e: Pick<EntityRecord, 'type' | 'kind'>): string | undefined {
  return e.kind ? KIND_LABELS[e.type]?.[e.kind] : undefined;
}

export function isUrl(ref: string): boolean {
  return /^https?:\/\/\S+$/.test(ref);
}

export interface EntityCatalog {
  /** Sorted by Korean name. */
  all: EntityRecord[];
  byRef: Map<string, EntityRecord>;
  /** Entities of one type, sorted by Korean name. */
  ofType(type: EntityType): EntityRecord[];
  /** The agency with this id; throws if the registry has none (a broken lineage link). */
  agency(id: string): EntityRecord;
}

const byName = (a: EntityRecord, b: EntityRecord) => a.name.localeCompare(b.name, 'ko') || a.id.localeCompare(b.id);

export function catalogOf(records: readonly EntityRecord[]): EntityCatalog {
  const all = [...records].sort(byName);
  const byRef = new Map(all.map((e) => [e.ref, e]));
  return {
    all,
    byRef,
    ofType: (type) => all.filter((e) => e.type === type),
    agency(id) {
      const e = byRef.get(`agency:${id}`);
      if (!e) throw new Error(`The registry has no agency "${id}" (named in a lineage); re-run the compiler.`);
      return e;
    },
  };
}

/** The lineage of an agency as records, oldest first (just the entity itself for other types). */
export function lineageOf(catalog: EntityCatalog, e: EntityRecord): EntityRecord[] {
  if (e.type !== 'agency' || e.lineage.length === 0) return [e];
  // The compiler sorts by `from`; a name known only by its end date goes by that date
  // rather than first of all (a stable sort keeps the compiler's order otherwise).
  const key = (a: EntityRecord) => a.from ?? a.until ?? '';
  return e.lineage.map((id) => catalog.agency(id)).sort((a, b) => key(a).localeCompare(key(b)));
}

/**
 * The names an agency became in the end: follow its successors to the names that have none.
 * In a simple chain that is the last of its lineage (특허청 → 지식재산처); when a ministry split
 * it is every branch (기획재정부 → 기획예산처, 재정경제부), and the branches of a relative
 * (교육과학기술부 → 교육부) are not its own. Empty when the agency has no successor.
 */
export function laterNamesOf(catalog: EntityCatalog, e: EntityRecord): EntityRecord[] {
  if (e.type !== 'agency') return [];
  const ends = new Map<string, EntityRecord>();
  const seen = new Set<string>([e.id]);
  const walk = (a: EntityRecord) => {
    for (const s of a.successors) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      const next = catalog.agency(s.id);
      if (next.successors.length === 0) ends.set(next.id, next);
      else walk(next);
    }
  };
  walk(e);
  return [...ends.values()].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? '') || byName(a, b));
}

/** A name that has not ended: no end date and nothing succeeded it. */
export function isCurrentName(e: EntityRecord): boolean {
  return !e.until && e.successors.length === 0;
}

/**
 * The text of a mention's tooltip: `특허청 · 기관 · 현재: 지식재산처`; a term adds its definition.
 * The same text is the accessible description of the mention link.
 */
export function mentionSummary(catalog: EntityCatalog, e: EntityRecord): string {
  const parts = [e.name, TYPE_LABELS[e.type]];
  const later = laterNamesOf(catalog, e);
  const current = later.filter(isCurrentName);
  if (current.length > 0) parts.push(`현재: ${current.map((a) => a.name).join(', ')}`);
  const ended = later.filter((a) => !isCurrentName(a));
  if (ended.length > 0) parts.push(`이후: ${ended.map((a) => a.name).join(', ')}`);
  const text = parts.join(' · ');
  return e.type === 'term' && e.definition ? `${text}: ${e.definition}` : text;
}

/**
 * When a name was in use, at the precision of its dates: `1996년 2월 9일 – 2017년 7월 26일`,
 * `2017년 7월 26일 – 현재`, `2013년 3월 23일까지`; `2013년부터` for a programme's start.
 */
export function periodOf(e: Pick<EntityRecord, 'type' | 'from' | 'until' | 'successors'>): string | undefined {
  const from = e.from && formatIsoDate(e.from);
  const until = e.until && formatIsoDate(e.until);
  if (from && until) return `${from} – ${until}`;
  if (until) return `${until}까지`;
  if (!from) return undefined;
  // An agency name with no end and nothing after it is today's name.
  return e.type === 'agency' && e.successors.length === 0 ? `${from} – 현재` : `${from}부터`;
}

/** Mentions of one document, in source order. */
export interface DocumentMentions {
  doc: DocumentRecord;
  mentions: (Mention & { excerpt: Excerpt })[];
}

/** A window of the source line around the mention, the mention itself marked. */
export interface Excerpt {
  before: string;
  match: string;
  after: string;
}

/**
 * Cuts a window (`context` characters each side, at a space when one is near) around the
 * mention text, searched from `from` (the start of the mention's line). A mention the window
 * does not contain as written (split by a line break) is shown before the window.
 */
export function excerptOf(text: string, mention: string, from = 0, context = 40): Excerpt {
  const at = text.indexOf(mention, from);
  if (at < 0) return { before: '', match: mention, after: ` — ${clip(text.slice(from).trim(), context * 2, 'end')}` };
  const before = text.slice(0, at).replace(/^\s+/, '');
  const after = text.slice(at + mention.length).replace(/\s+$/, '');
  return { before: clip(before, context, 'start'), match: mention, after: clip(after, context, 'end') };
}

/**
 * The source text around line `n` (1-based): the line and up to two neighbours each side that
 * the document page renders in the same block (hard-wrapped PDF text breaks sentences over
 * lines), joined by spaces; `from` is where line `n` starts in it.
 */
export function blockTextAround(doc: Pick<DocumentRecord, 'lines' | 'lineAnchors'>, n: number, reach = 2): { text: string; from: number } {
  const i = n - 1;
  const anchor = doc.lineAnchors[i];
  let first = i;
  let last = i;
  const same = (j: number) => anchor != null && doc.lineAnchors[j] === anchor && doc.lines[j]!.trim() !== '';
  while (first > 0 && i - first < reach && same(first - 1)) first--;
  while (last < doc.lines.length - 1 && last - i < reach && same(last + 1)) last++;
  const before = doc.lines.slice(first, i).map((l) => l.trim());
  const prefix = before.length > 0 ? `${before.join(' ')} ` : '';
  const rest = doc.lines.slice(i, last + 1).map((l, k) => (k === 0 ? l.replace(/^\s+/, '') : l.trim()));
  return { text: prefix + rest.join(' '), from: prefix.length };
}

function clip(text: string, max: number, keep: 'start' | 'end'): string {
  if (text.length <= max) return text;
  if (keep === 'end') {
    const cut = text.slice(0, max);
    const space = cut.lastIndexOf(' ');
    return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
  }
  const cut = text.slice(text.length - max);
  const space = cut.indexOf(' ');
  return `…${space >= 0 && space < max * 0.4 ? cut.slice(space + 1) : cut}`;
}

/**
 * Groups mentions by document, documents in the order given (the site lists newest first),
 * mentions in source order. A mention of a document that is not compiled is an error.
 */
export function mentionsByDocument(mentions: readonly Mention[], documents: readonly DocumentRecord[]): DocumentMentions[] {
  const docs = new Map(documents.map((d) => [d.id as string, d]));
  const groups = new Map<string, DocumentMentions>();
  // The second mention of a name on one line is the second occurrence, not the first again.
  const seen = new Map<string, number>();
  for (const m of [...mentions].sort((a, b) => a.line - b.line)) {
    const doc = docs.get(m.documentId);
    if (!doc) throw new Error(`An entity mention names document "${m.documentId}", which is not compiled; re-run the compiler.`);
    const group = groups.get(m.documentId) ?? { doc, mentions: [] };
    const { text, from: lineStart } = blockTextAround(doc, m.line);
    const key = `${m.documentId}\n${m.line}\n${m.text}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    let from = lineStart;
    for (let k = 0; k < nth && text.indexOf(m.text, from) >= 0; k++) from = text.indexOf(m.text, from) + m.text.length;
    group.mentions.push({ ...m, excerpt: excerptOf(text, m.text, from) });
    groups.set(m.documentId, group);
  }
  const order = new Map(documents.map((d, i) => [d.id as string, i]));
  return [...groups.values()].sort((a, b) => order.get(a.doc.id)! - order.get(b.doc.id)!);
}

/** An agency and the names it had before, as the agency index lists them: current names first. */
export interface LineageGroup {
  /** The names in use today (usually one; more when an institution split). */
  current: EntityRecord[];
  /** Earlier names, newest first. */
  earlier: EntityRecord[];
  mentionCount: number;
}

export function lineageGroups(catalog: EntityCatalog): LineageGroup[] {
  const seen = new Set<string>();
  const groups: LineageGroup[] = [];
  for (const e of catalog.ofType('agency')) {
    if (seen.has(e.id)) continue;
    const members = lineageOf(catalog, e);
    for (const m of members) seen.add(m.id);
    const newestFirst = [...members].reverse();
    let current = newestFirst.filter(isCurrentName);
    // A lineage that ended (abolished, or dates only) still leads with its latest name.
    if (current.length === 0) current = newestFirst.slice(0, 1);
    groups.push({
      current,
      earlier: newestFirst.filter((m) => !current.includes(m)),
      mentionCount: members.reduce((n, m) => n + m.mentions.length, 0),
    });
  }
  return groups.sort((a, b) => byName(a.current[0]!, b.current[0]!));
}

/**
 * The agency a publisher name means on a date: an exact name, alias or title, preferring the
 * agency whose name was in use on that date (a name can be reused: 재정경제부 1998 and 2026).
 */
export function agencyForName(catalog: EntityCatalog, name: string, date?: string): EntityRecord | undefined {
  const candidates = catalog.ofType('agency').filter((a) => a.name === name || a.aliases.includes(name));
  if (candidates.length <= 1 || !date) return candidates[0];
  // Compare ISO dates at the coarser of the two precisions (`2006` vs `2008-02-29`).
  const cut = (x: string) => Math.min(x.length, date.length);
  const started = (a: EntityRecord) => !a.from || a.from.slice(0, cut(a.from)) <= date.slice(0, cut(a.from));
  const notEnded = (a: EntityRecord) => !a.until || date.slice(0, cut(a.until)) <= a.until.slice(0, cut(a.until));
  return candidates.find((a) => started(a) && notEnded(a)) ?? candidates[0];
}

/**
 * The id of the element that describes every mention of `ref` on a document page
 * (`MentionDescriptions.astro`); `mention-` never begins a document anchor (`L245`, `IV-1-2`,
 * `fn-l40`, `tbl-2-1`).
 */
export function mentionDescriptionId(ref: string): string {
  return `mention-${ref.replace(':', '-')}`;
}

/** The tooltip of a 「…」 title the registry does not know. */
export const UNKNOWN_TITLE_SUMMARY = '등록되지 않은 법령·계획';

/**
 * A source that is a place in the corpus: `content/sources/<doc>/source.txt:L73`, or a bare
 * document id. The caller checks that the document exists.
 */
export function corpusSourceOf(ref: string): { documentId: string; line?: number } | undefined {
  const match = /^(?:content\/sources\/)?([0-9a-z][0-9a-z-]*)(?:\/source\.txt)?(?::L(\d+)(?:[-–]L?\d+)?)?$/.exec(ref.trim());
  if (!match) return undefined;
  return { documentId: match[1]!, ...(match[2] ? { line: Number(match[2]) } : {}) };
}

/** `과기정통부, MSIT, Ministry of Science and ICT 외 2개`: other names, shortened for lists. */
export function aliasesShort(e: Pick<EntityRecord, 'aliases'>, max = 3): string {
  const shown = e.aliases.slice(0, max).join(', ');
  return e.aliases.length > max ? `${shown} 외 ${e.aliases.length - max}개` : shown;
}
