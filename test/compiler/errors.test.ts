import { describe, expect, test } from 'vitest';
import { compileText, compileOk, body, META } from '../helpers.ts';
import { compileCorpus, CompileError } from '../../src/compiler/index.ts';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

describe('bad input stops the build with a positioned message', () => {
  test('invalid metadata names the file, line and rule', () => {
    const meta = `title: 시험\nkind: memo\nissued: "2023-13"\npublishers: []\nauthors: unknown\nsourceUrl: unknown\n`;
    const { result, messages } = compileText('본문입니다.', { meta });
    expect(result).toBeNull();
    expect(messages).toMatchInlineSnapshot(`
      [
        "content/sources/2024-test-doc/meta.yaml:2:7 error Unexpected value in \`kind\`: Invalid option: expected one of "press-release"|"plan"|"plan-summary"|"news"|"report"|"report-summary"|"thesis"|"call"|"rfp"|"other" [kb:meta/invalid]",
        "content/sources/2024-test-doc/meta.yaml:3:9 error Unexpected value in \`issued\`: expected an ISO date at its precision: YYYY, YYYY-MM or YYYY-MM-DD [kb:meta/invalid]",
        "content/sources/2024-test-doc/meta.yaml:4:13 error Unexpected value in \`publishers\`: Too small: expected array to have >=1 items [kb:meta/invalid]",
      ]
    `);
  });

  test('a missing required field points at the mapping', () => {
    const { messages } = compileText('본문', { meta: 'title: 시험\nkind: other\n' });
    expect(messages.join('\n')).toContain('meta.yaml:1:1 error Unexpected value in `issued`');
    expect(messages.every((m) => m.includes('[kb:meta/invalid]'))).toBe(true);
  });

  test('unknown metadata fields are rejected, not ignored', () => {
    const { messages } = compileText('본문', { meta: `${META}titel: 오타\n` });
    expect(messages.join('\n')).toMatch(/meta\.yaml:1:1 error .*titel.* \[kb:meta\/invalid\]/u);
  });

  test('YAML syntax errors', () => {
    const { messages } = compileText('본문', { meta: 'title: [열림\nkind: other\n' });
    expect(messages[0]).toMatch(/meta\.yaml:\d+:\d+ error Unexpected YAML: .* \[kb:meta\/syntax\]/u);
  });

  test('missing metadata and missing source', () => {
    expect(compileText('본문', { meta: null }).messages).toEqual([
      'content/sources/2024-test-doc/meta.yaml error Unexpected missing meta.yaml: every document folder needs one (see README “Adding a document”) [kb:meta/missing]',
    ]);
  });

  test('empty and white-space-only sources', () => {
    expect(compileText('').messages).toEqual(['content/sources/2024-test-doc/source.txt:1:1 error Unexpected empty source: source.txt holds no text [kb:source/empty]']);
    expect(compileText(' \n\t\n').result).toBeNull();
  });

  test('binary sources: NUL bytes and invalid UTF-8 (with the line)', () => {
    expect(compileText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])).messages[0]).toContain('[kb:source/binary]');
    const bytes = new Uint8Array([...new TextEncoder().encode('첫 줄\n둘째 줄\n'), 0xff, 0xfe, 0x41]);
    expect(compileText(bytes).messages).toEqual(['content/sources/2024-test-doc/source.txt:3:1 error Unexpected invalid UTF-8 sequence: save source.txt as UTF-8 [kb:source/binary]']);
  });

  test('invalid document ids', () => {
    expect(compileText('본문', { id: 'My Document' }).messages[0]).toContain('[kb:doc/id-invalid]');
  });

  test('an override whose target line does not hold the expected text', () => {
    const overrides = 'headings:\n  - before: 2\n    expect: "없는 글"\n    key: chapter\n    num: "제 9 장"\n    title: 가짜\n';
    const { result, messages } = compileText('첫째 줄이다.\n둘째 줄이다.\n', { overrides });
    expect(result).toBeNull();
    expect(messages).toEqual(['content/sources/2024-test-doc/overrides.yaml:2:5 error Unexpected text at source line 2: the override expects it to start with “없는 글” [kb:override/unknown-target]']);
  });

  test('an override schema error', () => {
    const { messages } = compileText('본문', { overrides: 'headings:\n  - before: -3\n' });
    expect(messages.join('\n')).toMatch(/overrides\.yaml:2:\d+ error .* \[kb:override\/invalid\]/u);
  });

  test('duplicate documents in a corpus stop the build', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'kb-'));
    for (const id of ['2024-a-doc', '2024-b-doc']) {
      await mkdir(path.join(root, 'content/sources', id), { recursive: true });
      await writeFile(path.join(root, 'content/sources', id, 'meta.yaml'), META);
      await writeFile(path.join(root, 'content/sources', id, 'source.txt'), '같은 본문이다.\n');
    }
    const error = await compileCorpus({ root, write: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CompileError);
    expect((error as CompileError).message).toContain('content/sources/2024-b-doc/source.txt:1:1 error Unexpected duplicate document: the same source text is already in content/sources/2024-a-doc/ [kb:doc/id-duplicate]');
  });
});

describe('awkward but valid input is handled', () => {
  const text = '□ (규제 완화) 용도변경 추진\n\nㅇ (시설 확충) 공동이용 시설 확충\n';

  test('BOM is removed and counted', () => {
    const doc = compileOk(`\uFEFF${text}`);
    expect(doc.record.stats.removed['source/bom']).toBe(1);
    expect(doc.record.lines[0]).toBe('□ (규제 완화) 용도변경 추진');
  });

  test('CRLF and CR line endings', () => {
    const a = compileOk(text);
    expect(compileOk(text.replace(/\n/g, '\r\n')).mdx).toBe(a.mdx);
    expect(compileOk(text.replace(/\n/g, '\r')).mdx).toBe(a.mdx);
  });

  test('NFD Hangul is normalised to NFC', () => {
    const doc = compileOk(text.normalize('NFD'));
    expect(doc.mdx).toBe(compileOk(text).mdx);
    expect(body(doc)).toContain('용도변경');
  });

  test('tabs make tables; a lone tab is just white space', () => {
    const doc = compileOk('구분\t기존\t향후\n지원한도\t2억원\t5억원\n\n앞\t뒤 한 줄이다.\n');
    expect(body(doc)).toContain('| 구분   | 기존  | 향후  |');
    expect(body(doc)).toContain('앞\t뒤 한 줄이다.');
  });

  test('very long lines', () => {
    const long = '클러스터 정책의 장문 문단이다. '.repeat(20_000);
    const doc = compileOk(long);
    expect(doc.record.stats.characters).toBe(long.length);
  });
});

describe('the coverage check', () => {
  test('a block dropped by a rule fails the build and lists its lines', async () => {
    const { checkCoverage } = await import('../../src/compiler/check/coverage.ts');
    const { VFile } = await import('vfile');
    const doc = compileOk('□ 첫째 항목\n\n□ 둘째 항목이 사라진다\n\n□ 셋째 항목\n');
    // Simulate a faulty rule: the second item never reaches the output.
    const list = doc.tree.children;
    doc.tree.children = list.filter((b) => b.from !== 3);
    const file = new VFile({ path: 'content/sources/2024-test-doc/source.txt', data: { artifacts: [] } });
    checkCoverage(doc.tree, file);
    expect(file.messages.map((m) => `${m.line} ${m.ruleId} ${m.fatal} ${m.reason}`)).toEqual([
      '3 check/coverage true Unexpected loss of source text on 1 line(s): L3 “□둘째항목이사라진다”',
    ]);
  });

  test('removed artifacts are counted by rule on every build', () => {
    const doc = compileOk('제제제제 1111 장장장장 서서서서론론론론\n\n본문이다.\n');
    expect(doc.record.stats.removed).toEqual({ 'clean/fake-bold': 15 });
  });
});
