#!/usr/bin/env node
// Measures line joins and block structure on re-wrapped documents (issue 11, items 1–2).
// Every document of content/sources and shared/corpus-extra is re-wrapped the way PDF
// extraction wraps (scripts/lib/rewrap.ts: random width, breaks inside words and at spaces,
// page numbers and a running header, fake-bold headings) with several seeds; the re-wrapped
// text is compiled, and for every break the re-wrapper made we check how it was re-joined:
// right (space or none as in the clean text), wrong join, or split (the next line started a new
// block). Then the block tree is compared with the clean document's (invariance).
//
//   npm run eval:joins                 # all documents, 3 seeds
//   npm run eval:joins -- --seeds 5 --verbose
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { compileDocument, type CompiledDocument } from '../src/compiler/compile.ts';
import { formatMessage } from '../src/compiler/messages.ts';
import { rewrap } from './lib/rewrap.ts';
import { SpacingCounts } from '../src/compiler/text/evidence.ts';
import { blockSignature, evalDocs, outcomes, signatureDiff, TUNING, unwrapped, type EvalDoc, type Outcome } from './lib/join-eval.ts';

const META = `title: 시험 문서\nkind: other\nissued: "2024"\npublishers: [시험기관]\nauthors: unknown\nsourceUrl: unknown\n`;

/** Set by --headers: insert running headers too. */
let HEADERS = false;

export function compileSource(doc: EvalDoc, text: string, overrides: string | null = doc.overrides, corpusSpacing?: SpacingCounts): CompiledDocument {
  const { result, files } = compileDocument({ id: doc.id, dir: `content/sources/${doc.id}`, source: new TextEncoder().encode(text), meta: doc.meta ?? META, overrides }, { verify: false, ...(corpusSpacing ? { corpusSpacing } : {}) });
  if (!result) throw new Error(`${doc.name}: does not compile:\n${files.flatMap((f) => f.messages.map(formatMessage)).join('\n')}`);
  return result;
}

export interface DocEval {
  name: string;
  breaks: number;
  right: number;
  counts: Record<Outcome | 'wrongSpace' | 'wrongNone', number>;
  invariance: { missing: string[]; extra: string[] };
  errors: string[];
  /** The re-wrapper's width and the compiler's estimate of it. */
  width: [number, number | null];
}

/** The clean text of a document and the line numbers of its headings (to write fake-bold). */
export function cleanOf(doc: EvalDoc): { text: string; headings: Set<number>; clean: CompiledDocument; overrides: string | null } {
  const raw = readFileSync(doc.file, 'utf8');
  // Overrides name source lines; an unwrapped text has other line numbers, so they go.
  const overrides = doc.clean === 'unwrapped' ? null : doc.overrides;
  let text = raw;
  if (doc.clean === 'unwrapped') text = unwrapped(raw.replace(/\r\n?/gu, '\n').normalize('NFC'), compileSource(doc, raw).tree);
  const clean = compileSource(doc, text, overrides);
  const headings = new Set<number>();
  for (const b of clean.tree.children) if (b.type === 'heading' && !b.synthetic) for (let n = b.from; n <= b.to; n++) headings.add(n);
  return { text, headings, clean, overrides };
}

export function evaluateDoc(doc: EvalDoc, seed: number, prepared = cleanOf(doc), corpus?: SpacingCounts): DocEval {
  const { text, headings, clean, overrides } = prepared;
  // Corpus-extra files open with provenance lines (`source:`, `licence:`, `kind:`): kept whole.
  const keep = new Set<number>();
  text.split('\n').forEach((l, i) => /^(?:source|licence|kind): /u.test(l) && i < 4 && keep.add(i + 1));
  // With HEADERS, a running header on every page: the document's first words (as a report's
  // title would be). Off by default: see README “Line joins” for what it still breaks.
  const header = !HEADERS ? undefined : (text.split('\n').find((l) => /[가-힣]{2}/u.test(l) && !keep.has(text.split('\n').indexOf(l) + 1))?.trim() ?? '').slice(0, 24) || undefined;
  const w = rewrap(text, { seed, headings, keep, header });
  let wrapped: CompiledDocument;
  try {
    wrapped = compileSource(doc, w.text, null, corpus);
  } catch (error) {
    // A re-wrapped text that does not compile is one invariance failure; its breaks count as lost.
    const message = String((error as Error).message).split('\n').filter((l) => / error /u.test(l)).join('; ');
    return { name: doc.name, breaks: w.breaks.length, right: 0, counts: { space: 0, none: 0, split: 0, lost: w.breaks.length, other: 0, wrongSpace: 0, wrongNone: 0 }, invariance: { missing: [`does not compile: ${message}`], extra: [] }, errors: [], width: [w.width, null] };
  }
  const got = outcomes(wrapped.tree, w.breaks);
  const counts = { space: 0, none: 0, split: 0, lost: 0, other: 0, wrongSpace: 0, wrongNone: 0 };
  let right = 0;
  const errors: string[] = [];
  got.forEach((o, k) => {
    const b = w.breaks[k]!;
    counts[o]++;
    if ((o === 'space' && b.space) || (o === 'none' && !b.space)) right++;
    else {
      if (o === 'space') counts.wrongSpace++;
      if (o === 'none') counts.wrongNone++;
      errors.push(`${o.padEnd(5)} want ${b.space ? 'space' : 'none '} ${b.left}⏎${b.right}`);
    }
  });
  void overrides;
  return { name: doc.name, breaks: w.breaks.length, right, counts, invariance: signatureDiff(blockSignature(clean), blockSignature(wrapped)), errors, width: [w.width, wrapped.files[2]!.data.pageWidth ?? null] };
}

/** Spacing counts over a set of texts (the corpus evidence of rule clean/line-join). */
export function corpusSpacing(texts: string[]): SpacingCounts {
  const c = new SpacingCounts();
  for (const t of texts) for (const line of t.split('\n')) c.add(line);
  return c;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const seeds = Number(args[args.indexOf('--seeds') + 1] || 3) || 3;
  const verbose = args.includes('--verbose');
  HEADERS = args.includes('--headers');
  const only = args.find((a) => !a.startsWith('--') && Number.isNaN(Number(a)));
  const root = path.resolve(import.meta.dirname, '..');
  let total = 0;
  let right = 0;
  const split = { T: [0, 0, 0], H: [0, 0, 0] } as Record<'T' | 'H', number[]>;
  // The corpus evidence for a document is every OTHER document's clean text (its own clean
  // text would give its breaks away).
  const all = evalDocs(root).map((doc) => ({ doc, prepared: cleanOf(doc) }));
  const corpusFor = (name: string) => corpusSpacing(all.filter((x) => x.doc.name !== name).map((x) => x.prepared.text));
  console.log('document'.padEnd(58), 'breaks'.padStart(6), 'joins'.padStart(6), 'wrong␣'.padStart(6), 'wrong∅'.padStart(6), 'split'.padStart(5), 'lost'.padStart(4), 'invar.'.padStart(6));
  for (const { doc, prepared } of all) {
    if (only && !doc.name.includes(only)) continue;
    const corpus = corpusFor(doc.name);
    let b = 0;
    let r = 0;
    const c = { wrongSpace: 0, wrongNone: 0, split: 0, lost: 0, other: 0 };
    let inv = 0;
    for (let s = 1; s <= seeds; s++) {
      const e = evaluateDoc(doc, s, prepared, corpus);
      b += e.breaks;
      r += e.right;
      for (const k of Object.keys(c) as (keyof typeof c)[]) c[k] += e.counts[k];
      inv += e.invariance.missing.length + e.invariance.extra.length;
      if (verbose) {
        console.log(`  [${s}] width ${e.width[0]}, estimated ${e.width[1]}`);
        for (const x of e.errors) console.log(`  [${s}] ${x}`);
        for (const x of e.invariance.missing) console.log(`  [${s}] - ${x.slice(0, 160)}`);
        for (const x of e.invariance.extra) console.log(`  [${s}] + ${x.slice(0, 160)}`);
      }
    }
    total += b;
    right += r;
    const set = TUNING.has(doc.name) ? 'T' : 'H';
    split[set][0] += b;
    split[set][1] += r;
    split[set][2] += inv;
    console.log(`${set} ${doc.name.slice(0, 54)}${doc.clean === 'unwrapped' ? '*' : ' '}`.padEnd(58), String(b).padStart(6), (r / b).toFixed(4).padStart(6), String(c.wrongSpace).padStart(6), String(c.wrongNone).padStart(6), String(c.split).padStart(5), String(c.lost + c.other).padStart(4), String(inv).padStart(6));
  }
  console.log('total'.padEnd(58), String(total).padStart(6), (right / total).toFixed(4).padStart(6));
  for (const k of ['T', 'H'] as const) if (split[k][0]) console.log(`${k === 'T' ? 'tuning (T)' : 'held out (H)'}`.padEnd(58), String(split[k][0]).padStart(6), (split[k][1]! / split[k][0]!).toFixed(4).padStart(6), ''.padStart(6), ''.padStart(6), ''.padStart(5), ''.padStart(4), String(split[k][2]).padStart(6));
  console.log('joins = breaks re-joined right (space or none as in the clean text, same block); wrong␣/wrong∅ = a space inserted/dropped;');
  console.log('split = the next line started a new block; invar. = block-tree lines that differ from the clean document\'s (both directions)');
  console.log('* clean text = the compiler\'s own unwrapping of a source that is a PDF extraction already');
}
