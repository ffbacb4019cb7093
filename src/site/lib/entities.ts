/** Reads the `entities` collection (src/generated/entities.json) as a catalog. */
import { getCollection } from 'astro:content';
import type { EntityRecord } from '../../compiler/knowledge/entities.ts';
import { catalogOf, type EntityCatalog } from './entity-catalog.ts';
import type { EntityType } from './urls.ts';

let cached: Promise<EntityCatalog> | undefined;

/**
 * The catalog of every registry entity. Built once per build: the mention component asks for
 * it hundreds of times per document page. In dev the registry can change under the server,
 * so it is rebuilt on every call there.
 */
export function getEntities(): Promise<EntityCatalog> {
  if (import.meta.env.DEV || !cached) {
    cached = getCollection('entities').then((entries) =>
      catalogOf(
        entries.map((e) => {
          if (e.id !== e.data.ref) throw new Error(`Entity entry "${e.id}" has ref "${e.data.ref}"; src/content.config.ts keys entries by ref.`);
          return e.data as EntityRecord;
        }),
      ),
    );
  }
  return cached;
}

/** `getStaticPaths` for the page of each entity of one type. */
export async function entityPaths(type: EntityType) {
  const catalog = await getEntities();
  return catalog.ofType(type).map((entity) => ({ params: { id: entity.id }, props: { entity } }));
}
