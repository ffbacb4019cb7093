/** /data/timeline.json — schema: /data/timeline.schema.json. */
import type { APIRoute } from 'astro';
import schema from '../../../public/data/timeline.schema.json';
import { jsonResponse, timelineRows } from '../../site/lib/data-export.ts';
import { getKnowledge } from '../../site/lib/knowledge-data.ts';

export const GET: APIRoute = async () => {
  const knowledge = await getKnowledge();
  const measures = new Map(knowledge.measures.map((m) => [m.id, m]));
  return jsonResponse('timeline.json', schema, timelineRows(knowledge.timeline, measures, knowledge.agenciesOf));
};
