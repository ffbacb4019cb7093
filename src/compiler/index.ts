import { lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { VFile } from 'vfile';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { compileDocument, type CompiledDocument } from './compile.ts';
import { CompileError, formatMessage, report } from './messages.ts';
import type { DocumentRecord } from './contract.ts';
import { loadRegistry, type Registry } from './knowledge/registry.ts';
import { knowledgeOf } from './knowledge/knowledge.ts';
import { SpacingCounts } from './text/evidence.ts';
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
  const listing = await readdir(sourcesDir, { withFileTypes: true });
  const entries = listing.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const compiled: CompiledDocument[] = [];
  const errors: VFileMessage[] = [];
  // Rule doc/symlink: a linked folder or file could pull in text from outside the repository
  // (or a secret); it stops the build instead of being skipped or followed silently.
  for (const e of listing.filter((x) => x.isSymbolicLink()).sort((a, b) => a.name.localeCompare(b.name))) {
    errors.push(report(new VFile({ path: path.relative(opts.root, path.join(sourcesDir, e.name)) }), 'doc/symlink', `Unexpected symbolic link content/sources/${e.name}: a document folder must be a real folder in the repository; copy it in instead of linking it`));
  }
  const warnings: VFileMessage[] = [];
  // Keyed by folder names (input): a null-prototype object, so `__proto__` is just a name.
  const timings: Record<string, number> = Object.create(null) as Record<string, number>;
  const hashes = new Map<string, string>();
  const registry = await loadRegistry(opts.root);
  for (const f of registry.files) for (const m of f.messages) (m.fatal ? errors : warnings).push(m);
  const knowledge = knowledgeOf(registry);
  // The corpus's own spacing (every source's lines): evidence for joins where a document's
  // own text has not seen the syllables that meet (rule clean/line-join).
  const corpusSpacing = new SpacingCounts();
  // A linked source is refused below (rule doc/symlink); its text must not count here either.
  for (const id of entries) {
    const file = path.join(sourcesDir, id, 'source.txt');
    const stat = await lstat(file).catch(() => null);
    if (stat?.isFile()) for (const line of (await readFile(file, 'utf8')).split('\n')) corpusSpacing.add(line);
  }
  for (const id of entries) {
    const dir = path.join(sourcesDir, id);
    const rel = path.relative(opts.root, dir);
    const linked: string[] = [];
    const read = async (name: string) => {
      const stat = await lstat(path.join(dir, name)).catch(() => null);
      if (!stat) return null;
      if (stat.isSymbolicLink()) {
        linked.push(name);
        return null;
      }
      return await readFile(path.join(dir, name));
    };
    const [source, meta, overrides, origins] = await Promise.all([read('source.txt'), read('meta.yaml'), read('overrides.yaml'), read('source.origin.tsv')]);
    if (linked.length > 0) {
      for (const name of linked.sort()) errors.push(report(new VFile({ path: `${rel}/${name}` }), 'doc/symlink', `Unexpected symbolic link ${rel}/${name}: document files must be real files in the repository; copy the file in instead of linking it`));
      continue;
    }
    const started = performance.now();
    const { result, files } = compileDocument({ id, dir: rel, source, meta: meta?.toString('utf8') ?? null, overrides: overrides?.toString('utf8') ?? null, origins: origins?.toString('utf8') ?? null }, { verify: opts.verify, knowledge, corpusSpacing });
    timings[id] = performance.now() - started;
    if (source) {
      // Compared as readers see it, so a copy re-saved with CRLF, NFD or other spacing is caught.
      const hash = createHash('sha256').update(comparableText(source)).digest('hex');
      const other = hashes.get(hash);
      if (other) report(files[2]!, 'doc/id-duplicate', `Unexpected duplicate document: the same source text (ignoring line endings, Unicode normalisation and white space) is already in content/sources/${other}/; remove one of the folders`, 1, 1);
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

/**
 * The build log's account of fake-bold repair (rule clean/fake-bold): how many lines were
 * decoded, and which 4×-shaped lines were kept as written for lack of evidence, so a repair
 * never rewrites text unseen. Null when no document has such a line.
 */
export function fakeBoldSummary(compiled: CompiledDocument[]): string | null {
  let decoded = 0;
  let chars = 0;
  const kept: string[] = [];
  for (const c of compiled) {
    const counts = c.files[2]?.data.fakeBold;
    if (!counts) continue;
    decoded += counts.decoded;
    chars += c.record.stats.removed['clean/fake-bold'] ?? 0;
    for (const n of counts.kept) kept.push(`${c.id}:${n}`);
  }
  if (decoded === 0 && kept.length === 0) return null;
  const keptText = kept.length ? `; kept ${kept.length} 4×-shaped line(s) as written, no evidence of fake bold (${kept.slice(0, 5).join(', ')}${kept.length > 5 ? ', …' : ''})` : '';
  return `clean/fake-bold: decoded ${decoded} line(s), ${chars} repeated character(s) removed${keptText}`;
}

/**
 * The text two sources are compared by (rule doc/id-duplicate): decoded leniently, without a
 * BOM, in NFC, with every run of white space (line endings included) one space.
 */
export function comparableText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/u, '').normalize('NFC').replace(/\s+/gu, ' ').trim();
}

export function formatWarnings(warnings: VFileMessage[]): string {
  return warnings.map(formatMessage).join('\n');
}
