import { extname } from 'node:path';
import { IngestError, type IngestedDocument } from './model.ts';
import { readHwp } from './hwp/read-hwp.ts';
import { readHwpx } from './hwpx/read-hwpx.ts';
import { PdfNoTextError, readPdf } from './pdf/read-pdf.ts';
import { toSharedModel } from './pdf/to-model.ts';
import { guessMeta } from './guess-meta.ts';

export { IngestError } from './model.ts';
export type { IngestedDocument } from './model.ts';

/** The readers by file extension. */
export const FORMATS = ['.hwp', '.hwpx', '.pdf'] as const;

/** Reads a published file into the ingest model, dispatching on its extension. */
export async function readDocument(fileName: string, bytes: Uint8Array, known: { agencies?: string[] } = {}): Promise<IngestedDocument> {
  const ext = extname(fileName).toLowerCase();
  let doc: IngestedDocument;
  switch (ext) {
    case '.hwp':
      doc = readHwp(bytes);
      break;
    case '.hwpx':
      doc = readHwpx(bytes);
      break;
    case '.pdf':
      try {
        doc = toSharedModel(await readPdf(bytes));
      } catch (error) {
        // A scan without a text layer (or a file PDF.js cannot open) is refused, nothing written.
        if (error instanceof PdfNoTextError) throw new IngestError(error.message);
        throw new IngestError(`Unexpected PDF that PDF.js cannot read: ${(error as Error).message}`);
      }
      break;
    default:
      throw new IngestError(`Unexpected file type “${ext || fileName}”: \`npm run add\` reads .hwp, .hwpx and .pdf`);
  }
  doc.meta = guessMeta(doc, known);
  return doc;
}
