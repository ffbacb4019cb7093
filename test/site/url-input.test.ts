import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { MAX_VALUES, MAX_VALUE_LENGTH, clip, decodeSafely, fragmentId, queryValue, queryValues } from '../../src/site/scripts/url-input.ts';

/** Text that percent-encoding can break: escapes (valid, truncated, lone surrogates), `%`, Unicode. */
const hostile = fc.array(
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 4 }),
    fc.string({ unit: 'binary', maxLength: 4 }),
    fc.constantFrom('%', '%%', '%E0%A4%A', '%ED%A0%80', '%C3', '%C3%28', '%FF', '%25', '%2', '%zz', '%EA%B7%9C', '#', '?', '&', '+', '%00'),
  ),
  { maxLength: 12 },
).map((parts) => parts.join(''));

describe('url-input: URL parts from anyone', () => {
  test('decodeSafely equals decodeURIComponent where that succeeds, and never throws', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        let expected: string | null = null;
        try {
          expected = decodeURIComponent(s);
        } catch {
          // malformed
        }
        const got = decodeSafely(s);
        if (expected !== null) expect(got).toBe(expected);
        else expect(typeof got).toBe('string');
      }),
      { seed: 12, numRuns: 2000 },
    );
  });

  test('malformed escapes stay as written; valid ones around them are decoded', () => {
    expect(decodeSafely('%')).toBe('%');
    expect(decodeSafely('%E0%A4%A')).toBe('%E0%A4%A');
    expect(decodeSafely('%ED%A0%80')).toBe('%ED%A0%80');
    expect(decodeSafely('%EA%B7%9C%FF%EC%A0%9C')).toBe('규%FF제');
    expect(fragmentId('#%')).toBe('%');
    expect(fragmentId('#II-1')).toBe('II-1');
    expect(fragmentId('')).toBe('');
  });

  test('query values are trimmed, non-empty, bounded in number and length, and never split a surrogate pair', () => {
    const many = Array.from({ length: 100 }, (_, i) => `hl=${i}`).join('&');
    expect(queryValues('hl', `?${many}`)).toHaveLength(MAX_VALUES);
    expect(queryValues('hl', '?hl=%20&hl=+a+&hl=')).toEqual(['a']);
    expect(queryValue('q', `?q=${'가'.repeat(10_000)}`)).toHaveLength(MAX_VALUE_LENGTH);
    expect(queryValue('q', '?q=%')).toBe('%');
    const clipped = clip(`${'a'.repeat(MAX_VALUE_LENGTH - 1)}😀`);
    expect(clipped).toBe('a'.repeat(MAX_VALUE_LENGTH - 1));
    fc.assert(
      fc.property(hostile, fc.string({ maxLength: 8 }), (value, key) => {
        const search = `?${key}=${value}&${key}=${value}`;
        for (const v of queryValues(key, search)) expect(v.length).toBeLessThanOrEqual(MAX_VALUE_LENGTH);
        expect(queryValue(key, search).length).toBeLessThanOrEqual(MAX_VALUE_LENGTH);
      }),
      { seed: 12, numRuns: 500 },
    );
  });
});
