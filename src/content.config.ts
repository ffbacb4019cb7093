/**
 * Content collections over the compiler's output (see `src/compiler/contract.ts`).
 * The schemas mirror the contract so a compiler/site mismatch fails the build with a
 * field-level message instead of rendering `undefined`.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** Keep the file name as the id, exactly (the default slugifier could alter a DocId). */
const idFromFileName = ({ entry }: { entry: string }) => entry.replace(/\.(mdx|json)$/, '');

const datePrecision = z.enum(['day', 'month', 'quarter', 'half', 'year']);
/** A list of names, or `'unknown'` when the source does not say. */
const namesOrUnknown = z.union([z.array(z.string()), z.literal('unknown')]);

const tocEntry = z.object({
  id: z.string(),
  depth: z.number().int().min(1),
  num: z.string().optional(),
  title: z.string(),
  line: z.number().int().min(1),
  synthetic: z.boolean().optional(),
});

const captionEntry = z.object({
  id: z.string(),
  kind: z.enum(['표', '그림']),
  num: z.string(),
  title: z.string(),
  line: z.number().int().min(1),
  body: z.enum(['table', 'pre', 'none']),
});

const documentMessage = z.object({
  line: z.number().int(),
  column: z.number().int().optional(),
  ruleId: z.string(),
  source: z.string(),
  message: z.string(),
  fatal: z.boolean(),
});

/** `DocumentRecord` from `src/compiler/contract.ts`. */
export const documentRecord = z
  .object({
    id: z.string(),
    title: z.string(),
    titleIsDescriptive: z.boolean(),
    kind: z.string(),
    kindLabel: z.string(),
    issued: z.object({ value: z.string(), precision: datePrecision }).nullable(),
    issuedNote: z.string().optional(),
    publishers: namesOrUnknown,
    contributors: z.array(z.string()).optional(),
    authors: namesOrUnknown,
    advisors: z.array(z.string()).optional(),
    category: z.string().optional(),
    summarizes: z
      .object({
        title: z.string(),
        publishers: z.array(z.string()).optional(),
        issued: z.string().optional(),
        part: z.string().optional(),
      })
      .optional(),
    sourceUrl: z.string(),
    originalFile: z.string().optional(),
    toc: z.array(tocEntry),
    captions: z.array(captionEntry),
    facts: z.array(z.object({ label: z.string(), value: z.string(), line: z.number().int() })),
    mentions: z.array(z.object({ ref: z.string().nullable(), kind: z.string(), text: z.string(), anchor: z.string(), line: z.number().int() })),
    /** Abbreviations the text defines (compiler rule knowledge/definition). */
    definitions: z.array(z.object({ term: z.string(), definition: z.string(), anchor: z.string(), line: z.number().int() })).default([]),
    lines: z.array(z.string()),
    lineAnchors: z.array(z.string().nullable()),
    lineArtifacts: z.array(z.string().nullable()),
    lineOrigins: z.array(z.string().nullable()).optional(),
    stats: z.object({
      lines: z.number().int(),
      characters: z.number().int(),
      blocks: z.number().int(),
      headings: z.number().int(),
      tables: z.number().int(),
      figures: z.number().int(),
      footnotes: z.number().int(),
      removed: z.record(z.string(), z.number()),
    }),
    warnings: z.array(documentMessage),
  })
  .refine((d) => d.lineAnchors.length === d.lines.length && d.lineArtifacts.length === d.lines.length, {
    message: 'lineAnchors and lineArtifacts must have one entry per source line',
  });

const docs = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/generated/docs', generateId: idFromFileName }),
  schema: z.object({ documentId: z.string() }),
});

const documents = defineCollection({
  loader: glob({ pattern: '*.json', base: './src/generated/documents', generateId: idFromFileName }),
  schema: documentRecord,
});

const isoDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
const lineageLink = z.object({ id: z.string(), date: isoDate.optional() });

/** `EntityRecord` from `src/compiler/knowledge/entities.ts`: a registry entity and its mentions. */
export const entityRecord = z.object({
  /** `agency:patent-office`; also the collection entry id. */
  ref: z.string(),
  type: z.enum(['agency', 'law', 'program', 'place', 'organization', 'term']),
  /** Permanent slug, unique across all types. */
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  titles: z.array(z.string()),
  from: isoDate.optional(),
  until: isoDate.optional(),
  predecessors: z.array(lineageLink),
  successors: z.array(lineageLink),
  description: z.string().optional(),
  definition: z.string().optional(),
  /** The registry's sub-kind (ministry, act, cluster …). */
  kind: z.string().optional(),
  /** For laws and programmes: the responsible agency's id. */
  agency: z.string().optional(),
  unverified: z.boolean(),
  sources: z.array(z.object({ ref: z.string(), supports: z.string().optional() })),
  /** For agencies, every agency id of its chain of names, oldest first; empty otherwise. */
  lineage: z.array(z.string()),
  mentions: z.array(z.object({ documentId: z.string(), anchor: z.string(), line: z.number().int().min(1), text: z.string() })),
});

/** One JSON array; entries are keyed by `ref` (ids of different types must never collide in the store). */
const entities = defineCollection({
  loader: file('src/generated/entities.json', {
    parser: (text) => Object.fromEntries((JSON.parse(text) as { ref: string }[]).map((e) => [e.ref, e])),
  }),
  schema: entityRecord,
});

const sourceLines = z.tuple([z.number().int().min(1), z.number().int().min(1)]);

/** `MeasureRecord` from `src/compiler/knowledge/entities.ts`: a policy measure and what it involves. */
export const measureRecord = z.object({
  /** `<docId>--<anchor>`; also the collection entry id. */
  id: z.string(),
  documentId: z.string(),
  /** The block on /docs/<documentId>/ that holds the measure. */
  anchor: z.string(),
  label: z.string(),
  /** The item, its sub-items, then its notes: one line each. */
  text: z.string(),
  headingPath: z.array(z.string()),
  sectionId: z.string().nullable(),
  sourceLines,
  /** Entity refs (`type:id`) mentioned in the measure. */
  mentions: z.array(z.string()),
  /** Ids of its dated items (timeline collection). */
  dates: z.array(z.string()),
  agencies: z.array(z.string()),
  laws: z.array(z.string()),
  programs: z.array(z.string()),
  places: z.array(z.string()),
  /** Measures of other documents on the same programmes, laws or places. */
  related: z.array(z.string()),
});

/** `TimelineEntry` from `src/compiler/contract.ts` with its document: one dated expression. */
export const timelineRecord = z.object({
  id: z.string(),
  documentId: z.string(),
  date: z.object({ start: z.string(), end: z.string().optional(), precision: datePrecision }),
  open: z.enum(['from', 'until']).optional(),
  kind: z.enum(['announcement', 'target', 'event', 'enactment', 'period']),
  /** The date as written. */
  sourceText: z.string(),
  /** A window of the sentence around it. */
  context: z.string(),
  line: z.number().int().min(1),
  anchor: z.string(),
  measureId: z.string().optional(),
});

/** `CaseEntry` from `src/compiler/contract.ts` with its document: a case study. */
export const caseRecord = z.object({
  id: z.string(),
  documentId: z.string(),
  anchor: z.string(),
  title: z.string(),
  sourceLines,
  mentions: z.array(z.string()),
});

/** One JSON array each, entries keyed by their `id` (the file loader's default). */
const measures = defineCollection({ loader: file('src/generated/measures.json'), schema: measureRecord });
const timeline = defineCollection({ loader: file('src/generated/timeline.json'), schema: timelineRecord });
const cases = defineCollection({ loader: file('src/generated/cases.json'), schema: caseRecord });

export const collections = { docs, documents, entities, measures, timeline, cases };
