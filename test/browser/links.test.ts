import { expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';

const dist = path.resolve(import.meta.dirname, '../../dist');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

test('every internal link and anchor in the built site resolves', () => {
  const files = htmlFiles(dist);
  const ids = new Map<string, Set<string>>();
  const pageOf = (file: string) => `/${path.relative(dist, file).replace(/index\.html$/, '')}`;
  for (const f of files) {
    const html = readFileSync(f, 'utf8');
    ids.set(pageOf(f), new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
  }
  const broken: string[] = [];
  for (const f of files) {
    const html = readFileSync(f, 'utf8');
    const from = pageOf(f);
    for (const m of html.matchAll(/\shref="([^"]+)"/g)) {
      const href = m[1]!.replace(/&amp;/g, '&');
      if (/^(?:[a-z]+:|\/\/)/i.test(href)) continue;
      const url = new URL(href, `http://site${from}`);
      const target = url.pathname.endsWith('/') ? url.pathname : url.pathname;
      const file = path.join(dist, decodeURIComponent(target), target.endsWith('/') ? 'index.html' : '');
      if (!existsSync(file)) {
        broken.push(`${from} → ${href} (no page)`);
        continue;
      }
      const frag = decodeURIComponent(url.hash.slice(1));
      if (frag && target.endsWith('/') && !ids.get(decodeURIComponent(target))?.has(frag)) broken.push(`${from} → ${href} (no anchor)`);
    }
  }
  expect(broken.slice(0, 30)).toEqual([]);
  expect(files.length).toBeGreaterThanOrEqual(12);
});
