/**
 * The /data/ exports are a contract (product.md "Data exported at /data/"): the built files
 * must match the JSON Schemas published next to them, and every id and url in them must
 * resolve in the built site. Schemas are checked with zod's JSON Schema import.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const dist = path.resolve(import.meta.dirname, '../../dist');
const read = (file: string) => JSON.parse(readFileSync(path.join(dist, 'data', file), 'utf8'));
const schemaOf = (file: string) => z.fromJSONSchema(read(file.replace(/\.json$/, '.schema.json')));

/** The built file of a site path, and whether it holds the anchor, if any. */
function resolves(url: string): boolean {
  const [pathname, anchor] = url.split('#') as [string, string | undefined];
  const file = path.join(dist, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '');
  if (!existsSync(file)) return false;
  return !anchor || readFileSync(file, 'utf8').includes(` id="${decodeURIComponent(anchor)}"`);
}

describe.each(['documents.json', 'entities.json', 'measures.json', 'timeline.json'])('/data/%s', (file) => {
  test('matches its JSON Schema', () => {
    const result = schemaOf(file).safeParse(read(file));
    expect(result.success ? [] : result.error.issues.slice(0, 10)).toEqual([]);
  });

  test('the schema is not vacuous: it rejects a row without its url', () => {
    const rows = read(file) as Record<string, unknown>[];
    if (rows.length === 0) return;
    const { url: _url, ...broken } = rows[0]!;
    expect(schemaOf(file).safeParse([broken]).success).toBe(false);
  });

  test('is listed on /data/ with its schema', () => {
    const html = readFileSync(path.join(dist, 'data/index.html'), 'utf8');
    expect(html).toContain(`href="/data/${file}"`);
    expect(html).toContain(`href="/data/${file.replace(/\.json$/, '.schema.json')}"`);
  });
});

test('documents.json: every document, with its page, publishers as agency ids where the registry knows them', () => {
  const documents = read('documents.json') as { id: string; url: string; publishers: string[] }[];
  const entities = read('entities.json') as { id: string; type: string; name: string; aliases: string[] }[];
  expect(documents.length).toBeGreaterThanOrEqual(5);
  for (const d of documents) expect(resolves(d.url), d.url).toBe(true);
  for (const name of documents.flatMap((d) => d.publishers)) {
    const agency = entities.find((e) => e.type === 'agency' && (e.name === name || e.aliases.includes(name)));
    expect(agency, `publisher "${name}" is a registered agency's name and should be exported as its id`).toBeUndefined();
  }
});

test('entities.json: every entity url and mention url resolves; lineage links name agencies', () => {
  const entities = read('entities.json') as { id: string; type: string; url: string; predecessors?: { id: string }[]; successors?: { id: string }[]; mentions: { documentId: string; url: string }[] }[];
  const agencies = new Set(entities.filter((e) => e.type === 'agency').map((e) => e.id));
  const broken: string[] = [];
  for (const e of entities) {
    if (!resolves(e.url)) broken.push(e.url);
    for (const m of e.mentions) if (!m.url.startsWith(`/docs/${m.documentId}/#`) || !resolves(m.url)) broken.push(`${e.id} → ${m.url}`);
    for (const l of [...(e.predecessors ?? []), ...(e.successors ?? [])]) if (!agencies.has(l.id)) broken.push(`${e.id} → agency ${l.id}`);
  }
  expect(broken.slice(0, 20)).toEqual([]);
});

test('measures.json: every measure page and source line resolves; dates and related measures name existing ids', () => {
  const measures = read('measures.json') as { id: string; documentId: string; url: string; sourceLines: [number, number]; dates: string[]; related: string[]; agencies: string[] }[];
  const timeline = read('timeline.json') as { id: string; measureId?: string }[];
  const entities = read('entities.json') as { id: string; type: string }[];
  const ids = new Set(measures.map((m) => m.id));
  const dated = new Set(timeline.map((t) => t.id));
  const agencies = new Set(entities.filter((e) => e.type === 'agency').map((e) => e.id));
  expect(measures.length).toBeGreaterThan(0);
  expect(ids.size).toBe(measures.length);
  const broken: string[] = [];
  for (const m of measures) {
    if (m.url !== `/measures/${m.id}/` || !resolves(m.url)) broken.push(m.url);
    if (!resolves(`/docs/${m.documentId}/source/#L${m.sourceLines[0]}`)) broken.push(`${m.id} → line ${m.sourceLines[0]}`);
    for (const d of m.dates) if (!dated.has(d)) broken.push(`${m.id} → date ${d}`);
    for (const r of m.related) if (!ids.has(r) || r.startsWith(`${m.documentId}--`)) broken.push(`${m.id} → related ${r}`);
    for (const a of m.agencies) if (!agencies.has(a)) broken.push(`${m.id} → agency ${a}`);
  }
  for (const t of timeline) if (t.measureId && !ids.has(t.measureId)) broken.push(`${t.id} → measure ${t.measureId}`);
  expect(broken.slice(0, 20)).toEqual([]);
});

test('timeline.json: in date order, every url lands on its block, precision matches the ISO form', () => {
  const timeline = read('timeline.json') as { id: string; documentId: string; date: { start: string; end?: string; precision: string }; url: string }[];
  expect(timeline.length).toBeGreaterThan(0);
  const starts = timeline.map((t) => t.date.start);
  expect(starts).toEqual([...starts].sort());
  const broken: string[] = [];
  const length = { year: 4, month: 7, day: 10, half: 7, quarter: 7 } as Record<string, number>;
  for (const t of timeline) {
    if (!t.url.startsWith(`/docs/${t.documentId}/#`) || !resolves(t.url)) broken.push(t.url);
    if (t.date.start.length !== length[t.date.precision]) broken.push(`${t.id}: ${t.date.start} at ${t.date.precision}`);
  }
  expect(broken.slice(0, 20)).toEqual([]);
});

test('entities.json: cases are entities of type "case" with their own page and the block where they begin', () => {
  const entities = read('entities.json') as { id: string; type: string; url: string; mentions: { url: string }[] }[];
  const cases = entities.filter((e) => e.type === 'case');
  expect(cases.length).toBeGreaterThan(0);
  for (const c of cases) {
    expect(c.url).toBe(`/cases/${c.id}/`);
    expect(resolves(c.url), c.url).toBe(true);
    expect(c.mentions).toHaveLength(1);
  }
  expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
});
