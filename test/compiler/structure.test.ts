import { corpusExtraDir } from '../../scripts/lib/join-eval.ts';
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { compileText, compileOk, body } from '../helpers.ts';

describe('hard-wrap detection', () => {
  const sources = path.resolve(import.meta.dirname, '../../content/sources');
  const extra = corpusExtraDir(path.resolve(import.meta.dirname, '../..'));
  const cases = [
    ...readdirSync(sources).map((d) => [d, path.join(sources, d, 'source.txt')]),
    ...readdirSync(extra).filter((f) => f.endsWith('.txt')).map((f) => [f, path.join(extra, f)]),
  ] as [string, string][];
  const wrapped = new Set(['2006-thesis-innovation-cluster-gri-sme', '2023-06-01-moef-global-cluster-press']);
  test.each(cases)('%s', (name, file) => {
    const { files } = compileText(readFileSync(file));
    expect(files[2]!.data.wrapped).toBe(wrapped.has(name));
  });
});

describe('nesting', () => {
  test('a conventionally senior marker closes chrome bullets opened before it', () => {
    const md = body(compileOk(['- 등록일 2002', '- 조회수 17339', '□ 선진 클러스터의 성공요인', '▶ 혁신네트워크의 효율성', '- 풍부한 인적 자원', '▶ 역할분담과 협력', '□ 산업클러스터 이론'].join('\n')));
    expect(md).toMatch(/<List marker="□">\s*<Item id="L3"/u);
    expect(md).toMatch(/<Item id="L4"[^]*<List marker="-">\s*<Item id="L5"/u);
  });

  test('in one-paragraph-per-line text, a line after an item is its own paragraph unless it clearly continues', () => {
    const md = body(compileOk(['▶ 클러스터 정책의 수립과 실행주체가 다를 경우 조정문제 발생', ': 정책수립은 대개 중앙정부이나 운영은 지자체가 담당', '자료 : Porter, 1997'].join('\n')));
    expect(md).toContain('조정문제 발생 : 정책수립은');
    expect(md).toMatch(/<Para id="L3"[^>]*>\s*자료 : Porter, 1997/u);
  });
});

describe('rejoining interrupted sentences', () => {
  test('a paragraph that cannot open a sentence rejoins the item it continues', () => {
    const md = body(compileOk(['➎ 성과물에 대한 보상체계 구축', '', '- 유망 벤처기업 선별 체계 확립 및 M&A 활성화*', '', '등을 통해 벤처투자 생태계 활성화', '     * 기술혁신형 중소기업 M&A 세액공제 확대', ''].join('\n')));
    expect(md).toContain('M&A 활성화[^L6] 등을 통해 벤처투자 생태계 활성화');
  });

  test('text continues across a table the extraction dropped mid-word; the table follows', () => {
    const src = ['특히, 최경환 지식경제부 장관과 안현호 지식경제부 제1차관은 각각 대경권, 호남권 광역클러', '', '구분\t기존\t향후', '지원한도\t2억원\t5억원', '', '스터 비전 선포식에 참석하여 관계자들을 격려할 예정이다.', '', '광역클러스터 육성을 본격 추진한다.', ''].join('\n');
    const doc = compileOk(src);
    const md = body(doc);
    expect(md).toContain('호남권 광역클러스터 비전 선포식에 참석하여');
    expect(md.indexOf('<Table')).toBeGreaterThan(md.indexOf('광역클러스터 비전'));
    // The table's lines still point at the table, not at the rejoined paragraph.
    expect(doc.record.lineAnchors.slice(0, 6)).toEqual(['L1', null, 'L3', 'L3', null, 'L1']);
  });
});

describe('zones override', () => {
  const src = ['<표 1-1> 시험 표', '구분 값', '가 1', '자료) 시험기관(2006), p.1', '', '본문 문단이 이어진다.', '', '나 2', '다 3', ''].join('\n');
  test('moves out-of-order table parts into their caption; the rows join the table', () => {
    const doc = compileOk(src, { overrides: 'zones:\n  - figure: tbl-1-1\n    from: 8\n    to: 9\n    expect: "나 2"\n' });
    const md = body(doc);
    expect(md).toMatch(/\| 가\s+\| 1 \|\s+\| 나\s+\| 2 \|\s+\| 다\s+\| 3 \|/u);
    // The paragraph between the two parts keeps its own lines.
    expect(doc.record.lineAnchors.slice(1, 9)).toEqual(['L2', 'L2', 'L4', null, 'L6', null, 'L2', 'L2']);
  });

  test('an out-of-order part that is not a grid stays a separate verbatim part', () => {
    const doc = compileOk(src.replace('다 3', '다 셋'), { overrides: 'zones:\n  - figure: tbl-1-1\n    from: 8\n    to: 9\n    expect: "나 2"\n' });
    expect(body(doc).match(/<Pre /g)).toHaveLength(2);
    expect(doc.record.lineAnchors[7]).toBe('L8');
  });
  test('names an unknown caption as an error', () => {
    const { messages } = compileText(src, { overrides: 'zones:\n  - figure: tbl-9-9\n    from: 8\n    to: 9\n    expect: "나 2"\n' });
    expect(messages.filter((m) => m.includes(' error '))).toEqual(['content/sources/2024-test-doc/overrides.yaml:2:5 error Unexpected zones override: no caption has the id tbl-9-9 [kb:override/unknown-target]']);
  });
});

test('a note cut after a particle (`정부는`) continues across a displaced blank', () => {
  const md = body(compileOk(['□ (개방형 혁신) 앵커기업-스타트업간 협력시 오픈이노베이션 사업* 가점 부여', '', '* 스타트업이 대기업과 협업 가능한 과제를 제안하고, 정부는', '', '사업화(PoC) 자금(최대 1억원) 지원', ''].join('\n')));
  expect(md).toContain('[^L3]: 스타트업이 대기업과 협업 가능한 과제를 제안하고, 정부는 사업화(PoC) 자금(최대 1억원) 지원');
});

describe('flattened tables (grid rule)', () => {
  const table = (header: string) => ['<표 1-1> 지역별 통계', '', header, '', '경인지역(경서) 18개사 44건', '', '부산지역(마천) 3개사 5건', '', '합계 21개사 49건', '', '자료) 시험기관(2005a), 연구성과, p.181', ''].join('\n');

  test('a label-and-values grid becomes a real table when the header splits by itself', () => {
    const doc = compileOk(table('지역 업체수 건수'));
    expect(body(doc)).toMatch(/\| 지역\s+\| 업체수\s+\| 건수\s+\|/u);
    expect(body(doc)).toMatch(/\| 합계\s+\| 21개사 \| 49건 \|/u);
    expect(doc.record.captions[0]!.body).toBe('table');
    expect(doc.record.warnings).toEqual([]);
  });

  test('a header that does not split stays verbatim with the reason, until an override splits it', () => {
    const plain = compileOk(table('지역 업체 수 지원 건수'));
    expect(plain.record.captions[0]!.body).toBe('pre');
    expect(plain.record.warnings[0]!.message).toContain('does not split into 3 cells by itself; a tableHeaders override can split it');
    const fixed = compileOk(table('지역 업체 수 지원 건수'), { overrides: 'tableHeaders:\n  - figure: tbl-1-1\n    cells: [지역, 업체 수, 지원 건수]\n' });
    expect(body(fixed)).toMatch(/\| 지역\s+\| 업체 수\s+\| 지원 건수\s+\|/u);
  });

  test('override cells that do not spell the header are an error', () => {
    const { result, messages } = compileText(table('지역 업체 수 지원 건수'), { overrides: 'tableHeaders:\n  - figure: tbl-1-1\n    cells: [지역, 업체, 건수]\n' });
    expect(result).toBeNull();
    expect(messages.filter((m) => m.includes(' error '))).toEqual(['content/sources/2024-test-doc/overrides.yaml:2:5 error Unexpected tableHeaders override for tbl-1-1: the tableHeaders cells do not spell the header text [kb:override/unknown-target]']);
  });

  test('rows that are not all label + the same number of values stay verbatim', () => {
    const doc = compileOk(['<표 1-1> 사례', '', '구분 내용', '', '미션 지역 산업의 기술 지원', '', '역할 공동 연구 1 2', '', '자료) 시험기관(2005), p.1', ''].join('\n'));
    expect(doc.record.captions[0]!.body).toBe('pre');
  });
});
