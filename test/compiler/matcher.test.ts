import { describe, expect, test } from 'vitest';
import { MentionMatcher, resolveByDate } from '../../src/compiler/knowledge/matcher.ts';
import { entityRef, type Entity } from '../../src/compiler/knowledge/registry.ts';

const entity = (type: Entity['type'], id: string, name: string, more: Partial<Entity> = {}): Entity => ({
  ref: entityRef(type, id), type, id, name, aliases: [], titles: [], predecessors: [], successors: [], unverified: false, sources: [{ ref: 'test' }], ...more,
});
const entities = [
  entity('agency', 'kipo', '특허청', { titles: ['특허청장'] }),
  entity('agency', 'motie', '산업통상자원부', { aliases: ['산업부'] }),
  entity('agency', 'moef', '기획재정부', { aliases: ['기재부'], titles: ['부총리 겸 기획재정부 장관'] }),
  entity('agency', 'mofe-1998', '재정경제부', { from: '1998-02-28', until: '2008-02-29' }),
  entity('agency', 'mofe-2026', '재정경제부', { from: '2026-01-02' }),
  entity('law', 'industrial-sites-act', '산업입지 및 개발에 관한 법률', { aliases: ['산업입지법'] }),
  entity('term', 'vc', 'VC', { definition: '벤처캐피털' }),
  entity('place', 'daedeok', '대덕'),
  entity('program', 'tips', 'TIPS', { aliases: ['스케일업 TIPS'] }),
];
const matcher = new MentionMatcher(entities);
const find = (text: string) => matcher.find(text).map((m) => `${text.slice(m.start, m.end)}→${m.refs.join('|')}`);

describe('mention matching', () => {
  test.each([
    ['클러스터-특허청 간 협력', ['특허청→agency:kipo']],
    ['특허청과 협력하여', ['특허청→agency:kipo']],
    ['특허청장 등', ['특허청장→agency:kipo']],
    ['산업부문 관점', []],
    ['산업부는 발표했다', ['산업부→agency:motie']],
    ['부총리 겸 기획재정부 장관, 기재부', ['부총리 겸 기획재정부 장관→agency:moef', '기재부→agency:moef']],
    ['「산업입지법」 개정', ['산업입지법→law:industrial-sites-act']],
    ['AC·VC 등', ['VC→term:vc']],
    ['VC기반 투자', ['VC→term:vc']],
    ['NVCA 자료', []],
    ['클러스터 전용 스케일업 TIPS 프로그램', ['스케일업 TIPS→program:tips']],
    ['대덕연구단지', []],
    ['대덕 연구개발특구', ['대덕→place:daedeok']],
  ])('%s', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  test('a reused name resolves by the document date', () => {
    const map = new Map(entities.map((e) => [e.ref, e]));
    const refs = matcher.find('재정경제부')[0]!.refs;
    expect(resolveByDate(map, refs, '2002-11-01')).toBe('agency:mofe-1998');
    expect(resolveByDate(map, refs, '2026-03')).toBe('agency:mofe-2026');
  });
});

test('a ·-list sharing one suffix names each agency', () => {
  const m = new MentionMatcher([
    entity('agency', 'msit', '과학기술정보통신부', { aliases: ['과기정통부'] }),
    entity('agency', 'mohw', '보건복지부', { aliases: ['복지부'] }),
    entity('agency', 'molit', '국토교통부', { aliases: ['국토부'] }),
  ]);
  const text = '과기정통·복지·산업·국토부 장관';
  expect(m.find(text).map((x) => `${text.slice(x.start, x.end)}→${x.refs[0]}`)).toEqual(['과기정통→agency:msit', '복지→agency:mohw', '국토부→agency:molit']);
});
