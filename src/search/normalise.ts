/**
 * Makes Pagefind's output byte-identical from build to build. Pagefind 1.5.2 writes the
 * values of each filter in hash-map order, which changes from run to run, so the filter files,
 * their names, the metadata file that lists them and `pagefind-entry.json` differ between two
 * builds of the same input (word chunks and fragments do not). This rewrites each filter with
 * its values sorted, names the files by a hash of their content, and updates the metadata and
 * the entry file to match. The CBOR must re-encode to exactly the bytes Pagefind wrote before
 * anything is changed; if Pagefind's format moves, the build stops here with that message.
 *
 * It works on the bundle in memory (Pagefind's `index.getFiles()`), so nothing reads a file
 * Pagefind may still be writing: `writePagefindBundle` writes each normalised file once.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode, type Cbor } from './cbor.ts';

const SIGNATURE = 'pagefind_dcd';
const ENTRY = 'pagefind-entry.json';

/** One file of a Pagefind bundle: its path inside the bundle folder (`/`-separated) and bytes. */
export interface BundleFile {
  path: string;
  content: Uint8Array;
}

function read(name: string, bytes: Uint8Array): Cbor {
  const raw = gunzipSync(bytes);
  if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error(`${name}: not a Pagefind data file`);
  const body = raw.subarray(SIGNATURE.length);
  const value = decode(body);
  if (Buffer.compare(Buffer.from(encode(value)), body) !== 0) throw new Error(`${name}: Pagefind's file format is not the one normalise.ts knows (CBOR does not re-encode to the same bytes); update src/search/normalise.ts for this Pagefind version`);
  return value;
}

function pack(value: Cbor): Uint8Array {
  return gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), Buffer.from(encode(value))]), { level: 9 });
}

const hashOf = (value: Cbor, length: number) => createHash('sha256').update(encode(value)).digest('hex').slice(0, length);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The normalised bundle: same files, filters sorted and renamed by content, sorted by path. */
export function normalisePagefind(files: readonly BundleFile[]): BundleFile[] {
  const byPath = new Map<string, Uint8Array>();
  for (const f of files) byPath.set(f.path.split(path.sep).join('/'), f.content);
  const take = (name: string): Uint8Array => {
    const bytes = byPath.get(name);
    if (!bytes) throw new Error(`Pagefind's bundle has no ${name}`);
    byPath.delete(name);
    return bytes;
  };
  const entry = JSON.parse(Buffer.from(take(ENTRY)).toString('utf8')) as { languages: Record<string, { hash: string }> };
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaName = `pagefind.${info.hash}.pf_meta`;
    const meta = read(metaName, take(metaName));
    if (!Array.isArray(meta) || !Array.isArray(meta[3])) throw new Error(`${metaName}: unexpected metadata layout`);
    const filters = meta[3] as [string, string][];
    for (const f of filters) {
      const filterName = `filter/${f[1]}.pf_filter`;
      const index = read(filterName, take(filterName)) as [string, [string, number[]][]];
      index[1].sort((a, b) => compare(a[0], b[0]));
      const name = `${language}_${hashOf(index, 7)}`;
      byPath.set(`filter/${name}.pf_filter`, pack(index));
      f[1] = name;
    }
    filters.sort((a, b) => compare(a[0], b[0]));
    const hash = `${language}_${hashOf(meta, 10)}`;
    byPath.set(`pagefind.${hash}.pf_meta`, pack(meta));
    info.hash = hash;
  }
  byPath.set(ENTRY, Buffer.from(JSON.stringify(entry)));
  return [...byPath].map(([p, content]) => ({ path: p, content })).sort((a, b) => compare(a.path, b.path));
}

/** Writes a bundle into `dir` (which should not exist yet or be empty), each file once. */
export function writePagefindBundle(dir: string, files: readonly BundleFile[]): void {
  for (const f of files) {
    const file = path.join(dir, ...f.path.split('/'));
    if (path.relative(dir, file).startsWith('..')) throw new Error(`Pagefind bundle path escapes its folder: ${f.path}`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, f.content);
  }
}
