import { z } from 'zod';
import { isoDate, reference, text } from '../metadata/fields.ts';

/**
 * The knowledge registries, `content/registry/<type>.yaml`: every entity the compiler can
 * recognise in text, each fact with its source. Ids are permanent lower-case slugs; an entity
 * is one institution under one name (a renamed ministry is a new entity linked by
 * predecessors/successors), so a page can show "names over time".
 */

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case slug like `moef` or `patent-office`');

/** Where a fact comes from: a URL or a bibliographic reference, and what it supports. */
export const sourceRef = z
  .object({
    /** A URL (law.go.kr, a ministry site, an encyclopedia) or a citation. */
    ref: reference,
    /** What this source supports, e.g. "renamed on 2017-07-26". */
    supports: text.optional(),
  })
  .strict();

const link = z.object({ id: slug, date: isoDate.optional() }).strict();

const base = {
  /** Permanent id (never reused, never renamed). */
  id: slug,
  /** The name as written in Korean official use. */
  name: text,
  /** Other written forms that mean this entity: abbreviations (기재부), short names
   *  (산업입지법), 「」-forms, English names and acronyms (MOEF, KIAT), old spellings. */
  aliases: z.array(text).default([]),
  /** One line on what it is, in Korean. */
  description: text.optional(),
  /** Sources for the facts above and below. At least one. */
  sources: z.array(sourceRef).min(1),
  /** True when a date or fact could not be verified from a source here. */
  unverified: z.boolean().default(false),
};

export const agencySchema = z
  .object({
    ...base,
    /** ministry | agency (청·처) | committee | public-body | local-government | other */
    kind: z.enum(['ministry', 'agency', 'committee', 'public-body', 'local-government', 'other']),
    /** Titles that name the agency (특허청장, 식약처장, 기획재정부 장관). */
    titles: z.array(text).default([]),
    /** When the body took this name (or was founded) and when the name ended. */
    from: isoDate.optional(),
    until: isoDate.optional(),
    /** The bodies it came from, with the date of the change. */
    predecessors: z.array(link).default([]),
    /** The bodies it became, with the date of the change. */
    successors: z.array(link).default([]),
    /** For public bodies: the ministry or agency it belongs to. */
    parent: slug.optional(),
  })
  .strict();

export const lawSchema = z
  .object({
    ...base,
    /** act | decree | rule | notice | plan | guideline */
    kind: z.enum(['act', 'decree', 'rule', 'notice', 'plan', 'guideline']),
    /** The agency responsible, if known. */
    agency: slug.optional(),
    enacted: isoDate.optional(),
  })
  .strict();

export const programSchema = z.object({ ...base, agency: slug.optional(), from: isoDate.optional() }).strict();
export const placeSchema = z
  .object({ ...base, kind: z.enum(['cluster', 'complex', 'city', 'region', 'country', 'district', 'other']), country: z.string().default('KR') })
  .strict();
export const organizationSchema = z
  .object({ ...base, kind: z.enum(['research-institute', 'university', 'company', 'association', 'center', 'other']) })
  .strict();
export const termSchema = z
  .object({
    ...base,
    /** The definition, as a source gives it. */
    definition: text,
  })
  .strict();

export const REGISTRY_FILES = {
  agencies: { type: 'agency', schema: z.array(agencySchema) },
  laws: { type: 'law', schema: z.array(lawSchema) },
  programs: { type: 'program', schema: z.array(programSchema) },
  places: { type: 'place', schema: z.array(placeSchema) },
  organizations: { type: 'organization', schema: z.array(organizationSchema) },
  glossary: { type: 'term', schema: z.array(termSchema) },
} as const;

export type EntityType = (typeof REGISTRY_FILES)[keyof typeof REGISTRY_FILES]['type'];
export type Agency = z.infer<typeof agencySchema>;

/**
 * `content/registry/related.yaml`: reviewed corrections to the computed related-measure links.
 * Measure ids are `<docId>--<anchor>`; an unknown id is an error.
 */
export const relatedOverridesSchema = z
  .object({
    /** Pairs to link even though the rule does not. */
    add: z.array(z.object({ a: z.string(), b: z.string(), why: text }).strict()).default([]),
    /** Pairs the rule links wrongly. */
    remove: z.array(z.object({ a: z.string(), b: z.string(), why: text }).strict()).default([]),
  })
  .strict();
export type RelatedOverrides = z.infer<typeof relatedOverridesSchema>;
