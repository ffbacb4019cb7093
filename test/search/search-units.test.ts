/**
 * Fixture tests for the search subsystem (src/search): the codec's alphabet, the lindera
 * analysis, the Pagefind records, the query reader, the excerpts and the suggestions. The
 * Korean text here is made up for the tests (a fictional ministry, 지역산업진흥처 → 지역혁신부,
 * and its coastal programme), so the rules are shown on text they were not written for.
 */
import { describe, expect, it } from 'vitest';
import type { DocId, DocumentRecord, SearchBlock, SearchDoc } from '../../src/compiler/contract.ts';
import { analyzeRun, analyzedRuns } from '../../src/search/analyzer.ts';
import {
  END,
  entityTerm,
  fromDisplayToken,
  indexTermOf,
  mixedTermOf,
  runsOf,
  stripParticle,
  termOf,
  termsOfWord,
  toDisplayToken,
} from '../../src/search/codec.ts';
import { compactLexicon, expandLexicon, nameKey, type Lexicon } from '../../src/search/lexicon.ts';
import { buildRecords, RecordBuilder, type CorpusForSearch, type EntityInfo, type IndexRecord, type MeasureInfo } from '../../src/search/records.ts';
import { buildExcerpt } from '../../src/search/client/excerpt.ts';
import { formsWithPredecessors, parseQuery, withPredecessors } from '../../src/search/client/query.ts';
import { closest, jamo } from '../../src/search/client/suggest.ts';
// The same deterministic PRNG (mulberry32) as the re-wrapper, so property tests check the same strings every run.
import { prng } from '../../scripts/lib/rewrap.ts';

/** The display words of a content stream, each with the index terms that follow it. */
function wordsOf(content: string): { word: string; terms: string[] }[] {
  const out: { word: string; terms: string[] }[] = [];
  for (const token of content.split(' ')) {
    const word = fromDisplayToken(token);
    if (word !== null) out.push({ word, terms: [] });
    else {
      if (out.length === 0) throw new Error(`index term ${token} before any display word`);
      out[out.length - 1]!.terms.push(token);
    }
  }
  return out;
}

/** The index terms after the first display word `word` of a record. */
function termsAfter(record: IndexRecord, word: string): string[] {
  const found = wordsOf(record.content).find((w) => w.word === word);
  if (!found) throw new Error(`"${word}" is not a display word of ${record.url}`);
  return found.terms;
}

/** What Pagefind returns for a query: records where every query term is a prefix of one of its index terms. */
function hits(records: IndexRecord[], terms: string[]): string[] {
  return records
    .filter((r) => {
      const indexTerms = r.content.split(' ').filter((t) => fromDisplayToken(t) === null);
      return terms.every((q) => indexTerms.some((t) => t.startsWith(q)));
    })
    .map((r) => r.url);
}

// ---------------------------------------------------------------------------------------------
// codec
// ---------------------------------------------------------------------------------------------

describe('codec: display tokens', () => {
  const samples = [
    '해안신산업을',
    'Offshore',
    'R&D',
    '(NSF)',
    '“바다숲”은',
    '1,000억원',
    '下半期',
    '🚢',
    '𠀀',
    '🙂가A',
    '⠁',
    '<b>굵게</b>',
    'ㄱ',
    "it's",
  ];

  it.each(samples)('round-trips %s', (word) => {
    const token = toDisplayToken(word);
    expect(token).toHaveLength(word.length * 2);
    expect(fromDisplayToken(token)).toBe(word);
  });

  it('writes only Braille patterns: no white space, no ASCII word characters', () => {
    for (const word of samples) {
      const token = toDisplayToken(word);
      expect(token).not.toMatch(/\s/u);
      expect(token).not.toMatch(/[A-Za-z0-9_]/);
      expect(token).toMatch(/^[\u2800-\u28ff]+$/);
      expect(token.split(/\s+/)).toEqual([token]);
    }
    // A space inside a meta value stays inside the token.
    expect(toDisplayToken('해안 계획').split(' ')).toHaveLength(1);
  });

  it('encodes each UTF-16 unit as two patterns, high byte first', () => {
    expect(toDisplayToken('A')).toBe('\u2800\u2841');
    expect(toDisplayToken('가')).toBe('\u28ac\u2800');
    // An astral character is its two surrogates.
    expect(toDisplayToken('𠀀')).toBe('\u28d8\u2840\u28dc\u2800');
  });

  it('reads index terms and malformed tokens as no display word', () => {
    expect(fromDisplayToken('k000z')).toBeNull();
    expect(fromDisplayToken(entityTerm('agency:x'))).toBeNull();
    expect(fromDisplayToken('')).toBeNull();
    expect(fromDisplayToken('\u28ac')).toBeNull(); // odd length
  });
});

describe('codec: runsOf', () => {
  const runs = (word: string) => runsOf(word).map((r) => [r.cls, r.text, r.start]);

  it('splits Latin and Hangul, keeping the joiner inside R&D', () => {
    expect(runs('R&D사업')).toEqual([
      ['e', 'R&D', 0],
      ['k', '사업', 3],
    ]);
  });

  it('keeps the thousands separator inside a number and splits the unit off', () => {
    expect(runs('1,000억원')).toEqual([
      ['n', '1,000', 0],
      ['k', '억원', 5],
    ]);
  });

  it('drops brackets around an acronym', () => {
    expect(runs('(NSF)')).toEqual([['e', 'NSF', 1]]);
  });

  it('reads Hanja as one run of other letters', () => {
    expect(runs('下半期')).toEqual([['u', '下半期', 0]]);
    expect(runs("'31.下")).toEqual([
      ['n', '31', 1],
      ['u', '下', 4],
    ]);
  });

  it('separates runs at middle dots, hyphens before Hangul, quotes and symbols', () => {
    expect(runs('항만·물류')).toEqual([
      ['k', '항만', 0],
      ['k', '물류', 3],
    ]);
    expect(runs('항만ㆍ물류')).toEqual([
      ['k', '항만', 0],
      ['k', '물류', 3],
    ]);
    expect(runs('K-해양')).toEqual([
      ['e', 'K', 0],
      ['k', '해양', 2],
    ]);
    expect(runs('’31년')).toEqual([
      ['n', '31', 1],
      ['k', '년', 3],
    ]);
    expect(runs('4.5%p')).toEqual([
      ['n', '4.5', 0],
      ['e', 'p', 4],
    ]);
    // A joiner at the end of a run is not part of it.
    expect(runs('B2B.')).toEqual([['e', 'B2B', 0]]);
  });

  it('indexes astral letters whole and skips emoji', () => {
    expect(runs('𠀀가')).toEqual([
      ['u', '𠀀', 0],
      ['k', '가', 2],
    ]);
    expect(runs('🚢항만')).toEqual([['k', '항만', 2]]);
    expect(runs('🚢')).toEqual([]);
  });
});

describe('codec: terms', () => {
  it('writes Hangul with three base-32 digits per syllable', () => {
    expect(termOf('k', '가')).toBe('k000');
    expect(termOf('k', '힣')).toBe('kat3');
    expect(termOf('k', '해안')).toHaveLength(1 + 6);
    expect(indexTermOf('k', '가')).toBe('k000z');
  });

  it('is prefix-preserving: a word code starts with the code of each of its prefixes', () => {
    expect(termOf('k', '규제완화').startsWith(termOf('k', '규제'))).toBe(true);
    expect(termOf('k', '갯벌생태관광').startsWith(termOf('k', '갯벌'))).toBe(true);
    expect(termOf('k', '갯벌생태관광').startsWith(termOf('k', '생태'))).toBe(false);
    expect(termOf('e', 'Offshore').startsWith(termOf('e', 'off'))).toBe(true);
    expect(termOf('n', '2031').startsWith(termOf('n', '203'))).toBe(true);
  });

  it('keeps prefixes exact for random Latin strings full of y and z (the escape is a prefix code)', () => {
    const rnd = prng(7);
    const word = () => Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => 'xyz9'[Math.floor(rnd() * 4)]).join('');
    let prefixes = 0;
    for (let i = 0; i < 2000; i++) {
      const a = word();
      const b = word();
      const isPrefix = b.startsWith(a);
      if (isPrefix) prefixes++;
      expect(termOf('e', b).startsWith(termOf('e', a))).toBe(isPrefix);
    }
    // The alphabet is small enough that the check saw both outcomes many times.
    expect(prefixes).toBeGreaterThan(100);
  });

  it('escapes y and z in Latin text, lower-cases it and drops joiners', () => {
    expect(termOf('e', 'Yz')).toBe('eyxyy');
    expect(indexTermOf('e', 'Lazy')).toBe('elayyyxz');
    expect(termOf('e', 'R&D')).toBe('erd');
    expect(termOf('e', 'B2B')).toBe('eb2b');
    expect(termOf('n', '1,000')).toBe('n1000');
    expect(indexTermOf('e', 'zyzzyva')).not.toMatch(/z./);
  });

  it('writes other letters with five base-32 digits per code point', () => {
    expect(termOf('u', '下')).toBe('u00jgb');
    expect(termOf('u', '𠀀')).toBe(`u${(0x20000).toString(32).padStart(5, '0')}`);
    expect(termOf('u', '下半期')).toHaveLength(1 + 15);
  });

  it('writes a mixed word as m and the codes of its runs', () => {
    expect(mixedTermOf(runsOf('1조원'))).toBe(`mn1${termOf('k', '조원')}`);
    expect(mixedTermOf(runsOf('R&D사업'))).toBe(`merd${termOf('k', '사업')}`);
  });

  it('gives one index term per run', () => {
    expect(termsOfWord('R&D사업')).toEqual(['erdz', indexTermOf('k', '사업')]);
    expect(termsOfWord('🚢')).toEqual([]);
  });

  it('END: no index term is a proper prefix of any query code (random words)', () => {
    const rnd = prng(2031);
    const pieces = ['가', '힣', '해', '안', 'a', 'y', 'z', 'Z', 'Y', 'k', 'x', '0', '9', '1', '&', '.', ',', '-', '下', '期', '𠀀', '(', ')', '·', '’', '🚢'];
    const randomWord = () => Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
    const words = Array.from({ length: 250 }, randomWord);

    const indexTerms = new Set<string>();
    const queryCodes = new Set<string>();
    for (const w of words) {
      const runs = runsOf(w);
      for (const r of runs) {
        indexTerms.add(indexTermOf(r.cls, r.text));
        // Part terms: any suffix of a Hangul run may be indexed.
        if (r.cls === 'k') for (let i = 1; i < r.text.length; i++) indexTerms.add(indexTermOf('k', r.text.slice(i)));
        queryCodes.add(termOf(r.cls, r.text));
        queryCodes.add(indexTermOf(r.cls, r.text));
      }
      if (runs.length > 1) {
        indexTerms.add(mixedTermOf(runs) + END);
        queryCodes.add(mixedTermOf(runs));
      }
      indexTerms.add(entityTerm(`place:${w}`));
      queryCodes.add(entityTerm(`place:${w}`));
    }
    expect(indexTerms.size).toBeGreaterThan(300);
    for (const t of indexTerms) {
      // END occurs once, at the end.
      expect(t.indexOf(END)).toBe(t.length - 1);
      for (const q of queryCodes) if (q.length > t.length) expect(q.startsWith(t), `${t} is a prefix of ${q}`).toBe(false);
    }
  });
});

describe('codec: entityTerm', () => {
  it('is w, seven base-32 digits and z, for any ref', () => {
    const rnd = prng(11);
    for (let i = 0; i < 500; i++) {
      const ref = `agency:${Math.floor(rnd() * 1e9).toString(36)}`;
      expect(entityTerm(ref)).toMatch(/^w[0-9a-v]{7}z$/);
    }
  });

  it('is stable across builds (a fixed FNV-1a value)', () => {
    expect(entityTerm('agency:innovation')).toBe('w10907lvz');
    expect(entityTerm('agency:innovation')).toBe(entityTerm('agency:innovation'));
    expect(entityTerm('agency:promo-office')).toBe('w2d5j3h6z');
    expect(entityTerm('agency:innovation')).not.toBe(entityTerm('law:innovation'));
  });
});

describe('codec: stripParticle', () => {
  it.each([
    ['클러스터를', '클러스터'],
    ['기업이', '기업'],
    ['항만에서부터', '항만'],
    ['혁신도시로', '혁신도시'],
    ['정부부처에서', '정부부처'],
    ['어촌들이', '어촌'],
    ['거점이다', '거점'],
    ['국가', '국가'], // stripping 가 would leave one syllable
    ['도로', '도로'],
    ['해안', '해안'],
    // 가 is a particle here too, so the word is cut; the lexicon's nostrip list protects it in queries.
    ['전문가', '전문'],
  ])('%s → %s', (word, stem) => {
    expect(stripParticle(word)).toBe(stem);
  });
});

// ---------------------------------------------------------------------------------------------
// analyzer (lindera)
// ---------------------------------------------------------------------------------------------

describe('analyzer', () => {
  it('finds the second morpheme of 규제완화를 and its stem', () => {
    const a = analyzeRun('규제완화를');
    expect(a.starts).toEqual([2]);
    expect(a.stem).toBe('규제완화');
    expect(a.nouns).toEqual(['규제', '완화']);
  });

  it('finds every content morpheme of a long compound, and strips the particle from the stem', () => {
    const a = analyzeRun('사업지원서비스를');
    expect(a.starts).toEqual([2, 4]);
    expect(a.stem).toBe('사업지원서비스');
    expect(analyzeRun('바이오클러스터에서')).toMatchObject({ starts: [3], stem: '바이오클러스터' });
    expect(analyzeRun('배후단지에')).toMatchObject({ starts: [2], stem: '배후단지', nouns: ['배후', '단지'] });
  });

  it('opens ko-dic compounds: the parts of 산업단지 start even though lindera returns it as one token', () => {
    const a = analyzeRun('산업단지공단');
    expect(a.tokenStarts).toEqual([4]); // 산업단지 | 공단
    expect(a.starts).toEqual([2, 4]); // 단지 from the compound's expression, 공단 as a token
    expect(analyzeRun('가정의례준칙')).toMatchObject({ tokenStarts: [4], starts: [2, 4] });
  });

  it('keeps one-syllable tokens out of starts but in tokenStarts', () => {
    const a = analyzeRun('기업의무고용');
    expect(a.tokenStarts).toEqual([2, 3, 4]);
    expect(a.starts).toEqual([4]);
  });

  it('caches each run', () => {
    const before = analyzedRuns();
    const first = analyzeRun('해안생태관광객');
    expect(analyzedRuns()).toBe(before + 1);
    expect(analyzeRun('해안생태관광객')).toBe(first);
    expect(analyzedRuns()).toBe(before + 1);
  });
});

// ---------------------------------------------------------------------------------------------
// records
// ---------------------------------------------------------------------------------------------

const DOC_ID = '2031-03-coast-plan';
const DOC_URL = `/docs/${DOC_ID}/`;

function mention(text: string, ref: string, name: string): [string, number, number] {
  const at = text.indexOf(name);
  if (at < 0) throw new Error(`${name} not in ${text}`);
  return [ref, at, at + name.length];
}

function documentRecord(): DocumentRecord {
  return {
    id: DOC_ID as DocId,
    title: '해안 신산업 육성 계획',
    titleIsDescriptive: false,
    kind: 'plan',
    kindLabel: '기본계획',
    issued: { value: '2031-03-02', precision: 'day' },
    publishers: ['지역혁신부'],
    authors: 'unknown',
    sourceUrl: 'unknown',
    toc: [],
    captions: [],
    facts: [],
    mentions: [],
    measures: [],
    timeline: [],
    cases: [],
    definitions: [],
    lines: [],
    lineAnchors: [],
    lineArtifacts: [],
    stats: { lines: 12, characters: 300, blocks: 4, headings: 2, tables: 0, figures: 0, footnotes: 0, removed: {} },
    warnings: [],
  };
}

const L5 = '지역산업진흥처는 ’27년까지 사업지원서비스를 확충하고 1조원 규모의 R&D사업 예산을 편성한다.';
const L9 = '산진처가 넘긴 갯벌생태관광 거점은 지역혁신부가 맡고, 기업의무고용 비율은 의무고용률 점검으로 관리한다.';

function searchDoc(l9 = L9, preamble?: SearchBlock): SearchDoc {
  return {
    id: DOC_ID,
    sections: [
      ...(preamble ? [{ anchor: null, title: '', path: [], blocks: [preamble] }] : []),
      {
        anchor: 'I-1',
        title: 'Ⅰ. 추진 배경',
        path: ['Ⅰ. 추진 배경'],
        blocks: [
          { anchor: 'I-1', text: 'Ⅰ. 추진 배경', mentions: [], lines: [4, 4] },
          { anchor: 'L5', text: L5, mentions: [mention(L5, 'agency:promo-office', '지역산업진흥처')], lines: [5, 6] },
        ],
      },
      {
        anchor: 'II-1',
        title: '가. 거점 조성',
        path: ['Ⅱ. 추진 과제', '가. 거점 조성'],
        blocks: [
          { anchor: 'II-1', text: '가. 거점 조성', mentions: [], lines: [8, 8] },
          { anchor: 'L9', text: l9, mentions: [mention(l9, 'agency:promo-office', '산진처'), mention(l9, 'agency:innovation', '지역혁신부')], lines: [9, 10] },
        ],
      },
    ],
  };
}

const ENTITIES: EntityInfo[] = [
  {
    ref: 'agency:promo-office',
    type: 'agency',
    id: 'promo-office',
    name: '지역산업진흥처',
    aliases: ['산진처'],
    titles: [],
    url: '/agencies/promo-office/',
    predecessors: [],
    successors: ['agency:innovation'],
  },
  {
    ref: 'agency:innovation',
    type: 'agency',
    id: 'innovation',
    name: '지역혁신부',
    aliases: [],
    titles: ['지역혁신부장관'],
    description: '해안 지역의 신산업을 맡는 가상의 부처',
    url: '/agencies/innovation/',
    predecessors: ['agency:promo-office'],
    successors: [],
  },
];

const MEASURE: MeasureInfo = {
  id: `${DOC_ID}--L9`,
  documentId: DOC_ID,
  label: '갯벌 관광 거점 지정',
  text: '산진처가 갯벌생태관광 거점 지정을 준비한다',
  headingPath: ['Ⅱ. 추진 과제', '가. 거점 조성'],
  sourceLines: [9, 10],
  agencies: ['promo-office', 'innovation'],
  laws: [],
  programs: [],
  places: [],
  url: `/measures/${DOC_ID}--L9/`,
};

function corpus(opts: { l9?: string; preamble?: SearchBlock } = {}): CorpusForSearch {
  return {
    documents: [{ record: documentRecord(), search: searchDoc(opts.l9, opts.preamble), url: DOC_URL }],
    measures: [MEASURE],
    entities: ENTITIES,
  };
}

describe('records', () => {
  const { records, builder } = buildRecords(corpus());
  const byUrl = (url: string) => {
    const r = records.find((x) => x.url === url);
    if (!r) throw new Error(`no record ${url}`);
    return r;
  };
  const doc = byUrl(DOC_URL);
  const s1 = byUrl(`${DOC_URL}#I-1`);
  const s2 = byUrl(`${DOC_URL}#II-1`);
  const measure = byUrl(MEASURE.url);
  const PROMO = entityTerm('agency:promo-office');
  const INNOVATION = entityTerm('agency:innovation');

  it('makes a document, one record per section, the measure and the entities, in a stable order', () => {
    expect(records.map((r) => [r.kind, r.url])).toEqual([
      ['document', DOC_URL],
      ['section', `${DOC_URL}#I-1`],
      ['section', `${DOC_URL}#II-1`],
      ['measure', MEASURE.url],
      ['entity', '/agencies/innovation/'],
      ['entity', '/agencies/promo-office/'],
    ]);
    expect(s1).toMatchObject({ docId: DOC_ID, lines: [4, 6] });
    expect(s2).toMatchObject({ docId: DOC_ID, lines: [8, 10] });
    expect(measure).toMatchObject({ docId: DOC_ID, lines: [9, 10] });
    expect(doc.lines).toBeUndefined();
  });

  it('keeps the display words of the text, in order', () => {
    expect(wordsOf(s1.content).map((w) => w.word)).toEqual(['Ⅰ.', '추진', '배경', ...L5.split(' ')]);
    expect(wordsOf(doc.content).map((w) => w.word)).toEqual(['해안', '신산업', '육성', '계획', '기본계획', '지역혁신부', '2031']);
  });

  it('gives a mention of the old agency the term of its successor too', () => {
    const terms = termsAfter(s1, '지역산업진흥처는');
    expect(terms).toContain(PROMO);
    expect(terms).toContain(INNOVATION);
    // By alias, in another section.
    expect(termsAfter(s2, '산진처가')).toEqual(expect.arrayContaining([PROMO, INNOVATION]));
  });

  it('does not give a mention of the new agency the term of its predecessor', () => {
    const terms = termsAfter(s2, '지역혁신부가');
    expect(terms).toContain(INNOVATION);
    expect(terms).not.toContain(PROMO);
    // Words without a mention carry no entity term.
    expect(termsAfter(s2, '넘긴').filter((t) => t.startsWith('w'))).toEqual([]);
  });

  it('puts entity terms after every word of a mention of several words, and only there', () => {
    const text = '지역혁신부 장관이 갯벌 거점을 찾았다';
    const c = corpus();
    c.documents[0]!.search.sections[1]!.blocks[1] = { anchor: 'L9', text, mentions: [mention(text, 'agency:innovation', '지역혁신부 장관')], lines: [9, 9] };
    const section = buildRecords(c).records.find((r) => r.url === `${DOC_URL}#II-1`)!;
    expect(termsAfter(section, '지역혁신부')).toContain(INNOVATION);
    expect(termsAfter(section, '장관이')).toContain(INNOVATION);
    expect(termsAfter(section, '갯벌')).toEqual([indexTermOf('k', '갯벌')]);
    expect(section.filters.agency).toEqual(['innovation']);
  });

  it('indexes a compound from each content morpheme inside it', () => {
    const terms = termsAfter(s1, '사업지원서비스를');
    expect(terms).toContain(indexTermOf('k', '사업지원서비스를'));
    expect(terms).toContain(indexTermOf('k', '지원서비스를'));
    expect(terms).toContain(indexTermOf('k', '서비스를'));
    expect(terms.filter((t) => t.startsWith(termOf('k', '서비스')))).toEqual([indexTermOf('k', '서비스를')]);
    expect(termsAfter(s2, '갯벌생태관광')).toEqual([indexTermOf('k', '갯벌생태관광'), indexTermOf('k', '생태관광'), indexTermOf('k', '관광')]);
  });

  it('indexes a two-digit year as its full year', () => {
    const terms = termsAfter(s1, '’27년까지');
    expect(terms).toContain('n27z');
    expect(terms).toContain(indexTermOf('n', '2027'));
    expect(terms).toContain(mixedTermOf(runsOf('’27년까지')) + END);
  });

  it('indexes a word of several runs as a whole too (m-term)', () => {
    expect(termsAfter(s1, '1조원')).toEqual(['n1z', indexTermOf('k', '조원'), `mn1${termOf('k', '조원')}z`]);
    expect(termsAfter(s1, 'R&D사업')).toEqual(['erdz', indexTermOf('k', '사업'), `merd${termOf('k', '사업')}z`]);
    // The last word keeps its full stop in display but not in its terms.
    expect(termsAfter(s1, '편성한다.')).toEqual([indexTermOf('k', '편성한다')]);
  });

  it('indexes a part where a corpus noun starts at a token boundary lindera saw (의무 from 의무고용률)', () => {
    // 기업의무고용: lindera reads 기업/의/무/고용, so only 고용 is a content start of its own.
    expect(builder.nouns.has('의무')).toBe(true);
    expect(termsAfter(s2, '기업의무고용')).toEqual([indexTermOf('k', '기업의무고용'), indexTermOf('k', '의무고용'), indexTermOf('k', '고용')]);
    // Without 의무 anywhere in the corpus, 의무고용 is not a part.
    const control = buildRecords(corpus({ l9: L9.replace('의무고용률', '고용률') }));
    expect(control.builder.nouns.has('의무')).toBe(false);
    const s2c = control.records.find((r) => r.url === `${DOC_URL}#II-1`)!;
    expect(termsAfter(s2c, '기업의무고용')).toEqual([indexTermOf('k', '기업의무고용'), indexTermOf('k', '고용')]);
  });

  it('display-encodes every meta value but kind and blocks', () => {
    const decoded = (r: IndexRecord) => Object.fromEntries(Object.entries(r.meta).map(([k, v]) => [k, k === 'kind' || k === 'blocks' ? v : fromDisplayToken(v)]));
    expect(decoded(doc)).toEqual({ kind: 'document', title: '해안 신산업 육성 계획', doc: '기본계획 · 2031' });
    expect(decoded(s1)).toEqual({ kind: 'section', title: 'Ⅰ. 추진 배경', doc: '해안 신산업 육성 계획', blocks: 'I-1:0 L5:6' });
    expect(decoded(s2)).toEqual({ kind: 'section', title: 'Ⅱ. 추진 과제 › 가. 거점 조성', doc: '해안 신산업 육성 계획', blocks: expect.stringMatching(/^II-1:0 L9:\d+$/) });
    // A section's measures are one record; each measure is a block landing on its own page.
    expect(decoded(measure)).toEqual({ kind: 'measure', title: '갯벌 관광 거점 지정', doc: '해안 신산업 육성 계획', path: 'Ⅱ. 추진 과제 › 가. 거점 조성', labels: '갯벌 관광 거점 지정', blocks: '/measures/2031-03-coast-plan--L9/:0' });
    expect(decoded(byUrl('/agencies/innovation/'))).toEqual({ kind: 'entity', title: '지역혁신부', doc: '기관' });
    for (const r of records) for (const [k, v] of Object.entries(r.meta)) if (k !== 'kind' && k !== 'blocks') expect(v).toMatch(/^[\u2800-\u28ff]+$/);
  });

  it('points each block at the token where it starts', () => {
    const tokens = s2.content.split(' ');
    const at = Number(/L9:(\d+)/.exec(s2.meta.blocks!)![1]);
    expect(fromDisplayToken(tokens[at]!)).toBe('산진처가');
  });

  it('sets the kind, doc, year and agency filters', () => {
    expect(doc.filters).toEqual({ kind: ['document'], doc: [DOC_ID], year: ['2031'], agency: ['innovation', 'promo-office'] });
    expect(s1.filters).toEqual({ kind: ['section'], doc: [DOC_ID], year: ['2031'], agency: ['promo-office'] });
    expect(s2.filters).toEqual({ kind: ['section'], doc: [DOC_ID], year: ['2031'], agency: ['innovation', 'promo-office'] });
    expect(measure.filters).toEqual({ kind: ['measure'], doc: [DOC_ID], year: ['2031'], agency: ['innovation', 'promo-office'] });
    expect(byUrl('/agencies/innovation/').filters).toEqual({ kind: ['entity'], agency: ['innovation'] });
  });

  it('puts the terms of a measure entity after the word naming it, and lists an unnamed one after the text', () => {
    const words = wordsOf(measure.content);
    expect(words.map((w) => w.word)).toEqual(['산진처가', '갯벌생태관광', '거점', '지정을', '준비한다', '지역혁신부']);
    expect(words[0]!.terms).toEqual(expect.arrayContaining([PROMO, INNOVATION]));
    expect(words.at(-1)!.terms).toContain(INNOVATION);
    expect(words.at(-1)!.terms).not.toContain(PROMO);
  });

  it('indexes every name of an entity on its page, and its description', () => {
    const page = byUrl('/agencies/innovation/');
    const words = wordsOf(page.content);
    expect(words.map((w) => w.word)).toEqual(['지역혁신부', '지역혁신부장관', ...'해안 지역의 신산업을 맡는 가상의 부처'.split(' ')]);
    expect(words[1]!.terms).toContain(INNOVATION);
    expect(words[2]!.terms.some((t) => t.startsWith('w'))).toBe(false);
    // The old agency's page is found by the new agency's term.
    expect(termsAfter(byUrl('/agencies/promo-office/'), '산진처')).toEqual(expect.arrayContaining([PROMO, INNOVATION]));
  });

  it('puts text before the first heading in the document record, with its block', () => {
    const preamble: SearchBlock = { anchor: 'L2', text: '이 계획은 해안 어촌의 신산업을 다룬다.', mentions: [], lines: [2, 2] };
    const { records: withPreamble } = buildRecords(corpus({ preamble }));
    const head = withPreamble[0]!;
    expect(withPreamble.map((r) => r.kind)).toEqual(['document', 'section', 'section', 'measure', 'entity', 'entity']);
    expect(wordsOf(head.content).map((w) => w.word)).toEqual(['해안', '신산업', '육성', '계획', '기본계획', '지역혁신부', '2031', '이', '계획은', '해안', '어촌의', '신산업을', '다룬다.']);
    const at = head.content.split(' ').indexOf(toDisplayToken('이'));
    expect(head.meta.blocks).toBe(`L2:${at}`);
  });

  it('refuses two entities whose terms collide', () => {
    // Two refs found by a search for an FNV-1a collision.
    expect(entityTerm('agency:pbmwzxxg-s')).toBe(entityTerm('agency:tqqqccvcny'));
    const entity = (id: string): EntityInfo => ({ ref: `agency:${id}`, type: 'agency', id, name: id, aliases: [], titles: [], url: `/agencies/${id}/`, predecessors: [], successors: [] });
    expect(() => new RecordBuilder([entity('pbmwzxxg-s'), entity('tqqqccvcny')])).toThrow(/agency:pbmwzxxg-s and agency:tqqqccvcny collide/);
  });

  it('follows successors transitively, once each', () => {
    const chain: EntityInfo[] = ['a', 'b', 'c'].map((id, i, all) => ({
      ref: `agency:${id}`,
      type: 'agency',
      id,
      name: id,
      aliases: [],
      titles: [],
      url: `/agencies/${id}/`,
      predecessors: [],
      successors: i + 1 < all.length ? [`agency:${all[i + 1]}`] : ['agency:a'], // and a (wrong) cycle back
    }));
    const b = new RecordBuilder(chain);
    expect(b.termsOfEntity('agency:b')).toEqual([entityTerm('agency:b'), entityTerm('agency:c'), entityTerm('agency:a')]);
  });

  describe('as Pagefind sees them (AND of prefix matches)', () => {
    it('finds the old name by the new one, not the other way round', () => {
      expect(hits(records, [INNOVATION])).toEqual([`${DOC_URL}#I-1`, `${DOC_URL}#II-1`, MEASURE.url, '/agencies/innovation/', '/agencies/promo-office/']);
      expect(hits(records, [PROMO])).toEqual([`${DOC_URL}#I-1`, `${DOC_URL}#II-1`, MEASURE.url, '/agencies/promo-office/']);
    });

    it('finds words by their parts, years by both forms, and mixed words whole', () => {
      expect(hits(records, parseQuery('서비스', null).terms)).toEqual([`${DOC_URL}#I-1`]);
      expect(hits(records, parseQuery('생태관광', null).terms)).toEqual([`${DOC_URL}#II-1`, MEASURE.url]);
      expect(hits(records, parseQuery('의무고용', null).terms)).toEqual([`${DOC_URL}#II-1`]);
      expect(hits(records, parseQuery('2027', null).terms)).toEqual([`${DOC_URL}#I-1`]);
      expect(hits(records, parseQuery('1조원을', null).terms)).toEqual([`${DOC_URL}#I-1`]);
      expect(hits(records, parseQuery('R&D', null).terms)).toEqual([`${DOC_URL}#I-1`]);
      expect(hits(records, parseQuery('2031', null).terms)).toEqual([DOC_URL]);
      // 1 is not 10, and 203 is not 2031.
      expect(hits(records, parseQuery('203', null).terms)).toEqual([]);
      // An English query never matches the code of a Korean word.
      expect(hits(records, parseQuery('k', null).terms)).toEqual([]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// lexicon keys
// ---------------------------------------------------------------------------------------------

describe('lexicon', () => {
  it('nameKey drops white space and lower-cases', () => {
    expect(nameKey('한국 해양혁신원')).toBe('한국해양혁신원');
    expect(nameKey(' Ocean  TIPS ')).toBe('oceantips');
  });
});

// ---------------------------------------------------------------------------------------------
// query
// ---------------------------------------------------------------------------------------------

const entry = (n: string, forms: string[], p?: string[]) => ({ n, f: [n, ...forms], ...(p ? { p } : {}) });

/** A hand-made lexicon: a merger (지역혁신부 ← 지역산업진흥처 + 해양기술청, 지역산업진흥처 ← 연안개발국). */
const LEXICON: Lexicon = {
  names: {
    [nameKey('연안개발국')]: ['agency:coast-bureau'],
    [nameKey('지역산업진흥처')]: ['agency:promo-office'],
    [nameKey('산진처')]: ['agency:promo-office'],
    [nameKey('해양기술청')]: ['agency:marine-tech'],
    [nameKey('지역혁신부')]: ['agency:innovation'],
    [nameKey('혁신부')]: ['agency:innovation'],
    [nameKey('지역혁신부장관')]: ['agency:innovation'],
    [nameKey('한국 해양혁신원')]: ['organization:kmii'],
    [nameKey('KMII')]: ['organization:kmii'],
    [nameKey('바다숲조성사업')]: ['program:sea-forest'],
    [nameKey('바다숲사업')]: ['program:sea-forest'],
    [nameKey('어촌혁신센터')]: ['organization:center-a', 'organization:center-b'],
  },
  entities: {
    'agency:coast-bureau': entry('연안개발국', []),
    'agency:promo-office': entry('지역산업진흥처', ['산진처'], ['agency:coast-bureau']),
    'agency:marine-tech': entry('해양기술청', []),
    'agency:innovation': entry('지역혁신부', ['혁신부', '지역혁신부장관'], ['agency:promo-office', 'agency:marine-tech']),
    'organization:kmii': entry('한국 해양혁신원', ['KMII']),
    'program:sea-forest': entry('바다숲조성사업', ['바다숲사업']),
    'organization:center-a': entry('어촌혁신센터', []),
    'organization:center-b': entry('어촌혁신센터', []),
  },
  nostrip: ['고속도로', '전문가'],
};

describe('query: registry names', () => {
  it('reads an abbreviation as the entity term, and highlights every form of it and its predecessors', () => {
    const q = parseQuery('산진처', LEXICON);
    expect(q.terms).toEqual([entityTerm('agency:promo-office')]);
    expect(q.entities).toEqual(['agency:promo-office']);
    expect(q.words).toEqual(['산진처']);
    expect(q.literal).toEqual([]);
    expect(q.highlights).toEqual(['지역산업진흥처', '연안개발국', '산진처']);
  });

  it('reads an agency by its own name, with a particle, as its term', () => {
    expect(parseQuery('지역혁신부', LEXICON).terms).toEqual([entityTerm('agency:innovation')]);
    expect(parseQuery('지역혁신부는', LEXICON).terms).toEqual([entityTerm('agency:innovation')]);
    expect(parseQuery('지역혁신부장관이', LEXICON).entities).toEqual(['agency:innovation']);
  });

  it('matches a name of two words typed with a space (and without)', () => {
    const spaced = parseQuery('한국 해양혁신원', LEXICON);
    expect(spaced.terms).toEqual([entityTerm('organization:kmii')]);
    expect(spaced.words).toEqual(['한국해양혁신원']);
    expect(parseQuery('한국해양혁신원', LEXICON).terms).toEqual([entityTerm('organization:kmii')]);
    // With a particle on the last word and a further word.
    expect(parseQuery('한국 해양혁신원과 협력', LEXICON).terms).toEqual([entityTerm('organization:kmii'), termOf('k', '협력')]);
  });

  it('reads an acronym alias case-insensitively', () => {
    expect(parseQuery('kmii', LEXICON).terms).toEqual([entityTerm('organization:kmii')]);
  });

  it('keeps a programme typed by its own name a text search, but reads its alias as its term', () => {
    expect(parseQuery('바다숲조성사업', LEXICON)).toMatchObject({ terms: [termOf('k', '바다숲조성사업')], entities: [] });
    expect(parseQuery('바다숲사업', LEXICON)).toMatchObject({ terms: [entityTerm('program:sea-forest')], entities: ['program:sea-forest'] });
  });

  it('keeps an ambiguous name a text search', () => {
    expect(parseQuery('어촌혁신센터', LEXICON)).toMatchObject({ terms: [termOf('k', '어촌혁신센터')], entities: [] });
  });

  it('reads names without a lexicon as text', () => {
    expect(parseQuery('산진처', null).terms).toEqual([termOf('k', '산진처')]);
  });
});

describe('query: words', () => {
  it('strips a particle and searches by prefix (no END)', () => {
    const q = parseQuery('클러스터를', LEXICON);
    expect(q.terms).toEqual([termOf('k', '클러스터')]);
    expect(q.words).toEqual(['클러스터']);
    expect(q.highlights).toEqual(['클러스터']);
  });

  it('keeps a corpus noun that ends like a particle whole (nostrip)', () => {
    expect(parseQuery('전문가', LEXICON).terms).toEqual([termOf('k', '전문가')]);
    expect(parseQuery('고속도로', LEXICON).terms).toEqual([termOf('k', '고속도로')]);
    expect(parseQuery('전문가', null).terms).toEqual([termOf('k', '전문')]);
    expect(parseQuery('고속도로', null).terms).toEqual([termOf('k', '고속도')]);
  });

  it('searches an acronym in capitals exactly, in lower case by prefix', () => {
    expect(parseQuery('TIPS', null).terms).toEqual(['etipsz']);
    expect(parseQuery('tips', null).terms).toEqual(['etips']);
    expect(parseQuery('AC', null).terms).toEqual(['eacz']);
    expect(parseQuery('R&D', null).terms).toEqual(['erdz']);
    expect(parseQuery('Offshore', null).terms).toEqual(['eoffshore']);
    expect(parseQuery('Lazy', null).terms).toEqual(['elayyyx']);
  });

  it('searches numbers exactly', () => {
    expect(parseQuery('2031', null).terms).toEqual(['n2031z']);
    expect(parseQuery('1,000', null).terms).toEqual(['n1000z']);
  });

  it('writes a word of several runs as one m-term, stripping the particle of its last Hangul run only', () => {
    expect(parseQuery('R&D사업을', null).terms).toEqual([mixedTermOf(runsOf('R&D사업'))]);
    expect(parseQuery('1조원을', null).terms).toEqual([`mn1${termOf('k', '조원')}`]);
    const q = parseQuery('항만·물류를', null);
    expect(q.terms).toEqual([mixedTermOf([{ cls: 'k', text: '항만', start: 0 }, { cls: 'k', text: '물류', start: 3 }])]);
    expect(q.words).toEqual(['항만', '물류']);
  });

  it('ANDs words, drops duplicate terms, orders highlights longest first', () => {
    const q = parseQuery('어촌 갯벌생태관광 어촌을', null);
    expect(q.terms).toEqual([termOf('k', '어촌'), termOf('k', '갯벌생태관광')]);
    expect(q.highlights).toEqual(['갯벌생태관광', '어촌']);
    expect(parseQuery('  ', null).terms).toEqual([]);
    expect(parseQuery('🚢', null).terms).toEqual([]);
  });

  it('normalises decomposed Hangul', () => {
    expect(parseQuery('클러스터를'.normalize('NFD'), null).terms).toEqual([termOf('k', '클러스터')]);
  });

  it('mixes entity terms and words in one query', () => {
    const q = parseQuery('산진처 갯벌', LEXICON);
    expect(q.terms).toEqual([entityTerm('agency:promo-office'), termOf('k', '갯벌')]);
    expect(q.literal).toEqual(['갯벌']);
  });
});

describe('query: lineage', () => {
  it('withPredecessors follows the chain and the merger', () => {
    expect(withPredecessors(['innovation'], LEXICON).sort()).toEqual(['coast-bureau', 'innovation', 'marine-tech', 'promo-office']);
    expect(withPredecessors(['promo-office'], LEXICON).sort()).toEqual(['coast-bureau', 'promo-office']);
    expect(withPredecessors(['coast-bureau'], LEXICON)).toEqual(['coast-bureau']);
    expect(withPredecessors(['unknown'], LEXICON)).toEqual(['unknown']);
  });

  it('formsWithPredecessors lists every form of the entity and of all its predecessors', () => {
    expect(formsWithPredecessors('agency:innovation', LEXICON).sort()).toEqual(['산진처', '연안개발국', '지역산업진흥처', '지역혁신부', '지역혁신부장관', '해양기술청', '혁신부'].sort());
    expect(formsWithPredecessors('agency:marine-tech', LEXICON)).toEqual(['해양기술청']);
    expect(formsWithPredecessors('agency:none', LEXICON)).toEqual([]);
  });

  it('withPredecessors stops on a cycle', () => {
    const cyclic: Lexicon = { ...LEXICON, entities: { 'agency:a': entry('가청', [], ['agency:b']), 'agency:b': entry('나청', [], ['agency:a']) } };
    expect(withPredecessors(['a'], cyclic).sort()).toEqual(['a', 'b']);
    expect(formsWithPredecessors('agency:a', cyclic).sort()).toEqual(['가청', '나청']);
  });
});

describe('lexicon wire form', () => {
  it('writes each entity once, predecessors as indexes, and expands back to the same lexicon', () => {
    const wire = compactLexicon(LEXICON);
    expect(wire.e.map(([ref]) => ref)).toEqual(Object.keys(LEXICON.entities).sort());
    const at = (ref: string) => wire.e.findIndex(([r]) => r === ref);
    expect(wire.e[at('agency:innovation')]).toEqual(['agency:innovation', ['지역혁신부', '혁신부', '지역혁신부장관'], [at('agency:promo-office'), at('agency:marine-tech')]]);
    expect(wire.e[at('agency:marine-tech')]).toEqual(['agency:marine-tech', ['해양기술청']]);
    expect(expandLexicon(JSON.parse(JSON.stringify(wire)))).toEqual(LEXICON);
  });
});

// ---------------------------------------------------------------------------------------------
// excerpt
// ---------------------------------------------------------------------------------------------

/** A content stream and its blocks meta, as records.ts writes them (one term per run). */
function stream(blocks: [anchor: string, text: string][]): { content: string; blocks: string } {
  const tokens: string[] = [];
  const starts: string[] = [];
  for (const [anchor, text] of blocks) {
    starts.push(`${anchor}:${tokens.length}`);
    for (const word of text.split(' ')) tokens.push(toDisplayToken(word), ...termsOfWord(word));
  }
  return { content: tokens.join(' '), blocks: starts.join(' ') };
}

describe('excerpt', () => {
  const harbour = stream([
    ['L1', '항만 주변 도로를 정비한다.'],
    ['L2', '새 항만 배후단지에 물류 창고를 짓는다.'],
  ]);
  const terms = [termOf('k', '항만'), termOf('k', '물류')];

  it('lands on the block with the most distinct query terms and marks the matching words', () => {
    const e = buildExcerpt(harbour.content, terms, harbour.blocks);
    expect(e.anchor).toBe('L2');
    expect(e.matched).toEqual(['항만', '항만', '물류']);
    expect(e.html).toBe('… 주변 도로를 정비한다. 새 <mark>항만</mark> 배후단지에 <mark>물류</mark> 창고를 짓는다.');
  });

  it('prefers distinct terms over repeated hits of one term', () => {
    const s = stream([
      ['L1', '물류 물류 물류 창고'],
      ['L2', '항만 물류'],
    ]);
    expect(buildExcerpt(s.content, terms, s.blocks).anchor).toBe('L2');
    // With one query term the block with more hits wins.
    expect(buildExcerpt(s.content, [termOf('k', '물류')], s.blocks).anchor).toBe('L1');
  });

  it('matches by prefix, as Pagefind does', () => {
    const e = buildExcerpt(harbour.content, [termOf('k', '배후')], harbour.blocks);
    expect(e.matched).toEqual(['배후단지에']);
    expect(e.anchor).toBe('L2');
    // Exact (END) terms match whole runs only.
    expect(buildExcerpt(harbour.content, [indexTermOf('k', '배후')], harbour.blocks).matched).toEqual([]);
  });

  it('escapes HTML of the source text', () => {
    const s = stream([['L3', '경고문 <script>alert(1)</script> "인용" 과 \'작은\' R&D 표기']]);
    const e = buildExcerpt(s.content, ['ealert'], s.blocks);
    expect(e.html).toBe('경고문 <mark>&#60;script&#62;alert(1)&#60;/script&#62;</mark> &#34;인용&#34; 과 &#39;작은&#39; R&#38;D 표기');
    expect(e.html).not.toContain('<script');
    expect(e.matched).toEqual(['<script>alert(1)</script>']);
  });

  it('reproduces the display words exactly', () => {
    const text = '下半期 예산 1,000억원(추정) 🚢 𠀀자 ’31년 Offshore·풍력 「해안법」 제3조';
    const s = stream([['L4', text]]);
    const e = buildExcerpt(s.content, [], s.blocks, 100);
    expect(e.html).toBe(text);
    expect(e.anchor).toBeNull();
    expect(e.matched).toEqual([]);
  });

  it('cuts a window of `size` words around the first match', () => {
    const s = stream([['L5', '하나 둘 셋 넷 다섯 여섯 일곱 항만 여덟 아홉 열']]);
    // Four words before the first match, then up to `size` words in all.
    expect(buildExcerpt(s.content, [termOf('k', '항만')], s.blocks, 6).html).toBe('… 넷 다섯 여섯 일곱 <mark>항만</mark> 여덟 …');
    expect(buildExcerpt(s.content, [termOf('k', '항만')], s.blocks).html).toBe('… 넷 다섯 여섯 일곱 <mark>항만</mark> 여덟 아홉 열');
  });

  it('lands on no anchor when nothing matches, and on the text before the first block when the match is there', () => {
    expect(buildExcerpt(harbour.content, [termOf('k', '공항')], harbour.blocks)).toEqual({ html: '항만 주변 도로를 정비한다. 새 항만 배후단지에 물류 창고를 짓는다.', anchor: null, block: -1, matched: [] });
    // A record whose first block starts after a title.
    const title = toDisplayToken('계획') + ' ' + termsOfWord('계획').join(' ');
    const body = stream([['L7', '항만 물류']]);
    const shifted = body.blocks.replace(/:(\d+)/, (_, n: string) => `:${Number(n) + 2}`);
    expect(buildExcerpt(`${title} ${body.content}`, [termOf('k', '계획')], shifted).anchor).toBeNull();
    expect(buildExcerpt(`${title} ${body.content}`, [termOf('k', '물류')], shifted)).toMatchObject({ anchor: 'L7', block: 0 });
  });

  it('works on a built record: the old name is marked for a query of the new one', () => {
    const { records } = buildRecords(corpus());
    const s1 = records.find((r) => r.url === `${DOC_URL}#I-1`)!;
    const byService = buildExcerpt(s1.content, parseQuery('서비스', null).terms, s1.meta.blocks);
    expect(byService.anchor).toBe('L5');
    expect(byService.matched).toEqual(['사업지원서비스를']);
    const byAgency = buildExcerpt(s1.content, parseQuery('지역혁신부', LEXICON).terms, s1.meta.blocks);
    expect(byAgency.anchor).toBe('L5');
    expect(byAgency.matched).toEqual(['지역산업진흥처는']);
    expect(byAgency.html).toContain('<mark>지역산업진흥처는</mark> ’27년까지');
  });
});

// ---------------------------------------------------------------------------------------------
// suggest
// ---------------------------------------------------------------------------------------------

describe('suggest', () => {
  it('jamo decomposes syllables into initial, medial and final', () => {
    expect(jamo('한')).toBe('\u1112\u1161\u11ab');
    expect(jamo('가')).toBe('\u1100\u1161');
    expect(jamo('청')).toBe('\u110e\u1165\u11bc');
    expect(jamo('AI가')).toBe('ai\u1100\u1161');
    expect(jamo('𠀀')).toBe('𠀀');
  });

  it('finds the word one jamo away', () => {
    expect(closest('클러스타', ['클러스터', '클러치', '스타트업'])).toEqual(['클러스터']);
    expect(closest('특허천', ['통계청', '특허권', '항만청', '특허청'])).toEqual(['특허청', '특허권']);
    expect(closest('갯뻘', ['갯벌', '개발', '뻘밭'])).toEqual(['갯벌']);
  });

  it('adds words that contain the query or that it contains, after the close ones', () => {
    expect(closest('바다숲', ['바다숲조성사업', '바닷길', '바다'])).toEqual(['바다', '바다숲조성사업']);
  });

  it('never suggests the word itself, and respects the limit', () => {
    expect(closest('특허청', ['특허청', '특허천'])).toEqual(['특허천']);
    expect(closest('항만', ['항만청', '항만공사', '항만법', '항만도시'], 2)).toEqual(['항만법', '항만청']);
  });

  it('suggests nothing for a one-character input', () => {
    expect(closest('a', ['b', 'ab', 'a1'])).toEqual([]);
    expect(closest('x', ['x2', 'y'])).toEqual([]);
  });
});

describe('fixes from review (each was a failing case)', () => {
  it('drops a particle written after a Latin word, a number or a quotation', () => {
    expect(parseQuery('AI를', null).terms).toEqual([termOf('e', 'AI') + END]);
    expect(parseQuery('TIPS는', null).terms).toEqual([termOf('e', 'TIPS') + END]);
    expect(parseQuery('“항만”을', null).terms).toEqual([termOf('k', '항만')]);
  });

  it('keeps a decimal point between digits: 3.5 is not 35, and 1,000 is 1000', () => {
    expect(termOf('n', '3.5')).not.toBe(termOf('n', '35'));
    expect(termOf('n', '1,000')).toBe(termOf('n', '1000'));
  });

  it('indexes a two-digit year inside a word as its full year too (’27년 = 2027년)', () => {
    const records = buildRecords(corpus()).records;
    const query = parseQuery('2027년', null).terms;
    expect(hits(records, query).length).toBeGreaterThan(0);
  });

  it('lower-cases and normalises letters of every script (École = école, Ａ１ = A1)', () => {
    expect(termsOfWord('École')).toEqual(termsOfWord('école'));
    expect(termsOfWord('Ａ１')).toEqual(termsOfWord('A1'));
  });

  it('suggests nothing for one Hangul syllable', () => {
    expect(closest('청', ['정', '청사'])).toEqual([]);
  });
});
