import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { compileDocument, type CompiledDocument } from './compile.ts';
import { CompileError, formatMessage, report } from './messages.ts';
import type { DocumentRecord } from './contract.ts';
import { loadRegistry, type Registry } from './knowledge/registry.ts';
import { knowledgeOf } from './knowledge/knowledge.ts';
import { entitiesOf, measuresOf } from './knowledge/entities.ts';

export { compileDocument } from './compile.ts';
export { CompileError, formatMessage } from './messages.ts';
export { RULES } from './rules.ts';
export type { DocumentRecord } from './contract.ts';

export interface CorpusResult {
  documents: DocumentRecord[];
  compiled: CompiledDocument[];
  warnings: VFileMessage[];
  /** Milliseconds per document (compile only, without I/O). */
  timings: Record<string, number>;
  registry: Registry;
}

/**
 * Compiles every `content/sources/<doc-id>/` folder under `root` and writes
 * `src/generated/docs/<id>.mdx`, `src/generated/documents/<id>.json` and `src/generated/search/<id>.json`
 * (or `outDir`), plus the
 * corpus-level `entities.json`, `measures.json`, `timeline.json` and `cases.json`.
 * Throws a CompileError listing every positioned problem when the build must stop.
 */
export async function compileCorpus(opts: {
  root: string;
  outDir?: string;
  write?: boolean;
  /** Re-parse the MDX here (rule check/roundtrip). The Astro build passes false because its
   *  remark plugin checks the same digest on the tree its own MDX parser built. */
  verify?: boolean;
}): Promise<CorpusResult> {
  const sourcesDir = path.join(opts.root, 'content', 'sources');
  const outDir = opts.outDir ?? path.join(opts.root, 'src', 'generated');
  const entries = (await readdir(sourcesDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const compiled: CompiledDocument[] = [];
  const errors: VFileMessage[] = [];
  const warnings: VFileMessage[] = [];
  const timings: Record<string, number> = {};
  const hashes = new Map<string, string>();
  const registry = await loadRegistry(opts.root);
  for (const f of registry.files) for (const m of f.messages) (m.fatal ? errors : warnings).push(m);
  const knowledge = knowledgeOf(registry);
  for (const id of entries) {
    const dir = path.join(sourcesDir, id);
    const read = async (name: string) => (existsSync(path.join(dir, name)) ? await readFile(path.join(dir, name)) : null);
    const [source, meta, overrides, origins] = await Promise.all([read('source.txt'), read('meta.yaml'), read('overrides.yaml'), read('source.origin.tsv')]);
    const rel = path.relative(opts.root, dir);
    const started = performance.now();
    const { result, files } = compileDocument({ id, dir: rel, source, meta: meta?.toString('utf8') ?? null, overrides: overrides?.toString('utf8') ?? null, origins: origins?.toString('utf8') ?? null }, { verify: opts.verify, knowledge });
    timings[id] = performance.now() - started;
    if (source) {
      const hash = createHash('sha256').update(source).digest('hex');
      const other = hashes.get(hash);
      if (other) report(files[2]!, 'doc/id-duplicate', `Unexpected duplicate document: the same source text is already in content/sources/${other}/`, 1);
      hashes.set(hash, id);
    }
    for (const f of files) for (const m of f.messages) (m.fatal ? errors : m.fatal === false ? warnings : []).push(m);
    if (result) compiled.push(result);
  }
  const records = compiled.map((c) => c.record);
  const measures = measuresOf(registry, records);
  for (const m of registry.related.file.messages) if (m.fatal) errors.push(m);
  if (errors.length > 0) throw new CompileError(errors);

  if (opts.write !== false) {
    const docsDir = path.join(outDir, 'docs');
    const recordsDir = path.join(outDir, 'documents');
    await rm(outDir, { recursive: true, force: true });
    await mkdir(docsDir, { recursive: true });
    await mkdir(recordsDir, { recursive: true });
    const searchDir = path.join(outDir, 'search');
    await mkdir(searchDir, { recursive: true });
    await writeFile(path.join(outDir, 'entities.json'), `${JSON.stringify(entitiesOf(registry, records), null, 1)}\n`);
    await writeFile(path.join(outDir, 'measures.json'), `${JSON.stringify(measures, null, 1)}\n`);
    await writeFile(path.join(outDir, 'cases.json'), `${JSON.stringify(records.flatMap((r) => r.cases.map((c) => ({ ...c, documentId: r.id }))), null, 1)}\n`);
    await writeFile(path.join(outDir, 'timeline.json'), `${JSON.stringify(records.flatMap((r) => r.timeline.map((t) => ({ ...t, documentId: r.id }))), null, 1)}\n`);
    await Promise.all(
      compiled.flatMap((c) => [
        writeFile(path.join(docsDir, `${c.id}.mdx`), c.mdx),
        writeFile(path.join(recordsDir, `${c.id}.json`), `${JSON.stringify(c.record, null, 1)}\n`),
        writeFile(path.join(searchDir, `${c.id}.json`), `${JSON.stringify(c.search)}\n`),
      ]),
    );
  }
  return { documents: compiled.map((c) => c.record), compiled, warnings, timings, registry };
}

export function formatWarnings(warnings: VFileMessage[]): string {
  return warnings.map(formatMessage).join('\n');
}
