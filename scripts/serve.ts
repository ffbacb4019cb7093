/**
 * `npm run preview` (and the second half of `npm start`): serves the built site in dist/ as
 * its host would — headers from `_headers` (the CSP), `_redirects`, 400 for malformed URLs,
 * 404 with the site's 404 page (scripts/lib/serve.ts).
 *   node scripts/serve.ts [--port 4321] [--host 127.0.0.1] [folder]
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from './lib/serve.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  options: { port: { type: 'string', default: process.env.PORT ?? '4321' }, host: { type: 'string', default: '127.0.0.1' } },
  allowPositionals: true,
});
const dir = path.resolve(positionals[0] ?? path.join(root, 'dist'));
if (!existsSync(path.join(dir, 'index.html'))) {
  console.error(`${path.relative(process.cwd(), dir) || dir}/ holds no built site: run \`npm run build\` (or \`npm start\`, which builds and serves).`);
  process.exit(1);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port: not a port number: ${values.port}`);
  process.exit(1);
}
const served = await serve(dir, { port, host: values.host });
console.log(`Serving ${path.relative(process.cwd(), dir) || dir}/ at ${served.url}/ (headers from _headers, rules from _redirects). Ctrl+C stops.`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void served.close().then(() => process.exit(0)));
