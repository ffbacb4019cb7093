import { describe, expect, it } from 'vitest';
import { readHwp } from '../../src/ingest/hwp/read-hwp.ts';
import { metaYaml, originTsv, renderSource } from '../../src/ingest/write-source.ts';
import { compileDocument } from '../../src/compiler/compile.ts';
import { compileText } from '../helpers.ts';
import { guessMeta } from '../../src/ingest/guess-meta.ts';
import { hwpNote, hwpTable, makeHwp } from './fixtures.ts';

const SHA = 'a'.repeat(64);

function compileIngested(bytes: Uint8Array) {
  const doc = readHwp(bytes);
  const lines = renderSource(doc);
  const { result, files } = compileDocument({ id: '2024-ingested', dir: 'content/sources/2024-ingested', source: new TextEncoder().encode(lines.map((l) => l.text).join('\n') + '\n'), meta: metaYaml(doc, 'x.hwp', SHA), overrides: null, origins: originTsv(lines) });
  if (!result) throw new Error(files.flatMap((f) => f.messages.map((m) => m.reason)).join('\n'));
  return result;
}

describe('an ingested document in the compiler', () => {
  it('links footnotes from their markers, keeps tabs as text, reads only the file’s tables', () => {
    const bytes = makeHwp([
      { pieces: ['□ 추진 배경'] },
      { pieces: ['지원 대상은 중소기업', hwpNote('「중소기업기본법」 제2조의 중소기업.'), '이다.'] },
      { pieces: ['목차\t3'] },
      { pieces: ['둘째\t4'] },
      { pieces: [hwpTable(2, 2, [{ row: 0, col: 0, text: ['구분'] }, { row: 0, col: 1, text: ['내용'] }, { row: 1, col: 0, text: ['가'] }, { row: 1, col: 1, text: ['나'] }])] },
    ]);
    const r = compileIngested(bytes);
    expect(r.record.stats.footnotes).toBe(1);
    expect(r.mdx).toMatch(/\[\^1\]|fnref|Fn/u);
    // Two tab lines would be a guessed table in a hand-made text; here only the [표] block is one.
    expect(r.record.stats.tables).toBe(1);
    expect(r.record.lineOrigins?.[0]).toBe('s0:p0');
    expect(r.record.lineOrigins?.some((o) => o?.includes('각주 1'))).toBe(true);
  });

  it('does not take table-of-contents entries (tab and page number) for headings', () => {
    const bytes = makeHwp([{ pieces: ['목 차'] }, { pieces: ['1. 사업일반\t1'] }, { pieces: ['2. 추진배경\t3'] }, { pieces: ['1. 사업일반'] }, { pieces: ['사업의 내용이다.'] }, { pieces: ['2. 추진배경'] }, { pieces: ['배경의 내용이다.'] }]);
    const r = compileIngested(bytes);
    const headings = r.tree.children.filter((b) => b.type === 'heading').map((h) => r.record.lines[h.from - 1]);
    expect(headings).toEqual(['1. 사업일반', '2. 추진배경']);
  });

  it('takes outline paragraphs (개요 N in their style) for headings at their level, numbered or not', () => {
    const bytes = makeHwp(
      [{ pieces: ['추진 배경'], shape: 1 }, { pieces: ['본문 문단이다.'] }, { pieces: ['세부 과제'], shape: 2 }, { pieces: ['세부 내용이다.'] }, { pieces: ['추진 계획'], shape: 1 }],
      { shapes: [{ kind: 1, level: 0, ref: 0 }, { kind: 1, level: 1, ref: 0 }] },
    );
    const r = compileIngested(bytes);
    const headings = r.tree.children.filter((b) => b.type === 'heading').map((h) => [r.record.lines[h.from - 1], h.type === 'heading' && h.depth]);
    expect(headings).toEqual([['추진 배경', 1], ['세부 과제', 2], ['추진 계획', 1]]);
    expect(r.record.lineOrigins?.[0]).toBe('s0:p0 개요 1');
  });

  it('still guesses tab tables in text added by hand', () => {
    const { result } = compileText('목차\t3\n둘째\t4\n');
    expect(result?.record.stats.tables).toBe(1);
  });

  it('accepts the meta draft as it is, review marks and all', () => {
    const doc = readHwp(makeHwp([{ pieces: ['보도자료'] }, { pieces: ['보도시점 2025. 12. 2.(화) 16:00'] }, { pieces: ['행정안전부, 정부혁신 추진전략 발표'] }]));
    doc.meta = guessMeta(doc, { agencies: ['행정안전부'] });
    const yaml = metaYaml(doc, 'press.hwp', SHA);
    expect(yaml).toMatch(/^kind: "press-release"\s+# review: /mu);
    expect(yaml).toMatch(/^issued: "2025-12-02"\s+# review: /mu);
    expect(yaml).toMatch(/^title: "행정안전부, 정부혁신 추진전략 발표"\s+# review: /mu);
    expect(yaml).toMatch(/^ {2}- "행정안전부"\s+# review: /mu);
    expect(yaml).toMatch(/sha256: "a{64}"/u);
    const { result, messages } = compileText('보도자료\n본문\n', { meta: yaml });
    expect(messages.filter((m) => /error/u.test(m))).toEqual([]);
    expect(result).not.toBeNull();
  });
});
