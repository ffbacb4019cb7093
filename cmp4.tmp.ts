// Item 4: compile each original's ingested text and its hand-extracted .txt, compare structure.
import { readFileSync, readdirSync } from 'node:fs';
import { readDocument } from './src/ingest/index.ts';
import { metaYaml, originTsv, renderSource } from './src/ingest/write-source.ts';
import { compileDocument } from './src/compiler/compile.ts';
const d = '/work/shared/corpus-extra/';
const META = 'title: "t"\nkind: other\nissued: "2024"\npublishers: unknown\nauthors: unknown\nsourceUrl: unknown\n';
const stats = (r: any, files: any[]) => r ? `${r.record.stats.headings}h ${r.record.stats.tables}t ${r.record.stats.footnotes}fn ${(r.mdx.match(/<Item /g) ?? []).length}items ${files.flatMap((f: any) => f.messages).filter((m: any) => m.fatal === false).length}w` : 'FAILED';
for (const f of readdirSync(d + 'originals').sort()) {
  const name = f.replace(/\.hwpx?$/, '');
  const doc = await readDocument(f, new Uint8Array(readFileSync(d + 'originals/' + f)));
  const lines = renderSource(doc);
  const a = compileDocument({ id: '2024-a', dir: 'x', source: new TextEncoder().encode(lines.map((l) => l.text).join('\n') + '\n'), meta: metaYaml(doc, f, '0'.repeat(64)), overrides: null, origins: originTsv(lines) });
  const txt = readFileSync(d + name + '.txt', 'utf8').split('\n').slice(4).join('\n');
  const b = compileDocument({ id: '2024-b', dir: 'x', source: new TextEncoder().encode(txt), meta: META, overrides: null });
  console.log(name.padEnd(60), 'ingested:', stats(a.result, a.files), ' | txt:', stats(b.result, b.files));
  if (process.env.W) for (const m of b.files.flatMap((x) => x.messages).filter((m) => m.fatal === false)) console.log('   txt warn', m.ruleId, m.reason.slice(0, 100));
  if (process.env.W) for (const m of a.files.flatMap((x) => x.messages).filter((m) => m.fatal === false)) console.log('   ing warn', m.ruleId, m.reason.slice(0, 100));
}
