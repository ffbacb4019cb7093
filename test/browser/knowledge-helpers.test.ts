/**
 * Tables for the pure helpers behind the measure, timeline and case pages
 * (src/site/lib/knowledge.ts, the item URLs in urls.ts). No browser needed.
 */
import { expect, test } from 'vitest';
import type { TocEntry } from '../../src/compiler/contract.ts';
import { withJosa } from '../../src/site/lib/format.ts';
import { compareTimeline, formatTimelineDate, headingTrail, measureBlocks, segmentsOf, timelineAgencies, timelineExcerpts, type TimelineItem } from '../../src/site/lib/knowledge.ts';
import { asCaseId, asMeasureId, casePath, measureIndexFilteredPath, measurePath, timelinePath } from '../../src/site/lib/urls.ts';

test.each([
  [{ date: { start: '2023', precision: 'year' } }, '2023년'],
  [{ date: { start: '2023-06', precision: 'month' } }, '2023년 6월'],
  [{ date: { start: '2023-06-01', precision: 'day' } }, '2023년 6월 1일'],
  [{ date: { start: '2023-07', end: '2023-12', precision: 'half' } }, '2023년 하반기'],
  [{ date: { start: '2023-04', end: '2023-06', precision: 'quarter' } }, '2023년 2분기'],
  [{ date: { start: '2004', end: '2008', precision: 'year' } }, '2004년 – 2008년'],
  [{ date: { start: '2024', precision: 'year' }, open: 'from' }, '2024년부터'],
  [{ date: { start: '2025', precision: 'year' }, open: 'until' }, '2025년까지'],
] as const)('formatTimelineDate(%o) is %s', (item, expected) => {
  expect(formatTimelineDate(item as Pick<TimelineItem, 'date' | 'open'>)).toBe(expected);
});

const item = (id: string, start: string, line: number, documentId = 'd'): TimelineItem => ({ id, documentId, date: { start, precision: 'year' }, kind: 'event', sourceText: start, context: '', line, anchor: `L${line}` });

test('compareTimeline sorts by start, a year before its months, then document and line', () => {
  const items = [item('d--L9-1', '2023-06', 9), item('d--L2-1', '2023', 2), item('d--L1-1', '2004', 1), item('c--L5-1', '2023', 5, 'c')];
  expect([...items].sort(compareTimeline).map((t) => t.id)).toEqual(['d--L1-1', 'c--L5-1', 'd--L2-1', 'd--L9-1']);
});

test('timelineAgencies: the measure’s agencies and those mentioned in the block, unique and sorted', () => {
  const doc = { mentions: [{ ref: 'agency:smba', kind: 'agency', text: '중소기업청', anchor: 'L7', line: 7 }, { ref: 'agency:moef', kind: 'agency', text: '기재부', anchor: 'L8', line: 8 }, { ref: null, kind: 'law', text: 'x', anchor: 'L7', line: 7 }] };
  expect(timelineAgencies({ anchor: 'L7' }, doc, { agencies: ['mss', 'smba'] })).toEqual(['mss', 'smba']);
  expect(timelineAgencies({ anchor: 'L8' }, doc)).toEqual(['moef']);
  expect(timelineAgencies({ anchor: 'L9' }, doc)).toEqual([]);
});

test.each([
  ['(TIPS 재설계) 스케일업 TIPS 운영', [{ text: 'TIPS', ref: 'program:tips' }, { text: '스케일업 TIPS', ref: 'program:scaleup-tips' }], ['(', 'TIPS*', ' 재설계) ', '스케일업 TIPS*', ' 운영']],
  ['a b', [{ text: 'zz', ref: 'x:y' }, { text: 'b', ref: 'x:b' }], ['a ', 'b*']],
  ['(’23) 22% → (‘24) 30%', [{ text: '’23', mark: true }, { text: '‘24', mark: true }], ['(', '’23*', ') 22% → (', '‘24*', ') 30%']],
])('segmentsOf(%s) cuts at each span in order, skipping one it cannot find', (text, spans, expected) => {
  expect(segmentsOf(text, spans).map((s) => (s.ref || s.mark ? `${s.text}*` : s.text))).toEqual(expected);
});

const toc: TocEntry[] = [
  { id: 'IV', depth: 1, title: '활성화 방안', line: 1 },
  { id: 'IV-1', depth: 2, title: '중앙정부', line: 2 },
  { id: 'IV-1-1', depth: 3, title: '규제', line: 3 },
  { id: 'IV-1-2', depth: 3, title: '협력', line: 9 },
] as TocEntry[];

test.each([
  ['IV-1-2', ['Ⅳ. 활성화 방안', '1. 중앙정부', '(2) 협력'], ['IV', 'IV-1', 'IV-1-2']],
  ['IV-1-2', ['(2) 협력'], ['IV-1-2']],
  ['IV-1-2', ['a', '(2) 협력'], [undefined, 'IV-1-2']],
  [null, ['a'], [undefined]],
])('headingTrail(%s, %o) anchors %o', (sectionId, path, anchors) => {
  expect(headingTrail(toc, sectionId, path).map((t) => t.anchor)).toEqual(anchors);
});

test('measureBlocks pairs the text lines with the blocks: items in order, then notes, with the source marker', () => {
  const doc = {
    lines: ['□ (TIPS 재설계) 클러스터 운영', '', 'ㅇ 운영사 선정시 가점', '확대*', '', '* 비중 : (’23) 22%'],
    lineAnchors: ['L1', null, 'L3', 'L3', null, 'fn-l6'],
  };
  const blocks = measureBlocks({ anchor: 'L1', sourceLines: [1, 6], text: '(TIPS 재설계) 클러스터 운영\n운영사 선정시 가점 확대\n비중 : (’23) 22%' }, doc);
  expect(blocks?.map((b) => [b.anchor, b.from, b.to, b.marker, b.note])).toEqual([
    ['L1', 1, 1, '□', false],
    ['L3', 3, 4, 'ㅇ', false],
    ['fn-l6', 6, 6, '*', true],
  ]);
  // A text that does not line up with the blocks is left to the caller.
  expect(measureBlocks({ anchor: 'L1', sourceLines: [1, 6], text: 'only one line' }, doc)).toBeUndefined();
});

test('timelineExcerpts marks the n-th occurrence for the n-th item with the same text on a line', () => {
  const doc = { lines: ['개정(’23.下), 시행(’23.下)'], lineAnchors: ['L1'] };
  const a = { ...item('d--L1-1', '2023-07', 1), sourceText: '’23.下' };
  const b = { ...item('d--L1-2', '2023-07', 1), sourceText: '’23.下' };
  const out = timelineExcerpts([b, a], doc);
  expect(out.get('d--L1-1')).toMatchObject({ before: '개정(', match: '’23.下' });
  expect(out.get('d--L1-2')?.before).toContain('시행(');
});

test.each([
  ['2023-delco-global-cluster-plan-summary--L102', '/measures/2023-delco-global-cluster-plan-summary--L102/'],
  ['2010-mke-industrial-complex-cluster--L27-1', '/measures/2010-mke-industrial-complex-cluster--L27-1/'],
  ['2006-thesis-innovation-cluster-gri-sme--4-2-2-na-1', '/measures/2006-thesis-innovation-cluster-gri-sme--4-2-2-na-1/'],
])('measurePath(%s) is %s', (id, url) => {
  expect(measurePath(asMeasureId(id))).toBe(url);
});

test.each(['L102', 'doc--', 'doc--L1/x', 'doc--사례', 'Doc--L1'])('asMeasureId rejects %s', (id) => {
  expect(() => asMeasureId(id)).toThrow(/Invalid measure id/);
});

test('casePath and the filtered list URLs', () => {
  expect(casePath(asCaseId('2023-delco-global-cluster-plan-summary--L28'))).toBe('/cases/2023-delco-global-cluster-plan-summary--L28/');
  expect(timelinePath()).toBe('/timeline/');
  expect(timelinePath({ agency: 'mss', lineage: true })).toBe('/timeline/?agency=mss&lineage=1');
  expect(timelinePath({ doc: 'd', kind: 'target', lineage: true })).toBe('/timeline/?doc=d&kind=target');
  expect(measureIndexFilteredPath({ doc: 'd' })).toBe('/measures/?doc=d');
});

test.each([
  ['기관', '이', '가', '기관이'],
  ['장소', '을', '를', '장소를'],
  ['법령·계획', '이', '가', '법령·계획이'],
  ['TIPS', '을', '를', 'TIPS을(를)'],
])('withJosa(%s, %s, %s) is %s', (word, a, b, expected) => {
  expect(withJosa(word, a, b)).toBe(expected);
});
