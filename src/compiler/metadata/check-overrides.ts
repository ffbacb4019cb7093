import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { report } from '../messages.ts';
import type { Overrides } from './overrides.ts';

/**
 * Overrides are data that can go stale when a source is edited, so every entry must land:
 * its line must exist (checked here, before compiling) and the plugin it is meant for must
 * apply it (checked after compiling, `checkOverridesUsed`). Messages point at the entry in
 * overrides.yaml, never at source.txt.
 */

type Kind = 'headings' | 'sections' | 'zones' | 'tableHeaders' | 'tableRows' | 'tables';
type Entry = Overrides[Kind][number];

/**
 * Anchors the site gives its own elements (src/site, src/pages; a test keeps this in step with
 * the `id="…"` literals there) and the forms the compiler gives blocks. An override id equal to
 * one would give a page two elements with one id, and a link or a citation would land on the
 * wrong one.
 */
export const SITE_IDS = new Set([
  'main', 'contents', 'cases', 'dates', 'sources', 'names', 'mentions', 'measures', 'measure-groups', 'related', 'timeline',
  'timeline-items', 'doc-timeline', 'by-agency', 'by-document', 'defined-in-text', 'glossary-index', 'lineage-mentions',
  'cite-panel', 'cite-parts-label', 'copy-status', 'search-q',
]);
const RESERVED_FORMS = /-heading$|^(?:site-search|search-|copy-|cite-|toc-|mention-|agency-|kind-|cases-doc-|lineage-)|^L\d+$|^fn(?:ref)?-|^(?:tbl|fig)-\d/u;

export function isReservedId(id: string): boolean {
  return SITE_IDS.has(id) || RESERVED_FORMS.test(id);
}

/** The source line(s) an entry targets, and the path of the field that names the line. */
function targetOf(kind: Kind, e: Entry): { first: number; last: number; field: string } | null {
  switch (kind) {
    case 'headings':
      return { first: (e as Overrides['headings'][number]).before, last: (e as Overrides['headings'][number]).before, field: 'before' };
    case 'sections':
    case 'tables':
      return { first: (e as { line: number }).line, last: (e as { line: number }).line, field: 'line' };
    case 'zones':
      return { first: (e as Overrides['zones'][number]).from, last: (e as Overrides['zones'][number]).to, field: 'from' };
    default:
      return null;
  }
}

const KINDS: Kind[] = ['headings', 'sections', 'zones', 'tableHeaders', 'tableRows', 'tables'];

function* entries(overrides: Overrides): Generator<[Kind, number, Entry]> {
  for (const kind of KINDS) for (const [i, e] of overrides[kind].entries()) yield [kind, i, e];
}

/** Before compiling: lines that exist, ranges that run forward, ids that are free. */
export function checkOverrideTargets(overrides: Overrides, lineCount: number, file: VFile): void {
  const at = (path: (string | number)[]) => file.data.yamlLocate?.(path) ?? { line: 1, col: 1 };
  for (const [kind, i, e] of entries(overrides)) {
    const target = targetOf(kind, e);
    if (target) {
      for (const [field, n] of [[target.field, target.first], ...(kind === 'zones' ? [['to', target.last] as const] : [])] as const) {
        if (n > lineCount) {
          const { line, col } = at([kind, i, field]);
          report(file, 'override/unknown-target', `Unexpected ${kind} override at source line ${n}: source.txt has only ${lineCount} line(s); correct \`${field}\` or remove the entry`, line, col);
        }
      }
      if (kind === 'zones' && target.last < target.first) {
        const { line, col } = at([kind, i, 'to']);
        report(file, 'override/unknown-target', `Unexpected zones override: \`to\` (${target.last}) comes before \`from\` (${target.first}); give the range first line first`, line, col);
      }
    }
    const id = (e as { id?: string }).id;
    if (id !== undefined && isReservedId(id)) {
      const { line, col } = at([kind, i, 'id']);
      report(file, 'override/reserved-id', `Unexpected id \`${id}\`: the site or the compiler already uses it as an anchor; choose another (e.g. a word from the title)`, line, col);
    }
  }
}

/** Every override entry that a plugin applied; plugins add to it (`overrideApplied`). */
declare module 'vfile' {
  interface DataMap {
    overridesApplied: Set<object>;
  }
}

/** Called by a plugin when it has applied an override entry. */
export function overrideApplied(file: VFile, entry: object): void {
  (file.data.overridesApplied ??= new Set()).add(entry);
}

/**
 * After compiling: moves the plugins' `override/unknown-target` messages (reported at source
 * lines) onto the entry of overrides.yaml that caused them, and reports every entry that was
 * neither applied nor already the subject of a message (rule override/unused).
 */
export function checkOverridesUsed(overrides: Overrides, sourceFile: VFile, overridesFile: VFile, captions: Map<number, string>): void {
  const at = (path: (string | number)[]) => overridesFile.data.yamlLocate?.(path) ?? { line: 1, col: 1 };
  const applied = sourceFile.data.overridesApplied ?? new Set<object>();
  const blamed = new Set<Entry>();
  const moved: VFileMessage[] = [];
  for (const m of sourceFile.messages) {
    if (m.ruleId !== 'override/unknown-target') continue;
    const found = entryAt(overrides, m.line ?? 0, captions);
    const { line, col } = found ? at([found[0], found[1]]) : { line: 1, col: 1 };
    if (found) blamed.add(found[2]);
    m.file = overridesFile.path;
    m.line = line;
    m.column = col;
    m.place = { line, column: col };
    moved.push(m);
  }
  // The messages belong to overrides.yaml now (the order of the files' messages is the report's order).
  sourceFile.messages = sourceFile.messages.filter((m) => !moved.includes(m));
  overridesFile.messages.push(...moved);
  for (const [kind, i, e] of entries(overrides)) {
    if (applied.has(e) || blamed.has(e)) continue;
    const { line, col } = at([kind, i]);
    report(overridesFile, 'override/unused', `Unexpected ${kind} override that matches nothing: ${whyUnused(kind, e, overrides)}`, line, col);
  }
}

function whyUnused(kind: Kind, e: Entry, overrides: Overrides): string {
  const target = targetOf(kind, e);
  const twice = target && overrides[kind].some((o) => o !== e && targetOf(kind, o)?.first === target.first);
  if (twice) return `another ${kind} entry names source line ${target.first}; keep one`;
  switch (kind) {
    case 'tables':
      return `source line ${target!.first} does not start a pipe table (cells ending in \`|\`); a \`tables\` entry must name a table's first line, or be removed`;
    case 'tableRows':
      return `no flattened table is captioned \`${(e as Overrides['tableRows'][number]).figure}\`; correct \`figure\` or remove the entry`;
    case 'tableHeaders':
      return `no flattened table is captioned \`${(e as Overrides['tableHeaders'][number]).figure}\` (or its grid was rebuilt without this entry); correct \`figure\` or remove the entry`;
    case 'zones':
      return `no caption has the id \`${(e as Overrides['zones'][number]).figure}\`; correct \`figure\` or remove the entry`;
    default:
      return `source line ${target?.first} is not where this override can apply; correct the line or remove the entry`;
  }
}

/** The entry behind a message the plugins reported at source line `line`. */
function entryAt(overrides: Overrides, line: number, captions: Map<number, string>): [Kind, number, Entry] | null {
  for (const [kind, i, e] of entries(overrides)) {
    const target = targetOf(kind, e);
    if (target && line >= target.first && line <= Math.max(target.first, target.last)) return [kind, i, e];
    if ((kind === 'tableHeaders' || kind === 'tableRows') && captions.get(line) === (e as { figure: string }).figure) return [kind, i, e];
  }
  return null;
}
