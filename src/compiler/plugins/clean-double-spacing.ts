import type { DocTree } from '../types.ts';
import { endsSentence } from '../text/join.ts';

const MIN_RUN = 6;

/**
 * Finds double-spaced runs (a blank after every text line, seed-004 R6) and makes their
 * blank lines soft, except after a line that ends a sentence, where the paragraph ends.
 */
export default function cleanDoubleSpacing() {
  return (tree: DocTree) => {
    const { lines } = tree;
    let i = 0;
    while (i < lines.length) {
      // Collect text, blank, text, blank, … starting at i.
      let j = i;
      const texts: number[] = [];
      while (j + 1 < lines.length && !lines[j]!.blank && !lines[j]!.removed && lines[j + 1]!.blank && !isMarkerLine(lines[j]!.text.text)) {
        texts.push(j);
        j += 2;
      }
      if (texts.length >= MIN_RUN) {
        const open = texts.filter((t) => !endsSentence(lines[t]!.text.text)).length;
        if (open / texts.length >= 0.6) {
          for (const t of texts) if (!endsSentence(lines[t]!.text.text)) lines[t + 1]!.soft = true;
          i = j;
          continue;
        }
      }
      i++;
    }
  };
}

function isMarkerLine(text: string): boolean {
  return /^(?:[□■◇◆○ㅇ❍●▪•◦※*➊-➓①-⑳▶►△▲-]|\d+[.)」]|제\s*\d+\s*[장절])/u.test(text);
}
