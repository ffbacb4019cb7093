import type { VFile } from 'vfile';
import type { DocTree, Line } from '../types.ts';
import { concat, slice, type Span } from '../text/span.ts';
import { matchHeading } from './detect-blocks.ts';

/**
 * Decodes fake-bold text, where PDF extraction wrote every glyph (or every run) four times:
 * `제제제제 1111 절절절절` → `제 1 절`. Guarded (seed-004 R3): every token of the line, bar a
 * leading `- ` bullet, must be a 4× sequence and the line must hold a letter, so table rows
 * like `- - - -`, `0000` or `....` are never touched. Decoding is per token, never across spaces.
 *
 * The shape alone is not proof: `ㅋㅋㅋㅋ`, `XXXX` and `하하하하` are real text with the same
 * shape. A line is decoded only with evidence that its single copy is what was meant
 * (`hasEvidence`): the decoded line is too varied to be a repetition written on purpose, or
 * a decoded word is one the document writes elsewhere or the registries know. Lines with the
 * shape but no evidence stay as written; both counts go to the build log (file.data.fakeBold).
 */
export default function cleanFakeBold() {
  return (tree: DocTree, file: VFile) => {
    const counts = { decoded: 0, kept: [] as number[] };
    file.data.fakeBold = counts;
    const candidates: { line: Line; decoded: NonNullable<ReturnType<typeof decodeLine>>; words: string[] }[] = [];
    for (const line of tree.lines) {
      if (line.blank || line.removed) continue;
      const decoded = decodeLine(line.text);
      if (decoded) candidates.push({ line, decoded, words: shapeEvidence(decoded.span.text) ? [] : wordsToLookUp(decoded.span.text) });
    }
    if (candidates.length === 0) return;
    // Only the words of lines without shape evidence are looked up, in one pass over the
    // other lines (no vocabulary of the whole document is built).
    const wanted = new Set(candidates.flatMap((c) => c.words));
    const found = wanted.size > 0 ? knownWords(tree, file, new Set(candidates.map((c) => c.line)), wanted) : new Set<string>();
    for (const { line, decoded, words } of candidates) {
      if (words.length > 0 ? !words.some((w) => found.has(w)) : !shapeEvidence(decoded.span.text)) {
        counts.kept.push(line.n);
        continue;
      }
      counts.decoded++;
      line.text = decoded.span;
      line.bold = true;
      for (const [start, end] of decoded.removed) file.data.artifacts!.push({ rule: 'clean/fake-bold', start, end });
    }
  };
}

/** Letters that count as varied text: not Hangul jamo, which are written repeated on purpose (ㅋㅋ, ㅠㅠ). */
const LETTER = /[\p{L}]/u;
const JAMO = /[\u1100-\u11FF\u3131-\u318E]/u;
/** Letter-spaced fake bold (`指 導 敎 授 朱 亨 根`): one glyph a token needs this many tokens. */
const MIN_SPACED_TOKENS = 5;
/** Distinct letters a decoded line needs to be evidence on its own. */
const MIN_DISTINCT = 4;

/**
 * Evidence that a 4×-shaped line is fake bold, on its decoded text:
 * - shape: the decoded line holds at least MIN_DISTINCT distinct letters (not jamo), and not
 *   only one-letter tokens unless there are MIN_SPACED_TOKENS of them (a letter-spaced title).
 *   Real repetition repeats few glyphs (`ㅋㅋㅋㅋ`, `하하하하 호호호호`); a heading written 4×
 *   repeats every glyph of varied text (`제 2 절 혁신체제의 개념`);
 * - heading: the decoded line is a numbered heading whose title has a word of two different
 *   letters (`Ⅸ 문의처`, `1. 개요`);
 * - vocabulary: a decoded word of two or more letters (not one letter repeated) is a word the
 *   document writes elsewhere, or a name the registries know (`혁신`, `개요`).
 */
export function hasEvidence(decoded: string, vocab: ReadonlySet<string>): boolean {
  return shapeEvidence(decoded) || wordsToLookUp(decoded).some((t) => vocab.has(t));
}

function shapeEvidence(decoded: string): boolean {
  const tokens = decoded.split(/\s+/u).map(bare).filter((t) => LETTER.test(t));
  const distinct = new Set([...tokens.join('')].filter((c) => LETTER.test(c) && !JAMO.test(c)));
  const spaced = tokens.every((t) => [...t].length === 1);
  if (distinct.size >= MIN_DISTINCT && (!spaced || tokens.length >= MIN_SPACED_TOKENS)) return true;
  // A heading (`Ⅸ 문의처`, `1. 개요`) whose title has a word of two different letters or more.
  const heading = matchHeading(decoded);
  const title = heading?.match.at(-1) ?? '';
  return heading !== null && title.split(/\s+/u).map(bare).some((t) => new Set([...t].filter((c) => LETTER.test(c) && !JAMO.test(c))).size >= 2);
}

/** The decoded words that count as evidence when known: two letters or more, not one letter repeated. */
function wordsToLookUp(decoded: string): string[] {
  return decoded.split(/\s+/u).map(bare).filter((t) => LETTER.test(t) && [...t].length >= 2 && new Set(t).size >= 2);
}

function bare(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** Which of `wanted` the document writes on other lines, or the registries know as a name. */
function knownWords(tree: DocTree, file: VFile, skip: ReadonlySet<Line>, wanted: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  for (const l of tree.lines) {
    if (l.blank || l.removed || skip.has(l)) continue;
    for (const t of l.text.text.split(/\s+/u)) {
      const b = bare(t);
      if (wanted.has(b)) found.add(b);
    }
  }
  const knowledge = file.data.knowledge;
  if (knowledge) for (const e of knowledge.registry.entities.values()) for (const n of [e.name, ...e.aliases]) if (wanted.has(n)) found.add(n);
  return found;
}

/**
 * The longest token decoded (characters): a fake-bold word of MAX_TOKEN / 4 glyphs is already
 * far longer than any heading word. Bounding it keeps detection linear in the line (the split
 * search is quadratic in one token; `가가가가나나나나…` over a 2 MB line took minutes).
 */
const MAX_TOKEN = 1024;

export function isFakeBold(text: string): boolean {
  const body = text.replace(/^- /u, '');
  const tokens = body.split(/\s+/u).filter(Boolean);
  return tokens.length > 0 && /\p{L}/u.test(body) && tokens.every((t) => t.length <= MAX_TOKEN && fourfoldUnits(t) !== null);
}

/**
 * Splits a token into runs each written 4× (`제제제제` → [1], `단순단순단순단순` → [2],
 * `11112222` → [1, 1]): the unit lengths, shortest unit first, or null when no split exists.
 * The same answer as /^(?:(.+?)\1{3})+$/ (depth first, memoising dead ends), but at most
 * quadratic: that regex backtracks exponentially on a long periodic token (a 750-character
 * `fU&zRv함fU&zRv함…` took 76 s).
 */
export function fourfoldUnits(token: string): number[] | null {
  const n = token.length;
  if (n === 0 || n % 4 !== 0) return null;
  const dead = new Uint8Array(n + 1);
  // Whether token[i, i+4L) is one unit written 4×: short units by comparing characters, longer
  // ones by the suffix's Z-array (the shift by L must match 3L characters), built once per position.
  const isBlock = (f: Frame, L: number): boolean => {
    if (L <= 8) {
      for (let k = 0; k < 3 * L; k++) if (token.charCodeAt(f.at + k) !== token.charCodeAt(f.at + L + k)) return false;
      return true;
    }
    f.z ??= zArray(token, f.at);
    return f.z[L]! >= 3 * L;
  };
  type Frame = { at: number; L: number; z?: Int32Array };
  const frames: Frame[] = [{ at: 0, L: 0 }];
  const path: number[] = [];
  while (frames.length > 0) {
    const f = frames.at(-1)!;
    let L = f.L + 1;
    while (f.at + 4 * L <= n && (dead[f.at + 4 * L] || !isBlock(f, L))) L++;
    f.L = L;
    if (f.at + 4 * L > n) {
      dead[f.at] = 1;
      frames.pop();
      path.pop();
      continue;
    }
    path.push(L);
    if (f.at + 4 * L === n) return path;
    frames.push({ at: f.at + 4 * L, L: 0 });
  }
  return null;
}

/** z[k] = length of the longest common prefix of s[from…] and s[from+k…] (z[0] unused). */
function zArray(s: string, from: number): Int32Array {
  const m = s.length - from;
  const z = new Int32Array(m + 1);
  let l = 0;
  let r = 0;
  for (let k = 1; k < m; k++) {
    let v = k < r ? Math.min(r - k, z[k - l]!) : 0;
    while (k + v < m && s.charCodeAt(from + v) === s.charCodeAt(from + k + v)) v++;
    z[k] = v;
    if (k + v > r) {
      l = k;
      r = k + v;
    }
  }
  return z;
}

function decodeLine(span: Span): { span: Span; removed: [number, number][] } | null {
  if (!isFakeBold(span.text)) return null;
  const parts: Span[] = [];
  const removed: [number, number][] = [];
  const re = /\S+|\s+/gu;
  let m: RegExpExecArray | null;
  let prefixDone = false;
  while ((m = re.exec(span.text))) {
    const token = m[0];
    const tokenSpan = slice(span, m.index, m.index + token.length);
    if (/^\s/u.test(token) || (!prefixDone && token === '-' && span.text.startsWith('- '))) {
      parts.push(tokenSpan);
      continue;
    }
    prefixDone = true;
    // Consume the token unit by unit (isFakeBold proved that every token splits).
    let pos = 0;
    for (const len of fourfoldUnits(token) ?? []) {
      parts.push(slice(tokenSpan, pos, pos + len));
      const a = tokenSpan.map[pos + len]!;
      const b = tokenSpan.map[pos + 4 * len - 1]!;
      removed.push([a, b + 1]);
      pos += 4 * len;
    }
    if (pos < token.length) parts.push(slice(tokenSpan, pos));
  }
  return { span: concat(...parts), removed };
}

declare module 'vfile' {
  interface DataMap {
    /** Rule clean/fake-bold: lines decoded, and the source lines of 4×-shaped lines kept as written. */
    fakeBold: { decoded: number; kept: number[] };
  }
}
