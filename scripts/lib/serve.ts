/**
 * Serves a built site as its host would (`npm start`, `npm run preview`, the browser tests,
 * search evaluation and benchmarks). Files are served by `sirv` (the static server Vite's own
 * preview uses); around it, what a static host adds:
 * - the headers of the site's generated `_headers` (the Content-Security-Policy and the other
 *   security headers of src/site/integrations/security.ts) on every response they match;
 * - the rules of `_redirects` (redirects, rewrites), before files, as Cloudflare Pages does;
 * - `400 Bad Request` for a path whose percent-encoding is malformed (`/%E0%A4%A`), instead of
 *   an exception; `405` for methods other than GET and HEAD;
 * - a directory without its trailing slash redirects (301) to it (the site's URLs all end in
 *   `/`); `_headers` and `_redirects` themselves are not served;
 * - `404` with the site's `404.html` when it has one.
 * The configuration files are read again when they change, so a rebuild is served as is.
 * `mounts` adds folders at URL prefixes (`/pagefind-plain/` → a temporary baseline index).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { headersFor, parseHeadersFile, parseRedirectsFile, redirectFor, type HeaderRule, type RedirectRule } from './host-files.ts';

export interface Served {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Extra folders served at URL prefixes (`/prefix/` → folder), without the site's headers. */
  mounts?: Record<string, string>;
  port?: number;
  host?: string;
}

/** The files hosts read but never publish. */
const HOST_FILES = new Set(['/_headers', '/_redirects']);

/** A host configuration file, parsed again only when its modification time changes. */
function watched<T>(file: string, parse: (text: string) => T[]): () => T[] {
  let stamp = -1;
  let value: T[] = [];
  return () => {
    const mtime = existsSync(file) ? statSync(file).mtimeMs : 0;
    if (mtime !== stamp) {
      value = mtime ? parse(readFileSync(file, 'utf8')) : [];
      stamp = mtime;
    }
    return value;
  };
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The request handler for `root` (exported for tests that want it without a port). */
export function siteHandler(root: string, mounts: Record<string, string> = {}): (req: IncomingMessage, res: ServerResponse) => void {
  root = path.resolve(root);
  const headerRules = watched<HeaderRule>(path.join(root, '_headers'), parseHeadersFile);
  const redirectRules = watched<RedirectRule>(path.join(root, '_redirects'), parseRedirectsFile);
  const notFound = (req: IncomingMessage, res: ServerResponse) => {
    const page = path.join(root, '404.html');
    if (!existsSync(page)) return plain(res, 404, 'Not Found');
    const body = readFileSync(page);
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  // dev: files are looked up on each request (not listed once at start), so a rebuild shows.
  const files = sirv(root, { dev: true, etag: true, onNoMatch: notFound });
  const mounted = Object.entries(mounts).map(([prefix, dir]) => ({ prefix, files: sirv(path.resolve(dir), { dev: true, etag: true }) }));

  return (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
      const target = req.url ?? '/';
      const queryAt = target.indexOf('?');
      const rawPath = queryAt < 0 ? target : target.slice(0, queryAt);
      const query = queryAt < 0 ? '' : target.slice(queryAt);
      if (!rawPath.startsWith('/')) return plain(res, 400, 'Bad Request: the path must start with /');
      let pathname: string;
      try {
        pathname = decodeURIComponent(rawPath);
      } catch {
        // The site's headers still apply (the rules are matched on the path as sent).
        for (const [name, value] of headersFor(headerRules(), rawPath).values()) res.setHeader(name, value);
        return plain(res, 400, 'Bad Request: malformed percent-encoding in the path');
      }
      if (pathname.includes('\0')) return plain(res, 400, 'Bad Request: NUL in the path');

      for (const m of mounted) {
        if (!pathname.startsWith(m.prefix)) continue;
        req.url = `/${rawPath.slice(m.prefix.length)}${query}`;
        return m.files(req, res, () => plain(res, 404, 'Not Found'));
      }

      for (const [name, value] of headersFor(headerRules(), pathname).values()) res.setHeader(name, value);
      if (HOST_FILES.has(pathname)) return notFound(req, res);

      const rule = redirectFor(redirectRules(), pathname);
      if (rule && rule.status >= 300 && rule.status < 400) {
        res.writeHead(rule.status, { Location: rule.to + (rule.to.includes('?') ? '' : query), 'Content-Length': 0 });
        return void res.end();
      }
      // 200: a rewrite, the target's file at this URL.
      if (rule) req.url = `${encodeURI(rule.to)}${query}`;

      // `/docs/x` → `/docs/x/`, as hosts do for a folder with an index.
      const local = path.join(root, pathname);
      if (!pathname.endsWith('/') && local.startsWith(root + path.sep) && existsSync(path.join(local, 'index.html')) && statSync(local).isDirectory()) {
        // One leading slash: `//host/x` must not become a redirect to another host.
        res.writeHead(301, { Location: `/${rawPath.replace(/^\/+/, '')}/${query}`, 'Content-Length': 0 });
        return void res.end();
      }
      return files(req, res, () => notFound(req, res));
    } catch (error) {
      console.error(error);
      if (!res.headersSent) plain(res, 500, 'Internal Server Error');
      else res.destroy();
    }
  };
}

/** Serves `root` on loopback (a free port unless one is given). */
export async function serve(root: string, options: ServeOptions = {}): Promise<Served> {
  const server = createServer(siteHandler(root, options.mounts));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://${host}:${port}`, server, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
