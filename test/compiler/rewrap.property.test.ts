/**
 * Invariance under re-wrapping, as a property (issue 11, item 2). fast-check builds clean
 * documents (one block per line: headings, paragraphs, 개조식 items, press-release facts, with
 * or without blank lines between blocks), the re-wrapper (scripts/lib/rewrap.ts) turns each into
 * PDF-extraction-like text with a random seed (random width, breaks inside words and at
 * spaces, page numbers, a running header, fake-bold headings), and both are compiled: the block
 * trees must be the same — headings and anchors, list nesting, paragraphs, footnotes, header
 * facts, measures and dates (white space aside: joins are measured by eval:joins). The real
 * documents are checked by `npm run eval:joins`, which prints every difference.
 *
 * Seeded (SEED) so a failure reproduces; `FC_SEED=<n> FC_RUNS=<factor>` explores further.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { compileText } from '../helpers.ts';
import { rewrap } from '../../scripts/lib/rewrap.ts';
import { blockSignature, outcomes, signatureDiff } from '../../scripts/lib/join-eval.ts';

const SEED = Number(process.env.FC_SEED ?? 20251205);
const RUNS = Math.round(25 * Number(process.env.FC_RUNS ?? 1));

// Words and phrases of Korean policy prose; sentences are built from them.
const NOUNS = ['지역', '혁신', '클러스터', '중소기업', '연구개발', '지원사업', '기술이전', '산업단지', '인력양성', '투자', '규제', '협력', '기반', '정책', '생태계', '대학', '연구기관', '창업', '금융', '인프라'];
const PARTICLES = ['의', '을', '를', '은', '는', '이', '가', '에', '과', '와', '으로', '에서', '도'];
const VERBS = ['확대한다', '추진한다', '강화하였다', '지원한다', '마련하였다', '개선할 계획이다', '검토하고 있다', '활성화한다'];

const word = fc.tuple(fc.constantFrom(...NOUNS), fc.constantFrom(...NOUNS), fc.constantFrom(...PARTICLES), fc.boolean()).map(([a, b, p, compound]) => (compound ? a + b : a) + p);
const sentence = fc.tuple(fc.array(word, { minLength: 4, maxLength: 12 }), fc.constantFrom(...VERBS)).map(([ws, v]) => `${ws.join(' ')} ${v}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((ss) => ss.join(' '));
const phrase = fc.array(word, { minLength: 2, maxLength: 10 }).map((ws) => ws.join(' ').replace(/(?:의|을|를|은|는|이|가|에|과|와|으로|에서|도)$/u, ''));

type Block = { kind: 'heading' | 'para' | 'item'; text: string };
const block = fc.oneof(
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 9 }), phrase).map(([n, t]): Block => ({ kind: 'heading', text: `${n}. ${t.slice(0, 30).trim()}` })) },
  { weight: 3, arbitrary: paragraph.map((text): Block => ({ kind: 'para', text })) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('□', 'ㅇ', '-'), paragraph).map(([m, t]): Block => ({ kind: 'item', text: `${m} ${t}` })) },
);
const documentArb = fc.record({
  blocks: fc.array(block, { minLength: 4, maxLength: 14 }),
  // Blocks separated by blank lines, or paragraphs indented (as in corpus-extra). A text with
  // neither is ambiguous to any reader where a paragraph's last line happens to be full, and is
  // left to eval:joins, which counts such merges.
  blanks: fc.boolean(),
  facts: fc.boolean(),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
});

function cleanText(d: { blocks: Block[]; blanks: boolean; facts: boolean }): string {
  // Headings are numbered in order so anchors are unique and comparable.
  let n = 0;
  const lines = d.blocks.map((b) => (b.kind === 'heading' ? b.text.replace(/^\d+/u, String(++n)) : b.kind === 'para' && !d.blanks ? `  ${b.text}` : b.text));
  if (d.facts) lines.unshift('보도시점 2023. 6. 1.(목) 회의 후 별도 공지 배포 2023. 6. 1.(목) 08:00');
  return `${lines.join(d.blanks ? '\n\n' : '\n')}\n`;
}

describe('compile(doc) and compile(rewrap(doc)) give the same block tree', () => {
  test('on generated documents, with random widths, page chrome and fake-bold headings', () => {
    fc.assert(
      fc.property(documentArb, (d) => {
        const text = cleanText(d);
        const clean = compileText(text);
        expect(clean.result, clean.messages.join('\n')).not.toBeNull();
        const headings = new Set<number>();
        for (const b of clean.result!.tree.children) if (b.type === 'heading') for (let k = b.from; k <= b.to; k++) headings.add(k);
        const w = rewrap(text, { seed: d.seed, headings });
        const wrapped = compileText(w.text);
        expect(wrapped.result, wrapped.messages.join('\n')).not.toBeNull();
        const diff = signatureDiff(blockSignature(clean.result!), blockSignature(wrapped.result!));
        expect(diff, `re-wrapped at ${w.width} columns:\n${w.text}`).toEqual({ missing: [], extra: [] });
        // Nothing the re-wrapper cut is lost or moved to another block.
        const got = outcomes(wrapped.result!.tree, w.breaks);
        expect(got.filter((o) => o === 'lost' || o === 'split' || o === 'other')).toEqual([]);
      }),
      // No shrinking: compiling is slow, and the counterexample prints its re-wrapped text.
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});
