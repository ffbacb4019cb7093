/**
 * Hostile-input suite for metadata, overrides and registries (issue 12): fast-check drives
 * meta.yaml, overrides.yaml and the registry files with random text, YAML token soup, alias
 * chains, and valid files whose fields are replaced by random values. The contract, whatever
 * the input: the compiler returns (never throws), and either compiles or stops with messages
 * that each name a file, a line and a column, carry a known rule id and say what was expected.
 *
 * Seeded (FC_SEED) and bounded (FC_RUNS scales the run counts), so the unit loop stays fast and
 * a failure reproduces; fast-check prints the counterexample and the path to replay it.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { VFile } from 'vfile';
import { compileDocument } from '../../src/compiler/compile.ts';
import { registryFromTexts, type RegistryFileName } from '../../src/compiler/knowledge/registry.ts';
import { RULES } from '../../src/compiler/rules.ts';
import { formatMessage } from '../../src/compiler/messages.ts';
import { expandLexicon, type LexiconWire } from '../../src/search/lexicon.ts';
import { parseQuery, withPredecessors, formsWithPredecessors } from '../../src/search/client/query.ts';
import { own } from '../../src/search/client/own.ts';

const SEED = Number(process.env.FC_SEED ?? 20240229);
const FACTOR = Number(process.env.FC_RUNS ?? 1);
const runs = (n: number) => ({ seed: SEED, numRuns: Math.max(1, Math.round(n * FACTOR)) });

const ID = '2024-hostile-doc';
const DIR = `content/sources/${ID}`;
const META = { title: '시험 문서', kind: 'other', issued: '2024-02-29', publishers: ['시험기관'], authors: 'unknown', sourceUrl: 'unknown' };
// A source with a caption, a pipe table and plain lines, so overrides have something to hit.
const SOURCE = ['제1장 서론', '', '<표 1-1> 지원 현황', '구분 2022 2023', '기업 10 20', '자료: 시험', '', '가 |', '나 |', '다 |', '라 |', '', '끝 줄이다.', ''].join('\n');

/** How often each rule (and `compiled`) was reached, so the generators are known to reach them. */
const reached = new Map<string, number>();
const count = (key: string) => reached.set(key, (reached.get(key) ?? 0) + 1);

/** The contract every message must meet. */
function checkMessages(files: VFile[], yamlFiles: RegExp): void {
  for (const f of files) {
    for (const m of f.messages) {
      const text = formatMessage(m);
      count(m.ruleId ?? 'none');
      expect(m.ruleId && Object.hasOwn(RULES, m.ruleId), text).toBe(true);
      expect(m.source, text).toBe('kb');
      expect(m.file, text).toBeTruthy();
      if (yamlFiles.test(m.file ?? '')) {
        expect(m.line, text).toBeGreaterThanOrEqual(1);
        expect(m.column, text).toBeGreaterThanOrEqual(1);
      }
      expect(m.reason, text).toMatch(/^Unexpected /u);
      expect(m.reason, text).not.toMatch(/\[object Object\]|undefined/u);
    }
  }
}

function compile(meta: string | null, overrides: string | null) {
  // Never throws: an exception here fails the property.
  const { result, files } = compileDocument({ id: ID, dir: DIR, source: new TextEncoder().encode(SOURCE), meta, overrides });
  checkMessages(files, /\.yaml$/u);
  const fatal = files.flatMap((f) => f.messages).filter((m) => m.fatal);
  // Stops exactly when something is fatal, and then says so.
  expect(result === null, fatal.map(formatMessage).join('\n')).toBe(fatal.length > 0);
  if (result) count('compiled');
  return { result, files };
}

// ——— Generators ———

/** Pieces of YAML syntax, of the schemas' keys and of known attacks, glued at random. */
const TOKENS = [
  'title:', 'kind:', 'issued:', 'publishers:', 'authors:', 'sourceUrl:', 'headings:', 'sections:', 'zones:', 'tables:', 'tableHeaders:',
  'before:', 'line:', 'from:', 'to:', 'expect:', 'key:', 'id:', 'figure:', 'cells:', 'columns:', 'name:', 'aliases:', 'predecessors:', 'successors:',
  ' ', ' ', '\n', '\n', '\n  ', '\n  - ', '- ', '  ', '\t', '\r\n', '\r', '&a ', '&b ', '*a', '*b', '[', ']', '{', '}', ',', ': ', ':', '"', "'", '\\',
  '!!str ', '!!binary ', '!!map ', '!!set ', '!<tag:yaml.org,2002:str> ', '%YAML 1.2\n', '---\n', '...\n', '# 주석', '|\n', '>-\n', '? ', '<<: *a',
  '\u0000', '\uFEFF', '\u202E', '\uD800', '__proto__', 'constructor', 'prototype', 'javascript:alert(1)', 'https://example.go.kr/', 'data:,x',
  '2024-02-31', '2024-13', '0000', 'unknown', 'null', '~', 'true', '-1', '0', '1e400', '0x1F', '.nan', '3', '99999999999999999999', 'tbl-1-1', 'fig-1-1',
  '제1장', '끝', '가', '시험기관', '"   "', 'press-release', 'chapter', 'L3', 'main', 'toc-1',
];
const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(''));
const rawText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }));

/** An anchor chain: each level a list of `fan` aliases of the level before (a bomb when large). */
const aliasChain = fc.record({ depth: fc.integer({ min: 1, max: 12 }), fan: fc.integer({ min: 1, max: 12 }), key: fc.constantFrom('title', 'publishers', 'headings', 'x') }).map(({ depth, fan, key }) => {
  const lines = ['l0: &l0 ["x"]'];
  for (let d = 1; d <= depth; d++) lines.push(`l${d}: &l${d} [${Array.from({ length: fan }, () => `*l${d - 1}`).join(', ')}]`);
  lines.push(`${key}: *l${depth}`);
  return `${lines.join('\n')}\n`;
});

/** A value of any shape (what a careless edit or a hostile file puts in a field). */
const anyValue = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: false, withDate: true, withMap: false, withSet: false, withTypedArray: false, withSparseArray: true }),
  fc.constantFrom('', '   ', '\u0000', 'javascript:alert(1)', '2024-02-31', '__proto__', -1, 0, 1e309, Number.NaN, [], {}, null, 'unknown', 'https://x.example.go.kr/'),
);
/** Turns a value into YAML text the way a person might write it; values YAML cannot hold become text. */
function yamlOf(value: unknown): string {
  try {
    return stringify(value, { aliasDuplicateObjects: false });
  } catch {
    return String(value);
  }
}
/** A valid object with some fields replaced, removed or added. */
function mutated(base: Record<string, unknown>, keys: string[]) {
  return fc
    .record({ replace: fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: 3 }), drop: fc.subarray(keys, { maxLength: 2 }), extra: fc.dictionary(fc.constantFrom('titel', '__proto__', 'constructor', 'kye', 'colums'), anyValue, { maxKeys: 1 }) })
    .map(({ replace, drop, extra }) => {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const [k, v] of Object.entries(base)) if (!drop.includes(k)) out[k] = v;
      for (const [k, v] of Object.entries(replace)) out[k] = v;
      for (const [k, v] of Object.entries(extra)) out[k] = v;
      return yamlOf({ ...out });
    });
}

const metaText = fc.oneof(rawText, soup, aliasChain, mutated(META, Object.keys(META)));

const line = fc.integer({ min: -2, max: 20 });
const expectOf = fc.constantFrom('제1장', '<표', '구분', '가', '나', '끝', '없는 글', '', ' ');
const overrideEntry = fc.oneof(
  fc.record({ kind: fc.constant('headings'), e: fc.record({ before: line, expect: expectOf, key: fc.constantFrom('chapter', 'num'), num: fc.constant('제 2 장'), title: fc.constantFrom('가짜', ' '), id: fc.constantFrom('intro', 'main', 'L3', 'fn-1') }, { requiredKeys: ['before', 'expect', 'key', 'title'] }) }),
  fc.record({ kind: fc.constant('sections'), e: fc.record({ line, expect: expectOf, title: fc.constant('머리말'), id: fc.constantFrom('front', 'toc-x', 'cite-panel') }) }),
  fc.record({ kind: fc.constant('zones'), e: fc.record({ figure: fc.constantFrom('tbl-1-1', 'fig-1-1', 'tbl-9-9'), from: line, to: line, expect: expectOf }) }),
  fc.record({ kind: fc.constant('tables'), e: fc.record({ line, expect: expectOf, columns: fc.integer({ min: 0, max: 5 }) }) }),
  fc.record({ kind: fc.constant('tableHeaders'), e: fc.record({ figure: fc.constantFrom('tbl-1-1', 'tbl-9-9'), cells: fc.array(fc.constantFrom('구분', '2022', '2023', '구분 2022'), { maxLength: 3 }) }) }),
);
const structuredOverrides = fc.array(overrideEntry, { maxLength: 5 }).map((entries) => {
  const out: Record<string, unknown[]> = {};
  for (const { kind, e } of entries) (out[kind] ??= []).push(e);
  return yamlOf(out);
});
const overridesText = fc.oneof(rawText, soup, aliasChain, structuredOverrides, mutated({ headings: [], tables: [] }, ['headings', 'tables', 'zones']));

// ——— Properties ———

describe('fuzzing meta.yaml and overrides.yaml: compiles or stops with positioned messages', () => {
  test('meta.yaml', () => {
    fc.assert(fc.property(metaText, (meta) => void compile(meta, null)), runs(300));
  });

  test('overrides.yaml', () => {
    fc.assert(fc.property(overridesText, (overrides) => void compile(yamlOf(META), overrides)), runs(300));
  });

  test('structured overrides: an entry that lands nowhere is never silently ignored', () => {
    fc.assert(
      fc.property(structuredOverrides, (overrides) => {
        const { result, files } = compile(yamlOf(META), overrides);
        if (!result) return;
        // Every entry in a compiled document was applied by the plugin it is meant for.
        const applied = files.find((f) => f.path.endsWith('source.txt'))!.data.overridesApplied ?? new Set();
        const o = result.files.find((f) => f.path.endsWith('source.txt'))!.data.overrides!;
        for (const list of Object.values(o)) for (const e of list as object[]) expect(applied.has(e), JSON.stringify(e)).toBe(true);
      }),
      runs(300),
    );
  });
});

// Registries: a small pool of ids so duplicates, unknown links and cycles are frequent.
const IDS = ['a', 'b', 'c', 'd', 'e'];
const link = fc.record({ id: fc.constantFrom(...IDS, 'ghost'), date: fc.constantFrom('2001', '2024-02-31', '2008-02-29') }, { requiredKeys: ['id'] });
const agency = fc.record(
  {
    id: fc.constantFrom(...IDS),
    name: fc.constantFrom('기획재정부', '   ', '', '특허청', '__proto__'),
    kind: fc.constantFrom('ministry', 'agency', 'nope'),
    sources: fc.constantFrom([{ ref: 'https://www.law.go.kr/' }], [{ ref: 'javascript:alert(1)' }], [], [{ ref: 'content/sources/x/source.txt:L3' }]),
    predecessors: fc.array(link, { maxLength: 2 }),
    successors: fc.array(link, { maxLength: 2 }),
    from: fc.constantFrom('2001', '2024-02-30', '1999-12'),
  },
  { requiredKeys: ['id', 'name', 'kind', 'sources'] },
);
const law = fc.record({ id: fc.constantFrom('act-a', 'a'), name: fc.constant('어떤 법'), kind: fc.constant('act'), agency: fc.constantFrom(...IDS, 'ghost'), sources: fc.constant([{ ref: 'https://www.law.go.kr/' }]) });
const registryText = fc.oneof(rawText, soup, aliasChain, fc.array(agency, { maxLength: 6 }).map(yamlOf), fc.array(law, { maxLength: 3 }).map(yamlOf));
const FILE_NAMES: RegistryFileName[] = ['agencies', 'laws', 'programs', 'places', 'organizations', 'glossary', 'related'];

/** True when the "came from" graph of the parsed agencies has a cycle. */
function hasCycle(agencies: { id: string; predecessors?: { id: string }[]; successors?: { id: string }[] }[]): boolean {
  const ids = new Set(agencies.map((a) => a.id));
  const earlier = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    if (from === to || !ids.has(from) || !ids.has(to)) return;
    if (!earlier.has(to)) earlier.set(to, new Set());
    earlier.get(to)!.add(from);
  };
  for (const a of agencies) {
    for (const p of a.predecessors ?? []) add(p.id, a.id);
    for (const s of a.successors ?? []) add(a.id, s.id);
  }
  // Repeatedly remove agencies with no earlier one; what remains lies on or behind a cycle.
  const left = new Set(ids);
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of left) {
      if ([...(earlier.get(id) ?? [])].every((p) => !left.has(p))) {
        left.delete(id);
        changed = true;
      }
    }
  }
  return left.size > 0;
}

describe('fuzzing the registries: loads or reports positioned messages', () => {
  test('any registry file text', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...FILE_NAMES), registryText, { maxKeys: 3 }), (texts) => {
        const registry = registryFromTexts(texts);
        checkMessages(registry.files, /\.yaml$/u);
        for (const f of registry.files) for (const m of f.messages) expect(m.line, formatMessage(m)).toBeGreaterThanOrEqual(1);
      }),
      runs(300),
    );
  });

  test('lineage: a circular chain of predecessors is always reported, and only then', () => {
    const valid = agency.map((a) => ({ ...a, name: '기관', kind: 'ministry', sources: [{ ref: 'https://www.law.go.kr/' }], from: '2001', predecessors: a.predecessors?.map((l) => ({ id: l.id })), successors: a.successors?.map((l) => ({ id: l.id })) }));
    const unique = fc.uniqueArray(valid, { selector: (a) => a.id, maxLength: 5 });
    fc.assert(
      fc.property(unique, (agencies) => {
        const registry = registryFromTexts({ agencies: yamlOf(agencies) });
        checkMessages(registry.files, /\.yaml$/u);
        const circular = registry.files.flatMap((f) => f.messages).filter((m) => /circular lineage/u.test(m.reason));
        expect(circular.length > 0, yamlOf(agencies)).toBe(hasCycle(agencies));
      }),
      runs(300),
    );
  });
});

describe('keys that come from input never reach Object.prototype', () => {
  const lexicon = expandLexicon({ v: 2, e: [['agency:moef', ['기획재정부', '기재부']], ['agency:mofe', ['재정경제부'], [0]]], nostrip: [] } as unknown as LexiconWire);
  test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', 'valueOf'])('%s as a query word or an agency id', (word) => {
    expect(() => parseQuery(`${word} 기재부`, lexicon)).not.toThrow();
    expect(parseQuery(word, lexicon).terms.join(' ')).not.toContain('object');
    expect(withPredecessors([word], lexicon)).toEqual([word]);
    expect(formsWithPredecessors(`agency:${word}`, lexicon)).toEqual([]);
    expect(formsWithPredecessors(word, lexicon)).toEqual([]);
    // Facet counts as Pagefind returns them (plain objects): `?agency=__proto__` counts 0.
    const counts: Record<string, number> = JSON.parse('{"moef": 3}') as Record<string, number>;
    expect(own(counts, word) ?? 0).toBe(0);
    expect(own(counts, 'moef')).toBe(3);
    // A lexicon built without null prototypes is still looked up safely.
    const plain = { names: { 기재부: ['agency:moef'] }, entities: { 'agency:moef': { n: '기획재정부', f: ['기획재정부', '기재부'] } }, nostrip: [] };
    expect(() => parseQuery(`${word} 기재부`, plain)).not.toThrow();
    expect(withPredecessors([word], plain)).toEqual([word]);
  });
});

test('the generators reach every metadata, override and registry error, and valid files too', () => {
  const wanted = ['compiled', 'yaml/alias-limit', 'meta/syntax', 'meta/invalid', 'override/invalid', 'override/unknown-target', 'override/unused', 'override/reserved-id', 'registry/invalid', 'registry/duplicate-id', 'registry/lineage'];
  if (process.env.FC_TALLY) console.log(JSON.stringify(Object.fromEntries(reached)));
  expect(wanted.filter((k) => !reached.has(k)), JSON.stringify(Object.fromEntries(reached))).toEqual([]);
});
