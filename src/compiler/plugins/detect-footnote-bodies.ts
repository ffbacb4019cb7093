import type { DocTree, Line } from '../types.ts';
import { endsSentence } from '../text/join.ts';

const BODY = /^(\d{1,2})\) (?=\S)/u;
const MARKER = /(?<=[가-힣A-Za-z.)’”])(\d{1,2})\)(?!\d)/gu;
const REF_END = /(?:재구성|재정리|재인용|pp?\.?\s?[\d-]+)$/u;
const OPENS_BLOCK = /^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+[가-힣A-Za-z]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[가-하][.)]\s|\(\d{1,2}\)\s|[□■◇○ㅇ❍▪•◦※①-⑳➊-➓<〈《])/u;
const BODY_END = /(?:재구성|재정리|재인용|[.。]|지식)$/u;

/**
 * Finds numbered footnote bodies that PDF extraction dropped into the running text
 * (`2) 나경환, 정규채(2004), …` between two halves of a sentence, seed-004 R8). A body is
 * claimed only when its number is the next one expected and its marker `N)` was already
 * seen glued to a word (`말한다.1)`), so table row labels like `1)미션과` are left alone.
 * Claimed lines are set aside; the text around them joins up again.
 */
export default function detectFootnoteBodies() {
  return (tree: DocTree) => {
    const { lines } = tree;
    const seen = new Set<number>();
    let expected = 1;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.blank || line.removed) continue;
      const body = BODY.exec(line.text.text);
      if (body && Number(body[1]) === expected && seen.has(expected)) {
        const label = String(expected);
        line.footnote = label;
        // Continuation lines: until a blank, a page label, a block start or the next body;
        // one blank is allowed when the body clearly has not ended yet.
        let j = i + 1;
        let last: Line = line;
        while (j < lines.length) {
          const next = lines[j]!;
          if (next.removed) break;
          if (next.blank) {
            const after = lines[j + 1];
            // Across a blank, only a tail that ends like a reference (`No.3, pp.4-10 재구성`).
            if (!BODY_END.test(last.text.text) && after && !after.blank && !after.removed && !after.blockStart && !BODY.test(after.text.text) && !next.soft && REF_END.test(after.text.text)) {
              j++;
              continue;
            }
            break;
          }
          if (next.blockStart || BODY.test(next.text.text) || next.zone !== undefined && next.zone !== line.zone) break;
          // A line opening with an outline number or a list marker starts the next block.
          if (OPENS_BLOCK.test(next.text.text)) break;
          if (BODY_END.test(last.text.text)) break;
          next.footnote = label;
          last = next;
          j++;
        }
        expected++;
        softenAround(lines, i, j);
        i = j - 1;
        continue;
      }
      if (line.footnote) continue;
      for (const m of line.text.text.matchAll(MARKER)) {
        const n = Number(m[1]);
        if (n === expected || n === expected + 1) seen.add(n);
      }
    }
  };
}

/**
 * The body interrupted a sentence when the text before it does not end one: then the blank
 * lines around the body (and around page labels next to it) do not end the paragraph.
 */
export function softenAround(lines: Line[], from: number, to: number) {
  let before = from - 1;
  while (before >= 0 && (lines[before]!.blank || lines[before]!.removed || lines[before]!.footnote)) before--;
  if (before < 0 || endsSentence(lines[before]!.text.text)) return;
  for (let k = before + 1; k < from; k++) if (lines[k]!.blank) lines[k]!.soft = true;
  for (let k = to; k < lines.length && (lines[k]!.blank || lines[k]!.removed); k++) if (lines[k]!.blank) lines[k]!.soft = true;
}
