import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { body, compileOk, compileText } from '../helpers.ts';
import { hasEvidence } from '../../src/compiler/plugins/clean-fake-bold.ts';
import { fakeBoldSummary } from '../../src/compiler/index.ts';
import { matchHeading } from '../../src/compiler/plugins/detect-blocks.ts';
import { corpusExtraDir } from '../../scripts/lib/join-eval.ts';

// Issue 12 item 4: fake-bold repair must not rewrite real text. These lines have the 4× shape
// but are what the writer meant; none of them was in the text the rule was written for.
describe('fake-bold repair needs evidence (real repeated characters stay)', () => {
  test.each([
    ['ㅋㅋㅋㅋ'],
    ['XXXX'],
    ['하하하하'],
    ['ㅋㅋㅋㅋ ㅎㅎㅎㅎ ㅠㅠㅠㅠ ㅜㅜㅜㅜ ㄷㄷㄷㄷ'],
    ['하하하하 호호호호'],
    ['XXXX YYYY'],
    ['아아아아'],
    ['WWWW'],
    ['ㅋㅋㅋㅋㅋㅋㅋㅋ'],
    ['- 하하하하'],
  ])('%s is kept as written, and counted as kept', (line) => {
    const doc = compileOk(`그는 웃었다.\n\n${line}\n\n다음 문장이다.\n`);
    expect(body(doc)).toContain(line.replace(/^- /u, ''));
    expect(doc.record.stats.removed['clean/fake-bold']).toBeUndefined();
    expect(doc.files[2]!.data.fakeBold).toEqual({ decoded: 0, kept: [3] });
  });

  test.each([['――――'], ['1111'], ['....'], ['1111 2222']])('%s (no letter) is not even a candidate', (line) => {
    const doc = compileOk(`표의 값이다.\n\n${line}\n`);
    expect(body(doc)).toContain(line);
    expect(doc.files[2]!.data.fakeBold).toEqual({ decoded: 0, kept: [] });
  });

  test('a word the document writes elsewhere is evidence: 혁혁혁혁신신신신 is 혁신 when the text says 혁신', () => {
    const doc = compileOk('혁혁혁혁신신신신\n\n혁신 정책을 추진한다.\n');
    expect(body(doc)).not.toContain('혁혁');
    expect(doc.record.stats.removed['clean/fake-bold']).toBe(6);
    expect(doc.files[2]!.data.fakeBold).toEqual({ decoded: 1, kept: [] });
  });

  test('the same line without the word elsewhere stays (two glyphs are no proof)', () => {
    const doc = compileOk('혁혁혁혁신신신신\n\n정책을 추진한다.\n');
    expect(body(doc)).toContain('혁혁혁혁신신신신');
    expect(doc.files[2]!.data.fakeBold).toEqual({ decoded: 0, kept: [1] });
  });

  test('a repeated word is no evidence even when the document writes it (ㅋㅋ, 하하)', () => {
    const doc = compileOk('하하하하하하하하\n\n그는 하하 웃었다. ㅋㅋ\n');
    expect(body(doc)).toContain('하하하하하하하하');
  });

  test('a varied heading written 4× is decoded without any other evidence', () => {
    const doc = compileOk('제제제제 1111 장장장장 서서서서론론론론\n\n본문이다.\n');
    expect(doc.record.toc[0]!.title).toContain('서론');
    expect(doc.files[2]!.data.fakeBold).toEqual({ decoded: 1, kept: [] });
  });

  test('a letter-spaced title written 4× (seed-004 L1) is decoded; four laughing syllables are not', () => {
    expect(hasEvidence('指 導 敎 授 朱 亨 根', new Set())).toBe(true);
    expect(hasEvidence('하 호 히 헤', new Set())).toBe(false);
    expect(hasEvidence('국지화', new Set(['국지화']))).toBe(true);
    expect(hasEvidence('국지화', new Set())).toBe(false);
    expect(hasEvidence('ㅋ', new Set(['ㅋ']))).toBe(false);
  });

  test('the thesis still repairs all 88 of its fake-bold lines, and keeps none', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const dir = path.join(root, 'content/sources/2006-thesis-innovation-cluster-gri-sme');
    const doc = compileOk(readFileSync(path.join(dir, 'source.txt'), 'utf8'), { meta: readFileSync(path.join(dir, 'meta.yaml'), 'utf8'), overrides: readFileSync(path.join(dir, 'overrides.yaml'), 'utf8'), id: '2006-thesis-innovation-cluster-gri-sme' });
    expect(doc.files[2]!.data.fakeBold).toEqual({ decoded: 88, kept: [] });
    expect(doc.record.stats.removed['clean/fake-bold']).toBe(3417);
  });

  test('held out: headings of the corpus-extra documents, rewritten 4× by hand, are decoded (all but jamo placeholders)', () => {
    // The rule was written for the thesis; these documents have no fake bold of their own.
    // Every short heading line is written with each glyph 4×, the way the thesis's PDF was.
    const dir = corpusExtraDir(path.resolve(import.meta.dirname, '../..'));
    let picked = 0;
    let decoded = 0;
    const kept: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
      const lines = readFileSync(path.join(dir, f), 'utf8').split('\n');
      const bold = lines.map((l) => {
        const t = l.trim();
        if (!t || t.length > 40 || !matchHeading(t) || !/\p{L}/u.test(t)) return l;
        picked++;
        return t.split(/\s+/u).map((tok) => [...tok].map((c) => c.repeat(4)).join('')).join(' ');
      });
      const { result, files } = compileText(bold.join('\n'));
      expect(result).not.toBeNull();
      const counts = files[2]!.data.fakeBold!;
      decoded += counts.decoded;
      kept.push(...counts.kept.map((n) => lines[n - 1]!.trim().replace(/\s+/gu, ' ')));
    }
    expect(picked).toBeGreaterThan(200);
    expect(decoded).toBe(picked - kept.length);
    // Only lines whose words are template placeholders (ㅇㅇㅇ) or single glyphs stay as written.
    expect(kept).toEqual(['1. 명 칭 : ㅇㅇㅇ', '1. ㅇㅇㅇ : %', '2. ㅇㅇㅇ : %']);
  });

  test('the build log counts decoded lines and names the lines kept as written', () => {
    const a = compileOk('혁혁혁혁신신신신 정정정정책책책책\n\n혁신 정책을 추진한다.\n');
    const b = compileOk('그는 웃었다.\n\nㅋㅋㅋㅋ\n\nXXXX\n', { id: '2024-other-doc' });
    expect(fakeBoldSummary([a, b])).toBe('clean/fake-bold: decoded 1 line(s), 12 repeated character(s) removed; kept 2 4×-shaped line(s) as written, no evidence of fake bold (2024-other-doc:3, 2024-other-doc:5)');
    expect(fakeBoldSummary([compileOk('본문이다.\n')])).toBeNull();
  });
});
