import { z } from 'zod';

/** ISO 8601 date at its real precision: `2023`, `2023-06`, `2023-06-01`. */
const isoDate = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'expected an ISO date at its precision: YYYY, YYYY-MM or YYYY-MM-DD');

const unknown = z.literal('unknown');
const names = z.array(z.string().min(1)).min(1);

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
    title: z.string().min(1),
    /** @default false */
    titleIsDescriptive: z.boolean().default(false),
    /** What the document is. @see KIND_LABELS */
    kind: z.enum(Object.keys(KIND_LABELS) as [keyof typeof KIND_LABELS, ...(keyof typeof KIND_LABELS)[]]),
    /** Issue date at its real precision, or `unknown`. */
    issued: z.union([isoDate, unknown]),
    /** Free text on the date: embargo, what is uncertain. */
    issuedNote: z.string().optional(),
    /** Publishing bodies (agency names as written), or `unknown`. */
    publishers: z.union([names, unknown]),
    /** Other bodies named as co-authors or contacts. */
    contributors: names.optional(),
    /** Personal authors, or `unknown`. */
    authors: z.union([names, unknown]),
    advisors: names.optional(),
    /** A portal or journal category. */
    category: z.string().optional(),
    /** When the document summarises another one. */
    summarizes: z
      .object({ title: z.string().min(1), publishers: names.optional(), issued: isoDate.optional(), part: z.string().optional() })
      .strict()
      .optional(),
    /** Where the text was obtained, or `unknown`. */
    sourceUrl: z.union([z.url(), unknown]),
    /** The file name the text arrived as. */
    originalFile: z.string().optional(),
    /**
     * Written by `npm run add`: the text was read from the original file's own structure
     * (src/ingest/). Its tables are the `[표]` fences only; the compiler never guesses tables
     * from tabs, `|` cells or flattened lines in such a document.
     */
    ingested: z
      .object({ format: z.enum(['hwp', 'hwpx', 'pdf']), file: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/u, 'expected the SHA-256 of the original, 64 hex digits') })
      .strict()
      .optional(),
  })
  .strict();

export type DocumentMeta = z.infer<typeof metaSchema>;

export function precisionOf(date: string): 'year' | 'month' | 'day' {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}
