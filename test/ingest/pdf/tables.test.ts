/**
 * Borderless tables from aligned columns, on lines built by hand: columns whatever the
 * alignment inside them, wrapped cells, prose that must stay prose, and the flag when the
 * columns had to be guessed.
 */
import { describe, expect, it } from 'vitest';
import type { Line } from '../../../src/ingest/pdf/lines.ts';
import { findTables, type TableRegion } from '../../../src/ingest/pdf/tables.ts';

const SIZE = 10;
/** A line at `top` with segments [x0, text]; each character is one em wide. */
function line(top: number, ...cells: [number, string][]): Line {
  const segments = cells.map(([x0, text]) => ({ x0, x1: x0 + text.length * SIZE, text }));
  return {
    page: 1,
    text: segments.map((s) => s.text).join(' '),
    x0: segments[0]!.x0,
    x1: segments.at(-1)!.x1,
    top,
    bottom: top + SIZE,
    baseline: top + SIZE * 0.8,
    size: SIZE,
    bold: false,
    segments,
    runs: [],
  };
}
const join = (a: string, b: string) => `${a} ${b}`;
const tables = (lines: Line[]) => findTables(lines, join).filter((r): r is TableRegion => 'kind' in r);

describe('findTables', () => {
  it('reads left-, centre- and right-aligned columns and wrapped cells', () => {
    const [t] = tables([
      line(0, [60, '구분'], [200, '금액'], [330, '비고']),
      line(20, [40, '가나다'], [210, '100'], [300, '설명이 긴']),
      line(32, [300, '칸입니다']),
      line(52, [40, '라마'], [190, '2,000'], [300, '-']),
    ]);
    expect(t!.rows).toEqual([
      ['구분', '금액', '비고'],
      ['가나다', '100', '설명이 긴 칸입니다'],
      ['라마', '2,000', '-'],
    ]);
    expect(t!.flagged).toBe(false);
  });

  it('leaves prose with wide gaps alone: its gaps do not line up', () => {
    // The second line's first part runs under the first line's second part.
    const prose = [line(0, [40, '이것은 양쪽 맞춤'], [240, '문단의 첫 줄이다']), line(14, [40, '두 번째 줄은 넓은 간격이 더 뒤에 있다'], [340, '고 하자'])];
    expect(tables(prose)).toEqual([]);
  });

  it('merges columns that no row uses together, and flags the table as a guess', () => {
    // A centred header over short left-aligned cells: header and cells do not overlap.
    const [t] = tables([line(0, [110, '과제'], [310, '담당']), line(20, [40, '지정'], [240, '산업부']), line(40, [40, '고시'], [240, '국토부'])]);
    expect(t!.rows).toEqual([
      ['과제', '담당'],
      ['지정', '산업부'],
      ['고시', '국토부'],
    ]);
    expect(t!.flagged).toBe(true);
  });
});
