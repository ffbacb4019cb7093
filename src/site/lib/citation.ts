/**
 * Citations of the site's pages (product.md "Citation"): one `Citation` per document, measure,
 * entity and case page and per top-level section of a document (cited at its anchor, as a part
 * of its document, like a measure), and one pure function per output — the Korean-style reference, APA 7,
 * BibTeX, RIS, CSL-JSON for the cite panel, and Highwire `citation_*`, Dublin Core and
 * schema.org JSON-LD for the page's <head>. No Astro imports: tested in test/site/citation.test.ts.
 *
 * Who is cited as the author:
 * - a document: its authors when the metadata names them, otherwise its publishers, otherwise
 *   nobody (never guessed);
 * - a section or a measure: the creators of its document. A measure's `agencies` are the agencies it names or
 *   whose programmes and laws it names — who carries it out, not who wrote it — so they are
 *   shown as what the measure is about (schema.org `about`), never as its authors;
 * - an entity or case page: the knowledge base, which wrote the page.
 * Dates keep the precision the source gives (`2023`, `2023-06`, `2023-06-01`); an unknown date
 * stays unknown (`n.d.`, `연도 미상`) and a quarter or half year is cited as its year.
 */
import type { DocumentRecord } from '../../compiler/contract.ts';
import { asCaseId, asMeasureId, anchorPath, casePath, docPath, entityPath, measurePath, type EntityType } from './urls.ts';

/** The knowledge base: the publisher of every page and the author of entity pages. */
export const KB_NAME = '클러스터 정책 지식베이스';

export interface CiteDate {
  year: number;
  month?: number;
  day?: number;
}

export interface Creator {
  name: string;
  type: 'person' | 'organization';
}

export type CitationKind = 'document' | 'section' | 'measure' | 'entity';

/** What a page is about (entity and case pages), for schema.org. */
export interface CitationAbout {
  /** A schema.org type: GovernmentOrganization, Organization, Place, Legislation … */
  type: string;
  name: string;
  alternateNames: string[];
  description?: string;
  /** ISO dates at their precision: when the name came into use and ended (agencies). */
  from?: string;
  until?: string;
  /** A case: the document it is part of. */
  partOf?: { title: string; url: string };
}

export interface Citation {
  /** The page's path without slashes at the ends (`docs/2023-…`, `agencies/mss`): keys and ids. */
  key: string;
  kind: CitationKind;
  title: string;
  /** A document's kind (`press-release`) or an entity page's type (`agency`, `case`). */
  type: string;
  /** Its Korean label (보도자료, 기관). */
  typeLabel: string;
  authors: Creator[];
  issued: CiteDate | null;
  /** Who published the original (documents, measures); the knowledge base for entity pages. */
  publishers: string[];
  /** A measure's document. */
  container?: { title: string; url: string; type: string; typeLabel: string };
  /** The page's permalink: absolute, with an anchor where one applies. */
  url: string;
  /** Where the original text is published, when known. */
  sourceUrl?: string;
  /** Entities the page is about: a measure's agencies, an entity page's entity. */
  about: CitationAbout[];
}

/** The parts of a document record a citation reads. */
export type CitedDocument = Pick<DocumentRecord, 'id' | 'title' | 'kind' | 'kindLabel' | 'issued' | 'publishers' | 'authors' | 'sourceUrl'>;

/* ------------------------------------------------------------------------------------------ */
/* Building citations                                                                          */
/* ------------------------------------------------------------------------------------------ */

/**
 * The site's origin for permalinks: Astro's `site` (astro.config.mjs), the same source as the
 * canonical URL in Base.astro. Without it no absolute URL can be given, so the build stops.
 */
export function siteOrigin(site: URL | string | undefined): URL {
  if (!site) {
    throw new Error('astro.config.mjs sets no `site`: permalinks and citations need the site’s absolute origin (set `site: "https://…"`).');
  }
  return new URL('/', site);
}

/** `https://host/docs/<id>/#L245` from a site path. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  return new URL(path, siteOrigin(site)).href;
}

/** A date at its real precision; a quarter or half year is cited as its year. Null when unknown. */
export function citeDate(issued: { value: string; precision: string } | null | undefined): CiteDate | null {
  if (!issued) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(issued.value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] && (issued.precision === 'month' || issued.precision === 'day') ? Number(m[2]) : undefined;
  const day = month && m[3] && issued.precision === 'day' ? Number(m[3]) : undefined;
  return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
}

/** A person's name without the affiliation the metadata adds: `고유상 (삼성경제연구소 기술산업실)` → `고유상`. */
export function personName(raw: string): string {
  const name = raw.replace(/\s*\([^()]*\)\s*$/u, '').trim();
  return name || raw.trim();
}

function known(list: string[] | 'unknown' | undefined): string[] {
  return list === undefined || list === 'unknown' ? [] : list.map((s) => s.trim()).filter(Boolean);
}

/** A document's creators: its authors when named, otherwise its publishers. */
export function documentCreators(doc: Pick<CitedDocument, 'authors' | 'publishers'>): Creator[] {
  const authors = known(doc.authors);
  if (authors.length > 0) return authors.map((a) => ({ name: personName(a), type: 'person' }));
  return known(doc.publishers).map((p) => ({ name: p, type: 'organization' }));
}

export function documentCitation(doc: CitedDocument, site: URL | string | undefined): Citation {
  const path = docPath(doc.id);
  return {
    key: keyOf(path),
    kind: 'document',
    title: doc.title,
    type: doc.kind,
    typeLabel: doc.kindLabel,
    authors: documentCreators(doc),
    issued: citeDate(doc.issued),
    publishers: known(doc.publishers),
    url: absoluteUrl(path, site),
    ...(doc.sourceUrl !== 'unknown' && /^https?:\/\//.test(doc.sourceUrl) ? { sourceUrl: doc.sourceUrl } : {}),
    about: [],
  };
}

/** A measure page: the measure's label as title, its document as container, the document's creators and date. */
export function measureCitation(
  measure: { id: string; label: string },
  doc: CitedDocument,
  site: URL | string | undefined,
  agencies: { name: string }[] = [],
): Citation {
  const path = measurePath(asMeasureId(measure.id));
  const document = documentCitation(doc, site);
  return {
    ...document,
    key: keyOf(path),
    kind: 'measure',
    title: measure.label,
    container: { title: doc.title, url: document.url, type: doc.kind, typeLabel: doc.kindLabel },
    url: absoluteUrl(path, site),
    about: agencies.map((a) => ({ type: 'GovernmentOrganization', name: a.name, alternateNames: [] })),
  };
}

/** A section of a document: `Ⅱ. 이론적 배경` in its document, at its anchor (`…/docs/<id>/#II`). */
export function sectionCitation(section: { id: string; num?: string; title: string }, doc: CitedDocument, site: URL | string | undefined): Citation {
  const path = anchorPath(doc.id, section.id);
  const document = documentCitation(doc, site);
  return {
    ...document,
    key: `${keyOf(docPath(doc.id))}--${section.id}`,
    kind: 'section',
    title: sectionLabel(section),
    container: { title: doc.title, url: document.url, type: doc.kind, typeLabel: doc.kindLabel },
    url: absoluteUrl(path, site),
  };
}

/** `Ⅱ. 이론적 배경`, `제2장 …`, or the title alone: the numbering as written, then the title. */
function sectionLabel(section: { num?: string; title: string }): string {
  return section.num ? `${section.num} ${section.title}` : section.title;
}

/** The registry entity fields a citation reads (src/compiler/knowledge/entities.ts EntityRecord). */
export interface CitedEntity {
  type: EntityType;
  id: string;
  name: string;
  kind?: string;
  aliases: string[];
  description?: string;
  definition?: string;
  from?: string;
  until?: string;
}

/** The Korean labels of entity pages (entity-catalog.ts TYPE_LABELS, and 사례). */
const ENTITY_LABELS: Record<EntityType | 'case', string> = {
  agency: '기관',
  law: '법령·계획',
  program: '사업',
  place: '장소',
  organization: '기관·단체',
  term: '용어',
  case: '사례',
};

/** schema.org type of what an entity page is about. */
function aboutType(e: Pick<CitedEntity, 'type' | 'kind'>): string {
  switch (e.type) {
    case 'agency':
      return 'GovernmentOrganization';
    case 'organization':
      return 'Organization';
    case 'place':
      return 'Place';
    case 'law':
      return e.kind === 'plan' || e.kind === 'guideline' ? 'CreativeWork' : 'Legislation';
    default:
      return 'Thing';
  }
}

const kbAuthor = (): Creator[] => [{ name: KB_NAME, type: 'organization' }];

/** An entity page: written by the knowledge base, undated. */
export function entityCitation(entity: CitedEntity, site: URL | string | undefined): Citation {
  const path = entityPath(entity.type, entity.id);
  const description = entity.definition ?? entity.description;
  return {
    key: keyOf(path),
    kind: 'entity',
    title: entity.name,
    type: entity.type,
    typeLabel: ENTITY_LABELS[entity.type],
    authors: kbAuthor(),
    issued: null,
    publishers: [KB_NAME],
    url: absoluteUrl(path, site),
    about: [
      {
        type: aboutType(entity),
        name: entity.name,
        alternateNames: entity.aliases,
        ...(description ? { description } : {}),
        ...(entity.from ? { from: entity.from } : {}),
        ...(entity.until ? { until: entity.until } : {}),
      },
    ],
  };
}

/** A case page: a page of the knowledge base about a case study of one document. */
export function caseCitation(c: { id: string; title: string; anchor: string }, doc: CitedDocument, site: URL | string | undefined): Citation {
  const path = casePath(asCaseId(c.id));
  return {
    key: keyOf(path),
    kind: 'entity',
    title: c.title,
    type: 'case',
    typeLabel: ENTITY_LABELS.case,
    authors: kbAuthor(),
    issued: null,
    publishers: [KB_NAME],
    url: absoluteUrl(path, site),
    about: [{ type: 'CreativeWork', name: c.title, alternateNames: [], partOf: { title: doc.title, url: absoluteUrl(anchorPath(doc.id, c.anchor), site) } }],
  };
}

function keyOf(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/* ------------------------------------------------------------------------------------------ */
/* Dates                                                                                        */
/* ------------------------------------------------------------------------------------------ */

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 at its precision: `2023`, `2023-06`, `2023-06-01`. */
export function isoDate(d: CiteDate): string {
  return [String(d.year).padStart(4, '0'), d.month && pad(d.month), d.month && d.day && pad(d.day)].filter(Boolean).join('-');
}

/** `2023. 6. 1.`, `2023. 6.`, `2023`, or `연도 미상`. */
export function koreanDate(d: CiteDate | null): string {
  if (!d) return '연도 미상';
  if (d.month && d.day) return `${d.year}. ${d.month}. ${d.day}.`;
  if (d.month) return `${d.year}. ${d.month}.`;
  return String(d.year);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** APA 7: `2023, June 1`, `2023, June`, `2023`, or `n.d.`. */
export function apaDate(d: CiteDate | null): string {
  if (!d) return 'n.d.';
  if (d.month && d.day) return `${d.year}, ${MONTHS[d.month - 1]} ${d.day}`;
  if (d.month) return `${d.year}, ${MONTHS[d.month - 1]}`;
  return String(d.year);
}

/* ------------------------------------------------------------------------------------------ */
/* References for people                                                                        */
/* ------------------------------------------------------------------------------------------ */

/** Joins the parts of a reference into sentences: each ends with one full stop. */
function sentences(parts: (string | undefined)[]): string {
  return parts
    .map((p) => p?.replace(/\s+/g, ' ').trim())
    .filter((p): p is string => Boolean(p))
    .map((p) => (/[.!?]$/.test(p) ? p : `${p}.`))
    .join(' ');
}

const sameNames = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The publishers to name after the title: not when they are the authors (or the knowledge base). */
function distinctPublishers(c: Citation): string[] {
  if (c.kind === 'entity') return [];
  return sameNames(c.publishers, c.authors.map((a) => a.name)) ? [] : c.publishers;
}

const authoredByKb = (c: Citation) => c.authors.length === 1 && c.authors[0]!.name === KB_NAME;

/**
 * The Korean-style reference: `기획재정부 (2023. 6. 1.). 「제목」. 보도자료. 클러스터 정책 지식베이스. URL`.
 * A measure: `“과제”. 「문서」. 보도자료.`; an entity page: `클러스터 정책 지식베이스 (연도 미상). “중소벤처기업부”. 기관 항목. URL`.
 * No access date: the permalink and the publication date identify the text.
 */
export function koreanReference(c: Citation): string {
  const authors = c.authors.map((a) => a.name).join('·');
  const date = `(${koreanDate(c.issued)})`;
  const title = c.kind === 'document' ? `「${c.title}」` : `“${c.title}”`;
  const head = authors ? [`${authors} ${date}`, title] : [`${title} ${date}`];
  const what = c.container ? [`「${c.container.title}」`, c.container.typeLabel] : c.kind === 'entity' ? [`${c.typeLabel} 항목`] : [c.typeLabel];
  const publishers = distinctPublishers(c);
  return `${sentences([...head, ...what, publishers.join('·'), authoredByKb(c) ? undefined : KB_NAME])} ${c.url}`;
}

/** English descriptions in APA's square brackets. */
const APA_DESCRIPTIONS: Record<string, string> = {
  'press-release': 'Press release',
  plan: 'Government plan',
  'plan-summary': 'Summary of a government plan',
  news: 'News article',
  report: 'Report',
  'report-summary': 'Summary of a report',
  thesis: 'Thesis',
  call: 'Call for proposals',
  rfp: 'Request for proposals',
};
const APA_ENTRIES: Record<string, string> = {
  agency: 'Agency entry',
  law: 'Law or plan entry',
  program: 'Programme entry',
  place: 'Place entry',
  organization: 'Organization entry',
  term: 'Term entry',
  case: 'Case study entry',
};

/** APA's author list: `A`, `A, & B`, `A, B, & C`; from 21 authors the first 19, `…`, and the last. */
export function apaAuthors(names: string[]): string {
  if (names.length <= 1) return names.join('');
  if (names.length === 2) return `${names[0]}, & ${names[1]}`;
  if (names.length <= 20) return `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`;
  return `${names.slice(0, 19).join(', ')}, … ${names.at(-1)}`;
}

const bracket = (description: string | undefined) => (description ? ` [${description}]` : '');

/**
 * APA 7 (plain text, so without italics): `기획재정부. (2023, June 1). 제목 [Press release]. 클러스터 정책 지식베이스. URL`.
 * A measure is a part `In` its document; with no author the title takes the author's place.
 */
export function apaReference(c: Citation): string {
  const date = `(${apaDate(c.issued)})`;
  const title = c.container
    ? [c.title, `In ${c.container.title}${bracket(APA_DESCRIPTIONS[c.container.type])}`]
    : [`${c.title}${bracket(c.kind === 'entity' ? APA_ENTRIES[c.type] : APA_DESCRIPTIONS[c.type])}`];
  const authors = apaAuthors(c.authors.map((a) => a.name));
  const head = authors ? [authors, date, ...title] : [title[0], date, ...title.slice(1)];
  return `${sentences([...head, distinctPublishers(c).join('; '), authoredByKb(c) ? undefined : KB_NAME])} ${c.url}`;
}

/* ------------------------------------------------------------------------------------------ */
/* BibTeX                                                                                       */
/* ------------------------------------------------------------------------------------------ */

const BIBTEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Text for a braced BibTeX field: LaTeX specials escaped (so braces always balance), one line. */
export function bibtexEscape(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\{}%&$#_^~]/g, (ch) => BIBTEX_SPECIAL[ch]!);
}

/** A URL for the `url` field (read verbatim by biblatex and the url package): `%` and `#` escaped, braces encoded. */
export function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, encodeURIComponent).replace(/[%#]/g, (ch) => `\\${ch}`);
}

/** A citation key: `kb-measures-2023-06-01-moef-global-cluster-press--L108`. */
export function bibtexKey(c: Citation): string {
  return `kb-${c.key}`.replace(/[^A-Za-z0-9_.:-]+/g, '-');
}

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A `@misc` entry, which every BibTeX and biblatex style accepts. Names are braced whole, so
 * `기획재정부` or `Research and Development Ltd` stays one corporate name; the title is braced
 * so styles keep its case. BibTeX has no day field: the day is in the other formats.
 */
export function bibtex(c: Citation): string {
  const fields: [string, string][] = [];
  const braced = (v: string) => `{${v}}`;
  if (c.authors.length > 0) fields.push(['author', braced(c.authors.map((a) => `{${bibtexEscape(a.name)}}`).join(' and '))]);
  fields.push(['title', braced(`{${bibtexEscape(c.title)}}`)]);
  if (c.issued) {
    fields.push(['year', braced(String(c.issued.year))]);
    if (c.issued.month) fields.push(['month', BIBTEX_MONTHS[c.issued.month - 1]!]);
  }
  const note = c.container ? `${c.container.typeLabel} 「${c.container.title}」의 ${c.kind === 'section' ? '절' : '정책 과제'}` : c.kind === 'entity' ? `${c.typeLabel} 항목` : c.typeLabel;
  fields.push(['note', braced(bibtexEscape(note))]);
  if (c.kind !== 'entity' && c.publishers.length > 0) fields.push(['publisher', braced(bibtexEscape(c.publishers.join(', ')))]);
  if (!authoredByKb(c)) fields.push(['howpublished', braced(bibtexEscape(KB_NAME))]);
  fields.push(['url', braced(bibtexUrl(c.url))]);
  fields.push(['language', braced('korean')]);
  const width = Math.max(...fields.map(([k]) => k.length));
  return `@misc{${bibtexKey(c)},\n${fields.map(([k, v]) => `  ${k.padEnd(width)} = ${v},`).join('\n')}\n}`;
}

/* ------------------------------------------------------------------------------------------ */
/* RIS                                                                                          */
/* ------------------------------------------------------------------------------------------ */

/** RIS type of a document kind; measures are book sections (CHAP), entity pages web pages (ELEC). */
const RIS_TYPES: Record<string, string> = {
  'press-release': 'RPRT',
  plan: 'RPRT',
  'plan-summary': 'RPRT',
  report: 'RPRT',
  'report-summary': 'RPRT',
  call: 'RPRT',
  rfp: 'RPRT',
  news: 'NEWS',
  thesis: 'THES',
};

export function risType(c: Citation): string {
  if (c.kind === 'measure' || c.kind === 'section') return 'CHAP';
  if (c.kind === 'entity') return 'ELEC';
  return RIS_TYPES[c.type] ?? 'GEN';
}

/** `2023/06/01`, `2023/06`, `2023`. */
export function risDate(d: CiteDate): string {
  return [String(d.year), d.month && pad(d.month), d.month && d.day && pad(d.day)].filter(Boolean).join('/');
}

/**
 * An RIS record: `TAG  - value` lines (values on one line), ending with `ER  - `. Corporate
 * authors go in AU without a comma, which RIS readers keep as one name.
 */
export function ris(c: Citation): string {
  const lines: [string, string][] = [];
  const type = risType(c);
  lines.push(['TY', type]);
  lines.push(['TI', c.title]);
  for (const a of c.authors) lines.push(['AU', a.name]);
  if (c.issued) {
    lines.push(['PY', String(c.issued.year)]);
    if (c.issued.month) lines.push(['DA', risDate(c.issued)]);
  }
  if (c.container) lines.push(['T2', c.container.title]);
  if (c.kind === 'entity') lines.push(['T2', KB_NAME]);
  // M3 is the type of work for reports, theses and web pages only (elsewhere readers take it for a DOI).
  if (type === 'RPRT' || type === 'THES' || type === 'ELEC') lines.push(['M3', c.kind === 'entity' ? `${c.typeLabel} 항목` : c.typeLabel]);
  for (const p of c.kind === 'entity' ? [] : c.publishers) lines.push(['PB', p]);
  if (c.kind !== 'entity') lines.push(['DB', KB_NAME]);
  lines.push(['LA', 'ko']);
  lines.push(['UR', c.url]);
  lines.push(['ER', '']);
  return lines.map(([tag, value]) => `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`).join('\n');
}

/* ------------------------------------------------------------------------------------------ */
/* CSL-JSON                                                                                     */
/* ------------------------------------------------------------------------------------------ */

const CSL_TYPES: Record<string, string> = {
  'press-release': 'report',
  plan: 'report',
  'plan-summary': 'report',
  report: 'report',
  'report-summary': 'report',
  call: 'report',
  rfp: 'report',
  news: 'article-newspaper',
  thesis: 'thesis',
};

export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: { literal: string }[];
  issued?: { 'date-parts': number[][] };
  'container-title'?: string;
  publisher?: string;
  genre?: string;
  source?: string;
  language: string;
  URL: string;
}

export function cslItem(c: Citation): CslItem {
  const type = c.kind === 'measure' || c.kind === 'section' ? 'chapter' : c.kind === 'entity' ? 'webpage' : (CSL_TYPES[c.type] ?? 'document');
  const parts = c.issued ? [c.issued.year, c.issued.month, c.issued.month && c.issued.day].filter((n): n is number => typeof n === 'number' && n > 0) : [];
  return {
    id: bibtexKey(c),
    type,
    title: c.title,
    ...(c.authors.length > 0 ? { author: c.authors.map((a) => ({ literal: a.name })) } : {}),
    ...(parts.length > 0 ? { issued: { 'date-parts': [parts] } } : {}),
    ...(c.container ? { 'container-title': c.container.title } : c.kind === 'entity' ? { 'container-title': KB_NAME } : {}),
    ...(c.kind !== 'entity' && c.publishers.length > 0 ? { publisher: c.publishers.join(', ') } : {}),
    genre: c.kind === 'entity' ? `${c.typeLabel} 항목` : c.kind === 'measure' ? '정책 과제' : c.kind === 'section' ? '절' : c.typeLabel,
    ...(c.kind !== 'entity' ? { source: KB_NAME } : {}),
    language: 'ko',
    URL: c.url,
  };
}

/** CSL-JSON: an array of one item, as reference managers import it; one field a line. */
export function cslJson(c: Citation): string {
  const fields = Object.entries(cslItem(c)).map(([key, value]) => `    ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `[\n  {\n${fields.join(',\n')}\n  }\n]`;
}

/* ------------------------------------------------------------------------------------------ */
/* Metadata in <head>                                                                           */
/* ------------------------------------------------------------------------------------------ */

export interface MetaTag {
  name: string;
  content: string;
}

/**
 * Highwire Press tags (Google Scholar, Zotero): the publication date as `YYYY/MM/DD` or, when
 * the day is not known, `YYYY` (the only two forms Google Scholar reads). A measure names its
 * document as `citation_book_title` (Zotero: a book section); a report-like document its
 * publishers as `citation_technical_report_institution` (Zotero: a report).
 */
export function highwireTags(c: Citation): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'citation_title', content: c.title }];
  for (const a of c.authors) tags.push({ name: 'citation_author', content: a.name });
  if (c.issued) tags.push({ name: 'citation_publication_date', content: c.issued.day ? risDate(c.issued) : String(c.issued.year) });
  if (c.container) tags.push({ name: 'citation_book_title', content: c.container.title });
  if (c.kind === 'document' && risType(c) === 'RPRT' && c.publishers.length > 0) tags.push({ name: 'citation_technical_report_institution', content: c.publishers.join(', ') });
  for (const p of c.publishers) tags.push({ name: 'citation_publisher', content: p });
  tags.push({ name: 'citation_public_url', content: c.url });
  tags.push({ name: 'citation_abstract_html_url', content: c.url });
  tags.push({ name: 'citation_language', content: 'ko' });
  return tags.map(oneLine);
}

/** Dublin Core (`DC.*`): the date in W3CDTF at its precision, the permalink as identifier. */
export function dublinCoreTags(c: Citation): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'DC.title', content: c.title }];
  for (const a of c.authors) tags.push({ name: 'DC.creator', content: a.name });
  if (c.issued) tags.push({ name: 'DC.date', content: isoDate(c.issued) });
  tags.push({ name: 'DC.identifier', content: c.url });
  for (const p of c.publishers) tags.push({ name: 'DC.publisher', content: p });
  tags.push({ name: 'DC.language', content: 'ko' });
  tags.push({ name: 'DC.type', content: 'Text' });
  if (c.container) tags.push({ name: 'DC.relation', content: c.container.url });
  if (c.sourceUrl) tags.push({ name: 'DC.source', content: c.sourceUrl });
  return tags.map(oneLine);
}

function oneLine(t: MetaTag): MetaTag {
  return { name: t.name, content: t.content.replace(/\s+/g, ' ').trim() };
}

const SCHEMA_TYPES: Record<string, string> = {
  'press-release': 'Report',
  plan: 'Report',
  'plan-summary': 'Report',
  report: 'Report',
  'report-summary': 'Report',
  call: 'Report',
  rfp: 'Report',
  news: 'NewsArticle',
  thesis: 'Thesis',
};

type JsonObject = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

function website(c: Citation): JsonObject {
  return { '@type': 'WebSite', name: KB_NAME, url: new URL('/', c.url).href };
}

const agent = (a: Creator): JsonObject => ({ '@type': a.type === 'person' ? 'Person' : 'Organization', name: a.name });

function aboutNode(a: CitationAbout): JsonObject {
  const node: JsonObject = { '@type': a.type, name: a.name };
  if (a.alternateNames.length > 0) node.alternateName = a.alternateNames;
  if (a.description) node.description = a.description;
  if (a.type.endsWith('Organization')) {
    if (a.from) node.foundingDate = a.from;
    if (a.until) node.dissolutionDate = a.until;
  }
  if (a.partOf) node.isPartOf = { '@type': 'CreativeWork', name: a.partOf.title, url: a.partOf.url };
  return node;
}

/**
 * schema.org: a document is a Report, NewsArticle, Thesis or CreativeWork on the knowledge
 * base's WebSite; a measure a CreativeWork that `isPartOf` its document; an entity or case page a
 * WebPage `about` a GovernmentOrganization, Organization, Place, Legislation … .
 */
export function jsonLd(c: Citation): JsonObject {
  const common: JsonObject = {
    '@context': 'https://schema.org',
    '@id': c.url,
    url: c.url,
    name: c.title,
    inLanguage: 'ko',
  };
  if (c.authors.length > 0) common.author = c.authors.map(agent);
  if (c.issued) common.datePublished = isoDate(c.issued);
  if (c.kind === 'entity') {
    return { ...common, '@type': 'WebPage', publisher: { '@type': 'Organization', name: KB_NAME }, isPartOf: website(c), about: c.about.map(aboutNode) };
  }
  const publisher: JsonObject = c.publishers.length > 0 ? { publisher: c.publishers.map((name): JsonObject => ({ '@type': 'Organization', name })) } : {};
  const genre: JsonObject = { genre: c.typeLabel };
  const basedOn: JsonObject = c.sourceUrl ? { isBasedOn: c.sourceUrl } : {};
  const about: JsonObject = c.about.length > 0 ? { about: c.about.map(aboutNode) } : {};
  if (c.kind === 'measure' && c.container) {
    return {
      ...common,
      '@type': 'CreativeWork',
      headline: c.title,
      genre: '정책 과제',
      ...publisher,
      isPartOf: { '@type': SCHEMA_TYPES[c.container.type] ?? 'CreativeWork', '@id': c.container.url, name: c.container.title, url: c.container.url, genre: c.container.typeLabel, isPartOf: website(c) },
      ...about,
      ...basedOn,
    };
  }
  return { ...common, '@type': SCHEMA_TYPES[c.type] ?? 'CreativeWork', headline: c.title, ...genre, ...publisher, isPartOf: website(c), ...basedOn };
}

/**
 * The text of a `<script type="application/ld+json">`: JSON with `<`, `>` and `&` as `\u003c`
 * `\u003e` `\u0026` (source text can never close the element or open a comment) and the line
 * separators U+2028/2029 escaped. JSON parsers read it back unchanged.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
