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

describe.each(['documents.json', 'entities.json'])('/data/%s', (file) => {
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
