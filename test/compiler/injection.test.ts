import { expect, test } from 'vitest';
import { compileOk, body } from '../helpers.ts';
import { fromMdx, textStream } from '../../src/compiler/emit/serialize.ts';

const hostile = [
  'import fs from "node:fs"',
  'export const x = 1',
  '<script>alert(1)</script> 본문',
  '{process.exit(1)} 중괄호 {',
  '} 닫는 중괄호와 <b>굵게</b> <img src=x onerror=alert(1)>',
  '* 별표로 시작 _밑줄_ **강조** [링크](javascript:alert(1)) ![그림](x.png)',
  '# 제목처럼 보이는 줄',
  '| a | b |',
  '<!-- 주석 --> &amp; &lt; \\ 백슬래시',
  '```',
  '[^1] 각주처럼 보이는 글',
];

test('text that looks like MDX, HTML or markdown stays text', () => {
  const source = hostile.join('\n\n') + '\n';
  const doc = compileOk(source);
  const tree = fromMdx(doc.mdx);
  // No ESM, no expressions, no raw HTML survive as code: only our own components.
  const kinds = new Set<string>();
  const walk = (n: any) => {
    kinds.add(n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement' ? `jsx:${n.name}` : n.type);
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  expect([...kinds].filter((k) => ['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html'].includes(k) || (k.startsWith('jsx:') && !['jsx:Para', 'jsx:Item', 'jsx:List', 'jsx:Anchor', 'jsx:Table', 'jsx:Pre', 'jsx:Figure'].includes(k)))).toEqual([]);
  for (const line of hostile) expect(textStream(tree)).toContain(line.replace(/\s+/gu, '').replace(/^\*/u, '').replace(/^#/, '#'));
  expect(body(doc)).not.toMatch(/^import /mu);
});
