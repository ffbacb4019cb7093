import type { VFile } from 'vfile';
import type { Block, DocTree, Inline } from '../types.ts';
import { concat, slice, type Span } from '../text/span.ts';
import { report } from '../messages.ts';
import { resolveByDate } from '../knowledge/matcher.ts';

const QUOTED = /[「｢]([^」｣\n]{2,80})[」｣]/gu;

/**
 * Marks every mention of a registry entity (agencies, laws, programmes, places,
 * organisations, glossary terms) in running text, headings, items, table cells and
 * footnotes. A name shared by two entities (a reused ministry name) resolves by the
 * document's date. A 「…」 title that matches nothing known is still marked, as an unknown
 * instrument, and reported (rule knowledge/unknown-name) — never silently dropped.
 */
export default function resolveMentions() {
  return (tree: DocTree, file: VFile) => {
    const knowledge = file.data.knowledge;
    if (!knowledge) return;
    const { matcher, registry } = knowledge;
    const issued = file.data.meta?.issued;
    const date = issued && issued !== 'unknown' ? issued : null;
    const unknown = new Map<string, number>();
    const mark = (content: Inline[], line: number): Inline[] => {
      const out: Inline[] = [];
      for (const part of coalesce(content)) {
        if (part.type !== 'text') {
          out.push(part);
          continue;
        }
        const text = part.span.text;
        const found = matcher.find(text).map((m) => ({ start: m.start, end: m.end, ref: resolveByDate(registry.entities, m.refs, date) as string | null, kind: '' }));
        for (const m of found) m.kind = registry.entities.get(m.ref as never)?.type ?? '';
        // Characters inside a registry name, marked once, so each 「…」 is checked in its own length.
        let named: Uint8Array | null = null;
        for (const q of text.matchAll(QUOTED)) {
          const start = q.index! + 1;
          const end = start + q[1]!.length;
          if (!named) {
            named = new Uint8Array(text.length);
            for (const f of found) named.fill(1, f.start, f.end);
          }
          if (named.subarray(start, end).includes(1)) continue;
          found.push({ start, end, ref: null, kind: 'law' });
          if (!unknown.has(q[1]!)) unknown.set(q[1]!, line);
        }
        found.sort((a, b) => a.start - b.start);
        // `미국국립과학재단(NSF)`: a name followed by its own abbreviation in parentheses is one
        // reference; the abbreviation stays text inside the mention's apposition.
        for (let k = found.length - 1; k > 0; k--) {
          const [a, b] = [found[k - 1]!, found[k]!];
          if (a.ref && a.ref === b.ref && text.slice(a.end, b.start) === '(' && text[b.end] === ')') found.splice(k, 1);
        }
        let last = 0;
        for (const f of found) {
          if (f.start > last) out.push({ type: 'text', span: slice(part.span, last, f.start) });
          out.push({ type: 'mention', ref: f.ref, kind: f.kind, span: slice(part.span, f.start, f.end) });
          last = f.end;
        }
        if (last < text.length) out.push({ type: 'text', span: last === 0 ? part.span : slice(part.span, last) });
      }
      return out;
    };
    const visit = (blocks: Block[]) => {
      for (const b of blocks) {
        if (b.type === 'heading') b.title = mark(b.title, b.from);
        else if (b.type === 'para' || b.type === 'item') b.content = mark(b.content, b.from);
        else if (b.type === 'table') b.rows = b.rows.map((r) => r.map((c) => mark(c, b.from)));
        if (b.type === 'item' || b.type === 'figure') visit(b.children);
      }
    };
    visit(tree.children);
    for (const n of tree.footnotes) n.content = mark(n.content, n.from);
    for (const [name, line] of unknown) report(file, 'knowledge/unknown-name', `Unexpected unknown instrument 「${name}」: not in content/registry/laws.yaml; shown as an unlinked name`, line);
  };
}

/** Adjacent text inlines (left by rejoined lines) become one, so a name across them is found. */
function coalesce(content: Inline[]): Inline[] {
  const out: Inline[] = [];
  // Each run of text inlines is concatenated once (pairwise concatenation was quadratic in
  // the length of the run).
  let run: Span[] = [];
  const flush = () => {
    if (run.length > 0) out.push({ type: 'text', span: run.length === 1 ? run[0]! : concat(...run) });
    run = [];
  };
  for (const c of content) {
    if (c.type === 'text') run.push(c.span);
    else {
      flush();
      out.push(c);
    }
  }
  flush();
  return out;
}
