import type { Block, DocTree, HeadingBlock, Inline, ItemBlock } from '../types.ts';
import type { CaseEntry } from '../contract.ts';
import { plain } from './measures.ts';

const CASE = /사례/u;

/**
 * Rule knowledge/case: case studies as their own kind.
 * - A `※ 「…」 사례` box of a plan is a case; its name is the 「…」 title.
 * - The sub-sections of a heading titled `… 사례` are cases (신죽 과학산업단지, Saarland …); a
 *   sub-section that is itself a `… 사례` grouping passes the role to its own sub-sections.
 * Each case records the entities mentioned in it, so it links to its places and agencies.
 */
export function findCases(tree: DocTree, docId: string): CaseEntry[] {
  const cases: CaseEntry[] = [];
  const blocks = tree.children;
  // Headings: which ones are cases.
  const headings = blocks.filter((b): b is HeadingBlock => b.type === 'heading');
  // Positions by map, not indexOf: a document can have thousands of headings.
  const headingIndex = new Map(headings.map((h, i) => [h, i]));
  const blockIndex = new Map(blocks.map((b, i) => [b, i]));
  const caseHeadings = new Set<HeadingBlock>();
  const childrenOf = (h: HeadingBlock) => {
    const i = headingIndex.get(h)!;
    const out: HeadingBlock[] = [];
    for (let k = i + 1; k < headings.length; k++) {
      const x = headings[k]!;
      if ((x.depth ?? 0) <= (h.depth ?? 0)) break;
      if ((x.depth ?? 0) === (h.depth ?? 0) + 1) out.push(x);
    }
    return out;
  };
  const mark = (h: HeadingBlock) => {
    for (const c of childrenOf(h)) {
      if (CASE.test(plain(c.title)) && childrenOf(c).length > 0) mark(c);
      else caseHeadings.add(c);
    }
  };
  for (const h of headings) if (CASE.test(plain(h.title)) && childrenOf(h).length > 0 && !caseHeadings.has(h)) mark(h);

  // Collect each case heading's section: blocks until the next heading at the same or a higher level.
  for (const h of caseHeadings) {
    const start = blockIndex.get(h)!;
    let end = start + 1;
    while (end < blocks.length) {
      const b = blocks[end]!;
      if (b.type === 'heading' && (b.depth ?? 0) <= (h.depth ?? 0)) break;
      end++;
    }
    const section = blocks.slice(start, end);
    const title = plain(h.title).trim();
    cases.push(entry(docId, h.id!, title, section, h.from, section.at(-1)?.to ?? h.to));
  }
  // ※ boxes.
  const visit = (list: Block[]) => {
    for (const b of list) {
      if (b.type !== 'item') continue;
      if (b.key === '※' && CASE.test(plain(b.content))) {
        const text = plain(b.content).trim();
        const title = /[「｢]([^」｣]+)[」｣]/u.exec(text)?.[1] ?? text.replace(/\s*사례\s*$/u, '');
        cases.push(entry(docId, b.id!, title, [b], b.from, lastLine(b)));
      } else visit(b.children);
    }
  };
  visit(blocks);
  return cases.sort((a, b) => a.sourceLines[0] - b.sourceLines[0]);
}

function lastLine(item: ItemBlock): number {
  return Math.max(item.to, ...item.children.map((c) => (c.type === 'item' ? lastLine(c) : c.to)));
}

function entry(docId: string, anchor: string, title: string, section: Block[], from: number, to: number): CaseEntry {
  const mentions = new Set<string>();
  const collect = (content: Inline[]) => {
    for (const c of content) if (c.type === 'mention' && c.ref) mentions.add(c.ref);
  };
  const walk = (list: Block[]) => {
    for (const b of list) {
      if (b.type === 'heading') collect(b.title);
      if (b.type === 'para' || b.type === 'item') collect(b.content);
      if (b.type === 'item' || b.type === 'figure') walk(b.children);
    }
  };
  walk(section);
  return { id: `${docId}--${anchor}`, anchor, title, sourceLines: [from, to], mentions: [...mentions] };
}
