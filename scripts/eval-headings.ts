#!/usr/bin/env node
// Measures heading detection (rule structure/heading) against gold written by reading the
// corpus-extra documents line by line (test/gold/headings/*.yaml). A predicted heading is
// matched by its first source line; `optional` lines count neither way. Figures for the
// documents the rules were tuned on and for the held-out documents are printed separately:
// only the held-out column says how the rules do on text they were not written for.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { corpusExtraDir } from './lib/join-eval.ts';
import { compileDocument } from '../src/compiler/compile.ts';
import type { Block } from '../src/compiler/types.ts';

export interface HeadingGold {
  document: string;
  split: 'tuned' | 'held-out';
  headings: { line: number; depth: number; text: string }[];
  optional: number[];
}
export interface HeadingEval {
  document: string;
  split: HeadingGold['split'];
  tp: number;
  fp: number[];
  fn: number[];
  /** Matched headings whose depth agrees with the gold. */
  depthOk: number;
}

const META = 'title: 평가 문서\nkind: other\nissued: "2025"\npublishers: unknown\nauthors: unknown\nsourceUrl: unknown\n';

export function predictedHeadings(source: Uint8Array): { line: number; depth: number }[] {
  const { result, files } = compileDocument({ id: '2025-eval-doc', dir: 'content/sources/2025-eval-doc', source, meta: META, overrides: null });
  if (!result) throw new Error(files.flatMap((f) => f.messages.map(String)).join('\n'));
  const out: { line: number; depth: number }[] = [];
  const visit = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type === 'heading' && !b.synthetic) out.push({ line: b.from, depth: b.depth ?? 0 });
      if (b.type === 'item') visit(b.children);
    }
  };
  visit(result.tree.children);
  return out;
}

export function evaluateHeadings(gold: HeadingGold, source: Uint8Array): HeadingEval {
  const predicted = predictedHeadings(source);
  const optional = new Set(gold.optional);
  const want = new Map(gold.headings.map((h) => [h.line, h.depth]));
  const got = new Map(predicted.filter((p) => !optional.has(p.line)).map((p) => [p.line, p.depth]));
  let tp = 0;
  let depthOk = 0;
  const fp: number[] = [];
  for (const [line, depth] of got) {
    if (want.has(line)) {
      tp++;
      if (want.get(line) === depth) depthOk++;
    } else fp.push(line);
  }
  const fn = [...want.keys()].filter((l) => !got.has(l));
  return { document: gold.document, split: gold.split, tp, fp, fn, depthOk };
}

export function loadGold(root: string): HeadingGold[] {
  const dir = path.join(root, 'test/gold/headings');
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => parse(readFileSync(path.join(dir, f), 'utf8')) as HeadingGold);
}

export function runHeadingEval(root: string): HeadingEval[] {
  const extra = corpusExtraDir(root);
  return loadGold(root).map((g) => evaluateHeadings(g, readFileSync(path.join(extra, `${g.document}.txt`))));
}

export function totals(rows: HeadingEval[]) {
  const tp = rows.reduce((s, r) => s + r.tp, 0);
  const fp = rows.reduce((s, r) => s + r.fp.length, 0);
  const fn = rows.reduce((s, r) => s + r.fn.length, 0);
  const depthOk = rows.reduce((s, r) => s + r.depthOk, 0);
  return { tp, fp, fn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), depth: depthOk / Math.max(1, tp) };
}

if (import.meta.main) {
  const root = path.resolve(import.meta.dirname, '..');
  const rows = runHeadingEval(root);
  const verbose = process.argv.includes('--verbose');
  for (const split of ['tuned', 'held-out'] as const) {
    const part = rows.filter((r) => r.split === split);
    console.log(`\n${split === 'tuned' ? 'TUNED (rules were developed against these)' : 'HELD-OUT (not looked at while tuning)'}`);
    console.log('document'.padEnd(62), 'gold'.padStart(5), 'P'.padStart(6), 'R'.padStart(6), 'depth'.padStart(6));
    for (const r of part) {
      const t = totals([r]);
      console.log(r.document.slice(0, 62).padEnd(62), String(r.tp + r.fn.length).padStart(5), t.precision.toFixed(3).padStart(6), t.recall.toFixed(3).padStart(6), t.depth.toFixed(2).padStart(6));
      if (verbose && (r.fp.length || r.fn.length)) console.log(`   false headings: ${r.fp.join(', ') || '-'}   missed: ${r.fn.join(', ') || '-'}`);
    }
    const t = totals(part);
    console.log(`${split} total`.padEnd(62), String(t.tp + t.fn).padStart(5), t.precision.toFixed(3).padStart(6), t.recall.toFixed(3).padStart(6), t.depth.toFixed(2).padStart(6));
  }
}
