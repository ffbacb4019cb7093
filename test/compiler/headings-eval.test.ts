import { expect, test } from 'vitest';
import path from 'node:path';
import { runHeadingEval, totals } from '../../scripts/eval-headings.ts';

// Heading gold written from the six corpus-extra documents (test/gold/headings/): the rules
// must keep precision and recall at or above 0.95 on the tuned and on the held-out part.
test('heading precision and recall ≥ 0.95 on the gold, tuned and held-out apart', () => {
  const rows = runHeadingEval(path.resolve(import.meta.dirname, '../..'));
  for (const split of ['tuned', 'held-out'] as const) {
    const t = totals(rows.filter((r) => r.split === split));
    expect({ split, precision: t.precision >= 0.95, recall: t.recall >= 0.95 }).toEqual({ split, precision: true, recall: true });
  }
});
