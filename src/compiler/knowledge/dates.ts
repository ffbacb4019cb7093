/**
 * Korean date expressions (korean-conventions.md) normalised to `{ start, end?, precision }`
 * with ISO strings at their precision (`2023`, `2023-06`, `2023-06-01`). Two-digit years are
 * resolved from the document's year: `'98` in a 2002 text is 1998, `'27` in a 2023 text 2027.
 */
export type Precision = 'day' | 'month' | 'quarter' | 'half' | 'year';
export interface NormalDate {
  start: string;
  end?: string;
  precision: Precision;
}
export type DateKind = 'announcement' | 'target' | 'event' | 'enactment' | 'period';
export interface DateMention {
  start: number;
  end: number;
  text: string;
  date: NormalDate;
  /** Set for open ranges: `'24~` (from) or `~'25` (until). */
  open?: 'from' | 'until';
  kind: DateKind;
}

const Q = `['‘’\`]`; // apostrophes used for two-digit years
const YY = `${Q}(\\d{2})`;
const YYYY = `((?:19|20)\\d{2})`;

const pad = (n: number) => String(n).padStart(2, '0');

export function resolveYear(two: string, docYear: number | null): number {
  const n = Number(two);
  const ref = docYear ?? 2000;
  const century = Math.floor(ref / 100) * 100;
  // Up to ten years ahead of the document is a plan horizon; beyond that, the last century.
  const candidate = century + n;
  return candidate > ref + 10 ? candidate - 100 : candidate;
}

function month(year: number, m: number): NormalDate {
  return { start: `${year}-${pad(m)}`, precision: 'month' };
}
function day(year: number, m: number, d: number): NormalDate {
  return { start: `${year}-${pad(m)}-${pad(d)}`, precision: 'day' };
}
function half(year: number, second: boolean): NormalDate {
  return second ? { start: `${year}-07`, end: `${year}-12`, precision: 'half' } : { start: `${year}-01`, end: `${year}-06`, precision: 'half' };
}
function quarter(year: number, q: number): NormalDate {
  return { start: `${year}-${pad(q * 3 - 2)}`, end: `${year}-${pad(q * 3)}`, precision: 'quarter' };
}
function year(y: number): NormalDate {
  return { start: String(y), precision: 'year' };
}

interface Rule {
  re: RegExp;
  build: (m: RegExpExecArray, docYear: number | null) => { date: NormalDate; open?: 'from' | 'until' } | null;
}

const validDay = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31;

// Ordered: the longest, most specific forms first; a position is claimed once.
const RULES: Rule[] = [
  // Periods: '04~'08, ('04 → '08), 2004~2008, '05 → '09
  {
    re: new RegExp(`(?:${YY}|${YYYY})\\s*(?:~|～|→|-)\\s*(?:${YY}|${YYYY})(?![\\d.])`, 'gu'),
    build: (m, y) => {
      const a = m[1] ? resolveYear(m[1], y) : Number(m[2]);
      const b = m[3] ? resolveYear(m[3], y) : Number(m[4]);
      return b > a ? { date: { start: String(a), end: String(b), precision: 'year' } } : null;
    },
  },
  // ISO days and months: 2002-11-01, 2023-06
  {
    re: /(?<![\d-])((?:19|20)\d{2})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?(?![\d-])/gu,
    build: (m) => ({ date: m[3] ? day(Number(m[1]), Number(m[2]), Number(m[3])) : month(Number(m[1]), Number(m[2])) }),
  },
  // Full days: 2023. 6. 1.(목), 2023.06.01., 2023년 6월 1일
  {
    re: new RegExp(`${YYYY}\\s*[.년]\\s*(\\d{1,2})\\s*[.월]\\s*(\\d{1,2})(?:\\s*[.일])?(?:\\s*\\([월화수목금토일]\\))?`, 'gu'),
    build: (m) => (validDay(Number(m[2]), Number(m[3])) ? { date: day(Number(m[1]), Number(m[2]), Number(m[3])) } : null),
  },
  // Two-digit year with month and day: ’23. 6. 1(목)
  {
    re: new RegExp(`${YY}\\.\\s*(\\d{1,2})\\.\\s*(\\d{1,2})(?:\\s*\\([월화수목금토일]\\))?`, 'gu'),
    build: (m, y) => (validDay(Number(m[2]), Number(m[3])) ? { date: day(resolveYear(m[1]!, y), Number(m[2]), Number(m[3])) } : null),
  },
  // Halves: ’23.下, ’23.上, 2023년 하반기
  {
    re: new RegExp(`(?:${YY}\\.?\\s*|${YYYY}년?\\s*)(下|上|하반기|상반기)`, 'gu'),
    build: (m, y) => ({ date: half(m[1] ? resolveYear(m[1], y) : Number(m[2]), m[3] === '下' || m[3] === '하반기') }),
  },
  // Quarters: ’23.2Q, 2023년 2분기, ‘24.2Q
  {
    re: new RegExp(`(?:${YY}\\.?\\s*|${YYYY}년?\\s*)([1-4])\\s*(?:Q|분기)`, 'gu'),
    build: (m, y) => ({ date: quarter(m[1] ? resolveYear(m[1], y) : Number(m[2]), Number(m[3])) }),
  },
  // Year and month: ’23.6월, ‘23.4, (’23.10.), '10.2월, 2023년 6월, 2023.06
  {
    re: new RegExp(`(?:${YY}|${YYYY})\\s*[.년]\\s*(\\d{1,2})(?:\\s*월|\\.)?(?![\\d%])`, 'gu'),
    build: (m, y) => {
      const mo = Number(m[3]);
      if (mo < 1 || mo > 12) return null;
      return { date: month(m[1] ? resolveYear(m[1], y) : Number(m[2]), mo) };
    },
  },
  // Open ranges: (’24~), ’24년~ / ~’25, (~’26년)
  {
    re: new RegExp(`${YY}년?\\s*(?:~|～)(?![\\s]*${Q})`, 'gu'),
    build: (m, y) => ({ date: year(resolveYear(m[1]!, y)), open: 'from' }),
  },
  {
    re: new RegExp(`(?:~|～)\\s*${YY}년?`, 'gu'),
    build: (m, y) => ({ date: year(resolveYear(m[1]!, y)), open: 'until' }),
  },
  // Years: ’23, ’23년, 2023년, (2005)
  {
    re: new RegExp(`${YY}년?(?![\\d.])|${YYYY}년`, 'gu'),
    build: (m, y) => ({ date: year(m[1] ? resolveYear(m[1], y) : Number(m[2])) }),
  },
  // Month and day with the year from context: 6.1(목), 4.20, (4.21)
  {
    re: /(?<![\d.'‘’])(\d{1,2})\.(\d{1,2})(?:\s*\([월화수목금토일]\)|(?=\)))/gu,
    build: (m, y) => (y && validDay(Number(m[1]), Number(m[2])) ? { date: day(y, Number(m[1]), Number(m[2])) } : null),
  },
  // Years relative to the document: 올해, 금년, 지난해, 작년, 내년, 올해부터 …
  {
    re: /(?<![가-힣])(올해|금년|지난해|작년|전년|내년|명년)(?=부터|까지|에|의|는|도|\s|$|[,.)])/gu,
    build: (m, y) => (y ? { date: year(y + ({ 지난해: -1, 작년: -1, 전년: -1, 내년: 1, 명년: 1 } as Record<string, number>)[m[1]!]! || y) } : null),
  },
  // A month alone takes the document's year: 지난 4월, 4월부터
  {
    re: /(?<![\d.'‘’~])(1[0-2]|[1-9])월(?![가-힣\d])|(?<![\d.'‘’~])(1[0-2]|[1-9])월(?=부터|까지|중|말|초|에)/gu,
    build: (m, y) => (y ? { date: month(y, Number(m[1] ?? m[2])) } : null),
  },
];

const TAIL = /\s*(?:~|～)(?!\s*[‘’'`]?\d)|\s*까지|부터/uy;

function overlaps(taken: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (taken[k]) return true;
  return false;
}

/** Finds and normalises every date expression in a text. */
export function findDates(text: string, docYear: number | null): DateMention[] {
  // Characters already claimed by an earlier rule's match (a mask, not a list of ranges, so
  // checking a match costs its own length, not the number of dates before it).
  let taken: Uint8Array | null = null;
  const out: DateMention[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (taken && overlaps(taken, start, end)) continue;
      const built = rule.build(m as RegExpExecArray, docYear);
      if (!built) continue;
      // `’23.7월~` and `올해부터` run from that date on; `’26년까지` runs until it.
      let last = end;
      let open = built.open;
      // Sticky at the match's end (slicing the rest of the text each time was quadratic).
      TAIL.lastIndex = end;
      const tail = TAIL.exec(text);
      if (!open && tail) {
        open = tail[0].includes('까지') ? 'until' : 'from';
        last = end + tail[0].length;
      }
      taken ??= new Uint8Array(text.length);
      taken.fill(1, start, last);
      out.push({ start, end: last, text: text.slice(start, last), ...built, ...(open ? { open } : {}), kind: 'event' });
    }
  }
  out.sort((a, b) => a.start - b.start);
  classify(text, out);
  return out;
}

/**
 * Target paths (`(’23) 22% → (‘24) 30% → (’27) 40%`) give one dated target per step;
 * amendments and enactments (`「…」 개정(’23.下)`) are enactments; ranges are periods;
 * future dates after 목표/까지/조성/추진 are targets; the rest are events.
 */
function classify(text: string, dates: DateMention[]) {
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i]!;
    const before = text.slice(Math.max(0, d.start - 30), d.start);
    const after = text.slice(d.end, d.end + 12);
    if (d.date.end && d.date.precision === 'year') d.kind = 'period';
    else if (/^\)?\s*\d[\d.,]*\s*%?\s*(?:→|$)|^\)\s*\d[\d.,]*\s*%/u.test(after) || /→\s*\(?$/u.test(before)) d.kind = 'target';
    else if (/(?:개정|제정|시행|도입|신설|고시)\s*\(?\s*$/u.test(before) || /」\s*(?:개정|제정|시행)/u.test(before.slice(-15) + after)) d.kind = 'enactment';
    else if (d.open === 'until' || /(?:목표|까지)/u.test(after)) d.kind = 'target';
    else if (d.open === 'from') d.kind = 'period';
  }
}
