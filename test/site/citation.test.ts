import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  absoluteUrl,
  apaAuthors,
  apaDate,
  apaReference,
  bibtex,
  bibtexEscape,
  bibtexUrl,
  caseCitation,
  citeDate,
  cslItem,
  cslJson,
  documentCitation,
  documentCreators,
  dublinCoreTags,
  entityCitation,
  highwireTags,
  jsonLd,
  jsonLdText,
  KB_NAME,
  koreanDate,
  koreanReference,
  measureCitation,
  personName,
  ris,
  sectionCitation,
  siteOrigin,
  type CitedDocument,
} from '../../src/site/lib/citation.ts';

const site = new URL('https://kb.test');

const press: CitedDocument = {
  id: '2023-06-01-moef-global-cluster-press' as CitedDocument['id'],
  title: '업종규제 완화, 민간자금 중심 벤처투자 등 세계 최고 첨단산업 글로벌 협력지구(클러스터) 조성',
  kind: 'press-release',
  kindLabel: '보도자료',
  issued: { value: '2023-06-01', precision: 'day' },
  publishers: ['기획재정부'],
  authors: 'unknown',
  sourceUrl: 'unknown',
};
const report: CitedDocument = {
  id: '2002-11-01-seri-bio-cluster-strategy' as CitedDocument['id'],
  title: '한국 바이오클러스터 발전전략',
  kind: 'report-summary',
  kindLabel: '보고서 요약',
  issued: { value: '2002-11-01', precision: 'day' },
  publishers: ['biozine'],
  authors: ['고유상 (삼성경제연구소 기술산업실)'],
  sourceUrl: 'unknown',
};
const thesis: CitedDocument = {
  id: '2006-thesis-innovation-cluster-gri-sme' as CitedDocument['id'],
  title: '혁신클러스터와 정부출연(연)의 중소기업 지원 역할에 관한 연구',
  kind: 'thesis',
  kindLabel: '학위논문',
  issued: { value: '2006', precision: 'year' },
  publishers: 'unknown',
  authors: 'unknown',
  sourceUrl: 'unknown',
};
const news: CitedDocument = {
  id: '2010-mke-industrial-complex-cluster' as CitedDocument['id'],
  title: '산업단지 클러스터 강화',
  kind: 'news',
  kindLabel: '보도 기사',
  issued: { value: '2010-04', precision: 'month' },
  publishers: ['지식경제부', '한국산업단지공단'],
  authors: 'unknown',
  sourceUrl: 'https://example.org/news/1',
};
const agency = {
  type: 'agency' as const,
  id: 'mss',
  name: '중소벤처기업부',
  kind: 'ministry',
  aliases: ['중기부'],
  description: '중소기업 정책을 맡는 중앙행정기관.',
  from: '2017-07-26',
};

describe('dates at their real precision', () => {
  test('day, month and year stay as precise as the record; quarter and half become the year; unknown stays unknown', () => {
    expect(citeDate({ value: '2023-06-01', precision: 'day' })).toEqual({ year: 2023, month: 6, day: 1 });
    expect(citeDate({ value: '2023-06', precision: 'month' })).toEqual({ year: 2023, month: 6 });
    expect(citeDate({ value: '2023', precision: 'year' })).toEqual({ year: 2023 });
    // A value written more precisely than its precision is cut to the precision.
    expect(citeDate({ value: '2023-06-01', precision: 'month' })).toEqual({ year: 2023, month: 6 });
    expect(citeDate({ value: '2023-Q2', precision: 'quarter' })).toEqual({ year: 2023 });
    expect(citeDate({ value: '2023-07', precision: 'half' })).toEqual({ year: 2023 });
    expect(citeDate(null)).toBeNull();
    expect(citeDate({ value: 'unknown', precision: 'year' })).toBeNull();
  });

  test('each format writes the date its own way', () => {
    expect([koreanDate({ year: 2023, month: 6, day: 1 }), koreanDate({ year: 2023, month: 6 }), koreanDate({ year: 2023 }), koreanDate(null)]).toEqual(['2023. 6. 1.', '2023. 6.', '2023', '연도 미상']);
    expect([apaDate({ year: 2023, month: 6, day: 1 }), apaDate({ year: 2023, month: 6 }), apaDate({ year: 2023 }), apaDate(null)]).toEqual(['2023, June 1', '2023, June', '2023', 'n.d.']);
  });
});

describe('authors and the site origin', () => {
  test('a document is by its authors when named (affiliation dropped), otherwise by its publishers, otherwise by nobody', () => {
    expect(personName('고유상 (삼성경제연구소 기술산업실)')).toBe('고유상');
    expect(personName('홍길동')).toBe('홍길동');
    expect(documentCreators(report)).toEqual([{ name: '고유상', type: 'person' }]);
    expect(documentCreators(news)).toEqual([
      { name: '지식경제부', type: 'organization' },
      { name: '한국산업단지공단', type: 'organization' },
    ]);
    expect(documentCreators(thesis)).toEqual([]);
  });

  test('permalinks are absolute on Astro’s `site`; without one the build stops', () => {
    expect(absoluteUrl('/docs/a/#L5', site)).toBe('https://kb.test/docs/a/#L5');
    expect(siteOrigin('https://kb.test/sub/page').href).toBe('https://kb.test/');
    expect(() => siteOrigin(undefined)).toThrow(/astro\.config\.mjs sets no `site`/);
    expect(documentCitation(press, site).url).toBe('https://kb.test/docs/2023-06-01-moef-global-cluster-press/');
  });

  test('a measure is by its document’s creators, in its document; its agencies are what it is about', () => {
    const c = measureCitation({ id: `${press.id}--L108`, label: '앵커기업·스타트업 협력으로 개방형 혁신 활성화' }, press, site, [{ name: '중소벤처기업부' }]);
    expect(c.authors.map((a) => a.name)).toEqual(['기획재정부']);
    expect(c.url).toBe(`https://kb.test/measures/${press.id}--L108/`);
    expect(c.container).toEqual({ title: press.title, url: `https://kb.test/docs/${press.id}/`, type: 'press-release', typeLabel: '보도자료' });
    expect(c.issued).toEqual({ year: 2023, month: 6, day: 1 });
    expect(c.about).toEqual([{ type: 'GovernmentOrganization', name: '중소벤처기업부', alternateNames: [] }]);
  });

  test('a section is cited as a part of its document, at its anchor, in every format', () => {
    const c = sectionCitation({ id: 'IV-1', num: '1.', title: '중앙정부의 지원 패키지' }, thesis, site);
    expect(c.kind).toBe('section');
    expect(c.title).toBe('1. 중앙정부의 지원 패키지');
    expect(c.url).toBe(`https://kb.test/docs/${thesis.id}/#IV-1`);
    expect(c.container).toEqual({ title: thesis.title, url: `https://kb.test/docs/${thesis.id}/`, type: 'thesis', typeLabel: '학위논문' });
    expect(c.issued).toEqual({ year: 2006 });
    expect(koreanReference(c)).toBe(`“1. 중앙정부의 지원 패키지” (2006). 「${thesis.title}」. 학위논문. ${KB_NAME}. https://kb.test/docs/${thesis.id}/#IV-1`);
    expect(apaReference(c)).toContain(`In ${thesis.title} [Thesis]`);
    // The anchor's `#` is escaped in BibTeX's url field; a section is a part (CHAP, chapter) of its document.
    expect(bibtex(c)).toContain(`url          = {https://kb.test/docs/${thesis.id}/\\#IV-1}`);
    expect(bibtex(c)).toContain('학위논문 「');
    expect(bibtex(c)).toContain('」의 절}');
    expect(ris(c)).toMatch(/^TY {2}- CHAP$/m);
    expect(ris(c)).toMatch(new RegExp(`^T2 {2}- ${thesis.title.replace(/[()]/g, '\\$&')}$`, 'm'));
    expect(cslItem(c)).toMatchObject({ type: 'chapter', genre: '절', 'container-title': thesis.title, URL: c.url });
    // Keys stay distinct from the document's and from a measure at the same place.
    expect(bibtex(c)).toMatch(new RegExp(`^@misc\\{kb-docs-${thesis.id}--IV-1,`));
    // Without a number, the title alone.
    expect(sectionCitation({ id: 'ref1', title: '전략회의 개요' }, press, site).title).toBe('전략회의 개요');
  });

  test('entity and case pages are by the knowledge base and undated', () => {
    const e = entityCitation(agency, site);
    expect(e.authors).toEqual([{ name: KB_NAME, type: 'organization' }]);
    expect(e.issued).toBeNull();
    expect(e.url).toBe('https://kb.test/agencies/mss/');
    const c = caseCitation({ id: `${thesis.id}--4-2-1`, title: '안산시화 혁신클러스터', anchor: '4-2-1' }, thesis, site);
    expect(c.url).toBe(`https://kb.test/cases/${thesis.id}--4-2-1/`);
    expect(c.about[0]!.partOf).toEqual({ title: thesis.title, url: `https://kb.test/docs/${thesis.id}/#4-2-1` });
  });
});

describe('references for people', () => {
  test('Korean style: authors (date). 「title」. kind. [publisher.] knowledge base. URL', () => {
    expect(koreanReference(documentCitation(press, site))).toBe(
      `기획재정부 (2023. 6. 1.). 「${press.title}」. 보도자료. 클러스터 정책 지식베이스. https://kb.test/docs/${press.id}/`,
    );
    expect(koreanReference(documentCitation(report, site))).toBe(
      `고유상 (2002. 11. 1.). 「한국 바이오클러스터 발전전략」. 보고서 요약. biozine. 클러스터 정책 지식베이스. https://kb.test/docs/${report.id}/`,
    );
    expect(koreanReference(documentCitation(news, site))).toBe(`지식경제부·한국산업단지공단 (2010. 4.). 「산업단지 클러스터 강화」. 보도 기사. 클러스터 정책 지식베이스. https://kb.test/docs/${news.id}/`);
    // No author: the title leads.
    expect(koreanReference(documentCitation(thesis, site))).toBe(`「${thesis.title}」 (2006). 학위논문. 클러스터 정책 지식베이스. https://kb.test/docs/${thesis.id}/`);
    expect(koreanReference(measureCitation({ id: `${press.id}--L108`, label: '개방형 혁신' }, press, site))).toBe(
      `기획재정부 (2023. 6. 1.). “개방형 혁신”. 「${press.title}」. 보도자료. 클러스터 정책 지식베이스. https://kb.test/measures/${press.id}--L108/`,
    );
    expect(koreanReference(entityCitation(agency, site))).toBe('클러스터 정책 지식베이스 (연도 미상). “중소벤처기업부”. 기관 항목. https://kb.test/agencies/mss/');
  });

  test('APA 7: n.d., group authors with &, descriptions in brackets, parts “In” their document, site name once', () => {
    expect(apaReference(documentCitation(press, site))).toBe(`기획재정부. (2023, June 1). ${press.title} [Press release]. 클러스터 정책 지식베이스. https://kb.test/docs/${press.id}/`);
    expect(apaReference(documentCitation(news, site))).toBe(`지식경제부, & 한국산업단지공단. (2010, April). 산업단지 클러스터 강화 [News article]. 클러스터 정책 지식베이스. https://kb.test/docs/${news.id}/`);
    expect(apaReference(documentCitation(report, site))).toBe(`고유상. (2002, November 1). 한국 바이오클러스터 발전전략 [Summary of a report]. biozine. 클러스터 정책 지식베이스. https://kb.test/docs/${report.id}/`);
    expect(apaReference(documentCitation(thesis, site))).toBe(`${thesis.title} [Thesis]. (2006). 클러스터 정책 지식베이스. https://kb.test/docs/${thesis.id}/`);
    expect(apaReference(measureCitation({ id: `${press.id}--L108`, label: '개방형 혁신' }, press, site))).toBe(
      `기획재정부. (2023, June 1). 개방형 혁신. In ${press.title} [Press release]. 클러스터 정책 지식베이스. https://kb.test/measures/${press.id}--L108/`,
    );
    expect(apaReference(entityCitation(agency, site))).toBe('클러스터 정책 지식베이스. (n.d.). 중소벤처기업부 [Agency entry]. https://kb.test/agencies/mss/');
    expect(apaAuthors(['A', 'B', 'C'])).toBe('A, B, & C');
    const many = Array.from({ length: 22 }, (_, i) => `N${i + 1}`);
    expect(apaAuthors(many)).toBe(`${many.slice(0, 19).join(', ')}, … N22`);
  });
});

describe('BibTeX', () => {
  test('a @misc entry: names and title braced whole, year and month macro, no day, KB as howpublished', () => {
    expect(bibtex(documentCitation(press, site))).toBe(
      [
        `@misc{kb-docs-${press.id},`,
        '  author       = {{기획재정부}},',
        `  title        = {{${press.title}}},`,
        '  year         = {2023},',
        '  month        = jun,',
        '  note         = {보도자료},',
        '  publisher    = {기획재정부},',
        '  howpublished = {클러스터 정책 지식베이스},',
        `  url          = {https://kb.test/docs/${press.id}/},`,
        '  language     = {korean},',
        '}',
      ].join('\n'),
    );
    const news2 = bibtex(documentCitation(news, site));
    expect(news2).toContain('author       = {{지식경제부} and {한국산업단지공단}},');
    expect(news2).toContain('month        = apr,');
    const noDate = bibtex(documentCitation(thesis, site));
    expect(noDate).not.toMatch(/author|month/);
    expect(noDate).toContain('year         = {2006},');
    const entity = bibtex(entityCitation(agency, site));
    expect(entity).toContain(`author   = {{${KB_NAME}}},`);
    expect(entity).not.toContain('howpublished');
    expect(entity).not.toContain('year');
  });

  test('LaTeX specials are escaped, so braces always balance and nothing is read as a command', () => {
    expect(bibtexEscape('50% & $5 #1 a_b ^ ~ \\x {y}')).toBe('50\\% \\& \\$5 \\#1 a\\_b \\textasciicircum{} \\textasciitilde{} \\textbackslash{}x \\{y\\}');
    expect(bibtexEscape('줄\n바꿈')).toBe('줄 바꿈');
    expect(bibtexUrl('https://kb.test/a%20b/#L5')).toBe('https://kb.test/a\\%20b/#L5'.replace('#', '\\#'));
    const hostile = bibtex(documentCitation({ ...press, title: '}, author = {x', publishers: ['A {B'] }, site));
    expect(hostile).toContain('title        = {{\\}, author = \\{x}},');
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = bibtexEscape(s);
        // Unescaped braces (not preceded by a backslash) balance; escaped text holds no bare specials.
        let depth = 0;
        for (let i = 0; i < out.length; i++) {
          if (out[i] === '\\') {
            i++;
            continue;
          }
          if (out[i] === '{') depth++;
          if (out[i] === '}') depth--;
          if (depth < 0) return false;
          if (/[%&$#_^~]/.test(out[i]!)) return false;
        }
        return depth === 0;
      }),
    );
  });
});

describe('RIS', () => {
  test('tags in order, one author a line, PY and DA at their precision, ER last', () => {
    expect(ris(documentCitation(press, site)).split('\n')).toEqual([
      'TY  - RPRT',
      `TI  - ${press.title}`,
      'AU  - 기획재정부',
      'PY  - 2023',
      'DA  - 2023/06/01',
      'M3  - 보도자료',
      'PB  - 기획재정부',
      `DB  - ${KB_NAME}`,
      'LA  - ko',
      `UR  - https://kb.test/docs/${press.id}/`,
      'ER  - ',
    ]);
    const n = ris(documentCitation(news, site));
    expect(n).toMatch(/^TY {2}- NEWS\n/);
    expect(n.match(/^AU {2}- .*/gm)).toEqual(['AU  - 지식경제부', 'AU  - 한국산업단지공단']);
    expect(n).toContain('DA  - 2010/04\n');
    expect(n).not.toContain('M3');
    const t = ris(documentCitation(thesis, site));
    expect(t).toMatch(/^TY {2}- THES\n/);
    expect(t).not.toMatch(/^(AU|DA|PB)/m);
    const m = ris(measureCitation({ id: `${press.id}--L108`, label: '개방형\n혁신' }, press, site));
    expect(m).toMatch(/^TY {2}- CHAP\nTI {2}- 개방형 혁신\n/);
    expect(m).toContain(`T2  - ${press.title}\n`);
    const e = ris(entityCitation(agency, site));
    expect(e).toMatch(/^TY {2}- ELEC\n/);
    expect(e).toContain(`T2  - ${KB_NAME}\n`);
    expect(e).toContain('M3  - 기관 항목\n');
    for (const out of [n, t, m, e]) for (const line of out.split('\n')) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
  });
});

describe('CSL-JSON', () => {
  test('type, title, literal authors, date-parts at their precision, URL, container-title', () => {
    const text = cslJson(documentCitation(press, site));
    expect(text.split('\n')).toContain('    "issued": {"date-parts":[[2023,6,1]]},');
    const [doc] = JSON.parse(text);
    expect(JSON.parse(text)).toEqual([cslItem(documentCitation(press, site))]);
    expect(doc).toMatchObject({ type: 'report', genre: '보도자료', title: press.title, author: [{ literal: '기획재정부' }], issued: { 'date-parts': [[2023, 6, 1]] }, URL: `https://kb.test/docs/${press.id}/`, publisher: '기획재정부', language: 'ko' });
    expect(cslItem(documentCitation(news, site)).issued).toEqual({ 'date-parts': [[2010, 4]] });
    const t = cslItem(documentCitation(thesis, site));
    expect(t.type).toBe('thesis');
    expect(t).not.toHaveProperty('issued.date-parts.0.1');
    expect(t).not.toHaveProperty('author');
    const m = cslItem(measureCitation({ id: `${press.id}--L108`, label: '개방형 혁신' }, press, site));
    expect(m).toMatchObject({ type: 'chapter', 'container-title': press.title, author: [{ literal: '기획재정부' }] });
    const e = cslItem(entityCitation(agency, site));
    expect(e).toMatchObject({ type: 'webpage', 'container-title': KB_NAME, author: [{ literal: KB_NAME }] });
    expect(e).not.toHaveProperty('issued');
  });
});

describe('metadata in <head>', () => {
  const names = (tags: { name: string; content: string }[], name: string) => tags.filter((t) => t.name === name).map((t) => t.content);

  test('Highwire: one citation_author per author, the date as YYYY/MM/DD or YYYY, the book title of a measure', () => {
    const d = highwireTags(documentCitation(news, site));
    expect(names(d, 'citation_author')).toEqual(['지식경제부', '한국산업단지공단']);
    expect(names(d, 'citation_publication_date')).toEqual(['2010']);
    expect(names(d, 'citation_language')).toEqual(['ko']);
    expect(names(d, 'citation_public_url')).toEqual([`https://kb.test/docs/${news.id}/`]);
    const p = highwireTags(documentCitation(press, site));
    expect(names(p, 'citation_publication_date')).toEqual(['2023/06/01']);
    expect(names(p, 'citation_technical_report_institution')).toEqual(['기획재정부']);
    const m = highwireTags(measureCitation({ id: `${press.id}--L108`, label: '개방형 혁신' }, press, site));
    expect(names(m, 'citation_book_title')).toEqual([press.title]);
    expect(names(highwireTags(documentCitation(thesis, site)), 'citation_author')).toEqual([]);
  });

  test('Dublin Core: W3CDTF date at its precision, permalink as identifier, Text', () => {
    const d = dublinCoreTags(documentCitation(news, site));
    expect(names(d, 'DC.date')).toEqual(['2010-04']);
    expect(names(d, 'DC.creator')).toEqual(['지식경제부', '한국산업단지공단']);
    expect(names(d, 'DC.identifier')).toEqual([`https://kb.test/docs/${news.id}/`]);
    expect(names(d, 'DC.source')).toEqual(['https://example.org/news/1']);
    expect(names(d, 'DC.type')).toEqual(['Text']);
    expect(names(dublinCoreTags(entityCitation(agency, site)), 'DC.date')).toEqual([]);
  });

  test('schema.org: Report / NewsArticle / Thesis, a measure part of its document, an entity page about its entity', () => {
    expect(jsonLd(documentCitation(press, site))).toMatchObject({ '@type': 'Report', datePublished: '2023-06-01', author: [{ '@type': 'Organization', name: '기획재정부' }] });
    expect(jsonLd(documentCitation(news, site))).toMatchObject({ '@type': 'NewsArticle', datePublished: '2010-04', isBasedOn: 'https://example.org/news/1' });
    expect(jsonLd(documentCitation(report, site))).toMatchObject({ '@type': 'Report', author: [{ '@type': 'Person', name: '고유상' }], publisher: [{ name: 'biozine' }] });
    expect(jsonLd(documentCitation(thesis, site))).not.toHaveProperty('author');
    expect(jsonLd(measureCitation({ id: `${press.id}--L108`, label: '개방형 혁신' }, press, site))).toMatchObject({
      '@type': 'CreativeWork',
      isPartOf: { '@type': 'Report', url: `https://kb.test/docs/${press.id}/`, isPartOf: { '@type': 'WebSite', name: KB_NAME } },
    });
    expect(jsonLd(entityCitation(agency, site))).toMatchObject({
      '@type': 'WebPage',
      author: [{ name: KB_NAME }],
      about: [{ '@type': 'GovernmentOrganization', name: '중소벤처기업부', alternateName: ['중기부'], foundingDate: '2017-07-26' }],
    });
    expect(jsonLd(entityCitation({ type: 'place', id: 'ansan', name: '안산', aliases: [] }, site))).toMatchObject({ about: [{ '@type': 'Place' }] });
    expect(jsonLd(entityCitation({ type: 'law', id: 'x', name: '법', kind: 'act', aliases: [] }, site))).toMatchObject({ about: [{ '@type': 'Legislation' }] });
  });

  test('JSON-LD text cannot close its <script> element, and parses back unchanged', () => {
    const hostile = { ...press, title: '</script><script>alert(1)</script><!-- & \u2028' };
    const text = jsonLdText(jsonLd(documentCitation(hostile, site)));
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text).name).toBe(hostile.title);
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const t = jsonLdText(v);
        return !/<|>|&|\u2028|\u2029/.test(t) && JSON.stringify(JSON.parse(t)) === JSON.stringify(v);
      }),
    );
  });
});
