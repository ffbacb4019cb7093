import type { VFile } from 'vfile';
import type { DocTree } from '../types.ts';
import { concat, slice, type Span } from '../text/span.ts';

/**
 * Decodes fake-bold text, where PDF extraction wrote every glyph (or every run) four times:
 * `제제제제 1111 절절절절` → `제 1 절`. Guarded (seed-004 R3): every token of the line, bar a
 * leading `- ` bullet, must be a 4× sequence and the line must hold a letter, so table rows
 * like `- - - -`, `0000` or `....` are never touched. Decoding is per token, never across spaces.
 */
export default function cleanFakeBold() {
  return (tree: DocTree, file: VFile) => {
    for (const line of tree.lines) {
      if (line.blank || line.removed) continue;
      const decoded = decodeLine(line.text);
      if (!decoded) continue;
      line.text = decoded.span;
      line.bold = true;
      for (const [start, end] of decoded.removed) file.data.artifacts!.push({ rule: 'clean/fake-bold', start, end });
    }
  };
}

export function isFakeBold(text: string): boolean {
  const body = text.replace(/^- /u, '');
  const tokens = body.split(/\s+/u).filter(Boolean);
  return tokens.length > 0 && /\p{L}/u.test(body) && tokens.every((t) => fourfoldUnits(t) !== null);
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
