/**
 * Search variants (src/search/variants.ts): a concept named with another word, another spelling or
 * transliteration, an English word — any form finds every form, both ways. Fixture text made up for
 * the tests (a fictional coastal programme), so the rule is shown on text it was not written for.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord, SearchDoc } from '../../src/compiler/contract.ts';
import { indexTermOf, termOf, toDisplayToken } from '../../src/search/codec.ts';
import { compactLexicon, expandLexicon, type Lexicon } from '../../src/search/lexicon.ts';
import { buildRecords } from '../../src/search/records.ts';
import { parseQuery } from '../../src/search/client/query.ts';
import { buildExcerpt } from '../../src/search/client/excerpt.ts';
import { loadVariants, rateVariant, variantTerm, type Variants } from '../../src/search/variants.ts';

const STARTUP = ['창업기업', '스타트업', 'startup'];
const FOF = ['모태펀드', '펀드 오브 펀즈'];
const AC = ['창업기획자', 'AC'];
const PORT = ['보스턴', '보스톤', 'Boston'];
const AC_SPELLING = ['액셀러레이터', '엑셀러레이터', 'accelerator'];
const AC_CONCEPT = ['창업기획자', '액셀러레이터', '엑셀러레이터', 'AC'];
const GROUPS: Variants[] = [
  { kind: 'concept', forms: STARTUP },
  { kind: 'concept', forms: FOF },
  { kind: 'concept', forms: AC },
  { kind: 'transliteration', forms: PORT },
];

/** The index terms that follow the display word `word` in the first record holding it. */
function termsAfter(text: string, word: string, variants = GROUPS): string[] {
  const record = { id: '2024-fixture', title: '가상의 문서', kindLabel: '기타 문서', issued: null, publishers: [], authors: [] } as unknown as DocumentRecord;
  const search: SearchDoc = { id: '2024-fixture', sections: [{ anchor: 'L1', title: '본문', path: ['본문'], blocks: [{ anchor: 'L1', text, mentions: [], lines: [1, 1] }] }] };
  const { records } = buildRecords({ documents: [{ record, search, url: '/docs/2024-fixture/' }], measures: [], entities: [], variants });
  const tokens = records.find((r) => r.kind === 'section')!.content.split(' ');
  const words = text.split(/\s+/);
  // Display tokens are not ASCII (codec.ts): count them to find the word's own terms.
  const at: number[] = [];
  tokens.forEach((t, i) => /[^\x00-\x7f]/.test(t) && at.push(i));
  const n = words.indexOf(word);
  return tokens.slice(at[n]! + 1, at[n + 1] ?? tokens.length);
}

describe('variants: index', () => {
  it('puts the group term on a word that starts with any form, with a particle or in a compound', () => {
    expect(termsAfter('갯벌 스타트업이 늘었다', '스타트업이')).toContain(variantTerm(STARTUP));
    expect(termsAfter('어촌 창업기업육성 사업', '창업기업육성')).toContain(variantTerm(STARTUP));
    expect(termsAfter('해안 보스톤 항구', '보스톤')).toContain(variantTerm(PORT));
    expect(termsAfter('갯벌 어촌 사업', '어촌')).not.toContain(variantTerm(STARTUP));
  });

  it('matches a Latin form as a whole word only (AC is not ACCESS)', () => {
    expect(termsAfter('AC 지원', 'AC')).toContain(variantTerm(AC));
    expect(termsAfter('ACCESS 지원', 'ACCESS')).not.toContain(variantTerm(AC));
    expect(termsAfter('Startup 지원', 'Startup')).toContain(variantTerm(STARTUP));
  });

  it('finds a form of several words across spaces, on the word where it starts', () => {
    expect(termsAfter('어촌 펀드 오브 펀즈를 만든다', '펀드')).toContain(variantTerm(FOF));
    expect(termsAfter('어촌 펀드 조성', '펀드')).not.toContain(variantTerm(FOF));
  });

  it('indexes 률 and 율 after a syllable both ways (한글 맞춤법 제11항)', () => {
    expect(rateVariant('용적율')).toBe('용적률');
    expect(rateVariant('참여율이')).toBe('참여률이');
    expect(rateVariant('율곡')).toBeNull();
    expect(termsAfter('갯벌 용적율 상향', '용적율')).toContain(indexTermOf('k', '용적률'));
  });
});

describe('variants: query', () => {
  const lexicon: Lexicon = expandLexicon(compactLexicon({ names: {}, entities: {}, nostrip: [], variants: GROUPS }));

  it('reads any form as the group term, with a particle, across spaces, and in Latin letters', () => {
    for (const q of ['창업기업', '스타트업에게', 'startup', 'StartUp']) expect(parseQuery(q, lexicon).terms).toEqual([variantTerm(STARTUP)]);
    expect(parseQuery('펀드 오브 펀즈', lexicon).terms).toEqual([variantTerm(FOF)]);
    expect(parseQuery('펀드오브펀즈', lexicon).terms).toEqual([variantTerm(FOF)]);
    expect(parseQuery('보스톤 항구', lexicon).terms).toEqual([variantTerm(PORT), termOf('k', '항구')]);
  });

  it('highlights every form of the group', () => {
    expect(parseQuery('스타트업', lexicon).highlights).toEqual(expect.arrayContaining(['창업기업', '스타트업']));
  });

  it('searches the concept of a form that is also a spelling, and lands first on its spellings', () => {
    const lex = expandLexicon(compactLexicon({ names: {}, entities: {}, nostrip: [], variants: [{ kind: 'spelling', forms: AC_SPELLING }, { kind: 'concept', forms: AC_CONCEPT }] }));
    const q = parseQuery('엑셀러레이터', lex);
    expect(q.terms).toEqual([variantTerm(AC_CONCEPT)]);
    expect(q.prefer).toEqual([variantTerm(AC_SPELLING)]);
    expect(parseQuery('accelerator', lex)).toMatchObject({ terms: [variantTerm(AC_SPELLING)], prefer: [] });
    // Two blocks match the concept; the one written with a spelling of the typed word wins over more hits.
    const c = variantTerm(AC_CONCEPT);
    const sp = variantTerm(AC_SPELLING);
    const [a, b, d, e] = ['갯벌', '어촌', '항구', '창업기획자'].map(toDisplayToken);
    const content = [a, c, b, c, d, c, e, c, sp].join(' ');
    expect(buildExcerpt(content, [c], 'L1:0 L2:6', 30, [sp]).anchor).toBe('L2');
    expect(buildExcerpt(content, [c], 'L1:0 L2:6').anchor).toBe('L1');
  });

  it('leaves other words and a lexicon without variants alone', () => {
    expect(parseQuery('어촌', lexicon).terms).toEqual([termOf('k', '어촌')]);
    expect(parseQuery('스타트업', null).terms).toEqual([termOf('k', '스타트업')]);
  });
});

describe('variants: the data file', () => {
  const write = (yaml: string) => {
    const root = mkdtempSync(path.join(tmpdir(), 'kb-variants-'));
    mkdirSync(path.join(root, 'content', 'registry'), { recursive: true });
    writeFileSync(path.join(root, 'content', 'registry', 'variants.yaml'), yaml);
    return root;
  };

  it('reads the groups, and none when the file is absent', () => {
    expect(loadVariants(write('groups:\n  - { kind: spelling, forms: [리더십, 리더쉽], source: "표준국어대사전" }\n'))).toEqual([{ kind: 'spelling', forms: ['리더십', '리더쉽'] }]);
    expect(loadVariants(mkdtempSync(path.join(tmpdir(), 'kb-none-')))).toEqual([]);
  });

  it('rejects a form in two groups of one kind, a group without a source, and a one-form group', () => {
    expect(() => loadVariants(write('groups:\n  - { kind: concept, forms: [갯벌, 간석지], source: "가상의 사전" }\n  - { kind: concept, forms: [간석지, 개펄], source: "가상의 사전" }\n'))).toThrow(/`간석지` is in two concept groups/);
    // One concept group and one spelling group may share a form.
    expect(loadVariants(write('groups:\n  - { kind: concept, forms: [갯벌, 간석지], source: "가상의 사전" }\n  - { kind: spelling, forms: [갯벌, 갯뻘], source: "가상의 사전" }\n'))).toHaveLength(2);
    expect(() => loadVariants(write('groups:\n  - { kind: concept, forms: [갯벌, 간석지] }\n'))).toThrow(/source/);
    expect(() => loadVariants(write('groups:\n  - { kind: concept, forms: [갯벌], source: "가상의 사전" }\n'))).toThrow(/forms/);
  });

  it('the repository file is valid', () => {
    expect(loadVariants(path.resolve(import.meta.dirname, '../..')).length).toBeGreaterThan(50);
  });
});
