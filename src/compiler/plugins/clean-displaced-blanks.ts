import type { DocTree, Line } from '../types.ts';

const FINAL = /(?:다\.|\.\)?)$/u;
const STRUCTURAL = /^(?:<(?:표|그림)|자료\)|주\)|\d{1,2}\)\s|제\s*\d+\s*[장절]|[□○ㅇ▪※*-])/u;

/**
 * A paragraph's first line sometimes sits directly under the previous paragraph and its blank
 * line appears one line further down, inside the sentence (seed-004 R7). Detect:
 * L[i-1] ends a sentence, L[i] does not, L[i+1] is blank, L[i+2] is plain text; then the
 * blank at i+1 is soft and a hard break is recorded before L[i].
 */
export default function cleanDisplacedBlanks() {
  return (tree: DocTree) => {
    const { lines } = tree;
    for (let i = 1; i + 2 < lines.length; i++) {
      const [a, b, blank, c] = [lines[i - 1]!, lines[i]!, lines[i + 1]!, lines[i + 2]!];
      if (!isText(a) || !isText(b) || !blank.blank || blank.soft || !isText(c)) continue;
      if (a.zone !== undefined || b.zone !== undefined) continue;
      if (!FINAL.test(a.text.text) || FINAL.test(b.text.text)) continue;
      if (STRUCTURAL.test(b.text.text) || STRUCTURAL.test(c.text.text) || c.blockStart) continue;
      // Only in wrapped prose: the cut line must be long, as wrapped lines are.
      if (b.text.text.length < 25) continue;
      blank.soft = true;
      b.blockStart = true;
      b.breakBefore = true;
    }
  };
}

function isText(line: Line): boolean {
  return !line.blank && !line.removed;
}

declare module '../types.ts' {
  interface Line {
    /** A paragraph break belongs before this line even though no blank line precedes it. */
    breakBefore?: boolean;
  }
}
