import type { VFile } from 'vfile';
import type { Block, DocTree, HeadingBlock, Inline } from '../types.ts';
import type { AnchorId, CaptionEntry, DocumentRecord, TocEntry } from '../contract.ts';
import { KIND_LABELS, precisionOf } from '../metadata/schema.ts';
import { knowledgeRecords, lineFinder } from '../knowledge/records.ts';
import { findCases } from '../knowledge/cases.ts';
import { findDefinitions } from '../knowledge/definitions.ts';

/** Builds the document's JSON record: metadata, outline, captions, source lines and provenance maps. */
export function emitRecord(tree: DocTree, file: VFile, removed: Record<string, number>): DocumentRecord {
  const docYear = file.data.meta!.issued === 'unknown' ? null : Number(file.data.meta!.issued.slice(0, 4));
  const { measures, timeline } = knowledgeRecords(tree, file.data.docId!, docYear);
  const meta = file.data.meta!;
  const lines = tree.lines.map((l) => l.raw);
  const lineAnchors: (string | null)[] = lines.map(() => null);
  const toc: TocEntry[] = [];
  const captions: CaptionEntry[] = [];
  const facts: DocumentRecord['facts'] = [];
  const mentions: DocumentRecord['mentions'] = [];
  const lineOf = lineFinder(tree);
  const collect = (content: Inline[], anchor: string, line: number) => {
    for (const c of content) {
      if (c.type !== 'mention') continue;
      const offset = c.span.map.find((m) => m >= 0);
      mentions.push({ ref: c.ref, kind: c.kind, text: c.span.text, anchor, line: offset === undefined ? line : lineOf(offset) });
    }
  };
  const counts = { blocks: 0, headings: 0, tables: 0, figures: 0 };
  const claim = (from: number, to: number, id: string) => {
    for (let n = from; n <= to; n++) {
      const line = tree.lines[n - 1];
      if (line && !line.blank && !line.removed && lineAnchors[n - 1] === null) lineAnchors[n - 1] = id;
    }
  };
  let inFigure = false;
  const visit = (blocks: Block[]) => {
    for (const b of blocks) {
      counts.blocks++;
      if (b.type === 'heading') collect(b.title, b.id!, b.from);
      if (b.type === 'para' || b.type === 'item') collect(b.content, b.id!, b.from);
      if (b.type === 'table') for (const row of b.rows) for (const cell of row) collect(cell, b.id!, b.from);
      if (b.type === 'heading') {
        counts.headings++;
        toc.push(tocEntry(b));
      }
      // A table inside a captioned 표 is that table, counted once with its caption.
      if (b.type === 'table' && !inFigure) counts.tables++;
      if (b.type === 'facts') for (const e of b.entries) facts.push({ label: e.label.text, value: e.value.text, line: b.from });
      if (b.type === 'item') {
        // Children first: their lines belong to them, not to the parent item.
        visit(b.children);
        for (const [from, to] of b.parts ?? [[b.from, b.to]]) claim(from, to, b.id!);
        continue;
      }
      if (b.type === 'figure') {
        if (b.kind === '표') counts.tables++;
        else counts.figures++;
        captions.push({ id: b.id as AnchorId, kind: b.kind, num: b.num, title: b.title, line: b.from, body: b.children.some((c) => c.type === 'table') ? 'table' : b.children.some((c) => c.type === 'pre') ? 'pre' : 'none' });
        inFigure = true;
        visit(b.children);
        inFigure = false;
        claim(b.from, b.to, b.id!);
        continue;
      }
      if ((b.type === 'para' || b.type === 'table') && b.parts) for (const [from, to] of b.parts) claim(from, to, b.id!);
      else if (!(b.type === 'heading' && b.synthetic)) claim(b.from, b.to, b.id!);
    }
  };
  for (const note of tree.footnotes) claim(note.from, note.to, `fn-${note.label.toLowerCase()}`);
  for (const note of tree.footnotes) collect(note.content, `fn-${note.label.toLowerCase()}`, note.from);
  visit(tree.children);
  return {
    id: file.data.docId!,
    title: meta.title,
    titleIsDescriptive: meta.titleIsDescriptive,
    kind: meta.kind,
    kindLabel: KIND_LABELS[meta.kind],
    issued: meta.issued === 'unknown' ? null : { value: meta.issued, precision: precisionOf(meta.issued) },
    ...(meta.issuedNote ? { issuedNote: meta.issuedNote } : {}),
    publishers: meta.publishers,
    ...(meta.contributors ? { contributors: meta.contributors } : {}),
    authors: meta.authors,
    ...(meta.advisors ? { advisors: meta.advisors } : {}),
    ...(meta.category ? { category: meta.category } : {}),
    ...(meta.summarizes ? { summarizes: meta.summarizes } : {}),
    sourceUrl: meta.sourceUrl,
    ...(meta.originalFile ? { originalFile: meta.originalFile } : {}),
    toc,
    captions,
    facts,
    mentions: mentions.sort((a, b) => a.line - b.line),
    measures,
    timeline,
    cases: findCases(tree, file.data.docId!),
    definitions: findDefinitions(tree),
    lines,
    lineAnchors,
    lineArtifacts: tree.lines.map((l) => l.removed ?? null),
    stats: {
      lines: lines.length,
      characters: tree.source.length,
      ...counts,
      footnotes: tree.footnotes.length,
      removed,
    },
    warnings: file.messages.filter((m) => m.fatal === false).map((m) => ({ line: m.line ?? 0, column: m.column ?? undefined, ruleId: m.ruleId ?? '', source: m.source ?? 'kb', message: m.reason, fatal: false })),
  };
}

function tocEntry(h: HeadingBlock): TocEntry {
  return {
    id: h.id as AnchorId,
    depth: h.depth ?? 1,
    ...(h.num ? { num: h.num.text } : {}),
    title: h.title.map((c) => (c.type === 'fnref' ? '' : c.span.text)).join('').trim(),
    line: h.from,
    ...(h.synthetic ? { synthetic: true } : {}),
  };
}

