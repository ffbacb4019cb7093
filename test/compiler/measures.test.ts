import { beforeAll, describe, expect, test } from 'vitest';
import path from 'node:path';
import { compileCorpus, type CorpusResult } from '../../src/compiler/index.ts';
import { measuresOf } from '../../src/compiler/knowledge/entities.ts';
import { relateMeasures, relateMeasuresBrute } from '../../src/compiler/knowledge/related.ts';
import { compileOk } from '../helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');
let corpus: CorpusResult;
beforeAll(async () => {
  corpus = await compileCorpus({ root, write: false, verify: false });
});
const record = (id: string) => corpus.documents.find((d) => d.id === id)!;

describe('measures (knowledge/measure)', () => {
  test('000: every □ action item is a measure, labelled by its (label), with its heading path', () => {
    const ms = record('2023-delco-global-cluster-plan-summary').measures;
    expect(ms.length).toBeGreaterThanOrEqual(20);
    const first = ms[0]!;
    expect(first).toMatchObject({ id: '2023-delco-global-cluster-plan-summary--L26', label: '규제 완화', sourceLines: [26, 34] });
    expect(first.headingPath).toEqual(['Ⅳ. 글로벌 클러스터 활성화 방안', '1. 중앙정부의 지원 패키지', '(1) 규제 완화를 통해 클러스터 구성원 밀접 배치 촉진']);
  });

  test('000: the TIPS measure carries the target path from its note, one dated target per step', () => {
    const d = record('2023-delco-global-cluster-plan-summary');
    const tips = d.measures.find((m) => m.label === 'TIPS 재설계')!;
    const dates = d.timeline.filter((t) => tips.dates.includes(t.id));
    expect(dates.map((t) => [t.date.start, t.kind])).toEqual([['2023', 'target'], ['2024', 'target'], ['2027', 'target']]);
    expect(dates[0]!.context).toContain('22% → (‘24) 30% → (’27) 40%');
  });

  test('001: the numbered summary items are measures; groupings and attendee lists are not', () => {
    const labels = record('2023-06-01-moef-global-cluster-press').measures.map((m) => m.label);
    expect(labels).toContain('규제 완화를 통해 클러스터 구성원 밀접 배치 촉진');
    expect(labels).toContain('생명윤리위원회(IRB) 심의절차 간소화');
    expect(labels).not.toContain('중앙정부의 지원 패키지');
    expect(labels).not.toContain('정부');
  });

  test('003: strategy items of a document without headings', () => {
    const labels = record('2002-11-01-seri-bio-cluster-strategy').measures.map((m) => m.label);
    expect(labels).toEqual(expect.arrayContaining(['하이테크 R&D 클러스터화', '네트워크 구축', '민간투자체제 정착']));
    expect(labels).not.toContain('혁신네트워크의 효율성');
  });

  test('a hand-written plan the rules were not written for', () => {
    const doc = compileOk(['Ⅰ. 추진 과제', '', '■ 인재 양성 패키지', '', '① 지역 대학 연계 장학제도 신설(’25.上)', '', '  - 세부 운영방안 마련', '', '② 해외 인재 비자 요건 완화', ''].join('\n'), { meta: 'title: 시험\nkind: plan\nissued: "2024-05"\npublishers: [시험부]\nauthors: unknown\nsourceUrl: unknown\n' });
    expect(doc.record.measures.map((m) => [m.label, m.sourceLines])).toEqual([
      ['지역 대학 연계 장학제도 신설(’25.上)', [5, 7]],
      ['해외 인재 비자 요건 완화', [9, 9]],
    ]);
    expect(doc.record.timeline[0]).toMatchObject({ date: { start: '2025-01', end: '2025-06', precision: 'half' }, measureId: '2024-test-doc--L5' });
  });
});

test('related measures: computed from shared entities and wording, across documents only', () => {
  const related = relateMeasures([
    { id: 'a', documentId: 'x', text: '클러스터 전용 스케일업 TIPS 프로그램 운영', mentions: ['program:tips'] },
    { id: 'b', documentId: 'y', text: '클러스터 전용 TIPS 프로그램 운영 등 개방형 혁신 촉진', mentions: ['program:tips'] },
    { id: 'c', documentId: 'x', text: '클러스터 전용 스케일업 TIPS 프로그램 운영 확대', mentions: ['program:tips'] },
    { id: 'd', documentId: 'y', text: '보건의료데이터 중개 플랫폼 구축', mentions: [] },
  ]);
  expect(related.get('a')).toEqual(['b']);
  expect(related.get('b')).toEqual(expect.arrayContaining(['a', 'c']));
  expect(related.get('d')).toEqual([]);
});

test('related measures from the inverted indexes equal those from comparing every pair (corpus, and the corpus with copies)', () => {
  const all = corpus.documents.flatMap((d) => d.measures.map((m) => ({ ...m, documentId: d.id })));
  expect(relateMeasures(all)).toEqual(relateMeasuresBrute(all));
  // Copies in other documents (as the scale benchmark makes): every pair qualifies by wording.
  const copies = [...all, ...all.map((m) => ({ ...m, id: `${m.id}-copy`, documentId: `${m.documentId}-copy` }))];
  expect(relateMeasures(copies)).toEqual(relateMeasuresBrute(copies));
});

test('measures.json: every measure has its agencies, laws, programmes, places and related ids', () => {
  const all = measuresOf(corpus.registry, corpus.documents);
  const ids = new Set(all.map((m) => m.id));
  expect(ids.size).toBe(all.length);
  for (const m of all) for (const r of m.related) expect(ids.has(r)).toBe(true);
});

describe('case studies (knowledge/case)', () => {
  test('※ 「…」 사례 boxes of the plan, linked to their places', () => {
    const cases = record('2023-delco-global-cluster-plan-summary').cases;
    expect(cases.map((c) => c.title)).toEqual(['오송·대구 첨단의료복합단지', '대덕 연구개발특구', '오송 제3산단']);
    expect(cases[0]!.mentions).toContain('place:osong');
  });
  test('the thesis: sub-sections of … 사례 headings', () => {
    const titles = record('2006-thesis-innovation-cluster-gri-sme').cases.map((c) => c.title);
    expect(titles).toEqual(expect.arrayContaining(['대만의 신죽 과학산업단지', '독일 Saarland 클러스터', '지역연구센터를 통한 중소기업 지원']));
    expect(titles).not.toContain('해외 우수 혁신클러스터 사례');
  });
});

test('related.yaml may add or remove links; an unknown measure id is an error with its line', async () => {
  const { mkdtemp, cp, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-related-'));
  await cp(path.join(root, 'content'), path.join(dir, 'content'), { recursive: true });
  const tips = '2023-delco-global-cluster-plan-summary--L102';
  const irb = '2023-06-01-moef-global-cluster-press--L191';
  await writeFile(path.join(dir, 'content/registry/related.yaml'), `add:\n  - { a: ${tips}, b: ${irb}, why: test }\nremove: []\n`);
  const added = measuresOf((await compileCorpus({ root: dir, write: false, verify: false })).registry, (await compileCorpus({ root: dir, write: false, verify: false })).documents);
  expect(added.find((m) => m.id === irb)!.related).toContain(tips);
  await writeFile(path.join(dir, 'content/registry/related.yaml'), 'add: []\nremove:\n  - { a: nope--L1, b: x--L2, why: test }\n');
  const error = await compileCorpus({ root: dir, write: false, verify: false }).catch((e: Error) => e);
  expect(String(error)).toContain('content/registry/related.yaml:3:5 error Unexpected unknown measure `nope--L1` in related.yaml remove [kb:registry/invalid]');
});

test('abbreviations the text defines (knowledge/definition)', () => {
  const defs = record('2023-06-01-moef-global-cluster-press').definitions.map((d) => `${d.term}=${d.definition}`);
  expect(defs).toEqual(expect.arrayContaining(['IRB=생명윤리위원회', 'DRT=수요응답형 교통서비스', 'EMR=전자의무기록']));
  const thesis = record('2006-thesis-innovation-cluster-gri-sme').definitions.map((d) => `${d.term}=${d.definition}`);
  expect(thesis).toContain('TIC=지역기술혁신센터 (Technological Innovation Center)');
  // Glosses are not abbreviations: 총체적인(Holistic).
  expect(thesis.some((d) => d.startsWith('Holistic'))).toBe(false);
  expect(record('2002-11-01-seri-bio-cluster-strategy').definitions[0]).toMatchObject({ term: 'SME', definition: 'Small and Medium size Enterprise, 중소기업중심 클러스터의 의미' });
});

describe('measures in other forms (found through the held-out set)', () => {
  test('an inline enumeration of actions gives one measure per step, numbered by the document', () => {
    const ms = record('2010-mke-industrial-complex-cluster').measures;
    const inline = ms.filter((m) => /--L27-\d$/u.test(m.id));
    expect(inline.map((m) => m.id.slice(-2))).toEqual(['-1', '-2', '-3', '-4']);
    expect(inline[0]!.label).toBe('클러스터간 경쟁과 자율성 강화를 통한 클러스터 생성·소멸의 활성화');
  });
  test('a comparison table (기존 / 향후) gives one measure per row', () => {
    const rows = record('2010-mke-industrial-complex-cluster').measures.filter((m) => m.anchor === 'L47');
    expect(rows.map((m) => m.label)).toEqual(['클러스터 사업참여', '클러스터 범위', '클러스터 활동', '과제평가', '과제지원', '지원한도', '과제관리 시스템', '전문가 활용']);
    expect(rows[0]!.id).toBe('2010-mke-industrial-complex-cluster--L48');
  });
});

test("the thesis's proposals: ordinal steps in proposal sections (추진방향, 지원 방안)", () => {
  const ms = record('2006-thesis-innovation-cluster-gri-sme').measures;
  expect(ms.map((m) => m.label)).toEqual(expect.arrayContaining(['수요자 중심의 산학연 협력 네트워크를 구축한다.', '각 지역의 산업 및 과학기술 환경에 맞는 정책을 추진한다.']));
  expect(ms.every((m) => /추진방향|지원 방안$/u.test(m.headingPath.at(-1)!))).toBe(true);
  expect(ms.find((m) => m.id.endsWith('-last'))!.id).toMatch(/--L\d+-last$/u);
});

test('dates of measures sharing a block go to the step that holds them', () => {
  const doc = compileOk('Ⅰ. 추진 방안\n\n이번 방안은 ① 규제 특례 신설(’24.上), ② 지원 예산 확대(’25.下) 등이다.\n', { meta: 'title: 시험\nkind: plan\nissued: "2024-05"\npublishers: [시험부]\nauthors: unknown\nsourceUrl: unknown\n' });
  const [one, two] = doc.record.measures;
  expect(doc.record.timeline.filter((t) => t.measureId === one!.id).map((t) => t.date.start)).toEqual(['2024-01']);
  expect(doc.record.timeline.filter((t) => t.measureId === two!.id).map((t) => t.date.start)).toEqual(['2025-07']);
});
