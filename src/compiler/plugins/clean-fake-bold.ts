import type { VFile } from 'vfile';
import type { DocTree } from '../types.ts';
import { concat, slice, type Span } from '../text/span.ts';

const UNIT_RUN = /^(?:(.+?)\1{3})+$/su;

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
  return tokens.length > 0 && /\p{L}/u.test(body) && tokens.every((t) => UNIT_RUN.test(t));
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
    // Consume the token unit by unit: the lazy group finds the shortest unit repeated 4×.
    let pos = 0;
    while (pos < token.length) {
      const unit = /^(.+?)\1{3}/su.exec(token.slice(pos));
      if (!unit) {
        parts.push(slice(tokenSpan, pos));
        break;
      }
      const len = unit[1]!.length;
      parts.push(slice(tokenSpan, pos, pos + len));
      const a = tokenSpan.map[pos + len]!;
      const b = tokenSpan.map[pos + 4 * len - 1]!;
      removed.push([a, b + 1]);
      pos += 4 * len;
    }
  }
  return { span: concat(...parts), removed };
}
