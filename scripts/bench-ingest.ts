#!/usr/bin/env node
// npm run bench:ingest [-- <file>…]: time to read HWP/HWPX originals into source text
// (read + write-source, no disk writes), median of 5 warm runs after one cold run, and the
// throughput; by default the six corpus-extra originals. Goal (issue 17): a 500 KB HWP ≤ 2 s.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { readDocument } from '../src/ingest/index.ts';
import { renderSource } from '../src/ingest/write-source.ts';
import { corpusExtraDir } from './lib/join-eval.ts';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const files = args.length
  ? args.map((f) => path.resolve(process.env.INIT_CWD ?? process.cwd(), f))
  : readdirSync(path.join(corpusExtraDir(root), 'originals')).sort().map((f) => path.join(corpusExtraDir(root), 'originals', f));

const RUNS = 5;
console.log('file                                                              KB   cold ms  median ms   MB/s  lines tables');
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const once = async () => {
    const t = performance.now();
    const doc = await readDocument(file, bytes);
    const lines = renderSource(doc);
    return { ms: performance.now() - t, lines: lines.length, tables: doc.blocks.filter((b) => b.type === 'table').length };
  };
  const cold = await once();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await once()).ms);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)]!;
  const kb = statSync(file).size / 1024;
  console.log(`${path.basename(file).padEnd(62)} ${kb.toFixed(0).padStart(5)} ${cold.ms.toFixed(0).padStart(9)} ${median.toFixed(0).padStart(10)} ${(kb / 1024 / (median / 1000)).toFixed(2).padStart(6)} ${String(cold.lines).padStart(6)} ${String(cold.tables).padStart(6)}`);
}
