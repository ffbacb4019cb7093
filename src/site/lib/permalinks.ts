/**
 * Permanence: the registry of every published URL and anchor (`content/permalinks.txt`) and
 * the redirects that let one move (`content/redirects.yaml`). Pure functions; the build
 * integration (integrations/permalinks.ts) and `npm run permalinks` use them.
 *
 * Registry format: one entry a line, sorted: a page path (`/docs/<id>/`) or a page path with
 * an anchor (`/docs/<id>/#IV-1-2`); consecutive line anchors are written as one range
 * (`/docs/<id>/source/#L1..L3604`). Lines starting with `#` are comments.
 */
import { isScalar, parseDocument } from 'yaml';
import { z } from 'zod';
import { VFile } from 'vfile';
import { parseYaml } from '../../compiler/metadata/yaml.ts';
import { text } from '../../compiler/metadata/fields.ts';
import { formatMessage, report } from '../../compiler/messages.ts';

/** ids that belong to the page furniture, not to the content people cite. */
export const FURNITURE_ID = /^(?:main|copy-status)$|-heading$|^(?:site-search|search-|copy-|cite-|toc-|mention-)/;

/** The ids inside <main> of an HTML page, minus furniture. */
export function anchorsOf(html: string): string[] {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  const body = start >= 0 && end > start ? html.slice(start, end) : html;
  const ids = new Set<string>();
  for (const m of body.matchAll(/\sid="([^"]+)"/g)) {
    const id = decodeEntities(m[1]!);
    if (!FURNITURE_ID.test(id)) ids.add(id);
  }
  return [...ids];
}

function decodeEntities(s: string): string {
  return s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|amp|lt|gt|quot|#39);/gi, (m, dec: string, hex: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" } as Record<string, string>)[m.toLowerCase()] ?? m;
  });
}

/** Sorted entries: every page, and every page#anchor. */
export function entriesOf(pages: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const [page, anchors] of pages) {
    out.push(page);
    for (const a of anchors) out.push(`${page}#${a}`);
  }
  return out.sort(compare);
}

const compare = (a: string, b: string) => {
  // Natural order for line anchors (#L9 before #L10), code-unit order otherwise.
  const ma = /^(.*#L)(\d+)$/.exec(a);
  const mb = /^(.*#L)(\d+)$/.exec(b);
  if (ma && mb && ma[1] === mb[1]) return Number(ma[2]) - Number(mb[2]);
  return a < b ? -1 : a > b ? 1 : 0;
};

/** The registry file's text. */
export function formatRegistry(entries: string[]): string {
  const lines: string[] = [];
  let run: { prefix: string; from: number; to: number } | null = null;
  const flush = () => {
    if (run) lines.push(run.from === run.to ? `${run.prefix}${run.from}` : `${run.prefix}${run.from}..L${run.to}`);
    run = null;
  };
  for (const e of [...entries].sort(compare)) {
    const m = /^(.*#L)(\d+)$/.exec(e);
    if (m) {
      const n = Number(m[2]);
      if (run && run.prefix === m[1] && n === run.to + 1) {
        run.to = n;
        continue;
      }
      flush();
      run = { prefix: m[1]!, from: n, to: n };
      continue;
    }
    flush();
    lines.push(e);
  }
  flush();
  return `${HEADER}${lines.join('\n')}\n`;
}

const HEADER = `# Every published URL and anchor of the site (see README "Permanence").
# The build fails if one of these would disappear, unless content/redirects.yaml moves it.
# Regenerate after adding pages or anchors: npm run permalinks (review the diff; commit it).
`;

/** Entries of a registry file (ranges expanded). */
export function parseRegistry(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const range = /^(.*#L)(\d+)\.\.L(\d+)$/.exec(line);
    if (range) for (let n = Number(range[2]); n <= Number(range[3]); n++) out.push(`${range[1]}${n}`);
    else out.push(line);
  }
  return out;
}

// A path on this site: not `//host/…` or `/\host/…`, which browsers read as another origin.
const path = z.string().regex(/^\/(?![/\\])[^\s#\\]*\/(#[^\s]+)?$/, 'a site path ending in "/", optionally with "#anchor" (not //host/…)');
export const redirectsSchema = z.array(z.object({ from: path, to: path, reason: text }).strict());
export type Redirect = z.infer<typeof redirectsSchema>[number];

/**
 * Reads content/redirects.yaml like every other metadata file (src/compiler/metadata/yaml.ts):
 * each problem is thrown as `file:line:column error … [kb:permalink/redirect-invalid]`.
 */
export function parseRedirects(text: string, file = 'content/redirects.yaml'): Redirect[] {
  // An empty file (or only comments, `~`) declares no redirects.
  const doc = parseDocument(text);
  if (doc.errors.length === 0 && (doc.contents == null || (isScalar(doc.contents) && doc.contents.value == null))) return [];
  const vfile = new VFile({ path: file });
  const data = parseYaml(text, redirectsSchema, vfile, { syntax: 'permalink/redirect-invalid', invalid: 'permalink/redirect-invalid' });
  data?.forEach((r, i) => {
    const [fromPage, fromAnchor] = r.from.split('#');
    const [toPage] = r.to.split('#');
    if (fromAnchor && fromPage !== toPage) {
      const { line, col } = vfile.data.yamlLocate?.([i, 'to']) ?? { line: 1, col: 1 };
      report(vfile, 'permalink/redirect-invalid', `Unexpected redirect ${r.from} → ${r.to}: an anchor can only move within its page (a static page cannot redirect a fragment to another page)`, line, col);
    }
  });
  if (!data || vfile.messages.length > 0) throw new Error(vfile.messages.map(formatMessage).join('\n'));
  return data;
}

export interface PermalinkCheck {
  /** Registered entries that are gone and not redirected. */
  missing: string[];
  /** Current entries not yet registered. */
  unregistered: string[];
  /** Redirects whose target does not exist. */
  brokenRedirects: Redirect[];
}

/** Compares the registry with the built site, given the declared redirects. */
export function checkPermalinks(registry: string[], current: Set<string>, redirects: Redirect[]): PermalinkCheck {
  const moved = new Map(redirects.map((r) => [r.from, r.to]));
  const registered = new Set(registry);
  const missing = registry.filter((e) => {
    if (current.has(e)) return false;
    if (moved.has(e)) return false;
    // A redirected page takes its anchors along: /old/#x goes to /new/ (the browser keeps the
    // fragment on a host redirect; the redirect page itself lands on the new page's top).
    const page = e.includes('#') ? e.slice(0, e.indexOf('#')) : null;
    return !(page && moved.has(page));
  });
  const unregistered = [...current].filter((e) => !registered.has(e)).sort(compare);
  const brokenRedirects = redirects.filter((r) => !current.has(r.to));
  return { missing, unregistered, brokenRedirects };
}

/** The message a build stops with. */
export function missingMessage(check: PermalinkCheck): string {
  const lines = check.missing.slice(0, 40).map((e) => `  ${e}`);
  if (check.missing.length > 40) lines.push(`  … and ${check.missing.length - 40} more`);
  const broken = check.brokenRedirects.map((r) => `  ${r.from} → ${r.to} (target does not exist)`);
  return [
    ...(check.missing.length ? [`${check.missing.length} published URL(s) or anchor(s) would disappear [kb:permalink/removed]:`, ...lines, 'Restore them, or declare where each moved in content/redirects.yaml (from, to, reason).'] : []),
    ...(broken.length ? ['Redirects to pages or anchors that do not exist [kb:permalink/redirect-broken]:', ...broken] : []),
  ].join('\n');
}

/** A static page that sends readers of an old URL to the new one (works on any host). */
export function redirectPage(to: string, absolute: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>옮겨진 페이지 | 클러스터 정책 지식베이스</title>
<link rel="canonical" href="${esc(absolute)}">
<meta http-equiv="refresh" content="0; url=${esc(to)}">
<meta name="robots" content="noindex">
</head>
<body>
<p>이 페이지는 <a href="${esc(to)}">${esc(to)}</a>(으)로 옮겨졌습니다.</p>
</body>
</html>
`;
}
