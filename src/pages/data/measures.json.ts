/** /data/measures.json — schema: /data/measures.schema.json. */
import type { APIRoute } from 'astro';
import schema from '../../../public/data/measures.schema.json';
import { jsonResponse, measureRows } from '../../site/lib/data-export.ts';
import { getKnowledge } from '../../site/lib/knowledge-data.ts';

export const GET: APIRoute = async () => jsonResponse('measures.json', schema, measureRows((await getKnowledge()).measures));
