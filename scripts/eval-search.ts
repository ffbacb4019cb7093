/**
 * `npm run eval:search [-- --fast] [-- --verbose] [-- --independent]`: the search evaluation
 * (scripts/lib/search-eval.ts) over test/search/queries.yaml in headless Chromium, for the site's search and
 * for plain Pagefind over the same built HTML, side by side. Builds the site first when dist/ is missing.
 * `--independent` runs test/search/queries-independent.yaml instead (issue 13) and reports recall@5 and MRR
 * per kind for its held-out and tune sets separately, both engines in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch } from '../test/browser/browser.ts';
import { buildPlainIndex } from '../src/site/integrations/pagefind.ts';
import { serve } from './lib/serve.ts';
import { loadQueries, placeMap, plainResults, score, siteResults, summarize, type Scored } from './lib/search-eval.ts';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const fast = process.argv.includes('--fast');
const verbose = process.argv.includes('--verbose');
const independent = process.argv.includes('--independent');

if (!existsSync(path.join(dist, 'pagefind'))) {
  console.log('dist/ has no search index: building the site…');
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

const plainDir = mkdtempSync(path.join(tmpdir(), 'kb-plain-'));
const pages = await buildPlainIndex(dist, path.join(plainDir, 'pagefind'));
console.log(`plain Pagefind baseline: ${pages} HTML pages indexed as they are`);
const served = await serve(dist, { mounts: { '/pagefind-plain/': path.join(plainDir, 'pagefind') } });
const browser = await launch();
const places = placeMap(path.join(root, 'src', 'generated'));
// `--q <text>` (repeatable): only those queries, to look at their results with --verbose.
const only = process.argv.flatMap((a, i) => (a === '--q' ? [process.argv[i + 1]!] : []));
const queries = (independent ? loadQueries(root, 'queries-independent.yaml') : loadQueries(root).filter((q) => !fast || q.fast)).filter((q) => !only.length || only.includes(q.q));

const site: Scored[] = [];
const plain: Scored[] = [];
try {
  const page = await browser.newPage();
  const plainPage = await browser.newPage();
  for (const q of queries) {
    const ours = score(q, await siteResults(page, served.url, q.q), places);
    const base = score(q, await plainResults(plainPage, served.url, q.q), places);
    site.push(ours);
    plain.push(base);
    if (verbose || (q.expect !== 'none' && (ours.rank === null || ours.rank > 5)) || (q.expect === 'none' && !ours.empty)) {
      console.log(`  ${q.kind.padEnd(12)} ${q.q.padEnd(16)} site ${ours.rank ?? (q.expect === 'none' ? (ours.empty ? 'empty' : `${ours.urls.length} results`) : '-')}  plain ${base.rank ?? (q.expect === 'none' ? (base.empty ? 'empty' : `${base.urls.length} results`) : '-')}`);
      if (verbose || ours.rank === null) for (const u of ours.urls.slice(0, 5)) console.log(`      ${decodeURIComponent(u.replace(/\?[^#]*/, ''))}`);
    }
  }
} finally {
  await browser.close();
  await served.close();
  rmSync(plainDir, { recursive: true, force: true });
}

if (independent) {
  // Per set, per kind: this site's search and plain Pagefind, from the same run.
  const pct2 = (x: number) => (Number.isNaN(x) ? '   –' : x.toFixed(2).padStart(4));
  for (const set of ['held-out', 'tune'] as const) {
    const a = summarize(site.filter((s) => s.query.set === set));
    const b = summarize(plain.filter((s) => s.query.set === set));
    console.log(`\n${set}: ${site.filter((s) => s.query.set === set).length} queries`);
    console.log('kind              n   site R@5  MRR   plain R@5  MRR');
    for (const kind of Object.keys(a.byKind)) {
      const x = a.byKind[kind]!;
      const y = b.byKind[kind]!;
      console.log(`${kind.padEnd(16)} ${String(x.n).padStart(2)}   ${pct2(x.recallAt5)}     ${pct2(x.mrr)}   ${pct2(y.recallAt5)}      ${pct2(y.mrr)}`);
    }
    const n = site.filter((s) => s.query.set === set && s.query.expect !== 'none').length;
    console.log(`${'all (not none)'.padEnd(16)} ${String(n).padStart(2)}   ${pct2(a.recallAt5)}     ${pct2(a.mrr)}   ${pct2(b.recallAt5)}      ${pct2(b.mrr)}`);
    console.log(`must-return-nothing: site ${a.none[0]}/${a.none[1]} empty, plain ${b.none[0]}/${b.none[1]} empty`);
  }
  console.log('\n(none rows: R@5 column = share returned empty.) Goal on held-out: recall@5 ≥ 0.95 and MRR ≥ 0.85 per kind.');
  process.exit(0);
}

const a = summarize(site);
const b = summarize(plain);
const pct = (x: number) => (Number.isNaN(x) ? '   –' : x.toFixed(2).padStart(4));
console.log(`\n${queries.length} queries${fast ? ' (fast set)' : ''}\n`);
console.log('kind           n   site R@5  MRR   plain R@5  MRR');
for (const kind of Object.keys(a.byKind)) {
  const x = a.byKind[kind]!;
  const y = b.byKind[kind]!;
  console.log(`${kind.padEnd(13)} ${String(x.n).padStart(2)}   ${pct(x.recallAt5)}     ${pct(x.mrr)}   ${pct(y.recallAt5)}      ${pct(y.mrr)}`);
}
console.log(`\nall           ${String(site.filter((s) => s.query.expect !== 'none').length).padStart(2)}   ${pct(a.recallAt5)}     ${pct(a.mrr)}   ${pct(b.recallAt5)}      ${pct(b.mrr)}`);
console.log(`must-return-nothing: site ${a.none[0]}/${a.none[1]} empty, plain ${b.none[0]}/${b.none[1]} empty`);
console.log(`recall@5 ratio site/plain: ${b.recallAt5 ? (a.recallAt5 / b.recallAt5).toFixed(2) : '∞'}× (goal ≥ 0.90 and ≥ 1.5×)`);
const ok = a.recallAt5 >= 0.9 && (b.recallAt5 === 0 || a.recallAt5 / b.recallAt5 >= 1.5) && a.none[0] === a.none[1];
console.log(ok ? 'goals met' : 'goals NOT met');
process.exitCode = ok ? 0 : 1;
