#!/usr/bin/env node
// Precision and recall of the knowledge extraction against hand-written gold annotations
// (test/gold/<doc-id>.yaml, written from the source text only). Prints a table per document
// and in total; never asserts (the goals are in issue #3: P ≥ 0.95, R ≥ 0.90 per category).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { compileCorpus } from '../src/compiler/index.ts';
import type { DocumentRecord } from '../src/compiler/contract.ts';
import type { Registry } from '../src/compiler/knowledge/registry.ts';

interface Gold {
  /** dev: the rules were tuned on it; held-out: annotated after the code was done. */
  set?: 'dev' | 'held-out';
  document: string;
  measures?: { line: number; label: string }[];
  mentions?: { line: number; text: string; type: string; name: string }[];
  dates?: { line: number; text: string; start: string; end?: string; precision: string; open?: string; kind: string }[];
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  /** Among matches: how many also agree on the entity (mentions) or the kind (dates). */
  agree?: number;
  misses: string[];
  extras: string[];
}

// Brackets, spaces and middle-dot variants (the site shows ․ ‧ ㆍ as ·) do not change a mention.
const norm = (s: string) => s.replace(/[「」｢｣()\s]/gu, '').replace(/[․‧ㆍ]/gu, '·');

function score<P, G>(pred: P[], gold: G[], keyP: (p: P) => string, keyG: (g: G) => string, same?: (p: P, g: G) => boolean, agree?: (p: P, g: G) => boolean): Score {
  const goldBy = new Map<string, G[]>();
  for (const g of gold) goldBy.set(keyG(g), [...(goldBy.get(keyG(g)) ?? []), g]);
  const s: Score = { tp: 0, fp: 0, fn: 0, ...(agree ? { agree: 0 } : {}), misses: [], extras: [] };
  for (const p of pred) {
    const list = goldBy.get(keyP(p));
    const i = list?.findIndex((g) => !same || same(p, g)) ?? -1;
    if (list && i >= 0) {
      const [g] = list.splice(i, 1);
      s.tp++;
      if (agree?.(p, g!)) s.agree! += 1;
    } else {
      s.fp++;
      s.extras.push(keyP(p));
    }
  }
  for (const [k, list] of goldBy) for (const _ of list) (s.fn++, s.misses.push(k));
  return s;
}

export function evaluate(record: DocumentRecord, gold: Gold, registry: Registry): Record<string, Score> {
  const out: Record<string, Score> = {};
  out.measures = score(record.measures, gold.measures ?? [], (m) => `L${m.sourceLines[0]}`, (g) => `L${g.line}`);
  const nameOf = (ref: string | null) => {
    const e = ref ? registry.entities.get(ref as never) : undefined;
    return e ? [e.name, ...e.aliases] : [];
  };
  for (const type of ['agency', 'law', 'program', 'place']) {
    out[type] = score(
      record.mentions.filter((m) => m.kind === type),
      (gold.mentions ?? []).filter((g) => g.type === type),
      (m) => `L${m.line} ${norm(m.text)}`,
      (g) => `L${g.line} ${norm(g.text)}`,
      undefined,
      (m, g) => nameOf(m.ref).map(norm).includes(norm(g.name)) || (m.ref === null && type === 'law'),
    );
  }
  out.dates = score(
    record.timeline,
    gold.dates ?? [],
    (d) => `L${d.line} ${norm(d.sourceText)}`,
    (g) => `L${g.line} ${norm(g.text)}`,
    (d, g) => d.date.start === String(g.start) && (d.date.end ?? '') === String(g.end ?? '') && d.date.precision === g.precision,
    (d, g) => d.kind === g.kind,
  );
  return out;
}

const fmt = (n: number) => (Number.isNaN(n) ? '  -  ' : n.toFixed(3));

if (import.meta.main) {
  const root = path.resolve(import.meta.dirname, '..');
  const goldDir = path.join(root, 'test', 'gold');
  const { documents, registry } = await compileCorpus({ root, write: false, verify: false });
  const totals: Record<string, Record<string, Score>> = {};
  const files = existsSync(goldDir) ? readdirSync(goldDir).filter((f) => f.endsWith('.yaml')).sort() : [];
  for (const f of files) {
    const gold = parse(readFileSync(path.join(goldDir, f), 'utf8')) as Gold;
    const record = documents.find((d) => d.id === gold.document);
    if (!record) throw new Error(`${f}: no document ${gold.document}`);
    const result = evaluate(record, gold, registry);
    console.log(`\n${gold.document}`);
    console.log('category'.padEnd(10), 'gold'.padStart(5), 'found'.padStart(6), 'precision'.padStart(10), 'recall'.padStart(7), 'agree'.padStart(7));
    for (const [cat, s] of Object.entries(result)) {
      const bucket = (totals[gold.set ?? 'all'] ??= {});
      const t = (bucket[cat] ??= { tp: 0, fp: 0, fn: 0, ...(s.agree !== undefined ? { agree: 0 } : {}), misses: [], extras: [] });
      t.tp += s.tp;
      t.fp += s.fp;
      t.fn += s.fn;
      if (s.agree !== undefined) t.agree! += s.agree;
      console.log(cat.padEnd(10), String(s.tp + s.fn).padStart(5), String(s.tp + s.fp).padStart(6), fmt(s.tp / (s.tp + s.fp)).padStart(10), fmt(s.tp / (s.tp + s.fn)).padStart(7), (s.agree === undefined ? '' : fmt(s.agree / s.tp)).padStart(7));
      if (process.env.VERBOSE) {
        if (s.misses.length) console.log('   missed:', s.misses.join(' | '));
        if (s.extras.length) console.log('   extra: ', s.extras.join(' | '));
      }
    }
  }
  for (const [set, bucket] of Object.entries(totals)) {
  console.log(`\ntotal: ${set}`);
  console.log('category'.padEnd(10), 'gold'.padStart(5), 'found'.padStart(6), 'precision'.padStart(10), 'recall'.padStart(7), 'agree'.padStart(7));
  for (const [cat, s] of Object.entries(bucket)) console.log(cat.padEnd(10), String(s.tp + s.fn).padStart(5), String(s.tp + s.fp).padStart(6), fmt(s.tp / (s.tp + s.fp)).padStart(10), fmt(s.tp / (s.tp + s.fn)).padStart(7), (s.agree === undefined ? '' : fmt(s.agree / s.tp)).padStart(7));
  }
  console.log('\nagree = among matches, the same entity (mentions) or the same kind (dates). Goal: precision ≥ 0.95 and recall ≥ 0.90 in every category.');
}
