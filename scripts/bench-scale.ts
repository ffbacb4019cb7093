#!/usr/bin/env node
// Compile time at 1×, 10× and 100× the five documents (scripts/generate-corpus.ts), to show
// that it grows linearly. Set BENCH_FACTORS=1,10 for a shorter run.
import path from 'node:path';
import { generateCorpus } from './generate-corpus.ts';
import { compileCorpus } from '../src/compiler/index.ts';

const root = path.resolve(import.meta.dirname, '..');
const factors = (process.env.BENCH_FACTORS ?? '1,10,100').split(',').map(Number);
console.log('factor'.padStart(6), 'docs'.padStart(6), 'MB'.padStart(7), 'compile s'.padStart(10), 'ms/doc'.padStart(8), 'MB/s'.padStart(6), 'peak RSS MB'.padStart(12));
for (const factor of factors) {
  const out = path.join(root, '.bench', `corpus-${factor}`);
  const bytes = generateCorpus(root, factor, out);
  const started = performance.now();
  const { documents } = await compileCorpus({ root: out, write: false, verify: false });
  const s = (performance.now() - started) / 1000;
  console.log(String(factor).padStart(6), String(documents.length).padStart(6), (bytes / 1e6).toFixed(1).padStart(7), s.toFixed(2).padStart(10), ((s * 1000) / documents.length).toFixed(1).padStart(8), (bytes / 1e6 / s).toFixed(2).padStart(6), (process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(12));
}
