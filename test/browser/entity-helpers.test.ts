/**
 * Tables for the pure helpers behind the entity pages (src/site/lib/entity-catalog.ts).
 * They need no browser; they live here because test/browser/ is the site's test folder.
 */
import { expect, test } from 'vitest';
import { agencyForName, catalogOf, corpusSourceOf, excerptOf, mentionSummary, periodOf, type EntityRecord } from '../../src/site/lib/entity-catalog.ts';
import { withRo } from '../../src/site/lib/format.ts';
import { entityPath, entityRefPath } from '../../src/site/lib/urls.ts';

const agency = (id: string, name: string, more: Partial<EntityRecord> = {}): EntityRecord => ({
  ref: `agency:${id}`, type: 'agency', id, name, aliases: [], titles: [], predecessors: [], successors: [], unverified: false, sources: [{ ref: 'test' }], lineage: [id], mentions: [], ...more,
});

test.each([
  ['agency', 'kipo', '/agencies/kipo/'],
  ['law', 'industrial-sites-act', '/laws/industrial-sites-act/'],
  ['program', 'tips', '/programs/tips/'],
  ['place', 'daedeok', '/places/daedeok/'],
  ['organization', 'kicox', '/organizations/kicox/'],
  ['term', 'tacit-knowledge', '/glossary/#tacit-knowledge'],
] as const)('entityPath(%s, %s) is %s', (type, id, url) => {
  expect(entityPath(type, id)).toBe(url);
  expect(entityRefPath(`${type}:${id}`)).toBe(url);
});

test.each(['kipo', 'agency:', 'case:x', 'agency:Kipo'])('entityRefPath rejects %s', (ref) => {
  expect(() => entityRefPath(ref)).toThrow(/Invalid entity reference/);
});

test.each([
  [{ from: '1996-02-12', until: '2017-07-26' }, '1996년 2월 12일 – 2017년 7월 26일'],
  [{ from: '2017-07-26' }, '2017년 7월 26일 – 현재'],
  [{ from: '1977-03', successors: [{ id: 'x' }] }, '1977년 3월부터'],
  [{ until: '2013-03-23' }, '2013년 3월 23일까지'],
  [{}, undefined],
])('periodOf(%o) is %s', (dates, expected) => {
  expect(periodOf({ type: 'agency', successors: [], ...dates })).toBe(expected);
});

test.each([
  ['중소벤처기업부', '중소벤처기업부로'],
  ['특허청', '특허청으로'],
  ['지식재산처', '지식재산처로'],
  ['국토교통부', '국토교통부로'],
  ['기획예산실', '기획예산실로'],
  ['KIPO', 'KIPO(으)로'],
])('withRo(%s) is %s', (word, expected) => {
  expect(withRo(word)).toBe(expected);
});

test.each([
  ['content/sources/2023-06-01-moef-global-cluster-press/source.txt:L73', { documentId: '2023-06-01-moef-global-cluster-press', line: 73 }],
  ['content/sources/2006-thesis-innovation-cluster-gri-sme/source.txt', { documentId: '2006-thesis-innovation-cluster-gri-sme' }],
  ['2023-06-01-moef-global-cluster-press', { documentId: '2023-06-01-moef-global-cluster-press' }],
  ['shared/docs/korean-conventions.md', undefined],
  ['정부조직법 제37조', undefined],
])('corpusSourceOf(%s)', (ref, expected) => {
  expect(corpusSourceOf(ref)).toEqual(expected);
});

test('excerptOf marks the mention in a window of its line, from the given occurrence', () => {
  const line = '특히, 최경환 지식경제부 장관과 안현호 지식경제부 제1차관은 각각 대경권, 호남권 광역클러스터 비전 선포식에 참석했다.';
  expect(excerptOf(line, '지식경제부', 0, 12)).toEqual({ before: '특히, 최경환 ', match: '지식경제부', after: ' 장관과 안현호…' });
  expect(excerptOf(line, '지식경제부', line.indexOf('지식경제부') + 1, 12).before).toBe('…장관과 안현호 ');
  expect(excerptOf('특허\n청', '특허청').match).toBe('특허청');
});

test('agencyForName tells a reused name apart by the date, and the tooltip names the current agency', () => {
  const catalog = catalogOf([
    agency('mofe-1998', '재정경제부', { from: '1998-02-28', until: '2008-02-29' }),
    agency('mofe-2026', '재정경제부', { from: '2026-01-02' }),
    agency('kipo', '특허청', { aliases: ['KIPO'], successors: [{ id: 'ipo', date: '2025-10-01' }], lineage: ['kipo', 'ipo'] }),
    agency('ipo', '지식재산처', { predecessors: [{ id: 'kipo', date: '2025-10-01' }], lineage: ['kipo', 'ipo'] }),
  ]);
  expect(agencyForName(catalog, '재정경제부', '2006')?.id).toBe('mofe-1998');
  expect(agencyForName(catalog, '재정경제부', '2026-03')?.id).toBe('mofe-2026');
  expect(agencyForName(catalog, 'KIPO')?.id).toBe('kipo');
  expect(agencyForName(catalog, '델코지식정보')).toBeUndefined();
  expect(mentionSummary(catalog, catalog.agency('kipo'))).toBe('특허청 · 기관 · 현재: 지식재산처');
  expect(mentionSummary(catalog, catalog.agency('ipo'))).toBe('지식재산처 · 기관');
});

test('a split ministry: the tooltip names every branch it became, not its relatives', () => {
  const catalog = catalogOf([
    agency('mest', '교육과학기술부', { until: '2013-03-23', successors: [{ id: 'moe' }, { id: 'msip' }] }),
    agency('moe', '교육부', { from: '2013-03-23', predecessors: [{ id: 'mest' }] }),
    agency('msip', '미래창조과학부', { from: '2013-03-23', until: '2017-07-26', predecessors: [{ id: 'mest' }], successors: [{ id: 'msit' }] }),
    agency('msit', '과학기술정보통신부', { from: '2017-07-26', predecessors: [{ id: 'msip' }] }),
  ]);
  expect(mentionSummary(catalog, catalog.agency('mest'))).toBe('교육과학기술부 · 기관 · 현재: 교육부, 과학기술정보통신부');
  expect(mentionSummary(catalog, catalog.agency('msip'))).toBe('미래창조과학부 · 기관 · 현재: 과학기술정보통신부');
  expect(mentionSummary(catalog, catalog.agency('moe'))).toBe('교육부 · 기관');
});
