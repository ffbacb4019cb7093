/**
 * Benchmark of the PDF reader (issue 17, item 7: a 100-page PDF in ≤ 10 s). Lays out real
 * text as a flowing A4 report — the six corpus-extra documents (paragraphs, `[표]` tables
 * with borders, a running header and `- N -` page numbers), repeated — prints the first 100
 * pages with Debian's Chromium, then times `readPdf` (one cold run, then the median of 3).
 * Also prints how much of the known text came back: the share of the documents' distinct
 * paragraph lines found verbatim among the reader's lines (the documents were not used to
 * tune the reader). Without corpus-extra (KB_CORPUS_EXTRA or ../shared/corpus-extra) the
 * report fixture's text is used instead.
 * Run: npm run bench:ingest-pdf [-- --keep <file.pdf>] [--keep-all]: keeps the printed PDF;
 * wraps Korean at spaces only (CSS word-break: keep-all) instead of between any syllables.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../test/browser/browser.ts';
import { expectedSource, FOOTER_TEMPLATE, HEADER_TEMPLATE } from '../test/ingest/pdf/report-fixture.ts';
import { readPdf } from '../src/ingest/pdf/read-pdf.ts';
import { pdfToSourceText } from '../src/ingest/pdf/source-text.ts';

const PAGES = 100;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The known texts: corpus-extra without its three header lines, or the fixture's text. */
function texts(): { name: string; lines: string[] }[] {
  const dir = path.resolve(process.env.KB_CORPUS_EXTRA ?? path.join(root, '../shared/corpus-extra'));
  if (!existsSync(dir)) return [{ name: 'report fixture', lines: expectedSource().trimEnd().split('\n') }];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, lines: readFileSync(path.join(dir, f), 'utf8').split('\n').slice(4) }));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function html(docs: { name: string; lines: string[] }[], copies: number): string {
  const parts: string[] = [];
  for (let c = 0; c < copies; c++) {
    for (const doc of docs) {
      parts.push(`<h2>${esc(doc.name)}</h2>`);
      let table: string[][] | null = null;
      for (const raw of doc.lines) {
        const line = raw.trim();
        if (line === '[표]') table = [];
        else if (line === '[/표]' && table) {
          parts.push(`<table>${table.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`);
          table = null;
        } else if (table) table.push(line.replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
        else if (line) parts.push(`<p>${esc(line)}</p>`);
      }
    }
  }
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 25mm 20mm 22mm; }
body { font-family: 'NanumMyeongjo', serif; font-size: 11pt; line-height: 1.6;${process.argv.includes('--keep-all') ? ' word-break: keep-all;' : ''} }
h2 { font-family: 'NanumGothic'; font-size: 15pt; }
p { margin: 0 0 6pt; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 4pt 0 8pt; }
td { border: 0.75pt solid #000; padding: 2pt 4pt; }
</style></head><body>${parts.join('\n')}</body></html>`;
}

async function print(content: string, pageRanges?: string): Promise<Uint8Array> {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.setContent(content, { waitUntil: 'load' });
    return new Uint8Array(
      await page.pdf({ format: 'A4', preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: HEADER_TEMPLATE, footerTemplate: FOOTER_TEMPLATE, ...(pageRanges ? { pageRanges } : {}) }),
    );
  } finally {
    await browser.close();
  }
}

const docs = texts();
console.log(`text: ${docs.map((d) => d.name).join(', ')}`);
// One copy first, to learn how many copies fill 100 pages.
const t0 = performance.now();
const one = await readPdf(await print(html(docs, 1)));
// Copies flow into each other (no page break between them), so one copy's page count
// overestimates; add copies until the print reaches 100 pages.
let copies = Math.ceil(PAGES / one.stats.pages!);
let pdf = await print(html(docs, copies), `1-${PAGES}`);
while ((await readPdf(pdf)).stats.pages! < PAGES) {
  copies = Math.ceil(copies * 1.5);
  pdf = await print(html(docs, copies), `1-${PAGES}`);
}
const keep = process.argv.indexOf('--keep');
if (keep > 0 && process.argv[keep + 1]) writeFileSync(process.argv[keep + 1]!, pdf);
console.log(`printed ${PAGES} pages (${copies} copies of ${one.stats.pages} pages), ${(pdf.length / 1024).toFixed(0)} KB, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const times: number[] = [];
let doc = one;
for (let run = 0; run < 4; run++) {
  const t = performance.now();
  doc = await readPdf(pdf);
  times.push(performance.now() - t);
}
const warm = times.slice(1).sort((a, b) => a - b)[1]!;
console.log(`readPdf: cold ${(times[0]! / 1000).toFixed(2)} s, warm median of 3 ${(warm / 1000).toFixed(2)} s (${(warm / PAGES).toFixed(1)} ms/page)  goal ≤ 10 s: ${times[0]! <= 10_000 ? 'met' : 'NOT met'}`);
console.log(`found: ${doc.stats.pages} pages, ${doc.stats.paragraphs} paragraphs, ${doc.stats.tables} tables, ${doc.stats.footnotes} footnotes, ${doc.stats.removed} running lines removed, ${doc.warnings.length} warnings`);

// Fidelity: distinct known paragraph lines (outside tables) found verbatim in the output.
const out = new Set(pdfToSourceText(doc).text.split('\n'));
const known = new Set<string>();
for (const d of docs) {
  let inTable = false;
  for (const raw of d.lines) {
    const line = raw.trim();
    if (line === '[표]') inTable = true;
    else if (line === '[/표]') inTable = false;
    else if (!inTable && line) known.add(line.replace(/\s+/g, ' '));
  }
}
const found = [...known].filter((l) => out.has(l)).length;
console.log(`known paragraph lines back verbatim: ${found}/${known.size} (${((100 * found) / known.size).toFixed(1)}%)`);
// Chromium, as the PDF writer, draws middle-dot variants (・ ･ ㆍ ‧ ․) with fallback fonts
// whose ToUnicode maps them to · or to nothing: a loss in the PDF, not in the reader.
const fold = (s: string) => s.replace(/[・･ㆍ·‧․]/gu, '·');
const outFolded = new Set([...out].map(fold));
const foundFolded = [...known].filter((l) => outFolded.has(fold(l))).length;
console.log(`  the same with middle-dot variants folded: ${foundFolded}/${known.size} (${((100 * foundFolded) / known.size).toFixed(1)}%)`);
// Tables: distinct known rows found as a row of an output table. The known rows are
// ragged (merged cells were flattened by hand), the grid pads them: trailing empty cells
// are ignored on both sides.
const rowKey = (cells: string[]) => {
  const c = cells.map((x) => x.replace(/\s+/g, ' ').trim());
  while (c.length > 0 && c.at(-1) === '') c.pop();
  return c.join(' | ');
};
const knownRows = new Set<string>();
for (const d of docs) {
  let inTable = false;
  for (const raw of d.lines) {
    const line = raw.trim();
    if (line === '[표]') inTable = true;
    else if (line === '[/표]') inTable = false;
    else if (inTable && line) knownRows.add(rowKey(line.replace(/^\||\|$/g, '').split('|')));
  }
}
const outRows = new Set(doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.map(rowKey) : [])));
const rowsFound = [...knownRows].filter((r) => outRows.has(r)).length;
console.log(`known table rows back cell for cell: ${rowsFound}/${knownRows.size} (${((100 * rowsFound) / knownRows.size).toFixed(1)}%); ${doc.blocks.filter((b) => b.kind === 'table' && b.flagged).length} tables flagged`);
const pua = [...known].filter((l) => /[\u{F0000}-\u{FFFFD}\u{E000}-\u{F8FF}]/u.test(l)).length;
console.log(`  lines holding private-use glyphs (no font draws them, so no PDF can carry them): ${pua}`);
if (process.argv.includes('--misses')) for (const l of [...known].filter((l) => !out.has(l)).slice(0, 40)) console.log(`  missing: ${l.slice(0, 100)}`);
if (process.argv.includes('--near')) {
  const lines = pdfToSourceText(doc).text.split('\n');
  for (const l of [...known].filter((l) => !out.has(l) && !/[\u{F0000}-\u{FFFFD}]/u.test(l)).slice(0, 25)) {
    const i = lines.findIndex((o) => o.includes(l.slice(0, 14)));
    console.log(`- ${l.slice(0, 160)}\n+ ${i >= 0 ? lines[i]!.slice(0, 160) : '(none)'}${i >= 0 && lines[i + 1] ? `\n+1 ${lines[i + 1]!.slice(0, 100)}` : ''}`);
  }
}
if (process.argv.includes('--table-misses')) {
  const outList = [...outRows];
  for (const r of [...knownRows].filter((r) => !outRows.has(r)).slice(0, 30)) {
    const first = r.split(' | ')[0]!;
    const near = outList.find((o) => o.startsWith(first) || o.includes(r.slice(0, 12)));
    console.log(`- ${r.slice(0, 150)}\n+ ${near?.slice(0, 150) ?? '(none)'}`);
  }
}
