/**
 * Permanence, at the end of every build (`astro:build:done`):
 * 1. the redirects of `content/redirects.yaml` become real files — a page at each moved page's
 *    old path (canonical link, meta refresh, a link), an anchor element with the old id next
 *    to the new one for anchors moved within a page, and `_redirects` (Netlify / Cloudflare
 *    Pages syntax) for hosts that redirect on the server;
 * 2. every URL and anchor of `content/permalinks.txt` must still resolve, directly or through
 *    a redirect: otherwise the build stops and names them ([kb:permalink/removed]);
 * 3. URLs and anchors not yet in the registry are reported; `npm run permalinks` adds them.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { anchorsOf, checkPermalinks, entriesOf, missingMessage, parseRedirects, parseRegistry, redirectPage, type Redirect } from '../lib/permalinks.ts';

export const REGISTRY = 'content/permalinks.txt';
export const REDIRECTS = 'content/redirects.yaml';

/** Every HTML page of a built site: `/docs/<id>/` → its anchors. */
export function scanSite(dist: string): Map<string, string[]> {
  const pages = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === 'index.html') {
        const rel = path.relative(dist, dir).split(path.sep).join('/');
        pages.set(rel ? `/${rel}/` : '/', anchorsOf(readFileSync(p, 'utf8')));
      }
    }
  };
  walk(dist);
  return pages;
}

export function readRedirects(root: string): Redirect[] {
  const file = path.join(root, REDIRECTS);
  return existsSync(file) ? parseRedirects(readFileSync(file, 'utf8'), REDIRECTS) : [];
}

export function readRegistry(root: string): string[] | null {
  const file = path.join(root, REGISTRY);
  return existsSync(file) ? parseRegistry(readFileSync(file, 'utf8')) : null;
}

/** Writes the redirect files into the built site. */
export function applyRedirects(dist: string, redirects: Redirect[], site: string): void {
  const hostRules: string[] = [];
  for (const r of redirects) {
    const [fromPage, fromAnchor] = r.from.split('#') as [string, string | undefined];
    const [toPage, toAnchor] = r.to.split('#') as [string, string | undefined];
    const fromFile = path.join(dist, fromPage, 'index.html');
    if (!fromAnchor) {
      if (existsSync(fromFile) && !readFileSync(fromFile, 'utf8').includes('http-equiv="refresh"')) throw new Error(`${REDIRECTS}: ${r.from} still exists; a redirect would hide it [kb:permalink/redirect-invalid]`);
      mkdirSync(path.dirname(fromFile), { recursive: true });
      writeFileSync(fromFile, redirectPage(r.to, new URL(r.to, site).href));
      hostRules.push(`${fromPage} ${r.to} 301`);
      continue;
    }
    // An anchor moved within its page: the old id goes right before the new target.
    const html = readFileSync(path.join(dist, toPage, 'index.html'), 'utf8');
    if (html.includes(` id="${fromAnchor}"`)) continue;
    const marker = `<a id="${fromAnchor}" class="moved-anchor" aria-hidden="true" tabindex="-1"></a>`;
    const at = toAnchor ? html.search(new RegExp(`<[a-zA-Z][^>]*\\sid="${toAnchor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`)) : html.indexOf('<main');
    if (at < 0) throw new Error(`${REDIRECTS}: ${r.to} does not exist [kb:permalink/redirect-broken]`);
    const insertAt = toAnchor ? at : html.indexOf('>', at) + 1;
    writeFileSync(path.join(dist, toPage, 'index.html'), html.slice(0, insertAt) + marker + html.slice(insertAt));
  }
  writeFileSync(path.join(dist, '_redirects'), `# Generated from ${REDIRECTS} (Netlify / Cloudflare Pages syntax); every old path also has a redirect page.\n${hostRules.join('\n')}${hostRules.length ? '\n' : ''}`);
}

export default function permalinksIntegration(): AstroIntegration {
  let root = '';
  let site = '';
  return {
    name: 'cluster-kb:permalinks',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        site = config.site ?? 'http://localhost/';
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const redirects = readRedirects(root);
        applyRedirects(dist, redirects, site);
        const current = new Set(entriesOf(scanSite(dist)));
        const registry = readRegistry(root);
        if (!registry) {
          logger.warn(`${REGISTRY} does not exist yet: run npm run permalinks to create it.`);
          return;
        }
        const check = checkPermalinks(registry, current, redirects);
        if (check.missing.length || check.brokenRedirects.length) throw new Error(missingMessage(check));
        if (check.unregistered.length) logger.warn(`${check.unregistered.length} new URL(s)/anchor(s) not yet in ${REGISTRY} (e.g. ${check.unregistered.slice(0, 3).join(', ')}): run npm run permalinks and commit it.`);
        else logger.info(`${registry.length} registered URLs and anchors all resolve.`);
      },
    },
  };
}
