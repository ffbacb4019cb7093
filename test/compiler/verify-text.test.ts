import { expect, test } from 'vitest';
import { VFile } from 'vfile';
import { compileOk } from '../helpers.ts';
import { fromMdx } from '../../src/compiler/emit/serialize.ts';
import remarkVerifyText from '../../src/site/markdown/remark-verify-text.ts';

const doc = compileOk('□ (규제 완화) 용도변경 {중괄호} <b>태그</b>\n\nㅇ 세부 항목*\n\n* 주석 내용\n');
const digest = /textDigest: (\w+)/u.exec(doc.mdx)![1]!;
const check = remarkVerifyText();

test('the build-time check accepts the MDX the compiler wrote', () => {
  const file = new VFile({ path: 'x.mdx', data: { astro: { frontmatter: { textDigest: digest } } } as never });
  expect(() => check(fromMdx(doc.mdx), file)).not.toThrow();
});

test('…and stops the build, naming the file and rule, when the parsed text differs', () => {
  const file = new VFile({ path: 'x.mdx', data: { astro: { frontmatter: { textDigest: digest } } } as never });
  const tampered = fromMdx(doc.mdx.replace('용도변경', '용도 변경됨'));
  expect(() => check(tampered, file)).toThrow(/x\.mdx: .* \[kb:check\/roundtrip\]/u);
});
