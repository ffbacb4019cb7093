/**
 * The two host configuration files the build writes into dist/, read as Netlify and Cloudflare
 * Pages read them, so the local server (serve.ts) answers as the real host would:
 * - `_headers` (src/site/integrations/security.ts): a path pattern on its own line, then
 *   indented `Name: value` lines; `! Name` removes a header an earlier rule set (Cloudflare).
 *   Every rule whose pattern matches applies, in order; a header set twice is joined with `, `.
 * - `_redirects` (src/site/integrations/permalinks.ts): `from to [status]` per line, status 301
 *   by default; 3xx redirects, 200 rewrites (serves `to` at the requested URL).
 * Patterns: `*` matches anything (also `/`) and is `:splat` in the target; `:name` matches one
 * path segment. A trailing slash is optional when matching. Rules with query conditions or
 * another host are not used (the site writes none).
 */

export interface HeaderRule {
  pattern: string;
  match: RegExp;
  set: [name: string, value: string][];
  detach: string[];
}

export interface RedirectRule {
  from: string;
  match: RegExp;
  to: string;
  status: number;
}

/** A pattern as a regular expression over the decoded path; `:name` and `*` are capture groups. */
function patternRegExp(pattern: string): RegExp {
  let source = '';
  const named = new Set<string>();
  // Each name is captured once (a regular expression cannot repeat a group name).
  const group = (name: string, body: string) => (named.has(name) ? `(?:${body})` : (named.add(name), `(?<${name}>${body})`));
  for (const part of pattern.replace(/\/+$/, '').split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)) {
    if (part === '*') source += group('splat', '.*');
    else if (part.startsWith(':') && part.length > 1) source += group(part.slice(1), '[^/]+');
    else source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}/?$`, 's');
}

const comment = (line: string) => line.trimStart().startsWith('#');

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim() || comment(line)) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      if (!pattern.startsWith('/')) throw new Error(`_headers:${i + 1}: a rule must start with a path (got "${pattern}")`);
      rules.push({ pattern, match: patternRegExp(pattern), set: [], detach: [] });
      continue;
    }
    const rule = rules[rules.length - 1];
    if (!rule) throw new Error(`_headers:${i + 1}: a header line before any path`);
    const body = line.trim();
    if (body.startsWith('!')) {
      rule.detach.push(body.slice(1).trim().toLowerCase());
      continue;
    }
    const colon = body.indexOf(':');
    if (colon <= 0) throw new Error(`_headers:${i + 1}: expected "Name: value"`);
    rule.set.push([body.slice(0, colon).trim(), body.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers for a (decoded) path: name → value, names as first written. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Map<string, [name: string, value: string]> {
  const out = new Map<string, [string, string]>();
  for (const rule of rules) {
    if (!rule.match.test(pathname)) continue;
    for (const name of rule.detach) out.delete(name);
    for (const [name, value] of rule.set) {
      const key = name.toLowerCase();
      const had = out.get(key);
      out.set(key, had ? [had[0], `${had[1]}, ${value}`] : [name, value]);
    }
  }
  return out;
}

export function parseRedirectsFile(text: string): RedirectRule[] {
  const rules: RedirectRule[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim() || comment(line)) continue;
    const [from, ...rest] = line.trim().split(/\s+/);
    // Query conditions (`key=:value`) and rules for other hosts are not supported: skipped.
    if (!from!.startsWith('/') || rest.some((t) => t.includes('=') && !t.includes('/'))) continue;
    const to = rest[0];
    if (!to) throw new Error(`_redirects:${i + 1}: a rule needs a target`);
    const code = rest[1]?.replace(/!$/, '');
    const status = code ? Number(code) : 301;
    if (!Number.isInteger(status) || ![200, 301, 302, 303, 307, 308].includes(status)) throw new Error(`_redirects:${i + 1}: unsupported status ${rest[1]}`);
    rules.push({ from: from!, match: patternRegExp(from!), to, status });
  }
  return rules;
}

/** The first rule matching a (decoded) path, with its target filled in; null when none does. */
export function redirectFor(rules: readonly RedirectRule[], pathname: string): { to: string; status: number } | null {
  for (const rule of rules) {
    const m = rule.match.exec(pathname);
    if (!m) continue;
    const groups = m.groups ?? {};
    const to = rule.to.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (all, name: string) => (Object.hasOwn(groups, name) ? (groups[name] ?? '') : all));
    return { to, status: rule.status };
  }
  return null;
}
