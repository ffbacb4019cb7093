import type { Block, DocTree, HeadingBlock, ItemBlock } from '../types.ts';
import { synthetic } from '../text/span.ts';
import { textOf } from './detect-blocks.ts';

/**
 * Decides the outline and the 개조식 nesting from the order in which marker families first
 * appear (korean-conventions.md): a family already open closes everything below it (a
 * sibling); a new family opens one level deeper. Headings get their depth this way
 * (제N장 → 제N절 → 1. → 가. → (1), or Ⅳ → 1. → (1)), and items nest under each heading.
 * Also zones a trailing English abstract (rule structure/english-abstract).
 */
export default function resolveHierarchy() {
  return (tree: DocTree) => {
    zoneEnglishAbstract(tree);
    const headingStack: HeadingBlock[] = [];
    const out: Block[] = [];
    let listStack: ItemBlock[] = [];
    const blocks = tree.children;
    // nextBlock[i]: the first block after i that is not a paragraph (one backward pass, so
    // looking ahead past a run of paragraphs stays linear).
    const nextBlock = new Array<Block | undefined>(blocks.length);
    for (let i = blocks.length - 2; i >= 0; i--) nextBlock[i] = blocks[i + 1]!.type !== 'para' ? blocks[i + 1] : nextBlock[i + 1];
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (block.type === 'heading') {
        listStack = [];
        if (block.key === 'zone') {
          headingStack.length = 0;
          block.depth = 1;
        } else {
          const at = headingStack.findIndex((h) => h.key === block.key);
          if (at >= 0) headingStack.length = at;
          headingStack.push(block);
          block.depth = headingStack.length;
          if (!block.id && block.seg) block.id = headingStack.map((h) => h.seg ?? 'x').join('-');
        }
        out.push(block);
        continue;
      }
      if (block.type === 'item') {
        const at = listStack.findIndex((it) => it.key === block.key);
        if (at >= 0) listStack.length = at;
        else {
          // A family conventionally above the open ones closes them (a document's chrome may
          // use `-` before its real □ hierarchy); unranked families nest by appearance only.
          const rank = RANK[block.key];
          while (rank !== undefined && listStack.length && (RANK[listStack.at(-1)!.key] ?? 0) > rank) listStack.pop();
        }
        const parent = listStack.at(-1);
        if (parent) parent.children.push(block);
        else out.push(block);
        listStack.push(block);
        continue;
      }
      // A paragraph between items of a list that goes on (the next item's family is open) is
      // part of the open item: a displaced continuation or an explanation under it.
      const next = nextBlock[i];
      if (block.type === 'para' && listStack.length > 0 && next?.type === 'item' && listStack.some((it) => it.key === next.key)) {
        listStack.at(-1)!.children.push(block);
        continue;
      }
      listStack = [];
      out.push(block);
    }
    tree.children = out;
  };
}

/** Conventional seniority of 개조식 marker families (korean-conventions.md): 1 is the top. */
const RANK: Record<string, number> = { '□': 1, '◇': 1, 'ㅇ': 2, '●': 2, '▶': 2, '➊': 2, '※': 2, label: 2, '▪': 3, '-': 3, '•': 3, '·': 3, '①': 3, '△': 3 };

function zoneEnglishAbstract(tree: DocTree) {
  const blocks = tree.children;
  let start = blocks.length;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.type !== 'para' || !isLatin(textOf(b.content).text)) break;
    start = i;
  }
  if (start >= blocks.length || start === 0) return;
  const hasKorean = blocks.slice(0, start).some((b) => b.type === 'para' && /[가-힣]/u.test(textOf(b.content).text));
  if (!hasKorean) return;
  const first = blocks[start]!;
  const heading: HeadingBlock = { type: 'heading', key: 'zone', seg: 'abstract-en', id: 'abstract-en', title: [{ type: 'text', span: synthetic('Abstract') }], synthetic: true, from: first.from, to: first.from, rule: 'structure/english-abstract' };
  blocks.splice(start, 0, heading);
}

function isLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 40) return false;
  const ascii = letters.filter((c) => /[A-Za-z]/.test(c)).length;
  return ascii / letters.length >= 0.8;
}

declare module '../types.ts' {
  interface HeadingBlock {
    /** The rule that created a synthetic heading. */
    rule?: string;
  }
}
