import { describe, expect, it } from 'vitest';
import { readHwpx } from '../../src/ingest/hwpx/read-hwpx.ts';
import { renderSource } from '../../src/ingest/write-source.ts';
import { hwpxP, hwpxTable, makeHwpx } from './fixtures.ts';

const text = (bytes: Uint8Array) => renderSource(readHwpx(bytes)).map((l) => l.text);

describe('HWPX reader', () => {
  it('reads runs with tabs, line breaks and entities', () => {
    const bytes = makeHwpx(hwpxP('<hp:t>목차<hp:tab/>3</hp:t>') + hwpxP('<hp:t>한 줄<hp:lineBreak/>다음 &amp; 줄</hp:t>') + hwpxP('<hp:t>  앞 공백 유지</hp:t>'));
    expect(text(bytes)).toEqual(['목차\t3', '한 줄', '다음 & 줄', '  앞 공백 유지']);
  });

  it('reads tables by cell address with spans, and floating tables after their text', () => {
    const table = hwpxTable(3, 3, [
      { row: 0, col: 0, text: ['구분'] },
      { row: 0, col: 1, colSpan: 2, text: ['내용'] },
      { row: 1, col: 0, rowSpan: 2, text: ['가', '(세부)'] },
      { row: 1, col: 1, text: ['1'] },
      { row: 1, col: 2, text: ['2'] },
      { row: 2, col: 1, text: ['3'] },
      { row: 2, col: 2, text: ['4'] },
    ], true);
    const bytes = makeHwpx(hwpxP(`${table}<hp:t>표 위의 글</hp:t>`));
    expect(text(bytes)).toEqual(['표 위의 글', '[표]', '| 구분 | 내용 |', '| 가 / (세부) | 1 | 2 |', '| 3 | 4 |', '[/표]']);
  });

  it('turns footnotes into N) markers with their bodies after the block', () => {
    const note = '<hp:ctrl><hp:footNote number="1"><hp:subList>' + hwpxP('<hp:t>각주 내용.</hp:t>') + '</hp:subList></hp:footNote></hp:ctrl>';
    const bytes = makeHwpx(hwpxP(`<hp:t>본문</hp:t>${note}<hp:t>이다.</hp:t>`) + hwpxP('<hp:t>다음</hp:t>'));
    expect(text(bytes)).toEqual(['본문1)이다.', '1) 각주 내용.', '다음']);
  });

  it('writes outline numbering and bullets from header.xml', () => {
    const header =
      '<hh:numberings><hh:numbering id="1"><hh:paraHead level="1" numFormat="ROMAN_CAPITAL" start="1">^1.</hh:paraHead><hh:paraHead level="2" numFormat="HANGUL_SYLLABLE" start="1">^2)</hh:paraHead></hh:numbering></hh:numberings>' +
      '<hh:bullets><hh:bullet id="1" char="◦"/></hh:bullets>' +
      '<hh:paraProperties><hh:paraPr id="1"><hh:heading type="OUTLINE" idRef="0" level="0"/></hh:paraPr><hh:paraPr id="2"><hh:heading type="OUTLINE" idRef="0" level="1"/></hh:paraPr><hh:paraPr id="3"><hh:heading type="BULLET" idRef="1" level="0"/></hh:paraPr></hh:paraProperties>';
    const body = hwpxP('<hp:secPr outlineShapeIDRef="1"/><hp:t>개요</hp:t>', 1) + hwpxP('<hp:t>세부</hp:t>', 2) + hwpxP('<hp:t>세부 둘</hp:t>', 2) + hwpxP('<hp:t>둘째</hp:t>', 1) + hwpxP('<hp:t>점</hp:t>', 3);
    const doc = readHwpx(makeHwpx(body, header));
    expect(renderSource(doc).map((l) => l.text)).toEqual(['I. 개요', '가) 세부', '나) 세부 둘', 'II. 둘째', '◦ 점']);
    expect(doc.blocks.map((b) => (b.type === 'paragraph' ? (b.outline ?? 0) : -1))).toEqual([1, 2, 2, 1, 0]);
  });

  it('refuses encrypted (password or distribution-protected) files and non-HWPX zips', () => {
    expect(() => readHwpx(makeHwpx(hwpxP('<hp:t>x</hp:t>'), '', '<odf:file-entry><odf:encryption-data/></odf:file-entry>'))).toThrow(/encrypted/u);
    expect(() => readHwpx(new TextEncoder().encode('plain text'))).toThrow(/not an HWPX document/u);
  });
});
