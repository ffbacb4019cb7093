#!/usr/bin/env node
// Fits the weights of the Hangul line-join vote (src/compiler/text/join.ts, hangulJoin) by
// logistic regression on re-wrapped documents of the TUNING half of the corpus only; the
// held-out half is what eval:joins reports on. Prints the weights to paste into join.ts.
//   node scripts/fit-joins.ts [--seeds 5]
import path from 'node:path';
import { FEATURES, hangulFeatures, vocabulary } from '../src/compiler/text/join.ts';
import { rewrap } from './lib/rewrap.ts';
import { evalDocs, TUNING } from './lib/join-eval.ts';
import { cleanOf, corpusSpacing } from './eval-joins.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const seeds = Number(args[args.indexOf('--seeds') + 1] || 5) || 5;
const X: number[][] = [];
const Y: number[] = [];
const bare = (t: string) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
// Corpus evidence: the other TUNING documents only (held-out text never reaches the fit).
const tuning = evalDocs(root).filter((d) => TUNING.has(d.name)).map((doc) => ({ doc, prepared: cleanOf(doc) }));
for (const { doc, prepared } of tuning) {
  const corpus = corpusSpacing(tuning.filter((x) => x.doc !== doc).map((x) => x.prepared.text));
  for (let s = 1; s <= seeds; s++) {
    const w = rewrap(prepared.text, { seed: s, headings: prepared.headings });
    const lines = w.text.split('\n');
    const vocab = vocabulary(lines.filter((l) => l.trim()), corpus);
    for (const b of w.breaks) {
      const left = w.text.slice(0, b.before + 1);
      const right = w.text.slice(b.after, b.after + 80);
      const aLine = left.slice(left.lastIndexOf('\n') + 1).trim();
      const bLine = right.slice(0, (right.indexOf('\n') + 1 || right.length + 1) - 1).trim();
      if (!/[가-힣]$/u.test(aLine) || !/^[가-힣]/u.test(bLine)) continue;
      X.push(hangulFeatures(bare(aLine.split(/\s+/u).at(-1)!), bare(bLine.split(/\s+/u)[0]!), bLine, vocab));
      Y.push(b.space ? 1 : 0);
    }
  }
}
// Logistic regression, batch gradient descent with a little L2 (the features are few).
const d = FEATURES.length + 1;
const w = new Array<number>(d).fill(0);
for (let it = 0; it < 4000; it++) {
  const g = new Array<number>(d).fill(0);
  for (let i = 0; i < X.length; i++) {
    const x = [1, ...X[i]!];
    const z = x.reduce((s, v, k) => s + v * w[k]!, 0);
    const p = 1 / (1 + Math.exp(-z));
    for (let k = 0; k < d; k++) g[k]! += (p - Y[i]!) * x[k]!;
  }
  for (let k = 0; k < d; k++) w[k]! -= (0.5 * (g[k]! / X.length + (k ? 0.001 * w[k]! : 0)));
}
let right = 0;
for (let i = 0; i < X.length; i++) if ((([1, ...X[i]!].reduce((s, v, k) => s + v * w[k]!, 0) > 0) ? 1 : 0) === Y[i]) right++;
console.log(`${X.length} Hangul|Hangul breaks (${Y.filter((y) => y).length} spaces), training accuracy ${(right / X.length).toFixed(4)}`);
console.log(['bias', ...FEATURES].map((f, k) => `${f}=${w[k]!.toFixed(2)}`).join(' '));
console.log(`const WEIGHTS = [${w.map((v) => v.toFixed(2)).join(', ')}];`);
