#!/usr/bin/env node
// Benchmark: compile time and throughput per document and in total, then the full build
// (compile + Astro + Pagefind). Prints figures; never asserts (goals are in the README).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { VFile } from 'vfile';
import { compileDocument, verifyRoundTrip } from '../src/compiler/compile.ts';
import { emitMdast } from '../src/compiler/emit/emit-mdast.ts';
import { loadRegistry } from '../src/compiler/knowledge/registry.ts';
import { knowledgeOf } from '../src/compiler/knowledge/knowledge.ts';

const root = path.resolve(import.meta.dirname, '..');
const sources = path.join(root, 'content/sources');
const runs = Number(process.env.BENCH_RUNS ?? 7);
const ids = readdirSync(sources).sort();
const inputs = ids.map((id) => {
  const dir = path.join(sources, id);
  const read = (f: string) => (existsSync(path.join(dir, f)) ? readFileSync(path.join(dir, f)) : null);
  return { id, dir, source: read('source.txt'), meta: read('meta.yaml')?.toString() ?? null, overrides: read('overrides.yaml')?.toString() ?? null };
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const registryStarted = performance.now();
const knowledge = knowledgeOf(await loadRegistry(root));
const registryMs = performance.now() - registryStarted;
// One cold pass (module JIT), then timed runs.
const cold = performance.now();
for (const input of inputs) compileDocument(input, { knowledge });
const coldMs = performance.now() - cold;

console.log(`compile = parse, clean, detect, resolve, emit MDX + JSON, coverage check, with the knowledge layer`);
console.log(`(mentions, measures, dates); structure = the same without the registries; verify = MDX round-trip re-parse`);
console.log(`median of ${runs} warm runs; cold first pass ${coldMs.toFixed(0)} ms; registries loaded and matcher built in ${registryMs.toFixed(0)} ms (once per build)`);
console.log('document'.padEnd(44), 'bytes'.padStart(8), 'compile ms'.padStart(11), 'MB/s'.padStart(7), 'structure'.padStart(10), 'knowledge +%'.padStart(13), 'verify ms'.padStart(10));
let totalBytes = 0;
let totalMs = 0;
let totalVerify = 0;
let totalStructure = 0;
const mbps = (bytes: number, ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(2);
for (const input of inputs) {
  const times: number[] = [];
  const verifies: number[] = [];
  const structures: number[] = [];
  for (let k = 0; k < runs; k++) {
    const s0 = performance.now();
    compileDocument(input, { verify: false });
    structures.push(performance.now() - s0);
    const t = performance.now();
    const { result } = compileDocument(input, { verify: false, knowledge });
    times.push(performance.now() - t);
    if (!result) throw new Error(`${input.id} failed to compile`);
    const v = performance.now();
    verifyRoundTrip(emitMdast(result.tree), result.mdx, new VFile());
    verifies.push(performance.now() - v);
  }
  const ms = median(times);
  const vms = median(verifies);
  const sms = median(structures);
  const bytes = input.source!.length;
  totalBytes += bytes;
  totalMs += ms;
  totalVerify += vms;
  totalStructure += sms;
  const pct = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(0)}%`;
  console.log(input.id.padEnd(44), String(bytes).padStart(8), ms.toFixed(1).padStart(11), mbps(bytes, ms).padStart(7), sms.toFixed(1).padStart(10), pct(ms, sms).padStart(13), vms.toFixed(1).padStart(10));
}
console.log('total'.padEnd(44), String(totalBytes).padStart(8), totalMs.toFixed(1).padStart(11), mbps(totalBytes, totalMs).padStart(7), totalStructure.toFixed(1).padStart(10), `${(((totalMs - totalStructure) / totalStructure) * 100).toFixed(0)}%`.padStart(13), totalVerify.toFixed(1).padStart(10));

if (process.env.BENCH_SKIP_BUILD) process.exit(0);
const t = performance.now();
const build = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}` } });
const buildMs = performance.now() - t;
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}
console.log(`full build (compile + astro build + pagefind): ${(buildMs / 1000).toFixed(1)} s`);
