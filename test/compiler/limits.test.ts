import { afterEach, describe, expect, test } from 'vitest';
import { compileText, compileOk } from '../helpers.ts';
import { DEFAULT_LIMITS, LIMIT_ENV, limits } from '../../src/compiler/limits.ts';

// Issue 12 item 2: input beyond a stated limit is a positioned error with a rule id, never a
// build that runs out of time or memory. Limits are lowered through their environment
// variables here, so the tests need no large input (and time nothing).
const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.values(LIMIT_ENV)) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('input limits (README “Limits”)', () => {
  test('a source over the size limit stops at the line and column where the limit is crossed', () => {
    process.env[LIMIT_ENV.sourceBytes] = '20';
    // `첫 줄\n` is 8 bytes; byte 20, the first past the limit, is inside 이, the 5th character of line 2.
    const { result, messages } = compileText('첫 줄\n둘째 줄이다 길게\n셋째\n');
    expect(result).toBeNull();
    expect(messages).toEqual([
      'content/sources/2024-test-doc/source.txt:2:5 error Unexpected source of 39 bytes: the limit is 20 bytes, crossed here; split the document, or raise KB_MAX_SOURCE_BYTES (README “Limits”) [kb:source/too-large]',
    ]);
  });

  test('a line over the length limit stops at its line, at the first column past the limit', () => {
    process.env[LIMIT_ENV.lineChars] = '10';
    const { result, messages } = compileText(`짧은 줄이다.\n\n${'-'.repeat(25)}\n`);
    expect(result).toBeNull();
    expect(messages).toEqual([
      'content/sources/2024-test-doc/source.txt:3:11 error Unexpected line of 25 characters: the limit is 10, crossed at this column; break the line where the document breaks, or raise KB_MAX_LINE_CHARS (README “Limits”) [kb:source/line-too-long]',
    ]);
  });

  test('a line exactly at the limit, and a source exactly at the size limit, compile', () => {
    process.env[LIMIT_ENV.lineChars] = '10';
    expect(compileOk('가나다라마바사아자차\n').record.stats.lines).toBe(1);
    process.env[LIMIT_ENV.sourceBytes] = String(new TextEncoder().encode('본문이다.\n').length);
    expect(compileOk('본문이다.\n').record.stats.lines).toBe(1);
  });

  test('line length counts characters after CRLF and NFC normalisation (what the compiler reads)', () => {
    process.env[LIMIT_ENV.lineChars] = '4';
    // Four decomposed syllables (12 jamo) are 4 characters once composed; CRLF is one break.
    expect(compileOk('\u1100\u1161\u1102\u1161\u1103\u1161\u1105\u1161\r\n본문\r\n').record.stats.lines).toBe(2);
  });

  test('YAML aliases beyond the limit are refused (the yaml library stops expanding them)', () => {
    process.env[LIMIT_ENV.yamlAliases] = '2';
    const meta = 'title: &t 시험\nkind: other\nissued: "2024"\npublishers: [*t, *t, *t]\nauthors: unknown\nsourceUrl: unknown\n';
    // Whether the refusal is thrown or reported as a positioned message (issue 12 item 3),
    // the aliases are never expanded past the limit and the document does not compile.
    let outcome: string;
    try {
      const { result, messages } = compileText('본문이다.\n', { meta });
      outcome = result === null ? messages.join('\n') : 'compiled';
    } catch (error) {
      outcome = String(error);
    }
    expect(outcome).toMatch(/alias/iu);
  });

  test('defaults, and a malformed override is refused by name', () => {
    expect(limits({})).toEqual(DEFAULT_LIMITS);
    expect(limits({ KB_MAX_LINE_CHARS: '100' }).lineChars).toBe(100);
    expect(() => limits({ KB_MAX_SOURCE_BYTES: '1e9' })).toThrow(/KB_MAX_SOURCE_BYTES=1e9: expected a whole number/u);
  });
});
