import { describe, expect, test } from 'vitest';
import { compileText, compileOk, body, META } from '../helpers.ts';
import { compileCorpus, CompileError, formatMessage } from '../../src/compiler/index.ts';
import { loadRegistry, registryFromTexts } from '../../src/compiler/knowledge/registry.ts';
import { mkdtemp, mkdir, symlink, writeFile } from 'node:fs/promises';
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
        "content/sources/2024-test-doc/meta.yaml:3:9 error Unexpected value in \`issued\`: expected a real calendar date (month 01–12, a day that month has) [kb:meta/invalid]",
        "content/sources/2024-test-doc/meta.yaml:4:13 error Unexpected value in \`publishers\`: Too small: expected array to have >=1 items [kb:meta/invalid]",
      ]
    `);
  });

  test('a missing required field points at the mapping', () => {
    const { messages } = compileText('본문', { meta: 'title: 시험\nkind: other\n' });
    expect(messages.join('\n')).toContain('meta.yaml:1:1 error Unexpected missing field `issued`: add it (expected a string or "unknown")');
    expect(messages.every((m) => m.includes('[kb:meta/invalid]'))).toBe(true);
  });

  test('unknown metadata fields are rejected, not ignored', () => {
    const { messages } = compileText('본문', { meta: `${META}titel: 오타\n` });
    // At the key itself, naming the keys that are allowed there.
    expect(messages).toEqual([
      'content/sources/2024-test-doc/meta.yaml:7:1 error Unexpected key `titel` in the file: allowed keys are title, titleIsDescriptive, kind, issued, issuedNote, publishers, contributors, authors, advisors, category, summarizes, sourceUrl, originalFile, ingested [kb:meta/invalid]',
    ]);
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
    expect((error as CompileError).message).toContain('content/sources/2024-b-doc/source.txt:1:1 error Unexpected duplicate document: the same source text (ignoring line endings, Unicode normalisation and white space) is already in content/sources/2024-a-doc/; remove one of the folders [kb:doc/id-duplicate]');
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

/** Every message of the files, formatted as the build prints them. */
const formatted = (files: import('vfile').VFile[]) => files.flatMap((f) => f.messages.map(formatMessage));

describe('hostile and careless input: every case has a positioned error (issue 12)', () => {
  const BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', ''].join('\n');

  test('a YAML alias bomb stops at the alias that passes the limit, in every YAML file', () => {
    expect(compileText('본문', { meta: BOMB }).messages).toEqual([
      'content/sources/2024-test-doc/meta.yaml:4:8 error Unexpected alias *c: expanding the aliases of this file would exceed 100 (an alias bomb?); write the values out instead of aliasing them [kb:yaml/alias-limit]',
    ]);
    expect(compileText('본문', { overrides: `headings: []\n${BOMB}` }).messages[0]).toMatch(/overrides\.yaml:5:8 error .* \[kb:yaml\/alias-limit\]$/u);
    expect(formatted(registryFromTexts({ agencies: `- ${BOMB.replace(/\n(?=.)/gu, '\n  ')}` }).files)[0]).toMatch(/agencies\.yaml:4:10 error .* \[kb:yaml\/alias-limit\]$/u);
    // A few aliases are fine (and the limit is a parameter).
    const meta = `${META}contributors: &who [시험기관]\nadvisors: *who\n`;
    expect(compileText('본문', { meta }).result).not.toBeNull();
  });

  test('URLs in metadata are http(s) only, at the field', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'JaVaScRiPt:alert(1)']) {
      const meta = META.replace('sourceUrl: unknown', `sourceUrl: "${url}"`);
      expect(compileText('본문', { meta }).messages).toEqual([
        'content/sources/2024-test-doc/meta.yaml:6:12 error Unexpected value in `sourceUrl`: expected an http(s) URL such as https://www.example.go.kr/… [kb:meta/invalid]',
      ]);
    }
    expect(compileText('본문', { meta: META.replace('sourceUrl: unknown', 'sourceUrl: "https://www.moef.go.kr/nw/nes/detailNesDtaView.do?menuNo=4010100"') }).result).not.toBeNull();
  });

  test('dates are real calendar dates', () => {
    for (const [date, ok] of [['2024-02-31', false], ['2023-02-29', false], ['2024-02-29', true], ['2024-04-31', false], ['2024-00', false], ['2024-12-31', true]] as const) {
      const { result, messages } = compileText('본문', { meta: META.replace('issued: "2024"', `issued: "${date}"`) });
      if (ok) expect(result, date).not.toBeNull();
      else expect(messages, date).toEqual(['content/sources/2024-test-doc/meta.yaml:3:9 error Unexpected value in `issued`: expected a real calendar date (month 01–12, a day that month has) [kb:meta/invalid]']);
    }
  });

  test('text fields of only white space or with control characters', () => {
    expect(compileText('본문', { meta: META.replace('title: 시험 문서', 'title: "   "') }).messages).toEqual([
      'content/sources/2024-test-doc/meta.yaml:1:8 error Unexpected value in `title`: expected text, not only white space [kb:meta/invalid]',
    ]);
    expect(compileText('본문', { meta: META.replace('publishers: [시험기관]', 'publishers: ["시험\\u0000기관"]') }).messages[0]).toMatch(/meta\.yaml:4:14 error Unexpected value in `publishers\.0`: expected text without control characters/u);
  });

  test('a NUL byte is reported at its real line and column', () => {
    const bytes = new TextEncoder().encode('첫 줄\r\n둘째\u0000 줄\n');
    // Invalid UTF-8 too: the column counts the characters before the bad byte.
    const invalid = new Uint8Array([...new TextEncoder().encode('첫 줄\n둘째 줄'), 0xed, 0xa0, 0x80, 0x41]);
    expect(compileText(invalid).messages).toEqual(['content/sources/2024-test-doc/source.txt:2:5 error Unexpected invalid UTF-8 sequence: save source.txt as UTF-8 [kb:source/binary]']);
    expect(compileText(bytes).messages).toEqual([
      'content/sources/2024-test-doc/source.txt:2:3 error Unexpected NUL byte: source.txt must be UTF-8 text, not a binary file (remove the NUL, or re-export the text as UTF-8) [kb:source/binary]',
    ]);
  });

  test('an override key that does not exist names the key and the allowed ones', () => {
    const overrides = 'tables:\n  - line: 1\n    expect: 본문\n    colums: 2\n';
    expect(compileText('본문', { overrides }).messages).toEqual([
      'content/sources/2024-test-doc/overrides.yaml:2:5 error Unexpected missing field `columns` in `tables.0`: add it (expected number) [kb:override/invalid]',
      'content/sources/2024-test-doc/overrides.yaml:4:5 error Unexpected key `colums` in `tables.0`: allowed keys are line, expect, columns [kb:override/invalid]',
    ]);
    expect(compileText('본문', { overrides: 'heading: []\n' }).messages).toEqual([
      'content/sources/2024-test-doc/overrides.yaml:1:1 error Unexpected key `heading` in the file: allowed keys are headings, sections, zones, tableHeaders, tableRows, tables [kb:override/invalid]',
    ]);
  });

  test('overrides that name a line that does not exist', () => {
    const heading = 'headings:\n  - before: 40\n    expect: "둘째"\n    key: chapter\n    title: 가짜\n';
    expect(compileText('첫째 줄이다.\n둘째 줄이다.\n', { overrides: heading }).messages).toEqual([
      'content/sources/2024-test-doc/overrides.yaml:2:13 error Unexpected headings override at source line 40: source.txt has only 2 line(s); correct `before` or remove the entry [kb:override/unknown-target]',
    ]);
    const zone = 'zones:\n  - figure: tbl-1-1\n    from: 2\n    to: 90\n    expect: "둘째"\n';
    expect(compileText('첫째 줄이다.\n둘째 줄이다.\n', { overrides: zone }).messages).toEqual([
      'content/sources/2024-test-doc/overrides.yaml:4:9 error Unexpected zones override at source line 90: source.txt has only 2 line(s); correct `to` or remove the entry [kb:override/unknown-target]',
    ]);
  });

  test('overrides that match nothing are errors', () => {
    // A pipe table: one cell a line, each ending in `|`.
    const src = '첫째 줄이다.\n\n가 |\n나 |\n다 |\n라 |\n\n끝 줄이다.\n';
    const errors = (overrides: string) => compileText(src, { overrides }).messages.filter((m) => m.includes(' error '));
    // A table override on a line that is not a pipe table.
    const onText = 'tables:\n  - line: 1\n    expect: 첫째\n    columns: 2\n';
    expect(errors(onText)).toEqual([
      "content/sources/2024-test-doc/overrides.yaml:2:5 error Unexpected tables override that matches nothing: source line 1 does not start a pipe table (cells ending in `|`); a `tables` entry must name a table's first line, or be removed [kb:override/unused]",
    ]);
    // On the table, with a column count its cells cannot fill.
    const badColumns = 'tables:\n  - line: 3\n    expect: 가\n    columns: 3\n';
    expect(errors(badColumns)).toEqual([
      'content/sources/2024-test-doc/overrides.yaml:2:5 error Unexpected tables override: the table at source line 3 has 4 cells, which do not fill 3 columns (2, 4 would) [kb:override/unknown-target]',
    ]);
    expect(compileText(src, { overrides: badColumns.replace('columns: 3', 'columns: 2') }).result).not.toBeNull();
    // A table header or zone for a caption that is not there.
    expect(errors('tableHeaders:\n  - figure: tbl-9-9\n    cells: [가, 나]\n')).toEqual([
      'content/sources/2024-test-doc/overrides.yaml:2:5 error Unexpected tableHeaders override that matches nothing: no flattened table is captioned `tbl-9-9` (or its grid was rebuilt without this entry); correct `figure` or remove the entry [kb:override/unused]',
    ]);
    expect(errors('zones:\n  - figure: fig-9-9\n    from: 8\n    to: 8\n    expect: 끝\n')).toEqual([
      'content/sources/2024-test-doc/overrides.yaml:2:5 error Unexpected zones override: no caption has the id fig-9-9 [kb:override/unknown-target]',
    ]);
    // Two entries for one line: the second is reported.
    const twice = 'headings:\n  - { before: 8, expect: 끝, key: chapter, num: "제 1 장", title: 가 }\n  - { before: 8, expect: 끝, key: chapter, num: "제 2 장", title: 나 }\n';
    expect(errors(twice)).toEqual([
      'content/sources/2024-test-doc/overrides.yaml:2:5 error Unexpected headings override that matches nothing: another headings entry names source line 8; keep one [kb:override/unused]',
    ]);
  });

  test('an override id that the site or the compiler already uses', () => {
    for (const id of ['main', 'contents', 'toc-1', 'cite-panel', 'L3', 'fn-1', 'tbl-1-1', 'text-heading']) {
      const overrides = `sections:\n  - line: 1\n    expect: 첫째\n    title: 머리말\n    id: ${id}\n`;
      expect(compileText('첫째 줄이다.\n', { overrides }).messages, id).toEqual([
        `content/sources/2024-test-doc/overrides.yaml:5:9 error Unexpected id \`${id}\`: the site or the compiler already uses it as an anchor; choose another (e.g. a word from the title) [kb:override/reserved-id]`,
      ]);
    }
  });

  test('the reserved ids cover every id the site writes literally', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const { isReservedId } = await import('../../src/compiler/metadata/check-overrides.ts');
    const ids = new Set<string>();
    for (const dir of ['src/site', 'src/pages']) {
      for (const name of await readdir(dir, { recursive: true })) {
        if (!/\.(?:astro|ts)$/u.test(name)) continue;
        for (const m of (await readFile(path.join(dir, name), 'utf8')).matchAll(/\bid="([A-Za-z][\w-]*)"/gu)) ids.add(m[1]!);
      }
    }
    expect(ids.size).toBeGreaterThan(20);
    expect([...ids].filter((id) => !isReservedId(id))).toEqual([]);
  });
});

describe('hostile registries: positioned errors (issue 12)', () => {
  const agency = (id: string, extra = '') => `- id: ${id}\n  name: ${id} 기관\n  kind: ministry\n  sources: [{ ref: "https://www.law.go.kr/" }]\n${extra}`;

  test('a name of only spaces, an impossible date, a javascript: source', () => {
    const { files } = registryFromTexts({ agencies: `- id: a\n  name: "   "\n  kind: ministry\n  from: "2024-02-30"\n  sources: [{ ref: "javascript:alert(1)" }]\n` });
    expect(formatted(files)).toEqual([
      'content/registry/agencies.yaml:2:9 error Unexpected value in `0.name`: expected text, not only white space [kb:registry/invalid]',
      'content/registry/agencies.yaml:5:20 error Unexpected value in `0.sources.0.ref`: expected an http(s) URL or a citation; other URL schemes (javascript:, data:, file:) are not allowed [kb:registry/invalid]',
      'content/registry/agencies.yaml:4:9 error Unexpected value in `0.from`: expected a real calendar date (month 01–12, a day that month has) [kb:registry/invalid]',
    ]);
  });

  test('duplicate ids name both places', () => {
    const { files } = registryFromTexts({ agencies: agency('moef'), laws: `- id: moef\n  name: 법\n  kind: act\n  sources: [{ ref: "https://www.law.go.kr/" }]\n` });
    expect(formatted(files)).toEqual([
      'content/registry/laws.yaml:1:7 error Unexpected duplicate id `moef`: already used at content/registry/agencies.yaml:1:7; give one of them another id [kb:registry/duplicate-id]',
    ]);
  });

  test('lineage: unknown agencies, self-links and circular chains, at the link', () => {
    const agencies = [
      agency('a', '  predecessors: [{ id: c }]\n'),
      agency('b', '  predecessors: [{ id: a }]\n'),
      agency('c', '  predecessors: [{ id: b }]\n  successors: [{ id: nowhere }]\n'),
      agency('d', '  predecessors: [{ id: d }]\n'),
    ].join('');
    const laws = `- id: some-act\n  name: 어떤 법\n  kind: act\n  agency: ghost\n  sources: [{ ref: "https://www.law.go.kr/" }]\n`;
    expect(formatted(registryFromTexts({ agencies, laws }).files)).toEqual([
      'content/registry/agencies.yaml:16:22 error Unexpected unknown agency `nowhere` in the successors of `c`: add it to agencies.yaml or correct the id [kb:registry/lineage]',
      'content/registry/agencies.yaml:21:24 error Unexpected link of `d` to itself in its predecessors: remove it [kb:registry/lineage]',
      'content/registry/agencies.yaml:10:24 error Unexpected circular lineage: a → b → c → a; an agency cannot succeed itself, check the predecessors and successors of these entries [kb:registry/lineage]',
      'content/registry/laws.yaml:4:11 error Unexpected unknown agency `ghost` as the agency of `some-act`: add it to agencies.yaml or correct the id [kb:registry/lineage]',
    ]);
  });

  test('a symlinked registry file is an error, not read', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'kb-'));
    await mkdir(path.join(root, 'content/registry'), { recursive: true });
    const outside = path.join(await mkdtemp(path.join(tmpdir(), 'kb-outside-')), 'secret.yaml');
    await writeFile(outside, '- id: x\n');
    await symlink(outside, path.join(root, 'content/registry/laws.yaml'));
    expect(formatted((await loadRegistry(root)).files)).toEqual([
      'content/registry/laws.yaml error Unexpected symbolic link content/registry/laws.yaml: registry files must be real files in the repository; copy the file in instead of linking it [kb:doc/symlink]',
    ]);
  });

  test('the real registries load without a message', async () => {
    const registry = await loadRegistry(process.cwd());
    expect(formatted(registry.files)).toEqual([]);
  });
});

describe('corpus folders (issue 12)', () => {
  async function corpus(docs: Record<string, string>): Promise<string> {
    const root = await mkdtemp(path.join(tmpdir(), 'kb-'));
    for (const [id, source] of Object.entries(docs)) {
      await mkdir(path.join(root, 'content/sources', id), { recursive: true });
      await writeFile(path.join(root, 'content/sources', id, 'meta.yaml'), META);
      await writeFile(path.join(root, 'content/sources', id, 'source.txt'), source);
    }
    return root;
  }
  const failure = async (root: string) => ((await compileCorpus({ root, write: false }).catch((e: unknown) => e)) as CompileError).messages.map(formatMessage);

  test('a copy with CRLF line endings, NFD or other spacing is a duplicate', async () => {
    const text = '□ 클러스터 정책을 추진한다.\n\nㅇ 세부 과제\n';
    for (const copy of [text.replace(/\n/gu, '\r\n'), text.normalize('NFD'), `\uFEFF${text.replace(/ /gu, '  ')}\n\n`]) {
      expect(await failure(await corpus({ '2024-a-doc': text, '2024-b-doc': copy }))).toEqual([
        'content/sources/2024-b-doc/source.txt:1:1 error Unexpected duplicate document: the same source text (ignoring line endings, Unicode normalisation and white space) is already in content/sources/2024-a-doc/; remove one of the folders [kb:doc/id-duplicate]',
      ]);
    }
  });

  test('a symlinked document folder or file stops the build instead of being skipped', async () => {
    const root = await corpus({ '2024-a-doc': '본문이다.\n' });
    const outside = await mkdtemp(path.join(tmpdir(), 'kb-outside-'));
    await writeFile(path.join(outside, 'meta.yaml'), META);
    await writeFile(path.join(outside, 'source.txt'), '밖의 본문이다.\n');
    await symlink(outside, path.join(root, 'content/sources/2024-linked-doc'));
    await mkdir(path.join(root, 'content/sources/2024-c-doc'));
    await writeFile(path.join(root, 'content/sources/2024-c-doc/meta.yaml'), META);
    await symlink(path.join(outside, 'source.txt'), path.join(root, 'content/sources/2024-c-doc/source.txt'));
    expect(await failure(root)).toEqual([
      'content/sources/2024-linked-doc error Unexpected symbolic link content/sources/2024-linked-doc: a document folder must be a real folder in the repository; copy it in instead of linking it [kb:doc/symlink]',
      'content/sources/2024-c-doc/source.txt error Unexpected symbolic link content/sources/2024-c-doc/source.txt: document files must be real files in the repository; copy the file in instead of linking it [kb:doc/symlink]',
    ]);
  });
});

describe('messages say how to fix (issue 12)', () => {
  test('a value that fits no option says what each option expects and what was found', () => {
    const messages = (meta: string) => compileText('본문', { meta }).messages;
    expect(messages(META.replace('issued: "2024"', 'issued: 2024'))).toEqual([
      'content/sources/2024-test-doc/meta.yaml:3:9 error Unexpected value in `issued`: expected a string or "unknown"; found a number (write it in quotes: "2024") [kb:meta/invalid]',
    ]);
    expect(messages(META.replace('publishers: [시험기관]', 'publishers: 시험기관'))).toEqual([
      'content/sources/2024-test-doc/meta.yaml:4:13 error Unexpected value in `publishers`: expected a list or "unknown"; found a string (write a list: [시험기관]) [kb:meta/invalid]',
    ]);
  });
});

describe('override heading families (issue 12)', () => {
  const src = '첫째 줄이다.\n\n둘째 줄이다.\n';
  const heading = (key: string, num: string) => `headings:\n  - before: 3\n    expect: 둘째\n    key: ${key}\n    num: "${num}"\n    title: 머리말\n`;

  test('every family the schema allows is one the compiler knows', () => {
    for (const [key, num] of [['chapter', '제 1 장'], ['section', '제 1 절'], ['roman', 'Ⅰ.'], ['appendix', '참고 1'], ['num', '1.'], ['ganada', '가.'], ['paren', '(1)']]) {
      const doc = compileOk(src, { overrides: heading(key!, num!) });
      expect(doc.record.toc.some((h) => h.synthetic && h.title === '머리말'), key).toBe(true);
    }
  });

  test('an unknown family is named with the known ones', () => {
    expect(compileText(src, { overrides: heading('chap', '제 1 장') }).messages[0]).toMatch(/overrides\.yaml:4:10 error Unexpected value in `headings\.0\.key`: Invalid option: expected one of "chapter"\|"section"\|"roman"\|"appendix"\|"num"\|"ganada"\|"paren" \[kb:override\/invalid\]/u);
  });
});
