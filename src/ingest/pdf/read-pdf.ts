import { IngestError, type IngestedDocument } from '../model.ts';

/**
 * PDF reader (PDF.js). Built separately; this stub keeps the dispatch in place so that
 * `npm run add -- file.pdf` fails with a clear message until it lands.
 */
export async function readPdf(_bytes: Uint8Array): Promise<IngestedDocument> {
  throw new IngestError('PDF support not built');
}
