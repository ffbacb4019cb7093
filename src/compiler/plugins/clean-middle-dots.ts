import type { VFile } from 'vfile';
import type { DocTree } from '../types.ts';
import { concat, slice, synthetic, type Span } from '../text/span.ts';

/** One dot leader, hyphenation point and Hangul araea, misused as middle dots. */
const VARIANT = /(?<=[가-힣A-Za-z0-9)])[\u2024\u2027\u318D](?=[가-힣A-Za-z0-9(])/gu;

/**
 * Middle-dot variants between words (`산․학․연`, `컴퓨터ㆍ정보통신`, `산‧학`) are shown as the
 * middle dot `·` (U+00B7), so the same word reads and searches the same everywhere. Each
 * replaced character is recorded (rule clean/middle-dot); the source view keeps the original.
 * A `․` opening a line (a bullet in a table) is not between words and is left alone.
 */
export default function cleanMiddleDots() {
  return (tree: DocTree, file: VFile) => {
    for (const line of tree.lines) {
      if (line.blank || line.removed || !/[\u2024\u2027\u318D]/u.test(line.text.text)) continue;
      const parts: Span[] = [];
      let last = 0;
      for (const m of line.text.text.matchAll(VARIANT)) {
        parts.push(slice(line.text, last, m.index), synthetic('·'));
        const offset = line.text.map[m.index!]!;
        if (offset >= 0) file.data.artifacts!.push({ rule: 'clean/middle-dot', start: offset, end: offset + 1 });
        last = m.index! + 1;
      }
      if (last === 0) continue;
      parts.push(slice(line.text, last));
      line.text = concat(...parts);
    }
  };
}
