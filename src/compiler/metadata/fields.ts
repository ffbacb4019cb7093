import { z } from 'zod';

/**
 * Field types shared by meta.yaml, overrides.yaml and the registries. Each states what it
 * accepts in its message, so a positioned `meta/invalid` or `registry/invalid` says how to fix.
 */

/** C0 control characters other than tab and line feed, and DEL: never part of written text. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/u;

/** Text: more than white space, and no control characters (a NUL or an escape is a mistake or an attack). */
export const text = z
  .string()
  .regex(/\S/u, 'expected text, not only white space')
  .refine((s) => !CONTROL.test(s), 'expected text without control characters (U+0000–U+001F other than tab and line feed)');

/** True for a real calendar date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (no 2024-02-31). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC, so no time zone can shift it).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO 8601 date at its real precision: `2023`, `2023-06`, `2023-06-01`, and a real calendar date. */
export const isoDate = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/u, 'expected an ISO date at its precision: YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isCalendarDate, 'expected a real calendar date (month 01–12, a day that month has)');

/** A URL a reader may follow: http or https only (`javascript:`, `data:`, `file:` are refused). */
export const httpUrl = z.httpUrl({ error: 'expected an http(s) URL such as https://www.example.go.kr/…' });

/** Starts like a URL scheme (`javascript:`, `https:`), not like a path or file (`content/…/source.txt:L12`, `source.txt:L12`). */
export const SCHEME = /^[A-Za-z][A-Za-z0-9+-]*:/u;

/** A reference that is either a citation (`content/sources/<id>/source.txt:L12`, a book) or an http(s) URL. */
export const reference = text.refine((s) => !SCHEME.test(s) || httpUrl.safeParse(s).success, 'expected an http(s) URL or a citation; other URL schemes (javascript:, data:, file:) are not allowed');
