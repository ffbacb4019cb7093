import { expect, test } from 'vitest';
import { VFile } from 'vfile';
import { compileDocument } from '../../src/compiler/compile.ts';
import { knowledgeOf } from '../../src/compiler/knowledge/knowledge.ts';
import { entityRef, type Entity } from '../../src/compiler/knowledge/registry.ts';
import { formatMessage } from '../../src/compiler/messages.ts';
import { META, unescapeMdx } from '../helpers.ts';

const entity = (type: Entity['type'], id: string, name: string, more: Partial<Entity> = {}): Entity => ({
  ref: entityRef(type, id), type, id, name, aliases: [], titles: [], predecessors: [], successors: [], unverified: false, sources: [{ ref: 'test' }], ...more,
});
const registry = {
  entities: new Map([
    entity('agency', 'kipo', '특허청', { titles: ['특허청장'] }),
    entity('agency', 'mofe-1998', '재정경제부', { from: '1998-02-28', until: '2008-02-29' }),
    entity('agency', 'mofe-2026', '재정경제부', { from: '2026-01-02' }),
    entity('law', 'industrial-sites-act', '산업입지 및 개발에 관한 법률', { aliases: ['산업입지법'] }),
    entity('program', 'tips', 'TIPS'),
  ].map((e) => [e.ref, e])),
  files: [new VFile()],
  related: { add: [], remove: [], file: new VFile() },
};
const knowledge = knowledgeOf(registry);
const compile = (text: string, issued = '2023-06-01') => {
  const { result, files } = compileDocument({ id: '2023-06-01-test-doc', dir: 'content/sources/2023-06-01-test-doc', source: new TextEncoder().encode(text), meta: META.replace('"2024"', `"${issued}"`), overrides: null }, { knowledge });
  return { result: result!, messages: files.flatMap((f) => f.messages.map(formatMessage)) };
};

test('registry names become mentions in text, headings, items and footnotes; nothing is lost', () => {
  const { result: compiled } = compile('Ⅰ. 특허청 협력\n\n□ 클러스터-특허청 간 협력*\n\n* 특허청장이 주관하는 TIPS 연계\n\n「산업입지법」 개정\n');
  const result = { ...compiled, mdx: unescapeMdx(compiled.mdx) };
  expect(result.mdx).toContain('<M to="agency:kipo" kind="agency">특허청</M> 협력');
  expect(result.mdx).toContain('클러스터-<M to="agency:kipo" kind="agency">특허청</M> 간');
  expect(result.mdx).toContain('<M to="agency:kipo" kind="agency">특허청장</M>이');
  expect(result.mdx).toContain('「<M to="law:industrial-sites-act" kind="law">산업입지법</M>」');
  expect(result.record.mentions.map((m) => [m.ref, m.anchor])).toEqual([
    ['agency:kipo', 'I'],
    ['agency:kipo', 'L3'],
    ['agency:kipo', 'fn-l5'],
    ['program:tips', 'fn-l5'],
    ['law:industrial-sites-act', 'L7'],
  ]);
});

test('an unknown 「…」 instrument is marked and reported, not dropped', () => {
  const { result, messages } = compile('「지역공동 창업기업육성 프로그램」 운영\n');
  expect(result.mdx).toContain('「<M kind="law">지역공동 창업기업육성 프로그램</M>」');
  expect(messages).toContain('content/sources/2023-06-01-test-doc/source.txt:1:1 warning Unexpected unknown instrument 「지역공동 창업기업육성 프로그램」: not in content/registry/laws.yaml; shown as an unlinked name [kb:knowledge/unknown-name]');
});

test('a reused agency name resolves by the document date', () => {
  expect(compile('재정경제부 발표\n', '2005').result.record.mentions[0]!.ref).toBe('agency:mofe-1998');
  expect(compile('재정경제부 발표\n', '2026-03').result.record.mentions[0]!.ref).toBe('agency:mofe-2026');
});

test('a name followed by its own abbreviation in parentheses is one mention', () => {
  const { result } = compile('미국국립과학재단(NSF) 등과 협력\n'.replace('미국국립과학재단', '특허청').replace('NSF', '특허청장'));
  expect(result.record.mentions.map((m) => m.text)).toEqual(['특허청']);
});
