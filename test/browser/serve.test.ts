/**
 * The built site as `npm run preview` (and these tests) serve it: the headers of the generated
 * `_headers` on HTML responses, 400 for a malformed URL, 404 for a missing page, folder slashes.
 * (The server's own rules are tested on a fixture folder in test/site/serve.test.ts.)
 */
import { describe, expect, inject, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dist } from './global-setup.ts';
import { headersFor, parseHeadersFile } from '../../scripts/lib/host-files.ts';

const base = inject('baseUrl');
const doc = '2023-delco-global-cluster-plan-summary';

describe('serving dist/ as the host would', () => {
  test('HTML pages carry the Content-Security-Policy and the other headers of dist/_headers', async () => {
    const rules = parseHeadersFile(readFileSync(path.join(dist, '_headers'), 'utf8'));
    for (const pathname of ['/', `/docs/${doc}/`, `/docs/${doc}/source/`, '/search/', '/timeline/']) {
      const response = await fetch(`${base}${pathname}`);
      expect(response.status, pathname).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const expected = headersFor(rules, pathname);
      expect(expected.has('content-security-policy'), `_headers has a CSP for ${pathname}`).toBe(true);
      for (const [name, value] of expected.values()) expect(response.headers.get(name), `${pathname} ${name}`).toBe(value);
    }
  });

  test('a malformed URL is 400, a missing page 404, a folder without its slash 301; _headers is not published', async () => {
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${base}/docs/%/`)).status).toBe(400);
    expect((await fetch(`${base}/no-such-page/`)).status).toBe(404);
    expect((await fetch(`${base}/docs/no-such-document/`)).status).toBe(404);
    expect((await fetch(`${base}/_headers`)).status).toBe(404);
    const folder = await fetch(`${base}/docs/${doc}`, { redirect: 'manual' });
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe(`/docs/${doc}/`);
    // The query is the page's business, not the server's: a bad escape there still serves the page.
    expect((await fetch(`${base}/search/?q=%`)).status).toBe(200);
  });
});
