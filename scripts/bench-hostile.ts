#!/usr/bin/env node
// Hostile-input cost (issue 12, item 2): generates inputs that used to cost more than linear
// time or memory — a large realistic source, a deeply nested 개조식 list, thousands of
// footnotes, one huge line without spaces — at two or three sizes each, compiles every one
// through the build's own entry point (compileCorpus, as src/site/integrations/compile.ts
// calls it) in a child process of its own, and prints time per MB and peak memory beside a
// normal document's, with the ratios. The goal: time/MB within 2× of the normal document's,
// peak memory within 10× the source size plus a constant (the child's memory before the case).
//
//   npm run bench:hostile                       all cases at all sizes
//   BENCH_HOSTILE_SCALE=0.25 npm run bench:hostile   quarter sizes (a quick look)
//   BENCH_HOSTILE_CASES=nested,line npm run bench:hostile
//   BENCH_HOSTILE_TIMEOUT=600                   seconds before a case is killed (default 900)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileCorpus } from '../src/compiler/index.ts';

const root = path.resolve(import.meta.dirname, '..');
const META = 'title: "벤치마크 문서"\nkind: report\nissued: "2024"\npublishers: [벤치마크]\nauthors: unknown\nsourceUrl: "https://example.org/"\n';
const MB = 1024 * 1024;

interface Case {
  name: string;
  what: string;
  /** Sizes in the unit the generator takes. */
  sizes: number[];
  unit: string;
  generate: (size: number) => string;
}

/** A deterministic random source, so every run benchmarks the same text. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function seedTexts(): string[] {
  const dir = path.join(root, 'content', 'sources');
  return readdirSync(dir).sort().map((id) => readFileSync(path.join(dir, id, 'source.txt'), 'utf8'));
}

/** Fills `bytes` of UTF-8 by repeating `piece(k)` for k = 0, 1, 2, … */
function fill(bytes: number, piece: (k: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const p = piece(k);
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return parts.join('');
}

const WORDS = '혁신 클러스터 중소기업 지원 정책 지역 산업 연구 기술 협력 기반 구축 확대 추진 성과 분석 체계 역량 강화 활성화 네트워크 투자 인력 양성 창업 대학 기업 연구소 정부 지방 사업'.split(' ');
function sentence(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(random() * WORDS.length)]!);
  return `${out.join(' ')} 방안을 추진한다.`;
}

const CASES: Case[] = [
  {
    name: 'realistic',
    what: 'the five sources\' paragraphs, shuffled, each with varied words and numbers',
    unit: 'MB',
    sizes: [2, 5, 20],
    generate(size) {
      const random = rng(7);
      const chunks = seedTexts().flatMap((t) => t.split(/\n{2,}/u)).filter((c) => c.trim());
      return fill(size * MB, (k) => {
        const c = chunks[Math.floor(random() * chunks.length)]!;
        // Vary the text: a changing number and a few words, so no two copies are identical;
        // tables and figures are renumbered per copy (a repeated number is an anchor error).
        const varied = c.replace(/\d+/u, (d) => String(Number(d) + (k % 97))).replace(/(표|그림)(\s?)(\d+)(\s*[-‐–.]\s*)(\d+)/gu, (_, kind, sp, _n, dash, m) => `${kind}${sp}${k + 1}${dash}${m}`);
        return `${varied} ${sentence(random, 3 + (k % 5))}\n\n`;
      });
    },
  },
  {
    name: 'concatenated',
    what: 'the five sources whole, one after another, repeated; numbers varied and tables renumbered per copy',
    unit: 'MB',
    sizes: [2, 5, 20],
    generate(size) {
      const seeds = seedTexts();
      return fill(size * MB, (k) => {
        const text = seeds[k % seeds.length]!;
        const copy = Math.floor(k / seeds.length);
        return `${text.replace(/\d+(?=년|억|개|%)/gu, (d) => String(Number(d) + copy)).replace(/(표|그림)(\s?)(\d+)(\s*[-‐–.]\s*)(\d+)/gu, (_, kind, sp, n, dash, m) => `${kind}${sp}${n}${copy}${dash}${m}`)}\n\n`;
      });
    },
  },
  {
    name: 'paragraph',
    what: 'the thesis\'s hard-wrapped text without blank lines: one paragraph of the whole size',
    unit: 'MB',
    sizes: [0.5, 1, 2],
    generate(size) {
      const random = rng(29);
      const lines = seedTexts()[1]!.split('\n').filter((l) => l.trim() && !/^\s*<(표|그림)/u.test(l) && !/^\s*(제\s*\d|\d+\.|[가-하]\.|\(\d+\))/u.test(l));
      return fill(size * MB, () => `${lines[Math.floor(random() * lines.length)]}\n`);
    },
  },
  {
    name: 'nested',
    what: 'one 개조식 list, every marker family nested under the one before (□ ○ - · ※ ① 가. 1) (1) ▪ • ▶ ➊ △)',
    unit: 'MB',
    sizes: [0.5, 1, 2],
    generate(size) {
      const random = rng(11);
      const markers = ['□', '○', '-', '·', '※', '①', '가.', '1)', '(1)', '▪', '•', '▶', '➊', '△', '◇', 'ㅇ', '●'];
      return fill(size * MB, (k) => {
        const depth = k % markers.length;
        // Every other item has an explanation line under it (a paragraph inside the list).
        const note = k % 2 === 0 ? `${' '.repeat(depth + 1)}이에 대한 설명 문장이다.\n` : '';
        return `${' '.repeat(depth)}${markers[depth]} ${sentence(random, 2 + (k % 4))}\n${note}`;
      });
    },
  },
  {
    name: 'footnotes',
    what: 'paragraphs with a marker (`계획*`, `말한다.1)`) each followed by its footnote body',
    unit: 'notes',
    sizes: [2500, 5000, 10000],
    generate(size) {
      const random = rng(13);
      const parts: string[] = [];
      for (let k = 0; k < size; k++) {
        // Numbered bodies run 1) … 99) (the thesis's convention); the rest are `*` notes.
        if (k < 99) parts.push(`${sentence(random, 6)} 이를 말한다.${k + 1})\n${k + 1}) 나경환(2004), 「클러스터 연구」, 산업연구원, p.${k + 1}.\n\n`);
        else parts.push(`${sentence(random, 6)} 관리계획* 수립\n* ${sentence(random, 4)}\n\n`);
      }
      return parts.join('');
    },
  },
  {
    name: 'footnotes-block',
    what: 'one paragraph holding every marker (`계획*`), then all the `*` bodies under it',
    unit: 'notes',
    sizes: [2500, 5000, 10000],
    generate(size) {
      const random = rng(23);
      const refs: string[] = [];
      const bodies: string[] = [];
      for (let k = 0; k < size; k++) {
        refs.push(`${sentence(random, 3).replace(/\.$/u, '')} 관리계획* 수립 및\n`);
        bodies.push(`* ${sentence(random, 4)}\n`);
      }
      return `${refs.join('')}${bodies.join('')}`;
    },
  },
  {
    name: 'line-dash',
    what: 'one line of dashes, no spaces',
    unit: 'MB',
    sizes: [0.5, 1, 2],
    generate: (size) => `${'-'.repeat(size * MB)}\n`,
  },
  {
    name: 'line-hangul',
    what: 'one line of Hangul syllables, no spaces',
    unit: 'MB',
    sizes: [0.5, 1, 2],
    generate(size) {
      const random = rng(17);
      const chars: string[] = [];
      for (let i = 0; i < (size * MB) / 3; i++) chars.push(String.fromCharCode(0xac00 + Math.floor(random() * 11172)));
      return `${chars.join('')}\n`;
    },
  },
  {
    name: 'line-bold',
    what: 'one line without spaces, every glyph written 4× (fake-bold shape) but for its last',
    unit: 'MB',
    sizes: [0.5, 1, 2],
    generate(size) {
      const random = rng(19);
      const parts: string[] = [];
      for (let i = 0; i < (size * MB) / 12; i++) parts.push(String.fromCharCode(0xac00 + Math.floor(random() * 11172)).repeat(4));
      return `${parts.join('')}다\n`;
    },
  },
];

interface ChildResult {
  ok: boolean;
  error?: string;
  bytes: number;
  /** The normal document's compile time (ms) in the same child, just before the case: the
   *  machine is shared, so each case is compared with a normal document timed beside it. */
  normalMs: number;
  normalBytes: number;
  /** Compile time of the case (ms), after a warm-up compile of the normal corpus. */
  ms: number;
  /** Resident memory before the case (after the warm-up) and at its peak, MB. */
  baseRssMb: number;
  peakRssMb: number;
}

/** Writes a one-document project (registries copied) and returns its root. */
function project(name: string, text: string): string {
  const dir = path.join(root, '.bench', 'hostile', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'content', 'sources', '2024-bench-doc'), { recursive: true });
  cpSync(path.join(root, 'content', 'registry'), path.join(dir, 'content', 'registry'), { recursive: true });
  writeFileSync(path.join(dir, 'content', 'sources', '2024-bench-doc', 'source.txt'), text);
  writeFileSync(path.join(dir, 'content', 'sources', '2024-bench-doc', 'meta.yaml'), META);
  return dir;
}

async function child(caseRoot: string, normalRoot: string): Promise<void> {
  // Warm up on the real corpus, so the case does not pay for JIT and module loading.
  await compileCorpus({ root, write: false, verify: false });
  const normalStarted = performance.now();
  await compileCorpus({ root: normalRoot, write: false, verify: false });
  const normalMs = performance.now() - normalStarted;
  const normalBytes = readFileSync(path.join(normalRoot, 'content', 'sources', '2024-bench-doc', 'source.txt')).length;
  const baseRssMb = process.memoryUsage().rss / MB;
  const bytes = readFileSync(path.join(caseRoot, 'content', 'sources', '2024-bench-doc', 'source.txt')).length;
  const started = performance.now();
  let ok = true;
  let error: string | undefined;
  try {
    await compileCorpus({ root: caseRoot, write: false, verify: false });
  } catch (e) {
    ok = false;
    error = String((e as Error).message).split('\n').slice(0, 3).join(' | ').slice(0, 300);
  }
  const ms = performance.now() - started;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const result: ChildResult = { ok, error, bytes, normalMs, normalBytes, ms, baseRssMb, peakRssMb };
  process.stdout.write(`\n@@RESULT ${JSON.stringify(result)}\n`);
}

function run(caseRoot: string, normalRoot: string, timeoutS: number): ChildResult | { timeout: true } {
  const r = spawnSync(process.execPath, [import.meta.filename, '--child', caseRoot, normalRoot], { encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 64 * MB });
  const line = r.stdout?.split('\n').find((l) => l.startsWith('@@RESULT '));
  if (!line) return { timeout: true };
  return JSON.parse(line.slice('@@RESULT '.length)) as ChildResult;
}

async function main() {
  const scale = Number(process.env.BENCH_HOSTILE_SCALE ?? '1');
  const only = process.env.BENCH_HOSTILE_CASES?.split(',');
  const timeoutS = Number(process.env.BENCH_HOSTILE_TIMEOUT ?? '900');
  const fmt = (n: number, d = 1) => n.toFixed(d);
  // Marginal columns compare each size with the one before: the added seconds per added MB
  // (linear cost keeps it near the case's s/MB) and the added peak memory per added MB (the
  // slope of “10× the source size plus a constant”).
  const header = ['case', 'size', 'MB', 'compile s', 's/MB', '× normal', 'Δs/ΔMB', 'peak RSS MB', 'Δ RSS MB', 'ΔRSS/ΔMB', 'result'];
  const widths = [15, 12, 6, 10, 6, 9, 7, 12, 9, 9, 0];
  const last = widths.length - 1;
  const row = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 || i === last ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' '));

  // The normal document: the five real sources concatenated into one (0.23 MB).
  const normalText = seedTexts().join('\n\n');
  const normalRoot = project('normal', normalText);
  const normal = run(normalRoot, normalRoot, timeoutS);
  if ('timeout' in normal || !normal.ok) throw new Error(`the normal document did not compile: ${JSON.stringify(normal)}`);
  const normalSPerMb = normal.ms / 1000 / (normal.bytes / MB);
  console.log(`normal document: the five sources as one file, ${fmt(normal.bytes / MB, 2)} MB, ${fmt(normal.ms / 1000, 2)} s, ${fmt(normalSPerMb, 2)} s/MB; child RSS after warm-up ${fmt(normal.baseRssMb, 0)} MB`);
  console.log('× normal: the case\'s s/MB over the normal document\'s, timed again in the same child just before the case');
  console.log('goal: s/MB ≤ 2× normal; Δ RSS (peak − RSS before the case) ≤ 10× source MB + constant, i.e. ΔRSS/ΔMB ≤ 10\n');
  row(header);
  row(['normal', '1 doc', fmt(normal.bytes / MB, 2), fmt(normal.ms / 1000, 2), fmt(normalSPerMb, 2), '1.0', '', fmt(normal.peakRssMb, 0), fmt(normal.peakRssMb - normal.baseRssMb, 0), '', 'ok']);
  for (const c of CASES) {
    if (only && !only.includes(c.name)) continue;
    let prev: { mb: number; s: number; delta: number } | null = null;
    for (const size0 of c.sizes) {
      const size = c.unit === 'MB' ? size0 * scale : Math.round(size0 * scale);
      const text = c.generate(size);
      const r = run(project(c.name, text), normalRoot, timeoutS);
      const label = `${size} ${c.unit}`;
      const mb = Buffer.byteLength(text) / MB;
      if ('timeout' in r) {
        row([c.name, label, fmt(mb, 2), `>${timeoutS}`, '', '', '', '', '', '', 'killed (timeout or crash)']);
        prev = null;
        continue;
      }
      const s = r.ms / 1000;
      const sPerMb = s / mb;
      // Against the normal document timed in the same child (same load on the shared machine).
      const besideSPerMb = r.normalMs / 1000 / (r.normalBytes / MB);
      const delta = r.peakRssMb - r.baseRssMb;
      const marginalS = prev ? fmt((s - prev.s) / (mb - prev.mb), 2) : '';
      const marginalRss = prev ? fmt((delta - prev.delta) / (mb - prev.mb), 0) : '';
      row([c.name, label, fmt(mb, 2), fmt(s, 2), fmt(sPerMb, 2), fmt(sPerMb / besideSPerMb, 1), marginalS, fmt(r.peakRssMb, 0), fmt(delta, 0), marginalRss, r.ok ? 'ok' : `error: ${r.error}`]);
      prev = { mb, s, delta };
    }
  }
  rmSync(path.join(root, '.bench', 'hostile'), { recursive: true, force: true });
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
else if (process.argv[2] === '--generate') {
  // `--generate <case> <size>`: writes the case's project under .bench/hostile/ and prints its
  // root, for profiling one case (node --cpu-prof scripts/compile-root …).
  const c = CASES.find((x) => x.name === process.argv[3])!;
  console.log(project(c.name, c.generate(Number(process.argv[4]))));
}
else await main();
