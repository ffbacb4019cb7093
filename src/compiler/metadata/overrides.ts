import { z } from 'zod';
import { text } from './fields.ts';

/**
 * Per-document overrides, `content/sources/<doc-id>/overrides.yaml`: declarative data,
 * reviewed like code, ONLY for information that is absent from the text. Each entry names
 * a source line and what that line must start with, so an edited source cannot silently
 * move an override onto the wrong text (rule `override/unknown-target`).
 */
export const overridesSchema = z
  .object({
    /** Headings that the source lost (e.g. a chapter title missing from a PDF extraction). */
    headings: z
      .array(
        z
          .object({
            /** Insert the heading before this source line. */
            before: z.number().int().positive(),
            /** The text the line must start with. */
            expect: text,
            /** Heading family of an existing heading at the same level (`chapter`, `section`, `roman`, `num`, …);
             *  the families of src/compiler/plugins/detect-blocks.ts (HEADINGS). */
            key: z.enum(['chapter', 'section', 'roman', 'appendix', 'num', 'ganada', 'paren']),
            /** The number as it would be written, e.g. `제 6 장`. */
            num: text.optional(),
            title: text,
            /** Anchor id; default: derived from the number. */
            id: z.string().regex(/^[A-Za-z][\w-]*$/).optional(),
          })
          .strict(),
      )
      .default([]),
    /** Titles for unheaded front or back matter that the zoning rules found. */
    sections: z
      .array(
        z
          .object({
            /** The first source line of the unheaded section. */
            line: z.number().int().positive(),
            expect: text,
            title: text,
            id: z.string().regex(/^[A-Za-z][\w-]*$/),
          })
          .strict(),
      )
      .default([]),
    /** Parts of a captioned table or figure that the extraction emitted elsewhere (out of order,
     *  or before the caption): the lines join that figure's zone, shown verbatim. */
    zones: z
      .array(
        z
          .object({
            /** The caption's anchor, e.g. `tbl-3-1`, `fig-5-1`. */
            figure: z.string().regex(/^(?:tbl|fig)-\d+-\d+$/),
            from: z.number().int().positive(),
            to: z.number().int().positive(),
            expect: text,
          })
          .strict(),
      )
      .default([]),
    /** Header cells of a flattened table whose header words do not split into columns by
     *  themselves. The cells must spell the header text exactly (spaces aside). */
    tableHeaders: z
      .array(z.object({ figure: z.string().regex(/^tbl-\d+-\d+$/), cells: z.array(z.string()).min(2) }).strict())
      .default([]),
    /** The cells of a flattened table whose layout the text lost (merged cells emitted out of
     *  order, columns emitted one after another). Each row is written `cell | cell | …`; every
     *  cell must spell text of the table's body (spaces aside) and together they must use all
     *  of it, so nothing is invented or lost. `{…}` marks a cell the source lost (a header). */
    tableRows: z
      .array(z.object({ figure: z.string().regex(/^tbl-\d+-\d+$/), rows: z.array(z.string().min(1)).min(2) }).strict())
      .default([]),
    /** Pipe tables whose column count cannot be decided from the text. */
    tables: z
      .array(z.object({ line: z.number().int().positive(), expect: text, columns: z.number().int().min(1) }).strict())
      .default([]),
  })
  .strict();

export type Overrides = z.infer<typeof overridesSchema>;
export const NO_OVERRIDES: Overrides = { headings: [], sections: [], zones: [], tableHeaders: [], tableRows: [], tables: [] };
