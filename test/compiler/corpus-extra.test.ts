import { corpusExtraDir } from '../../scripts/lib/join-eval.ts';
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileText } from '../helpers.ts';

// Six real documents the compiler was not written for (../shared/corpus-extra).
const dir = corpusExtraDir(path.resolve(import.meta.dirname, '../..'));
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

describe.each(files)('%s', (file) => {
  const { result, messages } = compileText(readFileSync(path.join(dir, file)));

  test('compiles: no crash, nothing lost (coverage and round-trip checks pass)', () => {
    if (!result) throw new Error(messages.join('\n'));
    expect(result.record.stats.characters).toBeGreaterThan(1000);
  });

  test('finds headings or 개조식 structure, and its [표] tables', () => {
    const r = result!;
    const text = readFileSync(path.join(dir, file), 'utf8');
    const fences = (text.match(/^\[표\]$/gmu) ?? []).length;
    // Every fenced table is a table; tab-separated runs (a table of contents) are tables too.
    const fenced = r.tree.children.filter((b) => b.type === 'table' && r.record.lines[b.from - 1] === '[표]');
    expect(fenced).toHaveLength(fences);
    expect(r.record.stats.tables).toBeGreaterThanOrEqual(fences);
    expect(r.record.stats.headings + (r.mdx.match(/<Item /g) ?? []).length).toBeGreaterThan(5);
  });

  test('reports what it could not interpret as warnings, not silence', () => {
    // Warnings are data on the record (shown on the page), never thrown away.
    expect(result!.record.warnings.every((w) => w.ruleId && w.line >= 0)).toBe(true);
  });
});

test('press-release header facts are found in a release the rule was not written for', async () => {
  const { compileText } = await import('../helpers.ts');
  const file = path.join(dir, 'press-release_moef_2025-09_overseas-direct-investment-q2.txt');
  expect(compileText(readFileSync(file)).result!.record.facts.map((f) => `${f.label}: ${f.value}`)).toEqual(['보도시점: 2025. 9. 19.(금) 11:00', '배포: 2025. 9. 19.(금) 08:00']);
});
