/**
 * Makes Pagefind's output byte-identical from build to build. Pagefind 1.5.2 writes the
 * values of each filter in hash-map order, which changes from run to run, so the filter files,
 * their names, the metadata file that lists them and `pagefind-entry.json` differ between two
 * builds of the same input (word chunks and fragments do not). This rewrites each filter with
 * its values sorted, names the files by a hash of their content, and updates the metadata and
 * the entry file to match. The CBOR must re-encode to exactly the bytes Pagefind wrote before
 * anything is changed; if Pagefind's format moves, the build stops here with that message.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode, type Cbor } from './cbor.ts';

const SIGNATURE = 'pagefind_dcd';

function read(file: string): Cbor {
  const raw = gunzipSync(readFileSync(file));
  if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error(`${file}: not a Pagefind data file`);
  const body = raw.subarray(SIGNATURE.length);
  const value = decode(body);
  if (Buffer.compare(Buffer.from(encode(value)), body) !== 0) throw new Error(`${file}: Pagefind's file format is not the one normalise.ts knows (CBOR does not re-encode to the same bytes); update src/search/normalise.ts for this Pagefind version`);
  return value;
}

function write(file: string, value: Cbor): void {
  writeFileSync(file, gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), Buffer.from(encode(value))]), { level: 9 }));
}

const hashOf = (value: Cbor, length: number) => createHash('sha256').update(encode(value)).digest('hex').slice(0, length);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Normalises the Pagefind bundle in `dir` (the folder holding pagefind-entry.json). */
export function normalisePagefind(dir: string): void {
  const entryFile = path.join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { hash: string }> };
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaFile = path.join(dir, `pagefind.${info.hash}.pf_meta`);
    const meta = read(metaFile);
    if (!Array.isArray(meta) || !Array.isArray(meta[3])) throw new Error(`${metaFile}: unexpected metadata layout`);
    const filters = meta[3] as [string, string][];
    for (const f of filters) {
      const file = path.join(dir, 'filter', `${f[1]}.pf_filter`);
      const index = read(file) as [string, [string, number[]][]];
      index[1].sort((a, b) => compare(a[0], b[0]));
      const name = `${language}_${hashOf(index, 7)}`;
      rmSync(file);
      write(path.join(dir, 'filter', `${name}.pf_filter`), index);
      f[1] = name;
    }
    filters.sort((a, b) => compare(a[0], b[0]));
    const metaName = `${language}_${hashOf(meta, 10)}`;
    rmSync(metaFile);
    write(path.join(dir, `pagefind.${metaName}.pf_meta`), meta);
    info.hash = metaName;
  }
  const tmp = `${entryFile}.tmp`;
  writeFileSync(tmp, JSON.stringify(entry));
  renameSync(tmp, entryFile);
}
