/** /data/entities.json — schema: /data/entities.schema.json. */
import type { APIRoute } from 'astro';
import schema from '../../../public/data/entities.schema.json';
import { entityRows, jsonResponse } from '../../site/lib/data-export.ts';
import { getEntities } from '../../site/lib/entities.ts';

export const GET: APIRoute = async () => jsonResponse('entities.json', schema, entityRows(await getEntities()));
