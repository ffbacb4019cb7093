import { VFile } from 'vfile';
import { stringify } from 'yaml';
import { createPipeline } from './pipeline.ts';
import { readSource } from './source/read-source.ts';
import { parseYaml } from './metadata/yaml.ts';
import { metaSchema } from './metadata/schema.ts';
import { NO_OVERRIDES, overridesSchema } from './metadata/overrides.ts';
import { checkOverrideTargets, checkOverridesUsed } from './metadata/check-overrides.ts';
import { emitMdast } from './emit/emit-mdast.ts';
import { fromMdx, textDigest, textStream, toMdx } from './emit/serialize.ts';
import { emitRecord } from './emit/emit-record.ts';
import { emitSearch } from './emit/emit-search.ts';
import { checkCoverage } from './check/coverage.ts';
import { report } from './messages.ts';
import type { DocTree } from './types.ts';
import type { Knowledge } from './knowledge/knowledge.ts';
import type { SpacingCounts } from './text/evidence.ts';
import type { Root } from 'mdast';
import type { DocId, DocumentRecord, SearchDoc } from './contract.ts';

export const DOC_ID = /^\d{4}(?:-\d{2}(?:-\d{2})?)?-[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface DocumentInput {
  /** The folder name, which is the document id. */
  id: string;
  /** Folder path, for messages. */
  dir: string;
  source: Uint8Array | null;
  meta: string | null;
  overrides: string | null;
  /** `source.origin.tsv` of an ingested document: line → place in the original file. */
  origins?: string | null;
}

export interface CompiledDocument {
  id: DocId;
  mdx: string;
  record: DocumentRecord;
  /** The document as the search index sees it. */
  search: SearchDoc;
  files: VFile[];
  tree: DocTree;
}

const pipeline = createPipeline().freeze();

/**
 * Compiles one document. Problems are reported on the returned files (meta.yaml,
 * overrides.yaml, source.txt); the result is null when any of them is fatal.
 */
export function compileDocument(input: DocumentInput, opts: { verify?: boolean; knowledge?: Knowledge; corpusSpacing?: SpacingCounts } = {}): { result: CompiledDocument | null; files: VFile[] } {
  const sourceFile = new VFile({ path: `${input.dir}/source.txt` });
  const metaFile = new VFile({ path: `${input.dir}/meta.yaml` });
  const overridesFile = new VFile({ path: `${input.dir}/overrides.yaml` });
  const files = [metaFile, overridesFile, sourceFile];
  if (!DOC_ID.test(input.id)) {
    report(metaFile, 'doc/id-invalid', `Unexpected document id “${input.id}”: expected YYYY[-MM[-DD]]-slug in lower-case ASCII, e.g. 2023-06-01-moef-global-cluster-press`);
  }
  const meta = input.meta === null
    ? (report(metaFile, 'meta/missing', 'Unexpected missing meta.yaml: every document folder needs one (see README “Adding a document”)'), null)
    : parseYaml(input.meta, metaSchema, metaFile, { syntax: 'meta/syntax', invalid: 'meta/invalid' });
  const overrides = input.overrides === null ? NO_OVERRIDES : parseYaml(input.overrides, overridesSchema, overridesFile, { syntax: 'override/invalid', invalid: 'override/invalid' });
  const text = input.source === null
    ? (report(sourceFile, 'source/missing', 'Unexpected missing source.txt'), null)
    : readSource(input.source, sourceFile);
  // Override entries must name lines that exist before any plugin looks for them.
  // (Lines as an editor numbers them: a final line break does not start another line.)
  if (overrides && text !== null && input.overrides !== null) checkOverrideTargets(overrides, text.replace(/\n$/u, '').split('\n').length, overridesFile);
  if (files.some((f) => f.messages.some((m) => m.fatal)) || !meta || !overrides || text === null) return { result: null, files };

  const outline = input.origins ? outlineOf(input.origins) : null;
  sourceFile.data = { docId: input.id as DocId, meta, overrides, artifacts: [], preRemoved: sourceFile.data.preRemoved ?? {}, ...(opts.knowledge ? { knowledge: opts.knowledge } : {}), ...(opts.corpusSpacing ? { corpusSpacing: opts.corpusSpacing } : {}), ...(outline?.size ? { outline } : {}) };
  const tree = pipeline.runSync(pipeline.parse(text), sourceFile) as unknown as DocTree;
  // Overrides are checked against the source file's lines, but reported on overrides.yaml,
  // at the entry that names that line; an entry no plugin applied is an error too.
  if (input.overrides !== null) {
    const captions = new Map((tree.zones ?? []).map((z) => [z.caption.n, `${z.kind === '표' ? 'tbl' : 'fig'}-${z.num}`]));
    checkOverridesUsed(overrides, sourceFile, overridesFile, captions);
  }

  const mdx = renderMdx(tree, input.id, opts.verify !== false, sourceFile);
  const removed = checkCoverage(tree, sourceFile);
  const record = emitRecord(tree, sourceFile, removed);
  if (input.origins) record.lineOrigins = parseOrigins(input.origins, record.lines.length);
  if (files.some((f) => f.messages.some((m) => m.fatal))) return { result: null, files };
  return { result: { id: input.id as DocId, mdx, record, search: emitSearch(tree, input.id), files, tree }, files };
}

/**
 * The page's MDX. In a function of its own so that the mdast tree (as large as the document
 * tree) can be collected before the record and search index are built: peak memory.
 */
function renderMdx(tree: DocTree, id: string, verify: boolean, file: VFile): string {
  const mdast = emitMdast(tree);
  const mdx = toMdx(mdast, stringify({ documentId: id, textDigest: textDigest(mdast) }));
  if (verify) verifyRoundTrip(mdast, mdx, file);
  return mdx;
}

/**
 * Rule check/roundtrip: parses the emitted MDX back (as @astrojs/mdx will) and compares its
 * reader-visible text with the tree it was serialised from. Run on every build; the
 * benchmark times it apart from compiling.
 */
export function verifyRoundTrip(mdast: Root, mdx: string, file: VFile): void {
  const expected = textStream(mdast);
  const actual = textStream(fromMdx(mdx));
  if (expected === actual) return;
  let k = 0;
  while (k < expected.length && expected[k] === actual[k]) k++;
  report(file, 'check/roundtrip', `Unexpected MDX round-trip difference at text offset ${k}: expected “${expected.slice(k, k + 30)}”, got “${actual.slice(k, k + 30)}”`);
}

/** `line<TAB>origin` rows (comments start with `#`), one entry per source line. */
export function parseOrigins(tsv: string, lines: number): (string | null)[] {
  const out: (string | null)[] = Array.from({ length: lines }, () => null);
  for (const row of tsv.split('\n')) {
    if (!row.trim() || row.startsWith('#')) continue;
    const tab = row.indexOf('\t');
    const n = Number(row.slice(0, tab));
    if (tab > 0 && Number.isInteger(n) && n >= 1 && n <= lines) out[n - 1] = row.slice(tab + 1).trim() || null;
  }
  return out;
}

/** Lines whose origin names an outline level (`s0:p3 개요 2`): line → level. */
export function outlineOf(tsv: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const row of tsv.split('\n')) {
    const m = /^(\d+)\t.*개요 (\d)\b/u.exec(row);
    if (m) out.set(Number(m[1]), Number(m[2]));
  }
  return out;
}
