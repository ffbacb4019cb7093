/**
 * A Span is text with provenance: `map[i]` is the offset in the normalised source of
 * character `text[i]`, or -1 for a character the compiler inserted (a joining space).
 * Every transformation of source text goes through these helpers so that the coverage
 * check (check/coverage.ts) can prove that each source character reached the output.
 */
export interface Span {
  readonly text: string;
  readonly map: Int32Array;
}

export const EMPTY: Span = { text: '', map: new Int32Array(0) };

export function spanAt(text: string, start: number): Span {
  const map = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) map[i] = start + i;
  return { text, map };
}

/** A view on part of a span (no copy: maps are never mutated). */
export function slice(s: Span, from: number, to = s.text.length): Span {
  return { text: s.text.slice(from, to), map: s.map.subarray(from, Math.max(from, to)) };
}

export function concat(...parts: Span[]): Span {
  if (parts.length === 1) return parts[0]!;
  let length = 0;
  for (const p of parts) length += p.map.length;
  const map = new Int32Array(length);
  const texts: string[] = [];
  let at = 0;
  for (const p of parts) {
    texts.push(p.text);
    map.set(p.map, at);
    at += p.map.length;
  }
  // join builds one flat string; `+=` would keep a rope of every part alive (32 bytes a node,
  // plus the parts), a large share of a document's memory.
  return { text: texts.join(''), map };
}

/** Inserted text (not from the source): a joining space, a synthetic title. */
export function synthetic(text: string): Span {
  return { text, map: new Int32Array(text.length).fill(-1) };
}

export function trim(s: Span): Span {
  const start = s.text.length - s.text.trimStart().length;
  const end = s.text.trimEnd().length;
  return start >= end ? EMPTY : slice(s, start, end);
}

/** Source offsets of the non-whitespace characters a span carries. */
export function offsets(s: Span): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.text.length; i++) if (s.map[i] >= 0 && !/\s/u.test(s.text[i]!)) out.push(s.map[i]!);
  return out;
}

/** Matches a regex at the start of a span and splits it there. */
export function splitMatch(s: Span, re: RegExp): { match: RegExpExecArray; head: Span; rest: Span } | null {
  const m = re.exec(s.text);
  if (!m || m.index !== 0) return null;
  return { match: m, head: slice(s, 0, m[0].length), rest: slice(s, m[0].length) };
}
