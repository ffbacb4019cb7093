#!/usr/bin/env node
// Generates a scaled corpus from the five source documents' paragraphs (blank-line separated
// chunks), for benchmarks: `node scripts/generate-corpus.ts <factor> <out-dir>` writes
// factor × 5 documents under <out-dir>/content/sources/, each built from the chunks of one seed
// document in a deterministic shuffled order (so every rule still meets realistic text), with
// the registries copied alongside.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function generateCorpus(root: string, factor: number, out: string): number {
  const sources = path.join(root, 'content', 'sources');
  const seeds = readdirSync(sources).sort();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.join(out, 'content', 'sources'), { recursive: true });
  cpSync(path.join(root, 'content', 'registry'), path.join(out, 'content', 'registry'), { recursive: true });
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let bytes = 0;
  for (let k = 0; k < factor; k++) {
    for (const id of seeds) {
      const text = readFileSync(path.join(sources, id, 'source.txt'), 'utf8');
      // Paragraphs are blank-line separated; a text without blank lines is one paragraph a line.
      const sep = /\n{2,}/u.test(text) && text.split(/\n{2,}/u).length >= 10 ? '\n\n' : '\n';
      const chunks = text.split(sep === '\n\n' ? /\n{2,}/u : /\n/u);
      // Copy 0 is the seed itself; others keep the first chunk and shuffle the rest.
      if (k > 0) {
        for (let i = chunks.length - 1; i > 1; i--) {
          const j = 1 + Math.floor(random() * i);
          [chunks[i], chunks[j]] = [chunks[j]!, chunks[i]!];
        }
      }
      const body = k === 0 ? text : chunks.join(sep);
      const docId = `${id.slice(0, 4)}-gen${String(k).padStart(3, '0')}-${id.slice(5).replace(/^\d{2}-\d{2}-/u, '')}`;
      const dir = path.join(out, 'content', 'sources', docId);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'source.txt'), body);
      const meta = readFileSync(path.join(sources, id, 'meta.yaml'), 'utf8');
      writeFileSync(path.join(dir, 'meta.yaml'), meta);
      // Overrides name lines of the original order: only the unshuffled copy keeps them.
      if (k === 0) {
        try {
          writeFileSync(path.join(dir, 'overrides.yaml'), readFileSync(path.join(sources, id, 'overrides.yaml')));
        } catch {
          // no overrides for this document
        }
      }
      bytes += Buffer.byteLength(body);
    }
  }
  return bytes;
}

if (import.meta.main) {
  const [factor = '10', out = '.bench/corpus'] = process.argv.slice(2);
  const bytes = generateCorpus(path.resolve(import.meta.dirname, '..'), Number(factor), path.resolve(out));
  console.log(`generated ${Number(factor) * 5} documents, ${(bytes / 1e6).toFixed(1)} MB, in ${out}`);
}
