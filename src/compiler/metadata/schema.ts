import { z } from 'zod';
import { httpUrl, isoDate, text } from './fields.ts';

const unknown = z.literal('unknown');
const names = z.array(text).min(1);

export const KIND_LABELS = {
  'press-release': '보도자료',
  plan: '정책 계획',
  'plan-summary': '정책 계획 요약',
  news: '보도 기사',
  report: '보고서',
  'report-summary': '보고서 요약',
  thesis: '학위논문',
  call: '사업 공고',
  rfp: '제안요청서',
  other: '기타 문서',
} as const;

/**
 * The metadata file of a source document, `content/sources/<doc-id>/meta.yaml`.
 * What is not known is written `unknown`, never invented.
 */
export const metaSchema = z
  .object({
    /** The document's own title; if lost, a descriptive title with `titleIsDescriptive: true`. */
    title: text,
    /** @default false */
    titleIsDescriptive: z.boolean().default(false),
    /** What the document is. @see KIND_LABELS */
    kind: z.enum(Object.keys(KIND_LABELS) as [keyof typeof KIND_LABELS, ...(keyof typeof KIND_LABELS)[]]),
    /** Issue date at its real precision, or `unknown`. */
    issued: z.union([isoDate, unknown]),
    /** Free text on the date: embargo, what is uncertain. */
    issuedNote: text.optional(),
    /** Publishing bodies (agency names as written), or `unknown`. */
    publishers: z.union([names, unknown]),
    /** Other bodies named as co-authors or contacts. */
    contributors: names.optional(),
    /** Personal authors, or `unknown`. */
    authors: z.union([names, unknown]),
    advisors: names.optional(),
    /** A portal or journal category. */
    category: text.optional(),
    /** When the document summarises another one. */
    summarizes: z
      .object({ title: text, publishers: names.optional(), issued: isoDate.optional(), part: text.optional() })
      .strict()
      .optional(),
    /** Where the text was obtained, or `unknown`. */
    sourceUrl: z.union([httpUrl, unknown]),
    /** The file name the text arrived as. */
    originalFile: text.optional(),
    /**
     * Written by `npm run add`: the text was read from the original file's own structure
     * (src/ingest/). Its tables are the `[표]` fences only; the compiler never guesses tables
     * from tabs, `|` cells or flattened lines in such a document.
     */
    ingested: z
      .object({ format: z.enum(['hwp', 'hwpx', 'pdf']), file: text, sha256: z.string().regex(/^[0-9a-f]{64}$/u, 'expected the SHA-256 of the original, 64 hex digits') })
      .strict()
      .optional(),
  })
  .strict();

export type DocumentMeta = z.infer<typeof metaSchema>;

export function precisionOf(date: string): 'year' | 'month' | 'day' {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}
