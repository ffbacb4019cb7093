#!/usr/bin/env node
// npm run add -- <file.hwp|.hwpx|.pdf> [--id <doc-id>]
// Reads a published document, writes content/sources/<id>/ (source.txt, source.origin.tsv,
// meta.yaml draft, the original and its SHA-256), compiles it once to prove it needs nothing
// else, and prints what was found and what needs review. Nothing is written on an error.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { readDocument, IngestError } from '../src/ingest/index.ts';
import { writeSource, renderSource } from '../src/ingest/write-source.ts';
import { deriveId } from '../src/ingest/doc-id.ts';
import { compileDocument, DOC_ID } from '../src/compiler/compile.ts';

// KB_ROOT lets tests write into a scratch project instead of this one.
const root = process.env.KB_ROOT ?? new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
let file: string | undefined;
let id: string | undefined;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--id') id = args[++i];
  else if (args[i]!.startsWith('--id=')) id = args[i]!.slice(5);
  else if (!file) file = args[i];
  else fail(`Unexpected argument “${args[i]}”`);
}
if (!file) fail('Usage: npm run add -- <file.hwp|file.hwpx|file.pdf> [--id YYYY-MM-DD-slug]');

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

const started = performance.now();
const bytes = new Uint8Array(await readFile(path.resolve(process.env.INIT_CWD ?? process.cwd(), file)).catch(() => fail(`Cannot read ${file}`)));
// Registry agency names help guess the publisher (the first one named near the top).
const agencies = await readFile(path.join(root, 'content/registry/agencies.yaml'), 'utf8')
  .then((y) => [...y.matchAll(/^\s+name: "([^"]+)"/gmu)].map((m) => m[1]!))
  .catch(() => [] as string[]);
let doc;
try {
  doc = await readDocument(file, bytes, { agencies });
} catch (error) {
  if (error instanceof IngestError) fail(`${path.basename(file)}: ${error.message}. Nothing was written.`);
  throw error;
}
const readMs = performance.now() - started;
id ??= deriveId(doc.meta.issued?.value, doc.meta.title?.value) ?? fail('No date found in the document to start its id with: give one with --id YYYY[-MM[-DD]]-slug');
if (!DOC_ID.test(id)) fail(`Unexpected id “${id}”: expected YYYY[-MM[-DD]]-slug in lower-case ASCII`);

let written;
try {
  written = await writeSource(root, id, doc, { name: path.basename(file), bytes });
} catch (error) {
  fail((error as Error).message);
}

// Compile the new document alone: it must need nothing else.
const dir = path.join('content', 'sources', id);
const read = (name: string) => readFile(path.join(root, dir, name), 'utf8');
const { result, files } = compileDocument({ id, dir, source: new Uint8Array(await readFile(path.join(root, dir, 'source.txt'))), meta: await read('meta.yaml'), overrides: null, origins: await read('source.origin.tsv') });
const messages = files.flatMap((f) => f.messages);
if (!result) {
  for (const m of messages.filter((x) => x.fatal)) console.error(`${m.file}:${m.line}:${m.column} error ${m.reason} [kb:${m.ruleId}]`);
  await rm(path.join(root, dir), { recursive: true, force: true });
  fail('The written document does not compile (see above); nothing was kept.');
}

const paragraphs = doc.blocks.filter((b) => b.type === 'paragraph').length;
const tables = doc.blocks.filter((b) => b.type === 'table').length;
const outline = doc.blocks.filter((b) => b.type === 'paragraph' && b.outline).length;
console.log(`${path.basename(file)} → ${dir}/ (${doc.format.toUpperCase()}, read in ${readMs.toFixed(0)} ms)`);
console.log(`  found: ${paragraphs} paragraphs, ${tables} tables, ${doc.footnotes.length} footnotes/endnotes, ${outline} outline headings${doc.pages ? `, ${doc.pages} pages` : ''}`);
console.log(`  wrote: ${written.files.join(', ')} (${renderSource(doc).length} lines; sha256 ${written.sha256})`);
console.log(`  compiled: ${result.record.stats.headings} headings, ${result.record.stats.tables} tables, ${result.record.stats.footnotes} footnotes; ${messages.filter((m) => m.fatal === false).length} warning(s)`);
const review = Object.entries(doc.meta).filter(([, g]) => g?.review).map(([k, g]) => `${k}: ${JSON.stringify(g!.value)} (${g!.from})`);
const missing = (['title', 'issued', 'publishers', 'kind'] as const).filter((k) => !doc.meta[k]);
console.log('  review meta.yaml:');
for (const r of review) console.log(`    - ${r}`);
for (const k of missing) console.log(`    - ${k}: not found in the document`);
console.log('    - sourceUrl: where the file was published');
for (const n of doc.notes) console.log(`  note: ${n}`);
console.log(`Next: check ${dir}/meta.yaml, then npm run compile (or npm start) and npm run permalinks.`);
