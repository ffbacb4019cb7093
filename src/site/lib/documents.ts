/** Reads the `documents` collection as contract-typed records, newest first. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { DocumentRecord } from '../../compiler/contract.ts';
import { issuedSortKey } from './format.ts';
import { asDocId } from './urls.ts';

/**
 * The collection schema (src/content.config.ts) has validated the shape; this adds the
 * branded id types of the contract. The file name must equal the record's `id`.
 */
export function toDocumentRecord(entryId: string, data: CollectionEntry<'documents'>['data']): DocumentRecord {
  if (entryId !== data.id) {
    throw new Error(`src/generated/documents/${entryId}.json has id "${data.id}"; the file name and the id must match.`);
  }
  return { ...data, id: asDocId(data.id) } as DocumentRecord;
}

/** All documents, newest first (undated last), ties by title. */
export async function getDocuments(): Promise<DocumentRecord[]> {
  const entries = await getCollection('documents');
  return entries
    .map((e) => toDocumentRecord(e.id, e.data))
    .sort((a, b) => {
      const ka = issuedSortKey(a.issued);
      const kb = issuedSortKey(b.issued);
      if (ka !== kb) return ka < kb ? 1 : -1;
      return a.title.localeCompare(b.title, 'ko');
    });
}
