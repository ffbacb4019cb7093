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

// Full builds at scale: 10, 100 and 1,000 documents generated from the seeds' paragraphs
// (BENCH_DOCS=10,100 for a shorter run), each in a copy of the project, timed by /usr/bin/time.
const docCounts = (process.env.BENCH_DOCS ?? '10,100,1000').split(',').map(Number).filter((n) => n > 0);
if (docCounts.length) {
  const { generateCorpus } = await import('./generate-corpus.ts');
  const { cpSync, mkdirSync, rmSync, symlinkSync, statSync: stat, readdirSync: readdir } = await import('node:fs');
  const size = (dir: string): { bytes: number; files: number } => {
    let bytes = 0;
    let files = 0;
    for (const e of readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        const s = size(p);
        bytes += s.bytes;
        files += s.files;
      } else {
        bytes += stat(p).size;
        files++;
      }
    }
    return { bytes, files };
  };
  console.log('\nfull build at scale (compile + Astro + search index + permalink and CSP passes), one run each');
  console.log('docs'.padStart(6), 'source MB'.padStart(10), 'pages'.padStart(7), 'build s'.padStart(8), 'pages/s'.padStart(8), 'ms/doc'.padStart(7), 'peak RSS MB'.padStart(12), 'output MB'.padStart(10), 'files'.padStart(7));
  for (const docs of docCounts) {
    const work = path.join(root, '.bench', `build-${docs}`);
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const bytes = generateCorpus(root, Math.ceil(docs / 5), work);
    for (const f of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(path.join(root, f), path.join(work, f), { recursive: true, filter: (p) => !p.includes(`${path.sep}generated`) });
    symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'));
    const timed = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, '--max-old-space-size=16384', path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    if (timed.status !== 0) {
      console.error(timed.stdout.slice(-4000), timed.stderr.slice(-4000));
      process.exit(1);
    }
    const [seconds, kb] = timed.stderr.trim().split('\n').pop()!.split(' ').map(Number) as [number, number];
    const pages = /(\d+) page\(s\) built/.exec(timed.stdout)?.[1] ?? '?';
    const out = size(path.join(work, 'dist'));
    console.log(String(docs).padStart(6), (bytes / 1e6).toFixed(1).padStart(10), pages.padStart(7), seconds.toFixed(1).padStart(8), (Number(pages) / seconds).toFixed(1).padStart(8), ((seconds * 1000) / docs).toFixed(0).padStart(7), (kb / 1024).toFixed(0).padStart(12), (out.bytes / 1e6).toFixed(1).padStart(10), String(out.files).padStart(7));
    rmSync(path.join(work, 'dist'), { recursive: true, force: true });
  }
}
