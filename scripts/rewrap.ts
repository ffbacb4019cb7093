#!/usr/bin/env node
// Re-wraps a clean source the way PDF extraction wraps it (scripts/lib/rewrap.ts) and prints it;
// with --truth, prints every break and whether it was a space instead.
//   node scripts/rewrap.ts <source.txt> [--seed N] [--width COLUMNS] [--header TEXT] [--truth]
import { readFileSync } from 'node:fs';
import { rewrap } from './lib/rewrap.ts';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!file) {
  console.error('usage: node scripts/rewrap.ts <source.txt> [--seed N] [--width COLUMNS] [--header TEXT] [--truth]');
  process.exit(2);
}
const w = rewrap(readFileSync(file, 'utf8').replace(/\r\n?/gu, '\n'), { seed: Number(opt('--seed') ?? 1), width: opt('--width') ? Number(opt('--width')) : undefined, header: opt('--header') });
if (args.includes('--truth')) for (const b of w.breaks) console.log(`${b.space ? 'space' : 'none '} ${b.page ? 'page ' : '     '}${b.left}⏎${b.right}`);
else process.stdout.write(`${w.text}\n`);
