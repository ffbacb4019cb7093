import { describe, expect, it } from 'vitest';
import { readHwp } from '../../src/ingest/hwp/read-hwp.ts';
import { renderSource } from '../../src/ingest/write-source.ts';
import { IngestError } from '../../src/ingest/model.ts';
import { hwpNote, hwpTable, makeHwp } from './fixtures.ts';

const text = (bytes: Uint8Array) => renderSource(readHwp(bytes)).map((l) => l.text);

describe('HWP 5.0 reader', () => {
  it('reads paragraphs, tabs and line breaks, compressed or not', () => {
    for (const compressed of [true, false]) {
      const bytes = makeHwp([{ pieces: ['첫 문단'] }, { pieces: ['목차\t3'] }, { pieces: ['한 줄\n다음 줄'] }], { compressed });
      expect(text(bytes)).toEqual(['첫 문단', '목차\t3', '한 줄', '다음 줄']);
    }
  });

  it('reads a table from its records: cells by row and column, merged cells once', () => {
    const bytes = makeHwp([
      { pieces: ['표 앞'] },
      {
        pieces: [
          hwpTable(3, 3, [
            { row: 0, col: 0, text: ['구분'] },
            { row: 0, col: 1, colSpan: 2, text: ['내용'] },
            { row: 1, col: 0, rowSpan: 2, text: ['가', '(세부)'] },
            { row: 1, col: 1, text: ['1'] },
            { row: 1, col: 2, text: ['2'] },
            { row: 2, col: 1, text: ['3'] },
            { row: 2, col: 2, text: ['4'] },
          ]),
        ],
      },
    ]);
    const doc = readHwp(bytes);
    const table = doc.blocks.find((b) => b.type === 'table')!;
    expect(table.type === 'table' && table.cells.find((c) => c.row === 1 && c.col === 0)?.rowSpan).toBe(2);
    expect(text(bytes)).toEqual(['표 앞', '[표]', '| 구분 | 내용 |', '| 가 / (세부) | 1 | 2 |', '| 3 | 4 |', '[/표]']);
  });

  it('reads a one-row or one-cell table used as a frame as lines of text', () => {
    const bytes = makeHwp([{ pieces: [hwpTable(1, 3, [{ row: 0, col: 0, text: ['Ⅰ'] }, { row: 0, col: 1, text: [''] }, { row: 0, col: 2, text: ['사업 개요'] }])] }, { pieces: [hwpTable(1, 1, [{ row: 0, col: 0, text: ['상자 첫 줄', '상자 둘째 줄'] }])] }]);
    expect(text(bytes)).toEqual(['Ⅰ 사업 개요', '상자 첫 줄', '상자 둘째 줄']);
  });

  it('reads a floating table after the text of its paragraph', () => {
    const bytes = makeHwp([{ pieces: [hwpTable(2, 2, [{ row: 0, col: 0, text: ['a'] }, { row: 0, col: 1, text: ['b'] }, { row: 1, col: 0, text: ['c'] }, { row: 1, col: 1, text: ['d'] }], true), '나. 투여단계'] }]);
    expect(text(bytes)).toEqual(['나. 투여단계', '[표]', '| a | b |', '| c | d |', '[/표]']);
  });

  it('turns footnotes and endnotes into N) markers with their bodies after the block', () => {
    const bytes = makeHwp([{ pieces: ['본문에 각주', hwpNote('각주 내용.'), '가 있다', hwpNote('미주 내용.', 'en  '), '.'] }, { pieces: ['다음 문단'] }]);
    const doc = readHwp(bytes);
    expect(doc.footnotes.map((f) => [f.kind, f.marker, f.paragraphs])).toEqual([
      ['footnote', '1)', ['각주 내용.']],
      ['endnote', '2)', ['미주 내용.']],
    ]);
    expect(text(bytes)).toEqual(['본문에 각주1)가 있다2).', '1) 각주 내용.', '2) 미주 내용.', '다음 문단']);
  });

  it('writes automatic numbering and bullets as the reader sees them', () => {
    const bytes = makeHwp(
      [
        { pieces: ['개요'], shape: 1 },
        { pieces: ['세부'], shape: 2 },
        { pieces: ['세부 둘'], shape: 2 },
        { pieces: ['둘째 개요'], shape: 1 },
        { pieces: ['세부 다시'], shape: 2 },
        { pieces: ['글머리'], shape: 3 },
      ],
      { numbering: { formats: ['^1.', '^2)', '(^3)'], shapes: [2, 8, 1] }, bullet: '•', shapes: [{ kind: 2, level: 0, ref: 1 }, { kind: 2, level: 1, ref: 1 }, { kind: 3, level: 0, ref: 1 }] },
    );
    expect(text(bytes)).toEqual(['I. 개요', '가) 세부', '나) 세부 둘', 'II. 둘째 개요', '가) 세부 다시', '• 글머리']);
  });

  it('refuses distribution-protected, encrypted and pre-5.0 files with the reason', () => {
    expect(() => readHwp(makeHwp([{ pieces: ['x'] }], { properties: 4 }))).toThrow(/distribution-protected/u);
    expect(() => readHwp(makeHwp([{ pieces: ['x'] }], { properties: 2 }))).toThrow(/encrypted/u);
    expect(() => readHwp(makeHwp([{ pieces: ['x'] }], { version: 0x03000000 }))).toThrow(/older than 5\.0/u);
    const v3 = new TextEncoder().encode('HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05');
    expect(() => readHwp(v3)).toThrow(IngestError);
    expect(() => readHwp(new TextEncoder().encode('not a document'))).toThrow(/not an HWP 5\.0 document/u);
  });
});
