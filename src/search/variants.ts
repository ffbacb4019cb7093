/**
 * Search variants: groups of words a reader may type for the same thing — a concept named with
 * another word (`스타트업` / `창업기업`), a standard and a common non-standard spelling (`리더십` /
 * `리더쉽`), another transliteration of a foreign name (`보스턴` / `보스톤`), an English word
 * (`startup`). Kept as data, each group with its source, in `content/registry/variants.yaml`.
 *
 * At index time every word that starts with a form of a group (at a morpheme start, as the
 * other part terms, `stripped of nothing`: `스타트업이`, `창업기업육성`) also carries the group's
 * term; in the browser a query word (or up to four words, spaces ignored) that is a form of a
 * group becomes that term (query.ts). So any form finds every form, both ways, with no query-time
 * OR (Pagefind joins terms with AND).
 *
 * One rule needs no list: `률` and `율` after a syllable are the same suffix spelt by the
 * preceding sound (한글 맞춤법 제11항 붙임 1: 용적률, 비율), and texts and readers mix them up
 * (`용적율`), so a word holding either is also indexed with the other.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { variantKey, variantTerm } from './lexicon.ts';

export { variantKey, variantTerm };

export const VARIANT_KINDS = ['concept', 'spelling', 'transliteration'] as const;

const groupSchema = z
  .object({
    kind: z.enum(VARIANT_KINDS),
    /** The forms, the usual or standard one first; two at least, each two characters or more. */
    forms: z.array(z.string().trim().min(2)).min(2),
    /** Where the equivalence is stated (a law, a dictionary, the spelling rules). */
    source: z.string().min(5),
  })
  .strict();
const fileSchema = z.object({ groups: z.array(groupSchema) }).strict();

export type VariantGroup = z.infer<typeof groupSchema>;

/** A group as the index and the lexicon use it: its kind and its forms. */
export interface Variants {
  kind: (typeof VARIANT_KINDS)[number];
  forms: string[];
}

/** Reads and checks `content/registry/variants.yaml`; none when the file is absent. */
export function loadVariants(root: string): Variants[] {
  const file = path.join(root, 'content', 'registry', 'variants.yaml');
  if (!existsSync(file)) return [];
  const parsed = fileSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`content/registry/variants.yaml: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  // A form may be in one group of each kind: `엑셀러레이터` is a spelling of `액셀러레이터` (one group)
  // and that is the concept `창업기획자` (another); the query reads it as its smallest group.
  const seen = new Map<string, number>();
  parsed.data.groups.forEach((g, i) => {
    for (const f of g.forms) {
      const k = `${g.kind}\u0000${variantKey(f)}`;
      const other = seen.get(k);
      if (other !== undefined && other !== i) throw new Error(`content/registry/variants.yaml: the form \`${f}\` is in two ${g.kind} groups (${other + 1} and ${i + 1}); merge them.`);
      seen.set(k, i);
    }
  });
  return parsed.data.groups.map((g) => ({ kind: g.kind, forms: g.forms }));
}

/** `률` ↔ `율` after a syllable: the word with the other spelling, or null. */
export function rateVariant(text: string): string | null {
  const swapped = text.replace(/(?<=[가-힣])([률율])/gu, (c) => (c === '률' ? '율' : '률'));
  return swapped === text ? null : swapped;
}

/** Finds the group terms a word carries (index side). */
export class VariantIndex {
  /** Form key → the terms of the groups holding it (one per kind at most: checked at load). */
  private readonly byKey = new Map<string, string[]>();
  private readonly longest: number;
  /** Forms of several words (`펀드 오브 펀즈`), found in the text with spaces ignored. */
  readonly phrases: { key: string; term: string }[] = [];

  constructor(variants: Variants[]) {
    let longest = 0;
    for (const g of variants.map((v) => v.forms)) {
      const term = variantTerm(g);
      for (const f of g) {
        const key = variantKey(f);
        const list = this.byKey.get(key) ?? [];
        if (!list.includes(term)) list.push(term);
        this.byKey.set(key, list);
        longest = Math.max(longest, key.length);
        if (/\s/u.test(f.trim())) this.phrases.push({ key, term });
      }
    }
    this.longest = longest;
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The term of every group with a form that `text` starts with (`스타트업이` → 창업기업's). */
  termsAt(text: string): string[] {
    const key = variantKey(text);
    const out: string[] = [];
    for (let len = Math.min(this.longest, key.length); len >= 2; len--) for (const t of this.byKey.get(key.slice(0, len)) ?? []) if (!out.includes(t)) out.push(t);
    return out;
  }

  /** The terms of the groups `form` is exactly a form of (a Latin word is matched whole). */
  termsOf(form: string): string[] {
    return this.byKey.get(variantKey(form)) ?? [];
  }
}
