import { createHash } from 'node:crypto';
import { mkdir, writeFile, access } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { stringify } from 'yaml';
import type { Block, Footnote, IngestedDocument, Origin, TableBlock } from './model.ts';

/**
 * Turns an ingested document into the project's source convention (README "Adding a
 * document", corpus-extra README):
 * - one paragraph a line;
 * - tables between `[표]` and `[/표]`, one `| cell | cell |` row a line, the cells that start in
 *   that row in column order, a cell's paragraphs joined by ` / ` (the compiler reads these
 *   fences as explicit tables and never guesses them);
 * - footnotes as `N) body` lines right after the block that holds their `N)` marker, which the
 *   compiler attaches at the marker (detect-footnote-bodies, resolve-footnotes).
 * Each line keeps its origin in the file, written beside source.txt as `source.origin.tsv`.
 */
export interface SourceLine {
  text: string;
  origin?: Origin;
}

export function renderSource(doc: IngestedDocument): SourceLine[] {
  const lines: SourceLine[] = [];
  const notesByAnchor = new Map<string, Footnote[]>();
  for (const n of doc.footnotes) {
    const key = anchorKey(n.origin);
    const list = notesByAnchor.get(key) ?? [];
    list.push(n);
    notesByAnchor.set(key, list);
  }
  // Notes go after the last block of the paragraph that anchors them.
  const lastOfAnchor = new Map<string, number>();
  doc.blocks.forEach((b, i) => lastOfAnchor.set(anchorKey(b.origin), i));
  doc.blocks.forEach((block, i) => {
    // The outline level (개요 N) of a paragraph style travels with its origin, for the source view.
    if (block.type === 'paragraph') lines.push({ text: clean(block.text), origin: block.outline ? { ...block.origin, detail: [block.origin.detail, `개요 ${block.outline}`].filter(Boolean).join(' ') } : block.origin });
    else lines.push(...renderTable(block));
    const key = anchorKey(block.origin);
    if (lastOfAnchor.get(key) === i) {
      for (const note of notesByAnchor.get(key) ?? []) lines.push({ text: clean(`${note.marker} ${note.paragraphs.join(' ')}`), origin: note.origin });
      notesByAnchor.delete(key);
    }
  });
  // Notes whose anchor produced no block (an empty paragraph holding only the note).
  for (const notes of notesByAnchor.values()) for (const note of notes) lines.push({ text: clean(`${note.marker} ${note.paragraphs.join(' ')}`), origin: note.origin });
  return lines;
}

function anchorKey(o: Origin): string {
  return o.page !== undefined ? `p${o.page}` : `${o.section}:${o.paragraph}`;
}

/**
 * Trailing white space goes; tabs stay as written (the compiler never reads tab tables in an
 * ingested document: its tables are the `[표]` fences).
 */
function clean(text: string): string {
  return text.replace(/\s+$/u, '');
}

export function renderTable(t: TableBlock): SourceLine[] {
  const out: SourceLine[] = [{ text: '[표]', origin: t.origin }];
  const rows = new Map<number, TableBlock['cells']>();
  for (const c of t.cells) {
    const list = rows.get(c.row) ?? [];
    list.push(c);
    rows.set(c.row, list);
  }
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const cells = rows.get(r)!.sort((a, b) => a.col - b.col);
    const text = cells.map((c) => cellText(c.paragraphs)).join(' | ');
    out.push({ text: `| ${text} |`, origin: { ...t.origin, detail: `${t.origin.detail ?? '표'} ${r + 1}행` } });
  }
  out.push({ text: '[/표]', origin: t.origin });
  return out;
}

function cellText(paragraphs: string[]): string {
  return paragraphs
    .map((p) => clean(p).trim())
    .filter(Boolean)
    .join(' / ');
}

export function originLabel(o: Origin | undefined): string {
  if (!o) return '';
  const at = o.page !== undefined ? `p.${o.page}` : `s${o.section}:p${o.paragraph}`;
  return o.detail ? `${at} ${o.detail}` : at;
}

export interface WriteResult {
  dir: string;
  files: string[];
  lines: number;
  sha256: string;
}

/**
 * Writes `content/sources/<id>/`: source.txt, source.origin.tsv (line → place in the
 * original), meta.yaml (guessed fields marked `# review`), the original file under its own
 * name and `original.sha256`. Refuses to overwrite an existing document.
 */
export async function writeSource(root: string, id: string, doc: IngestedDocument, original: { name: string; bytes: Uint8Array }): Promise<WriteResult> {
  const dir = join(root, 'content', 'sources', id);
  if (await exists(dir)) throw new Error(`content/sources/${id}/ already exists; choose another --id or remove it first`);
  const lines = renderSource(doc);
  const sha256 = createHash('sha256').update(original.bytes).digest('hex');
  const name = storedName(original.name);
  await mkdir(dir, { recursive: true });
  const files = ['source.txt', 'source.origin.tsv', 'meta.yaml', name, 'original.sha256'];
  await writeFile(join(dir, 'source.txt'), lines.map((l) => l.text).join('\n') + '\n');
  await writeFile(join(dir, 'source.origin.tsv'), originTsv(lines));
  await writeFile(join(dir, 'meta.yaml'), metaYaml(doc, original.name, sha256));
  await writeFile(join(dir, name), original.bytes);
  await writeFile(join(dir, 'original.sha256'), `${sha256}  ${name}\n`);
  return { dir, files, lines: lines.length, sha256 };
}

/** The original is kept beside the text as `original.<ext>`. */
export function storedName(fileName: string): string {
  return `original${extname(fileName).toLowerCase()}`;
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

/** One row per source line: `line<TAB>origin`, e.g. `12\ts0:p7 표 2 3행`. */
export function originTsv(lines: SourceLine[]): string {
  return '# line\torigin (HWP/HWPX: s<section>:p<paragraph>; PDF: p.<page>)\n' + lines.map((l, i) => `${i + 1}\t${originLabel(l.origin)}`).join('\n') + '\n';
}

/** meta.yaml that the compiler accepts as it is; each guessed value is followed by `# review: …`. */
export function metaYaml(doc: IngestedDocument, fileName: string, sha256: string): string {
  const m = doc.meta;
  const out: string[] = [`# Draft written by \`npm run add\` from ${basename(fileName)} (sha256 ${sha256.slice(0, 16)}…).`, '# Check every line marked "review", then delete these marks.'];
  const field = (key: string, value: unknown, note?: { review: boolean; from: string }) => {
    const text = stringify({ [key]: value }, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }).trimEnd();
    out.push(note ? `${text}  # ${note.review ? 'review: ' : ''}${note.from}` : text);
  };
  if (m.title) field('title', m.title.value, m.title);
  else field('title', basename(fileName, extname(fileName)), { review: true, from: 'no title found: the file name' });
  if (m.kind) field('kind', m.kind.value, m.kind);
  else field('kind', 'other', { review: true, from: 'kind not recognised' });
  if (m.issued) field('issued', m.issued.value, m.issued);
  else field('issued', 'unknown', { review: true, from: 'no date found' });
  if (m.publishers) field('publishers', m.publishers.value, m.publishers);
  else field('publishers', 'unknown', { review: true, from: 'no publisher found' });
  field('authors', 'unknown');
  field('sourceUrl', 'unknown', { review: true, from: 'where was the file published?' });
  field('originalFile', basename(fileName));
  // Marks the text as read from the file's own structure: the compiler then takes tables from
  // the `[표]` fences only (README "Adding a document").
  field('ingested', { format: doc.format, file: storedName(fileName), sha256 });
  return out.join('\n') + '\n';
}
