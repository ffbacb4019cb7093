/** /data/documents.json — schema: /data/documents.schema.json. */
import type { APIRoute } from 'astro';
import schema from '../../../public/data/documents.schema.json';
import { documentRows, jsonResponse } from '../../site/lib/data-export.ts';
import { getDocuments } from '../../site/lib/documents.ts';
import { getEntities } from '../../site/lib/entities.ts';

export const GET: APIRoute = async () => {
  const [documents, catalog] = await Promise.all([getDocuments(), getEntities()]);
  return jsonResponse('documents.json', schema, documentRows(documents, catalog));
};
