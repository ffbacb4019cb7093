#!/usr/bin/env node
// Measures the line-join rule (clean/line-join) on text it was not written for: documents
// that are not hard-wrapped are re-wrapped at 40 characters the way PDF extraction does
// (cut anywhere; a space at the cut disappears), and each cut is re-joined by the rule.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { joinDecision, vocabulary } from '../src/compiler/text/join.ts';

export interface JoinEval {
  file: string;
  cuts: number;
  correct: number;
  /** expected→decided counts: s = space, n = none. */
  confusion: { ss: number; sn: number; ns: number; nn: number };
}

export function rewrapCuts(text: string, width = 40): { pieces: string[]; cuts: [string, string, 'space' | 'none'][] } {
  const cuts: [string, string, 'space' | 'none'][] = [];
  const pieces: string[] = [];
  for (const line of text.split('\n')) {
    if (line.length <= width || /\t|\|/.test(line)) {
      pieces.push(line);
      continue;
    }
    let rest = line;
    while (rest.length > width) {
      const a = rest.slice(0, width);
      const b = rest.slice(width);
      cuts.push([a.trimEnd(), b.trimStart(), /\s$/u.test(a) || /^\s/u.test(b) ? 'space' : 'none']);
      pieces.push(a.trimEnd());
      rest = b.trimStart();
    }
    pieces.push(rest);
  }
  return { pieces, cuts };
}

export function evaluateJoins(file: string, width = 40): JoinEval {
  const { pieces, cuts } = rewrapCuts(readFileSync(file, 'utf8'), width);
  const vocab = vocabulary(pieces);
  const confusion = { ss: 0, sn: 0, ns: 0, nn: 0 };
  let correct = 0;
  for (const [a, b, expected] of cuts) {
    const got = joinDecision(a, b, vocab);
    if (got === expected) correct++;
    confusion[`${expected[0]}${got[0]}` as keyof typeof confusion]++;
  }
  return { file, cuts: cuts.length, correct, confusion };
}

/**
 * The generality corpus (`shared/corpus-extra`, six real documents that are not site content):
 * beside the repository as CI has it, or wherever KB_CORPUS_EXTRA points. Missing is an error,
 * never a silently smaller test.
 */
export function corpusExtraDir(root: string): string {
  const dir = path.resolve(process.env.KB_CORPUS_EXTRA ?? path.join(root, '../shared/corpus-extra'));
  if (!existsSync(dir)) {
    throw new Error(`corpus-extra not found at ${dir}: the generality tests need shared/corpus-extra beside the repository (as CI has it), or KB_CORPUS_EXTRA=<folder>.`);
  }
  return dir;
}

/** The unwrapped documents: three site sources and the six corpus-extra documents. */
export function evaluationFiles(root: string): string[] {
  const extra = corpusExtraDir(root);
  return [
    ...['2023-delco-global-cluster-plan-summary', '2010-mke-industrial-complex-cluster', '2002-11-01-seri-bio-cluster-strategy'].map((id) => path.join(root, 'content/sources', id, 'source.txt')),
    ...readdirSync(extra).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(extra, f)),
  ];
}

if (import.meta.main) {
  const root = path.resolve(import.meta.dirname, '..');
  let cuts = 0;
  let correct = 0;
  console.log('document'.padEnd(58), 'cuts'.padStart(5), 'correct'.padStart(8));
  for (const f of evaluationFiles(root)) {
    const r = evaluateJoins(f);
    cuts += r.cuts;
    correct += r.correct;
    console.log(path.basename(path.dirname(f)) === 'corpus-extra' ? path.basename(f).slice(0, 58).padEnd(58) : path.basename(path.dirname(f)).padEnd(58), String(r.cuts).padStart(5), (r.correct / r.cuts).toFixed(3).padStart(8));
  }
  console.log('total'.padEnd(58), String(cuts).padStart(5), (correct / cuts).toFixed(3).padStart(8));
}
