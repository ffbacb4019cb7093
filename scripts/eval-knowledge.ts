#!/usr/bin/env node
/**
 * `npm run eval:knowledge [-- --verbose] [-- --doc <id>]`: precision and recall of the knowledge layer against the
 * independent gold of issue 13 (test/gold/independent/, conventions and matching rules in its README), for the
 * `tune` and the `held-out` documents separately. Seeds are compiled as the site compiles them (compileCorpus);
 * corpus-extra documents as test/compiler/corpus-extra.test.ts compiles them (the raw file, header lines
 * included, so line numbers are raw file lines) plus the registry and the document's date from the gold file,
 * which relative dates need. Prints tables; never asserts (goals: P and R ≥ 0.95 for measures, agencies and
 * dates, links ≥ 0.9 on held-out).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { compileCorpus } from '../src/compiler/index.ts';
import { compileDocument } from '../src/compiler/compile.ts';
import { knowledgeOf } from '../src/compiler/knowledge/knowledge.ts';
import { measuresOf } from '../src/compiler/knowledge/entities.ts';
import type { DocumentRecord, TimelineEntry } from '../src/compiler/contract.ts';

type Range = [number, number];
export interface GoldFile {
  document: string;
  source: 'seeds' | 'corpus-extra';
  set: 'tune' | 'held-out';
  issued?: string;
  scope?: Range | Range[];
  skip_tables?: boolean;
  measures: { line: number; parent?: number; label: string }[];
  agencies: { line: number; text: string; name?: string }[];
  laws: { line: number; text: string }[];
  programs: { line: number; text: string }[];
  places: { line: number; text: string }[];
  dates: { line: number; text: string; value: string; end?: string; open?: 'from' | 'until' }[];
}
interface LinkGold {
  a: string;
  b: string;
  pairs: { a: number; b: number; relation: string; set: 'tune' | 'held-out'; note?: string }[];
}

export interface Score {
  gold: number;
  pred: number;
  tpGold: number;
  tpPred: number;
  misses: string[];
  extras: string[];
  /** Measures: child measures covered (matched or inside a matched ancestor) / all children. */
  children?: [number, number];
  /** Dates: gold dates found by line and text, whatever their value. */
  spans?: number;
}

const empty = (): Score => ({ gold: 0, pred: 0, tpGold: 0, tpPred: 0, misses: [], extras: [] });

// Brackets, quotes, spaces and middle-dot variants do not change a mention or a date's text.
const norm = (s: string) => s.replace(/[「」｢｣『』()（）\[\]\s'‘’`"“”~～∼]/gu, '').replace(/[․‧ㆍ・‧]/gu, '·');
const overlaps = (a: string, b: string) => {
  const x = norm(a);
  const y = norm(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
};

/** Which source lines the gold covers: scope ranges, minus table lines when asked. */
export function inScope(gold: GoldFile, lines: string[]): (line: number) => boolean {
  const ranges: Range[] = !gold.scope ? [[1, Infinity]] : Array.isArray(gold.scope[0]) ? (gold.scope as Range[]) : [gold.scope as Range];
  const table = new Set<number>();
  if (gold.skip_tables) {
    let open = false;
    lines.forEach((l, i) => {
      if (l.trim() === '[표]') open = true;
      if (open) table.add(i + 1);
      if (l.trim() === '[/표]') open = false;
    });
  }
  // The three header lines and the blank line of a corpus-extra file are not the document's text.
  const first = gold.source === 'corpus-extra' ? 5 : 1;
  return (line) => line >= first && ranges.some(([a, b]) => a <= line && line <= b) && !table.has(line);
}

/** One-to-one matching: each gold item takes the first unused prediction that `same` accepts. */
function match<P, G>(pred: P[], gold: G[], same: (p: P, g: G) => boolean, label: (x: P | G) => string): Score & { pairs: [P, G][] } {
  const used = new Set<number>();
  const pairs: [P, G][] = [];
  const s = { ...empty(), gold: gold.length, pred: pred.length, pairs };
  for (const g of gold) {
    const i = pred.findIndex((p, k) => !used.has(k) && same(p, g));
    if (i >= 0) {
      used.add(i);
      pairs.push([pred[i]!, g]);
      s.tpGold++;
    } else s.misses.push(label(g));
  }
  s.tpPred = used.size;
  pred.forEach((p, k) => used.has(k) || s.extras.push(label(p)));
  return s;
}

/** The compiler's date as the gold writes it: halves and quarters as YYYY-Hn / YYYY-Qn. */
export function normDate(d: TimelineEntry['date']): { value: string; end?: string } {
  const [y, m] = d.start.split('-');
  if (d.precision === 'half') return { value: `${y}-H${Number(m) <= 6 ? 1 : 2}` };
  if (d.precision === 'quarter') return { value: `${y}-Q${Math.ceil(Number(m) / 3)}` };
  return { value: d.start, ...(d.end ? { end: d.end } : {}) };
}

export function evaluate(record: DocumentRecord, gold: GoldFile): Record<string, Score> {
  const scoped = inScope(gold, record.lines);
  const out: Record<string, Score> = {};

  // Measures: start line ±1. Precision over every gold measure, recall over top-level ones.
  const preds = record.measures.filter((m) => scoped(m.sourceLines[0]));
  const near = (p: (typeof preds)[number], line: number) => Math.abs(p.sourceLines[0] - line) <= 1;
  const all = match(preds, gold.measures, (p, g) => near(p, g.line), (x) => ('sourceLines' in x ? `L${x.sourceLines[0]} ${x.label.slice(0, 30)}` : `L${x.line} ${x.label.slice(0, 30)}`));
  const top = gold.measures.filter((g) => g.parent === undefined);
  const topMatch = match(preds, top, (p, g) => near(p, g.line), (x) => ('sourceLines' in x ? `L${x.sourceLines[0]}` : `L${x.line} ${x.label.slice(0, 30)}`));
  const byLine = new Map(gold.measures.map((g) => [g.line, g]));
  const matchedAt = (line: number) => all.pairs.find(([, g]) => g.line === line)?.[0];
  const covered = (g: GoldFile['measures'][number]): boolean => {
    if (matchedAt(g.line)) return true;
    for (let up = g.parent; up !== undefined; up = byLine.get(up)?.parent) {
      const p = matchedAt(up);
      if (p && p.sourceLines[0] <= g.line && g.line <= p.sourceLines[1]) return true;
    }
    return false;
  };
  const kids = gold.measures.filter((g) => g.parent !== undefined);
  out.measures = { ...empty(), gold: top.length, pred: preds.length, tpGold: topMatch.tpGold, tpPred: all.tpPred, misses: topMatch.misses, extras: all.extras, children: [kids.filter(covered).length, kids.length] };

  // Mentions, per type: same line, texts contain one another.
  for (const [type, list] of [['agency', gold.agencies], ['law', gold.laws], ['program', gold.programs], ['place', gold.places]] as const) {
    const pm = record.mentions.filter((m) => m.kind === type && scoped(m.line));
    const { pairs: _, ...s } = match(pm, list ?? [], (p, g) => p.line === g.line && overlaps(p.text, g.text), (x) => `L${x.line} ${x.text}`);
    out[type] = s;
  }

  // Dates: same line, texts contain one another, same normalised value (and end when the gold has one).
  const pd = record.timeline.filter((d) => scoped(d.line));
  const sameSpan = (p: TimelineEntry, g: GoldFile['dates'][number]) => p.line === g.line && overlaps(p.sourceText, g.text);
  const sameValue = (p: TimelineEntry, g: GoldFile['dates'][number]) => {
    const n = normDate(p.date);
    return n.value === g.value && (g.end === undefined || n.end === g.end);
  };
  const label = (x: TimelineEntry | GoldFile['dates'][number]) => ('sourceText' in x ? `L${x.line} ${x.sourceText}=${normDate(x.date).value}${normDate(x.date).end ? '/' + normDate(x.date).end : ''}` : `L${x.line} ${x.text}=${x.value}${x.end ? '/' + x.end : ''}`);
  const { pairs: _d, ...dates } = match(pd, gold.dates ?? [], (p, g) => sameSpan(p, g) && sameValue(p, g), label);
  dates.spans = match(pd, gold.dates ?? [], sameSpan, label).tpGold;
  out.dates = dates;
  return out;
}

/** Link accuracy: gold pairs found among the compiler's related measures, and the precision of those. */
export function evaluateLinks(links: LinkGold, measures: ReturnType<typeof measuresOf>, set: 'tune' | 'held-out') {
  const ofDoc = (doc: string) => measures.filter((m) => m.documentId === doc);
  const at = (doc: string, line: number) => {
    const list = ofDoc(doc);
    const start = list.filter((m) => Math.abs(m.sourceLines[0] - line) <= 1);
    return start.length ? start : list.filter((m) => m.sourceLines[0] <= line && line <= m.sourceLines[1]);
  };
  const pairs = links.pairs.filter((p) => p.set === set);
  const related = (x: string, y: string) => measures.find((m) => m.id === x)?.related.includes(y) || measures.find((m) => m.id === y)?.related.includes(x);
  const misses: string[] = [];
  let found = 0;
  for (const p of pairs) {
    const ok = at(links.a, p.a).some((x) => at(links.b, p.b).some((y) => related(x.id, y.id)));
    if (ok) found++;
    else misses.push(`${p.a}↔${p.b}`);
  }
  // Precision: predicted related pairs a↔b whose both ends fall on a gold measure of this set's pairs.
  const aLines = new Set(pairs.map((p) => p.a));
  const bLines = new Set(pairs.map((p) => p.b));
  const onGold = (doc: string, lines: Set<number>) => (m: (typeof measures)[number]) => [...lines].some((l) => at(doc, l).some((x) => x.id === m.id));
  const predicted: [string, string][] = [];
  for (const x of ofDoc(links.a).filter(onGold(links.a, aLines))) for (const y of ofDoc(links.b).filter(onGold(links.b, bLines))) if (related(x.id, y.id)) predicted.push([x.id, y.id]);
  const goodPred = predicted.filter(([x, y]) => pairs.some((p) => at(links.a, p.a).some((m) => m.id === x) && at(links.b, p.b).some((m) => m.id === y))).length;
  return { gold: pairs.length, found, predicted: predicted.length, goodPred, misses };
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '  – ');
const row = (cat: string, s: Score) => {
  const p = s.tpPred / s.pred;
  const r = s.tpGold / s.gold;
  const extra = s.children ? `  children covered ${s.children[0]}/${s.children[1]}` : s.spans !== undefined ? `  found by text ${s.spans}/${s.gold}` : '';
  return `${cat.padEnd(9)} ${String(s.gold).padStart(5)} ${String(s.pred).padStart(6)} ${fmt(p).padStart(6)} ${fmt(r).padStart(6)}${extra}`;
};
const head = `${'category'.padEnd(9)} ${'gold'.padStart(5)} ${'found'.padStart(6)} ${'P'.padStart(6)} ${'R'.padStart(6)}`;

export function corpusExtraRoot(root: string): string {
  if (!process.env.KB_CORPUS_EXTRA && !existsSync(path.join(root, '../shared/corpus-extra'))) {
    const beside = path.resolve(root, '../../shared/corpus-extra');
    if (existsSync(beside)) return beside;
  }
  return path.resolve(process.env.KB_CORPUS_EXTRA ?? path.join(root, '../shared/corpus-extra'));
}

if (import.meta.main) {
  const root = path.resolve(import.meta.dirname, '..');
  const goldDir = path.join(root, 'test', 'gold', 'independent');
  const verbose = process.argv.includes('--verbose') || !!process.env.VERBOSE;
  const only = process.argv.includes('--doc') ? process.argv[process.argv.indexOf('--doc') + 1] : undefined;
  const golds = readdirSync(goldDir)
    .filter((f) => f.endsWith('.yaml') && f !== 'links.yaml')
    .sort()
    .map((f) => parse(readFileSync(path.join(goldDir, f), 'utf8')) as GoldFile)
    .filter((g) => !only || g.document === only);
  const { documents, registry } = await compileCorpus({ root, write: false, verify: false });
  const knowledge = knowledgeOf(registry);
  const extraDir = corpusExtraRoot(root);
  const records = new Map<string, DocumentRecord>(documents.map((d) => [d.id, d]));
  for (const g of golds.filter((x) => x.source === 'corpus-extra')) {
    const file = path.join(extraDir, `${g.document}.txt`);
    // The generic metadata of test/helpers.ts, with the document's date (relative dates resolve against it).
    const meta = `title: 시험 문서\nkind: other\nissued: "${g.issued ?? '2024'}"\npublishers: [시험기관]\nauthors: unknown\nsourceUrl: unknown\n`;
    const { result, files } = compileDocument({ id: '2024-test-doc', dir: 'content/sources/2024-test-doc', source: readFileSync(file), meta, overrides: null }, { knowledge });
    if (!result) throw new Error(`${g.document}: did not compile: ${files.flatMap((f) => f.messages.map(String)).join('\n')}`);
    records.set(g.document, result.record);
  }

  const totals: Record<string, Record<string, Score>> = {};
  for (const g of golds) {
    const record = records.get(g.document);
    if (!record) throw new Error(`no document ${g.document}`);
    const result = evaluate(record, g);
    console.log(`\n${g.document}  [${g.set}]`);
    console.log(head);
    for (const [cat, s] of Object.entries(result)) {
      console.log(row(cat, s));
      for (const bucket of [g.set, `${g.set} · ${g.source}`]) {
        const t = ((totals[bucket] ??= {})[cat] ??= empty());
        t.gold += s.gold;
        t.pred += s.pred;
        t.tpGold += s.tpGold;
        t.tpPred += s.tpPred;
        if (s.children) t.children = [(t.children?.[0] ?? 0) + s.children[0], (t.children?.[1] ?? 0) + s.children[1]];
        if (s.spans !== undefined) t.spans = (t.spans ?? 0) + s.spans;
      }
      if (verbose) {
        if (s.misses.length) console.log(`    missed: ${s.misses.join(' | ')}`);
        if (s.extras.length) console.log(`    extra:  ${s.extras.join(' | ')}`);
      }
    }
  }
  const links = parse(readFileSync(path.join(goldDir, 'links.yaml'), 'utf8')) as LinkGold;
  const measures = measuresOf(registry, documents);
  for (const set of ['tune', 'held-out'] as const) {
    if (!totals[set]) continue;
    for (const source of ['seeds', 'corpus-extra']) {
      const part = totals[`${set} · ${source}`];
      if (!part) continue;
      console.log(`\n── ${set} · ${source} ──`);
      console.log(head);
      for (const [cat, s] of Object.entries(part)) console.log(row(cat, s));
    }
    console.log(`\n══ total: ${set} ══`);
    console.log(head);
    for (const [cat, s] of Object.entries(totals[set]!)) console.log(row(cat, s));
    const l = evaluateLinks(links, measures, set);
    console.log(`links     ${String(l.gold).padStart(5)} ${String(l.predicted).padStart(6)} ${fmt(l.goodPred / l.predicted).padStart(6)} ${fmt(l.found / l.gold).padStart(6)}  (gold pairs found ${l.found}/${l.gold}; found = predicted related pairs between gold measures)`);
    if (verbose && l.misses.length) console.log(`    missed: ${l.misses.join(' | ')}`);
  }
  console.log('\nmeasures: P over all gold measures, R over top-level ones (±1 line); mentions: same line, texts overlap; dates: same line, text overlaps, same normalised value.');
  console.log('Goal on held-out: P and R ≥ 0.95 for measures, agencies and dates; links ≥ 0.9.');
}
