/** /data/entities.json — schema: /data/entities.schema.json. Registry entities and the case studies (type `case`). */
import type { APIRoute } from 'astro';
import schema from '../../../public/data/entities.schema.json';
import { entityRows, jsonResponse } from '../../site/lib/data-export.ts';
import { getEntities } from '../../site/lib/entities.ts';
import { getKnowledge } from '../../site/lib/knowledge-data.ts';

export const GET: APIRoute = async () => {
  const [catalog, knowledge] = await Promise.all([getEntities(), getKnowledge()]);
  return jsonResponse('entities.json', schema, entityRows(catalog, knowledge.cases));
};
