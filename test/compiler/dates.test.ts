import { describe, expect, test } from 'vitest';
import { findDates, resolveYear } from '../../src/compiler/knowledge/dates.ts';

const one = (text: string, year: number | null = 2023) => {
  const found = findDates(text, year);
  return found.map((d) => ({ text: d.text.trim(), ...d.date, ...(d.open ? { open: d.open } : {}) }));
};

describe('korean-conventions.md date forms', () => {
  test.each([
    ['2023. 6. 1.(목)', { start: '2023-06-01', precision: 'day' }],
    ['2023.06.01.', { start: '2023-06-01', precision: 'day' }],
    ['’23.6월', { start: '2023-06', precision: 'month' }],
    ['‘23.4', { start: '2023-04', precision: 'month' }],
    ['(’23.10.)', { start: '2023-10', precision: 'month' }],
    ['’23.下', { start: '2023-07', end: '2023-12', precision: 'half' }],
    ['’23.上', { start: '2023-01', end: '2023-06', precision: 'half' }],
    ['’23.2Q', { start: '2023-04', end: '2023-06', precision: 'quarter' }],
    ['(’24~)', { start: '2024', precision: 'year', open: 'from' }],
    ['’24년~', { start: '2024', precision: 'year', open: 'from' }],
    ['~’25', { start: '2025', precision: 'year', open: 'until' }],
    ['(~’26년)', { start: '2026', precision: 'year', open: 'until' }],
    ["'10.2월", { start: '2010-02', precision: 'month' }],
    ['2026년 3월 23일', { start: '2026-03-23', precision: 'day' }],
    ['’23. 6. 1(목) 10:00', { start: '2023-06-01', precision: 'day' }],
  ])('%s', (text, expected) => {
    expect(one(text)).toMatchObject([expected]);
  });

  test('periods', () => {
    expect(one("최근 4년간('04~'08)", 2010)).toMatchObject([{ start: '2004', end: '2008', precision: 'year' }]);
    expect(one("크게 증가('04 → '08)했다", 2010)).toMatchObject([{ start: '2004', end: '2008' }]);
  });

  test('a target path gives one dated target per step', () => {
    const found = findDates('스케일업 TIPS 클러스터 기업 비중 : (’23) 22% → (‘24) 30% → (’27) 40%', 2023);
    expect(found.map((d) => [d.date.start, d.kind])).toEqual([['2023', 'target'], ['2024', 'target'], ['2027', 'target']]);
  });

  test('month.day takes the year from the document', () => {
    expect(one('윤석열 대통령은 6.1(목) 10:00', 2023)).toMatchObject([{ start: '2023-06-01', precision: 'day' }]);
    expect(one('수도권(4.20), 동남권(4.21)', 2010)).toMatchObject([{ start: '2010-04-20' }, { start: '2010-04-21' }]);
  });

  test('amendments are enactments', () => {
    expect(findDates('「국가연구개발 과제평가 표준지침」 개정(‘23.下)', 2023)[0]!.kind).toBe('enactment');
  });

  test.each([
    ['98', 2002, 1998],
    ['04', 2002, 2004],
    ['27', 2023, 2027],
    ['98', 2023, 1998],
    ['05', 2006, 2005],
  ])("two-digit year '%s in a %i text is %i", (two, doc, expected) => {
    expect(resolveYear(two, doc)).toBe(expected);
  });

  test('numbers that are not dates stay alone', () => {
    expect(one('지원금(최대1~3억원), 1.4%, 55.4% 배분, 7.2 배')).toEqual([]);
  });
});

test('a date followed by a comma is not a target step', () => {
  const found = findDates('Young Science Frontier(’24~), Boston-Korea 프로젝트(’24~)', 2023);
  expect(found.map((d) => d.kind)).toEqual(['period', 'period']);
  expect(findDates('한-미 나노포럼(‘23.4), 퀀텀 코리아2023(’23.6)', 2023).map((d) => d.kind)).toEqual(['event', 'event']);
});

describe('open ranges and dates without a year', () => {
  test.each([
    ['’23.7월~', { start: '2023-07', precision: 'month', open: 'from' }],
    ['‘26년까지', { start: '2026', precision: 'year', open: 'until' }],
    ['지난 4월 미 국빈방문', { start: '2023-04', precision: 'month' }],
    ['6.1(목) 10:00', { start: '2023-06-01', precision: 'day' }],
  ])('%s', (text, expected) => {
    expect(one(text)).toMatchObject([expected]);
  });
  test('deadlines are targets; the text keeps its 까지', () => {
    const [d] = findDates('특화펀드 조성(‘26년까지)', 2023);
    expect(d).toMatchObject({ text: '‘26년까지', kind: 'target', open: 'until' });
  });
  test('months inside other words are not dates', () => {
    expect(one('12개월 과정, 3월호')).toEqual([]);
  });
});

test('ISO dates', () => {
  expect(one('등록일2002-11-01', 2002)).toMatchObject([{ start: '2002-11-01', precision: 'day' }]);
  expect(one('(2023-06 기준)', 2023)).toMatchObject([{ start: '2023-06', precision: 'month' }]);
  expect(one('1982-85년, 2004-2008')).toMatchObject([{ start: '2004', end: '2008' }]);
});

test('years relative to the document', () => {
  expect(one('개편 방안을 마련하여 올해부터 시행한다', 2010)).toMatchObject([{ start: '2010', open: 'from' }]);
  expect(one('지난해 대비 증가', 2023)).toMatchObject([{ start: '2022' }]);
  expect(one('내년에 착수', 2023)).toMatchObject([{ start: '2024' }]);
  expect(one('올해의 성과', null)).toEqual([]);
});
