import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { headersFor, parseHeadersFile, parseRedirectsFile, redirectFor } from '../../scripts/lib/host-files.ts';
import { serve, type Served } from '../../scripts/lib/serve.ts';

const HEADERS = `# comment
/*
  Content-Security-Policy: default-src 'self'
  X-Content-Type-Options: nosniff
/docs/*
  Link: </a.css>; rel=preload
/docs/:id/source/
  ! X-Content-Type-Options
  Link: </b.css>; rel=preload
`;
const REDIRECTS = `# Generated
/docs/old/ /docs/new/ 301
/old-section/* /docs/:splat 302
/rewrite/ /docs/new/ 200
`;

describe('_headers and _redirects, read as hosts read them', () => {
  test('every matching rule applies, in order; repeated headers are joined; `!` removes', () => {
    const rules = parseHeadersFile(HEADERS);
    expect(Object.fromEntries([...headersFor(rules, '/').values()])).toEqual({ 'Content-Security-Policy': "default-src 'self'", 'X-Content-Type-Options': 'nosniff' });
    expect(headersFor(rules, '/docs/x/').get('link')?.[1]).toBe('</a.css>; rel=preload');
    const source = headersFor(rules, '/docs/x/source/');
    expect(source.get('link')?.[1]).toBe('</a.css>; rel=preload, </b.css>; rel=preload');
    expect(source.has('x-content-type-options')).toBe(false);
    expect(() => parseHeadersFile('  X: y\n')).toThrow(/_headers:1/);
  });

  test('redirects: trailing slash optional, splats and placeholders filled in', () => {
    const rules = parseRedirectsFile(REDIRECTS);
    expect(redirectFor(rules, '/docs/old')).toEqual({ to: '/docs/new/', status: 301 });
    expect(redirectFor(rules, '/old-section/a/b/')).toEqual({ to: '/docs/a/b/', status: 302 });
    expect(redirectFor(rules, '/docs/new/')).toBeNull();
    expect(() => parseRedirectsFile('/a /b 999\n')).toThrow(/_redirects:1/);
  });
});

describe('the local server answers as the host would', () => {
  let outside: string;
  let dir: string;
  let served: Served;
  beforeAll(async () => {
    // A secret beside the served folder: no path may reach it.
    outside = mkdtempSync(path.join(tmpdir(), 'kb-serve-'));
    writeFileSync(path.join(outside, 'secret.txt'), 'SECRET');
    dir = path.join(outside, 'site');
    const page = (p: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      writeFileSync(path.join(dir, p), text);
    };
    page('index.html', '<!doctype html><title>home</title>');
    page('docs/new/index.html', '<!doctype html><title>new</title>');
    page('docs/x/source/index.html', '<!doctype html><title>source</title>');
    page('404.html', '<!doctype html><title>없음</title>');
    page('_headers', HEADERS);
    page('_redirects', REDIRECTS);
    served = await serve(dir);
  });
  afterAll(async () => {
    await served.close();
    rmSync(outside, { recursive: true, force: true });
  });

  /** A raw request (fetch would normalise the path before sending it). */
  const get = (rawPath: string, method = 'GET') =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
      const req = request(`${served.url}/`, { method, path: rawPath }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });

  test('HTML pages carry the headers of _headers', async () => {
    const r = await get('/docs/x/source/');
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toBe("default-src 'self'");
    expect(r.headers['link']).toContain('</b.css>');
    expect(r.headers['content-type']).toMatch(/^text\/html/);
  });

  test('a malformed percent-encoding is 400, with the site headers, and the server keeps serving', async () => {
    for (const bad of ['/%E0%A4%A', '/%', '/docs/%ZZ/', '/%ED%A0%80']) {
      const r = await get(bad);
      expect(r.status, bad).toBe(400);
      expect(r.headers['content-security-policy']).toBe("default-src 'self'");
    }
    expect((await get('/')).status).toBe(200);
  });

  test('missing pages are 404 with the site 404 page; host files are not published; paths cannot leave the folder', async () => {
    for (const missing of ['/nope/', '/_headers', '/_redirects', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/docs/%00/']) {
      const r = await get(missing);
      expect(r.status === 404 || r.status === 400, missing).toBe(true);
      if (r.status === 404) expect(r.body).toContain('없음');
    }
  });

  test('redirects, rewrites, folder slashes and methods', async () => {
    expect(await get('/docs/old/?q=1')).toMatchObject({ status: 301, headers: { location: '/docs/new/?q=1' } });
    expect(await get('/old-section/new/')).toMatchObject({ status: 302, headers: { location: '/docs/new/' } });
    const rewritten = await get('/rewrite/');
    expect(rewritten.status).toBe(200);
    expect(rewritten.body).toContain('<title>new</title>');
    expect(await get('/docs/new')).toMatchObject({ status: 301, headers: { location: '/docs/new/' } });
    expect(await get('//docs/new')).toMatchObject({ status: 301, headers: { location: '/docs/new/' } });
    expect((await get('/', 'POST')).status).toBe(405);
    expect((await get('/', 'HEAD')).status).toBe(200);
  });

  /** Bytes on the wire: whatever request line a client sends, not what an HTTP library would allow. */
  const raw = (target: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const url = new URL(served.url);
      const socket = connect(Number(url.port), url.hostname);
      const chunks: Buffer[] = [];
      socket.on('data', (c) => chunks.push(c));
      socket.on('end', () => {
        const text = Buffer.concat(chunks).toString('latin1');
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
      });
      socket.on('error', reject);
      socket.write(Buffer.from(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`, 'utf8'));
    });

  test('random request paths (fast-check): never a server error, never a file outside the folder', async () => {
    const piece = fc.constantFrom('/', '//', '..', '%2e', '%2E%2E', '%2f', '%5c', '\\', '%', '%E0%A4%A', '%ED%A0%80', '%00', '%20', '?', '#', 'docs', 'new', 'secret.txt', 'site', 'index.html', '_headers', '규제', '%EA%B7%9C', ';', '*', ':splat', '~');
    const target = fc.array(piece, { maxLength: 10 }).map((parts) => `/${parts.join('')}`);
    await fc.assert(
      fc.asyncProperty(target, async (t) => {
        const r = await raw(t);
        expect([200, 301, 302, 400, 404], `${t} → ${r.status}`).toContain(r.status);
        expect(r.text).not.toContain('SECRET');
      }),
      { seed: 7, numRuns: 300 },
    );
    expect((await raw('/../secret.txt')).text).not.toContain('SECRET');
  });
});
