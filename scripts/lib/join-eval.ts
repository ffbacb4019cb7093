/**
 * Measuring the compiler on re-wrapped documents (issue 11, items 1–2): how every break the
 * re-wrapper made was joined (scripts/lib/rewrap.ts records the truth), and whether the block
 * tree is the one the clean document gives.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Block, DocTree, Inline } from '../../src/compiler/types.ts';
import type { Span } from '../../src/compiler/text/span.ts';
import type { CompiledDocument } from '../../src/compiler/compile.ts';
import type { Break } from './rewrap.ts';

export type Outcome = 'space' | 'none' | 'split' | 'lost' | 'other';

/** One text run per block-level text (heading title, paragraph, item, cell, footnote…). */
export function textRuns(tree: DocTree): Span[] {
  const runs: Span[] = [];
  const inline = (c: Inline[]) => {
    const parts = c.map((x) => (x.type === 'fnref' ? x.marker : x.span));
    let text = '';
    let n = 0;
    for (const p of parts) n += p.map.length;
    const map = new Int32Array(n);
    let at = 0;
    for (const p of parts) {
      text += p.text;
      map.set(p.map, at);
      at += p.map.length;
    }
    runs.push({ text, map });
  };
  const visit = (blocks: Block[]) => {
    for (const b of blocks) {
      switch (b.type) {
        case 'heading':
          inline(b.num ? [{ type: 'text', span: b.num }, { type: 'text', span: { text: ' ', map: new Int32Array([-1]) } }, ...b.title] : b.title);
          break;
        case 'para':
          inline(b.content);
          break;
        case 'item':
          inline([{ type: 'text', span: b.marker }, ...b.content]);
          visit(b.children);
          break;
        case 'footnote':
          inline(b.content);
          break;
        case 'table':
          for (const row of b.rows) for (const cell of row) inline(cell);
          break;
        case 'pre':
          for (const l of b.lines) runs.push(l);
          break;
        case 'figure':
          inline(b.caption);
          visit(b.children);
          break;
        case 'facts':
          for (const e of b.entries) runs.push(e.label, e.value);
          break;
      }
    }
  };
  visit(tree.children);
  visit(tree.footnotes);
  return runs;
}

/** How each break was re-joined in the compiled document. */
export function outcomes(tree: DocTree, breaks: readonly Break[]): Outcome[] {
  const runs = textRuns(tree);
  // Source offset → (run, index). Typed arrays keep this linear in the source length.
  const runOf = new Int32Array(tree.source.length).fill(-1);
  const indexOf = new Int32Array(tree.source.length);
  runs.forEach((r, k) => {
    for (let i = 0; i < r.map.length; i++) {
      const m = r.map[i]!;
      if (m >= 0 && runOf[m] === -1) {
        runOf[m] = k;
        indexOf[m] = i;
      }
    }
  });
  return breaks.map((b) => {
    const k = runOf[b.before]!;
    if (k < 0 || runOf[b.after]! < 0) return 'lost';
    if (runOf[b.after] !== k) return 'split';
    const r = runs[k]!;
    const i = indexOf[b.before]!;
    if (r.map[i + 1] === b.after) return 'none';
    if (/\s/u.test(r.text[i + 1] ?? '') && r.map[i + 1]! < 0 && r.map[i + 2] === b.after) return 'space';
    return 'other';
  });
}

/**
 * The block tree as comparable lines: kind, depth, key, anchor and text (white space removed,
 * so joins are measured apart from structure). Used for the invariance property.
 */
export function blockSignature(doc: CompiledDocument, opts: { spaces?: boolean } = {}): string[] {
  const out: string[] = [];
  // Footnote labels name source lines (`L34`): compared by order of appearance instead.
  const labels = new Map<string, string>();
  const label = (l: string) => labels.get(l) ?? (labels.set(l, `n${labels.size + 1}`), labels.get(l)!);
  const norm = (s: string) => (opts.spaces ? s.replace(/\s+/gu, ' ').trim() : s.replace(/\s+/gu, ''));
  const text = (c: Inline[]) => norm(c.map((x) => (x.type === 'fnref' ? `[^${label(x.label)}]` : x.span.text)).join(''));
  const visit = (blocks: Block[], depth: number) => {
    for (const b of blocks) {
      switch (b.type) {
        case 'heading':
          out.push(`H${b.depth ?? ''} ${b.key} #${b.id ?? ''} ${norm(b.num?.text ?? '')} ${text(b.title)}`);
          break;
        case 'para':
          out.push(`${'  '.repeat(depth)}P ${text(b.content)}`);
          break;
        case 'item':
          out.push(`${'  '.repeat(depth)}I ${b.key}${b.role ? `/${b.role}` : ''} ${text(b.content)}`);
          visit(b.children, depth + 1);
          break;
        case 'footnote':
          out.push(`F ${label(b.label)} ${text(b.content)}`);
          break;
        case 'table':
          out.push(`T ${b.rows.length}x${b.rows[0]?.length ?? 0} ${b.rows.map((r) => r.map(text).join('|')).join('/')}`);
          break;
        case 'pre':
          out.push(`${'  '.repeat(depth)}PRE ${norm(b.lines.map((l) => l.text).join(''))}`);
          break;
        case 'figure':
          out.push(`${'  '.repeat(depth)}FIG ${b.kind} ${b.num} ${text(b.caption)}`);
          visit(b.children, depth + 1);
          break;
        case 'facts':
          out.push(`FACTS ${b.entries.map((e) => `${norm(e.label.text)}=${norm(e.value.text)}`).join(' ')}`);
          break;
      }
    }
  };
  visit(doc.tree.children, 0);
  visit(doc.tree.footnotes, 0);
  const r = doc.record as unknown as Record<string, unknown>;
  for (const key of ['facts', 'measures', 'dates'] as const) {
    if (Array.isArray(r[key])) out.push(`${key.toUpperCase()} ${norm(JSON.stringify(r[key], (k, v) => (['id', 'line', 'lines', 'from', 'to', 'anchor', 'source', 'at'].includes(k) ? undefined : v)))}`);
  }
  return out;
}

/** Lines of `a` missing from `b` and of `b` missing from `a` (a multiset difference, in order). */
export function signatureDiff(a: string[], b: string[]): { missing: string[]; extra: string[] } {
  const count = new Map<string, number>();
  for (const l of b) count.set(l, (count.get(l) ?? 0) + 1);
  const missing: string[] = [];
  for (const l of a) {
    const c = count.get(l) ?? 0;
    if (c > 0) count.set(l, c - 1);
    else missing.push(l);
  }
  const left = new Map<string, number>();
  for (const l of a) left.set(l, (left.get(l) ?? 0) + 1);
  const extra: string[] = [];
  for (const l of b) {
    const c = left.get(l) ?? 0;
    if (c > 0) left.set(l, c - 1);
    else extra.push(l);
  }
  return { missing, extra };
}

export interface EvalDoc {
  /** Short name for reports. */
  name: string;
  /** The document id the compiler sees (site sources: the folder; corpus-extra: a test id). */
  id: string;
  file: string;
  /** How the clean text was obtained. */
  clean: 'source' | 'unwrapped';
  meta: string | null;
  overrides: string | null;
}

/**
 * The generality corpus (`shared/corpus-extra`): beside the repository as CI has it, or
 * wherever KB_CORPUS_EXTRA points. Missing is an error, never a silently smaller test.
 */
export function corpusExtraDir(root: string): string {
  const candidates = [process.env.KB_CORPUS_EXTRA, path.join(root, '../shared/corpus-extra'), path.join(root, '../../shared/corpus-extra')].filter((d): d is string => !!d).map((d) => path.resolve(d));
  const dir = candidates.find((d) => existsSync(d));
  if (!dir) throw new Error(`corpus-extra not found at ${candidates[0]}: the generality tests need shared/corpus-extra beside the repository (as CI has it), or KB_CORPUS_EXTRA=<folder>.`);
  return dir;
}

/** Every document: the site's sources and the corpus-extra documents. */
export function evalDocs(root: string): EvalDoc[] {
  const src = path.join(root, 'content/sources');
  const extra = corpusExtraDir(root);
  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : null);
  return [
    ...readdirSync(src).sort().map((id): EvalDoc => ({
      name: id,
      id,
      file: path.join(src, id, 'source.txt'),
      clean: WRAPPED_SOURCES.has(id) ? 'unwrapped' : 'source',
      meta: read(path.join(src, id, 'meta.yaml')),
      overrides: read(path.join(src, id, 'overrides.yaml')),
    })),
    ...readdirSync(extra).filter((f) => f.endsWith('.txt')).sort().map((f, k): EvalDoc => ({
      name: f.replace(/\.txt$/u, ''),
      id: `2025-extra-${k + 1}`,
      file: path.join(extra, f),
      clean: 'source',
      meta: null,
      overrides: null,
    })),
  ];
}

/**
 * Site sources that are hard-wrapped already (PDF extractions): their line breaks carry no
 * truth, so their clean text is the compiler's own unwrapping (see unwrapped()).
 */
export const WRAPPED_SOURCES = new Set(['2006-thesis-innovation-cluster-gri-sme', '2023-06-01-moef-global-cluster-press']);

/**
 * The clean text of a hard-wrapped source: every line break inside a block that the compiler
 * joined is replaced by its join (a space or nothing), so each block is one line again. Used
 * for sources that are PDF extractions already (WRAPPED_SOURCES); their truth is then the
 * compiler's own reading, and the measure is one of stability, not of correctness.
 */
export function unwrapped(source: string, tree: DocTree): string {
  const lines = source.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  // Candidate breaks: between two non-blank lines (last non-space char → first non-space char).
  const cand: Break[] = [];
  const index: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    if (!a.trim() || !b.trim()) continue;
    const before = starts[i]! + a.trimEnd().length - 1;
    const after = starts[i + 1]! + (b.length - b.trimStart().length);
    cand.push({ before, after, space: false, left: '', right: '', page: false });
    index.push(i);
  }
  const got = outcomes(tree, cand);
  const joinAfter = new Map<number, string>();
  got.forEach((o, k) => {
    if (o === 'space' || o === 'none') joinAfter.set(index[k]!, o === 'space' ? ' ' : '');
  });
  const out: string[] = [];
  let cur: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l: string = cur === null ? lines[i]! : lines[i]!.trimStart();
    cur = cur === null ? l : cur + l;
    const j = joinAfter.get(i);
    if (j === undefined) {
      out.push(cur);
      cur = null;
    } else cur = cur.trimEnd() + j;
  }
  if (cur !== null) out.push(cur);
  return out.join('\n');
}

/**
 * The tuning half: the join weights were fitted and the rules adjusted on these documents
 * only. Everything else is held out, and reported apart.
 */
export const TUNING = new Set([
  '2002-11-01-seri-bio-cluster-strategy',
  '2006-thesis-innovation-cluster-gri-sme',
  '2010-mke-industrial-complex-cluster',
  '2023-06-01-moef-global-cluster-press',
  '2023-delco-global-cluster-plan-summary',
  'policy-plan_molit_2026-03_gr-simulator-subsidy-call',
]);
