import { beforeAll, describe, expect, test } from 'vitest';
import path from 'node:path';
import { compileCorpus, type CorpusResult } from '../../src/compiler/index.ts';
import { fromMdx } from '../../src/compiler/emit/serialize.ts';
import type { CompiledDocument } from '../../src/compiler/compile.ts';
import { unescapeMdx } from '../helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');
let corpus: CorpusResult;
const found = (id: string): CompiledDocument => corpus.compiled.find((c) => c.id === id)!;
/** The document with entity mention tags removed from its MDX, for assertions on the text. */
const doc = (id: string): CompiledDocument => {
  const d = found(id);
  return { ...d, mdx: unescapeMdx(d.mdx).replace(/<M(?: [^>]*)?>|<\/M>/gu, '') };
};

// Compiling the corpus loads the Korean analyzer once (a few seconds on a busy machine).
beforeAll(async () => {
  corpus = await compileCorpus({ root, write: false });
}, 60_000);

describe('thesis (2006)', () => {
  const id = '2006-thesis-innovation-cluster-gri-sme';
  test('6 chapters, 15 sections and every numbered sub-heading in the TOC', () => {
    const toc = doc(id).record.toc;
    const depth = (d: number) => toc.filter((t) => t.depth === d && !['abstract', 'abstract-en'].includes(t.id));
    expect(depth(1).map((t) => `${t.num} ${t.title}`)).toEqual([
      '제 1 장 서론',
      '제 2 장 혁신체제와 클러스터의 고찰',
      '제 3 장 혁신클러스터의 국내외 현황',
      '제 4 장 혁신클러스터의 중소기업 지원',
      '제 5 장 혁신클러스터를 통한 중소기업 발전 방안',
      '제 6 장 결론',
    ]);
    expect(depth(2)).toHaveLength(15);
    expect(depth(3)).toHaveLength(22);
    expect(depth(4)).toHaveLength(16);
    expect(depth(5)).toHaveLength(5);
    expect(toc.find((t) => t.id === '6')?.synthetic).toBe(true);
    expect(toc.find((t) => t.id === '3-2-2-da')?.title).toBe('대학 창업의 요람 KWT(Kontaktstelle for Wissensund Technologie Transfer)');
  });

  test('the abstract and the English abstract are sections', () => {
    const toc = doc(id).record.toc;
    expect(toc[0]).toMatchObject({ id: 'abstract', title: '국문 초록', line: 3 });
    expect(toc.at(-1)).toMatchObject({ id: 'abstract-en', title: 'Abstract', line: 3585 });
  });

  test('9 footnotes, each referenced where its marker is', () => {
    const d = doc(id);
    expect(d.tree.footnotes.map((f) => f.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for (let n = 1; n <= 9; n++) expect(d.mdx).toContain(`[^${n}]`);
    expect(d.mdx).toContain('제 2 절 혁신체제의 개념[^2]');
    expect(d.mdx).toContain('명시지[^7]보다 암묵지[^8]가');
    // The footnote body that interrupted the sentence is gone from it: `제도적 관점을`.
    expect(d.mdx).toContain('제도적 관점을 포용하면서');
    expect(d.mdx).toContain('법학, 경제학, 회계학');
  });

  test('19 tables and 8 figures as captioned, anchored blocks', () => {
    const captions = doc(id).record.captions;
    expect(captions.filter((c) => c.kind === '표')).toHaveLength(19);
    expect(captions.filter((c) => c.kind === '그림')).toHaveLength(8);
    expect(captions.map((c) => c.id)).toContain('tbl-3-1');
    expect(doc(id).mdx).toContain('<Figure id="tbl-2-1" kind="표" num="2-1" caption="<표 2-1> 중소기업의 정의에 따른 특성 비교"');
    // In-text references link to the captions.
    expect(doc(id).mdx).toMatch(/\[<표 3-4>\]\(#tbl-3-4\)/u);
  });

  test('no quadrupled characters and no page labels anywhere', () => {
    const text = doc(id).mdx;
    expect(text).not.toMatch(/([가-힣])\1\1\1/u);
    expect(text).not.toMatch(/^\s*-\s*[ivxlc]+\s*-\s*$/imu);
    expect(doc(id).record.stats.removed['clean/page-label']).toBe(50);
  });

  test('hard wraps join correctly', () => {
    const text = doc(id).mdx;
    expect(text).toContain('국내 전체기업의');
    expect(text).toContain('(과학기술부, 2005)');
    expect(text).toContain('견실한 중소기업의 토대');
    expect(text).toContain('단지 내 기업들에게');
  });
});

describe('plan summary (000)', () => {
  const id = '2023-delco-global-cluster-plan-summary';
  test('Ⅳ → 1. → (1) → □ → ㅇ/▪ → * nesting', () => {
    const toc = doc(id).record.toc;
    expect(toc.slice(0, 3).map((t) => [t.id, t.depth])).toEqual([['IV', 1], ['IV-1', 2], ['IV-1-1', 3]]);
    const tree = fromMdx(doc(id).mdx);
    const items = (node: any, depth = 0, out: [string, number][] = []) => {
      if (node.type === 'mdxJsxFlowElement' && node.name === 'Item') out.push([node.attributes.find((a: any) => a.name === 'marker')?.value ?? '', depth]);
      for (const c of node.children ?? []) items(c, depth + (node.name === 'Item' ? 1 : 0), out);
      return out;
    };
    const list = items(tree);
    expect(list).toContainEqual(['□', 0]);
    expect(list).toContainEqual(['ㅇ', 1]);
    expect(list).toContainEqual(['▪', 2]);
  });
  test('`1」` and `*` notes become footnotes at their markers', () => {
    const text = doc(id).mdx;
    expect(text).toContain('법률·회계·AC·VC 등을 추가[^L40]하고');
    expect(text).toMatch(/\[\^L40\]: 「(?:<M[^>]*>)?산업시설용지 입주허용 시설 고시(?:<\/M>)?」 개정/u);
    expect(text).toContain('클러스터 관리계획[^L46] 개정');
  });
});

describe('press release (001)', () => {
  const id = '2023-06-01-moef-global-cluster-press';
  test('header facts, 참고 1 / 참고 2 sections and contact lists', () => {
    const d = doc(id);
    expect(d.record.facts).toEqual([
      { label: '보도시점', value: '2023. 6. 1.(목) 회의 후 별도 공지', line: 3 },
      { label: '배포', value: '2023. 6. 1.(목) 08:00', line: 3 },
    ]);
    expect(d.record.toc.map((t) => `${t.num ?? ''} ${t.title}`.trim())).toEqual(
      expect.arrayContaining(['참고 1 첨단산업 글로벌 클러스터 전략회의 개요', '참고 2 ｢첨단산업 글로벌 클러스터 육성 방안｣ 주요내용']),
    );
    expect(d.mdx).toContain('박재진 (044-215-4510)');
  });
});

describe('tables (002, 003)', () => {
  test('002 tab-separated table is a real table', () => {
    const d = doc('2010-mke-industrial-complex-cluster');
    expect(d.mdx).toMatch(/\| 구분\s+\| 기 존\(변경전\)\s+\| 향 후\(변경후\)\s+\|/u);
  });
  test('003 pipe tables are real two-column tables', () => {
    const d = doc('2002-11-01-seri-bio-cluster-strategy');
    const tables = d.mdx.match(/<Table /g) ?? [];
    expect(tables).toHaveLength(2);
    expect(d.mdx).toMatch(/\| 산업부문 관점\s+\| 클러스터 관점\s+\|/u);
    expect(d.mdx).toMatch(/\| 시스템적인 문제\s+\| 정책 대응\s+\|/u);
  });
});

test('every document passes the coverage and round-trip checks (nothing lost)', () => {
  expect(corpus.documents).toHaveLength(5);
  for (const d of corpus.compiled) {
    const lineCount = d.record.lines.length;
    expect(d.record.lineAnchors).toHaveLength(lineCount);
  }
});

test('thesis: the nine displaced blank lines (seed-004 R7) start paragraphs where they belong', () => {
  const d = doc('2006-thesis-innovation-cluster-gri-sme');
  for (const n of [324, 530, 785, 1552, 1607, 1660, 1665, 1706, 2330]) {
    // The line under a finished sentence opens a paragraph, and its cut word is rejoined.
    expect(d.record.lineAnchors[n - 1], `L${n}`).toBe(`L${n}`);
    expect(d.record.lineAnchors[n + 1], `L${n + 2}`).toBe(`L${n}`);
  }
  expect(d.mdx).toContain('중요한 요소로 여긴다');
});
