/**
 * The one place client scripts read the URL. A URL is input from anyone — a link can carry any
 * fragment or query — so nothing here throws, and what it returns is bounded:
 * - `decodeSafely` decodes percent-escapes like `decodeURIComponent`, but a malformed escape
 *   (`#%`, `#%E0%A4%A`, an encoded lone surrogate) stays as written instead of throwing URIError
 *   (a throw at a module's top level stops every script bundled after it on the page: tooltips
 *   would no longer close with Escape, hash changes would be ignored);
 * - `fragmentId` is the element id a fragment names, decoded that way;
 * - `queryValues` / `queryValue` read the query with `URLSearchParams` (which never throws: it
 *   turns bad escapes into U+FFFD) and clip each value and their number, so a hostile link
 *   cannot make a page build a megabyte regular expression or run a search over a novel.
 */

/** Longest query value the scripts use (a search or a highlight string). */
export const MAX_VALUE_LENGTH = 256;
/** Most values of one repeated query key (`hl`, `agency`, …) the scripts use. */
export const MAX_VALUES = 32;

const ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;

/** `decodeURIComponent` that never throws: each run of escapes that is not valid UTF-8 stays as written. */
export function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(ESCAPES, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return decodeRunLeniently(run);
      }
    });
  }
}

/** A run with a broken sequence inside: decode the longest valid prefixes, keep the rest. */
function decodeRunLeniently(run: string): string {
  let out = '';
  let at = 0;
  while (at < run.length) {
    let decoded: string | null = null;
    // A UTF-8 sequence is at most 4 bytes (12 characters as escapes); try the longest first.
    for (let end = Math.min(run.length, at + 12); end > at; end -= 3) {
      try {
        decoded = decodeURIComponent(run.slice(at, end));
        at = end;
        break;
      } catch {
        // shorter
      }
    }
    if (decoded === null) {
      out += run.slice(at, at + 3);
      at += 3;
    } else out += decoded;
  }
  return out;
}

/** The id the current (or given) fragment names; '' when there is none. */
export function fragmentId(hash: string = location.hash): string {
  return decodeSafely(hash.startsWith('#') ? hash.slice(1) : hash);
}

/** The element the fragment names, trying the id as decoded and as written (as browsers do). */
export function fragmentTarget(hash: string = location.hash): HTMLElement | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!raw) return null;
  return document.getElementById(fragmentId(hash)) ?? document.getElementById(raw);
}

/** The query's values for `key`, trimmed, non-empty, at most MAX_VALUES of them, each clipped. */
export function queryValues(key: string, search: string = location.search): string[] {
  const out: string[] = [];
  for (const value of new URLSearchParams(search).getAll(key)) {
    const v = clip(value.trim());
    if (v) out.push(v);
    if (out.length >= MAX_VALUES) break;
  }
  return out;
}

/** The query's first value for `key` (trimmed and clipped), or ''. */
export function queryValue(key: string, search: string = location.search): string {
  return clip(new URLSearchParams(search).get(key)?.trim() ?? '');
}

/** Clips to MAX_VALUE_LENGTH code units without splitting a surrogate pair. */
export function clip(value: string): string {
  if (value.length <= MAX_VALUE_LENGTH) return value;
  let end = MAX_VALUE_LENGTH;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return value.slice(0, end);
}
