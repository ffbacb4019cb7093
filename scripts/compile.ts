#!/usr/bin/env node
// Compiles content/sources/* into src/generated/ (the astro build runs this too).
import { compileCorpus, CompileError } from '../src/compiler/index.ts';
import { fakeBoldSummary, formatWarnings } from '../src/compiler/index.ts';

const root = new URL('..', import.meta.url).pathname;
try {
  const started = performance.now();
  const { documents, warnings, compiled } = await compileCorpus({ root });
  for (const d of documents) {
    const removed = Object.entries(d.stats.removed).map(([r, n]) => `${r}=${n}`).join(' ');
    console.log(`${d.id}: ${d.stats.lines} lines, ${d.stats.headings} headings, ${d.stats.tables} tables, ${d.stats.figures} figures, ${d.stats.footnotes} footnotes; removed ${removed || 'nothing'}`);
  }
  const fakeBold = fakeBoldSummary(compiled);
  if (fakeBold) console.log(fakeBold);
  if (warnings.length) console.log(`${warnings.length} warning(s):\n${formatWarnings(warnings)}`);
  console.log(`compiled ${documents.length} documents in ${(performance.now() - started).toFixed(0)} ms`);
} catch (error) {
  if (error instanceof CompileError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
