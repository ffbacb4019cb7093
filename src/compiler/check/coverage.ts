import type { VFile } from 'vfile';
import type { Block, DocTree, Inline } from '../types.ts';
import type { Span } from '../text/span.ts';
import { report } from '../messages.ts';
import type { RuleId } from '../rules.ts';

/**
 * Nothing lost (rule check/coverage): every non-white-space character of the normalised
 * source must be carried by an emitted node or be a documented artifact removed by a named
 * rule. Returns the removed-character counts by rule.
 */
export function checkCoverage(tree: DocTree, file: VFile): Record<string, number> {
  const source = tree.source;
  const covered = new Uint8Array(source.length);
  const removed: Record<string, number> = {};
  const mark = (s: Span) => {
    for (const m of s.map) if (m >= 0) covered[m] = 1;
  };
  const removedBy = (rule: RuleId, start: number, end: number) => {
    for (let k = start; k < end; k++) {
      if (covered[k] === 2 || /\s/u.test(source[k]!)) continue;
      covered[k] = 2;
      removed[rule] = (removed[rule] ?? 0) + 1;
    }
  };
  const inline = (content: Inline[]) => {
    for (const c of content) {
      if (c.type === 'fnref') for (const m of c.marker.map) m >= 0 && removedBy('clean/footnote-marker', m, m + 1);
      else mark(c.span);
    }
  };
  const visit = (blocks: Block[]) => {
    for (const b of blocks) {
      switch (b.type) {
        case 'heading':
          if (b.num) mark(b.num);
          inline(b.title);
          break;
        case 'para':
          inline(b.content);
          break;
        case 'item':
          mark(b.marker);
          inline(b.content);
          visit(b.children);
          break;
        case 'table':
          for (const row of b.rows) for (const cell of row) inline(cell);
          break;
        case 'pre':
          for (const l of b.lines) mark(l);
          break;
        case 'figure':
          inline(b.caption);
          visit(b.children);
          break;
        case 'facts':
          for (const e of b.entries) {
            mark(e.label);
            mark(e.value);
          }
          break;
        case 'footnote':
          break;
      }
    }
  };
  visit(tree.children);
  for (const note of tree.footnotes) {
    for (const m of note.marker.map) if (m >= 0) removedBy('clean/footnote-marker', m, m + 1);
    inline(note.content);
  }
  for (const a of file.data.artifacts ?? []) removedBy(a.rule, a.start, a.end);
  for (const [rule, n] of Object.entries(file.data.preRemoved ?? {})) removed[rule] = (removed[rule] ?? 0) + (n ?? 0);

  const lost = new Map<number, string>();
  for (const line of tree.lines) {
    let chars = '';
    for (let k = line.start; k < line.start + line.raw.length; k++) if (!covered[k] && !/\s/u.test(source[k]!)) chars += source[k];
    if (chars) lost.set(line.n, chars);
  }
  if (lost.size > 0) {
    const list = [...lost].slice(0, 20).map(([n, chars]) => `L${n} “${chars.slice(0, 40)}”`).join(', ');
    report(file, 'check/coverage', `Unexpected loss of source text on ${lost.size} line(s): ${list}${lost.size > 20 ? ', …' : ''}`, lost.keys().next().value);
  }
  return removed;
}
