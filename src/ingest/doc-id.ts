/**
 * A document id (`YYYY[-MM[-DD]]-slug`, lower-case ASCII; README "Adding a document") derived
 * from the issue date and the title when the user gives none. Hangul is romanised by the
 * Revised Romanization's letter table (syllable by syllable, no sound-change rules): readable
 * enough for a permanent URL, and the user can always pass `--id`.
 */
const INITIAL = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const MEDIAL = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const FINAL = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

export function romanize(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xac00 && c <= 0xd7a3) {
      const i = c - 0xac00;
      out += INITIAL[Math.floor(i / 588)]! + MEDIAL[Math.floor((i % 588) / 28)]! + FINAL[i % 28]!;
    } else out += ch;
  }
  return out;
}

export function slugOf(title: string, words = 4): string {
  return romanize(title.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w && !/^\d+$/u.test(w))
    .slice(0, words)
    .join('-')
    .slice(0, 48)
    .replace(/-+$/u, '');
}

/** `2025-12-02-jeongbuhyeoksin-…`; null when there is no date to start it with. */
export function deriveId(issued: string | undefined, title: string | undefined): string | null {
  if (!issued || !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/u.test(issued)) return null;
  const slug = title ? slugOf(title) : '';
  return `${issued}-${slug || 'document'}`;
}
