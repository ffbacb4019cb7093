/**
 * Property-based tests (fast-check): random and adversarial text goes through the whole
 * compiler (src/compiler/compile.ts, with the real registries so mentions are exercised), and
 * every generated document must satisfy four invariants:
 *
 *   1. no crash: compileDocument returns a result, or fails only with positioned messages
 *      (file, line, a rule id of src/compiler/rules.ts) for input it cannot accept
 *      (source/empty, source/binary, two captions with one number: check/anchor-duplicate) —
 *      never an exception, never a check/coverage or check/roundtrip failure;
 *   2. the output builds: the MDX parses back with the compiler's own MDX parser (fromMdx,
 *      micromark mdxjs + gfm), its frontmatter is YAML, and the parsed tree's text digest is the
 *      one the frontmatter carries (what the site's remark-verify-text checks);
 *   3. text is preserved: the reader-visible text of the parsed MDX (textStream) is, as a
 *      multiset of characters, exactly the normalised source minus the documented artifacts
 *      (the ranges recorded per rule, footnote markers) plus the documented substitutes (■ for a
 *      PUA glyph, · for a middle-dot variant, synthetic headings), and the removed counts agree
 *      with record.stats.removed. Order is not compared: footnote bodies move to the end and a
 *      paragraph interrupted by a table is rejoined before it, both on purpose;
 *   4. no injection: the parsed MDX tree holds only the node types the compiler emits, only its
 *      own JSX components (read from emit-mdast.ts) with literal string attributes, no ESM, no
 *      expressions, no raw HTML, in-page links only, no `javascript:` in any attribute that is not
 *      reader-visible source text — and its structure (every non-text node with its attributes)
 *      is exactly the tree the compiler built, so no source text turned into markup.
 *
 * Runs are seeded (SEED) so a failure reproduces; fast-check prints the counterexample and the
 * path to replay it ({ seed, path }). `FC_SEED=<n> FC_RUNS=<factor> npx vitest run
 * test/compiler/property.test.ts` explores other inputs.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYamlText } from 'yaml';
import type { Nodes, Root, RootContent } from 'mdast';
import type { VFileMessage } from 'vfile-message';
import { compileDocument, type CompiledDocument } from '../../src/compiler/compile.ts';
import { fromMdx, textDigest, textStream } from '../../src/compiler/emit/serialize.ts';
import { emitMdast, TEXT_ATTRIBUTES } from '../../src/compiler/emit/emit-mdast.ts';
import { RULES } from '../../src/compiler/rules.ts';
import { CAPTION } from '../../src/compiler/plugins/detect-captions.ts';
import { formatMessage } from '../../src/compiler/messages.ts';
import { loadRegistry } from '../../src/compiler/knowledge/registry.ts';
import { knowledgeOf, type Knowledge } from '../../src/compiler/knowledge/knowledge.ts';
import type { Block, Inline } from '../../src/compiler/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Fixed so a failure reproduces; FC_SEED=<n> and FC_RUNS=<factor> explore further.
const SEED = Number(process.env.FC_SEED ?? 20230601);
const FACTOR = Number(process.env.FC_RUNS ?? 1);
const RUNS = { small: Math.round(60 * FACTOR), medium: Math.round(150 * FACTOR), large: Math.round(250 * FACTOR) };
const ID = '2023-06-01-property-doc';
const DIR = `content/sources/${ID}`;
// The shape of content/sources/*/meta.yaml (schema: src/compiler/metadata/schema.ts).
const META = [
  'title: "업종규제 완화 및 글로벌 협력지구(클러스터) 조성 (속성 시험)"',
  'kind: press-release',
  'issued: "2023-06-01"',
  'publishers: [기획재정부]',
  'authors: unknown',
  'sourceUrl: unknown',
  '',
].join('\n');

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = knowledgeOf(await loadRegistry(ROOT));
});

/** The compiler's own MDX components, read from the emitter so the list cannot drift. */
const EMITTER = readFileSync(path.join(ROOT, 'src/compiler/emit/emit-mdast.ts'), 'utf8');
const COMPONENTS = new Set([...EMITTER.matchAll(/\bflow\('(\w+)'|\bname: '(\w+)'/gu)].map((m) => m[1] ?? m[2]!));
/** Attributes whose values are source text rendered as text by the components (Figure's title too). */
const SOURCE_TEXT_ATTRIBUTES = new Set([...TEXT_ATTRIBUTES, 'title']);
/** mdast node types the emitter produces; anything else in the parsed MDX came from source text. */
const NODE_TYPES = new Set(['root', 'paragraph', 'text', 'heading', 'table', 'tableRow', 'tableCell', 'code', 'link', 'footnoteReference', 'footnoteDefinition', 'mdxJsxFlowElement', 'mdxJsxTextElement']);

// ───────────────────────────── the invariants ─────────────────────────────

const encoder = new TextEncoder();

function compileBytes(bytes: Uint8Array): { result: CompiledDocument | null; messages: VFileMessage[] } {
  let out: ReturnType<typeof compileDocument>;
  try {
    out = compileDocument({ id: ID, dir: DIR, source: bytes, meta: META, overrides: null }, { knowledge });
  } catch (e) {
    throw new Error(`property 1 (no crash): compileDocument threw instead of reporting a positioned message:\n${(e as Error).stack}`);
  }
  return { result: out.result, messages: out.files.flatMap((f) => f.messages) };
}

/** Checks the four properties on one source; returns the compiled document, or null when rejected. */
function checkDocument(source: string | Uint8Array): CompiledDocument | null {
  const bytes = typeof source === 'string' ? encoder.encode(source) : source;
  const { result, messages } = compileBytes(bytes);
  const all = messages.map(formatMessage).join('\n');

  // 1. Every message is positioned and tagged with a known rule.
  for (const m of messages) {
    if (!(m.ruleId! in RULES) || m.source !== 'kb') throw new Error(`property 1: message without a known rule id:\n${formatMessage(m)}`);
    if (!m.file || !/\/(?:source\.txt|meta\.yaml|overrides\.yaml)$/u.test(m.file)) throw new Error(`property 1: message without its file:\n${formatMessage(m)}`);
    if (m.fatal !== undefined && !(typeof m.line === 'number' && m.line >= 1)) throw new Error(`property 1: message without a line:\n${formatMessage(m)}`);
  }
  const fatal = messages.filter((m) => m.fatal);
  if (!result) {
    // Only input problems may stop it, and then for the right reason: bytes that are not UTF-8
    // text, no text at all, or two captions with the same number (their anchor would be shared;
    // the author numbers them or adds a zones override). A check/* failure is a compiler bug.
    const decoded = decodeOrNull(bytes);
    const expected = bytes.includes(0) || decoded === null ? 'source/binary' : !/\S/u.test(decoded.replace(/^\uFEFF/u, '')) ? 'source/empty' : null;
    const inputProblem = (m: VFileMessage) => m.ruleId === expected || (m.ruleId === 'check/anchor-duplicate' && decoded !== null && sharedCaption(decoded, m.reason));
    if (fatal.length === 0 || !fatal.every(inputProblem)) {
      throw new Error(`property 1: the compiler stopped on acceptable input (expected ${expected ?? 'a result'}):\n${all}`);
    }
    return null;
  }
  if (fatal.length > 0) throw new Error(`property 1: a result despite fatal messages:\n${all}`);

  // 2. The MDX parses back, its frontmatter is YAML and carries the digest of the parsed text.
  let parsed: Root;
  try {
    parsed = fromMdx(result.mdx);
  } catch (e) {
    throw new Error(`property 2 (output builds): the MDX does not parse: ${(e as Error).message}\n--- MDX ---\n${result.mdx}`);
  }
  const front = parseYamlText(/^---\n([\s\S]*?)\n---\n/u.exec(result.mdx)?.[1] ?? '') as { documentId?: string; textDigest?: string } | null;
  if (front?.documentId !== ID || front.textDigest !== textDigest(parsed)) {
    throw new Error(`property 2: frontmatter ${JSON.stringify(front)} does not carry the parsed text's digest ${textDigest(parsed)}`);
  }

  // 3. Text is preserved: parsed text == source − documented artifacts + documented substitutes.
  checkText(result, parsed);

  // 4. No injection: only the compiler's own structure.
  checkStructure(result, parsed);
  return result;
}

/** Whether a duplicate-anchor message names a caption number that two caption lines of the source share. */
function sharedCaption(text: string, reason: string): boolean {
  const anchor = /#(tbl|fig)-(\d+-\d+) /u.exec(reason);
  if (!anchor) return false;
  const lines = text.normalize('NFC').split(/\r\n?|\n/u).map((l) => CAPTION.exec(l.trim()));
  return lines.filter((m) => m && (m[1] === '표' ? 'tbl' : 'fig') === anchor[1] && `${m[2]}-${m[3]}` === anchor[2]).length >= 2;
}

function decodeOrNull(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

type Counts = Map<string, number>;
/** Counts UTF-16 code units, as the compiler's offsets and the coverage check do. */
const add = (c: Counts, s: string, k = 1) => {
  for (let i = 0; i < s.length; i++) c.set(s[i]!, (c.get(s[i]!) ?? 0) + k);
};
const isSpace = (ch: string) => /\s/u.test(ch);

function inlinesOf(blocks: Block[], out: Inline[][] = []): Inline[][] {
  for (const b of blocks) {
    if (b.type === 'heading') out.push(b.title);
    else if (b.type === 'para' || b.type === 'item') out.push(b.content);
    else if (b.type === 'table') for (const row of b.rows) out.push(...row);
    else if (b.type === 'figure') out.push(b.caption);
    if (b.type === 'item' || b.type === 'figure') inlinesOf(b.children, out);
  }
  return out;
}

function checkText(result: CompiledDocument, parsed: Root) {
  const { tree, record } = result;
  const sourceFile = result.files.find((f) => f.path.endsWith('source.txt'))!;
  const source = tree.source;

  // Source characters removed on purpose: the recorded artifact ranges and the footnote markers
  // that became references (both white space excluded, as the coverage check counts them).
  const removed = new Set<number>();
  const substitutes: Counts = new Map();
  for (const a of sourceFile.data.artifacts ?? []) {
    for (let k = a.start; k < a.end; k++) if (!isSpace(source[k]!)) removed.add(k);
    if (a.rule === 'clean/pua-glyph') add(substitutes, '■');
    if (a.rule === 'clean/middle-dot') add(substitutes, '·');
  }
  for (const content of [...inlinesOf(tree.children), ...tree.footnotes.map((n) => n.content)]) {
    for (const c of content) if (c.type === 'fnref') for (const m of c.marker.map) if (m >= 0 && !isSpace(source[m]!)) removed.add(m);
  }
  for (const n of tree.footnotes) for (const m of n.marker.map) if (m >= 0 && !isSpace(source[m]!)) removed.add(m);
  for (const t of record.toc) if (t.synthetic) add(substitutes, `${t.num ?? ''}${t.title}`.replace(/\s+/gu, ''));

  const expected: Counts = new Map();
  for (let k = 0; k < source.length; k++) if (!removed.has(k) && !isSpace(source[k]!)) add(expected, source[k]!);
  for (const [ch, n] of substitutes) add(expected, ch, n);

  // What readers see: the parsed MDX's text, without the rendered footnote labels and without
  // <List marker>, which textStream counts but which is the level's marker family (`□` for a
  // `■` item), a data attribute, not text: each <Item marker> shows its own marker.
  const actual: Counts = new Map();
  add(actual, textStream(parsed));
  const walk = (n: Nodes) => {
    if (n.type === 'mdxJsxFlowElement' && n.name === 'List') for (const a of n.attributes) if (a.type === 'mdxJsxAttribute' && a.name === 'marker' && typeof a.value === 'string') add(actual, a.value.replace(/\s+/gu, ''), -1);
    if (n.type === 'footnoteReference') add(actual, `[^${n.label ?? n.identifier}]`, -1);
    if (n.type === 'footnoteDefinition') add(actual, `[^${n.label ?? n.identifier}]:`, -1);
    if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(parsed);

  const diff: string[] = [];
  for (const ch of new Set([...expected.keys(), ...actual.keys()])) {
    const d = (actual.get(ch) ?? 0) - (expected.get(ch) ?? 0);
    if (d !== 0) diff.push(`${JSON.stringify(ch)} ${d > 0 ? '+' : ''}${d}`);
  }
  if (diff.length > 0) throw new Error(`property 3 (text preserved): the MDX text differs from the source minus artifacts (characters, output − expected): ${diff.slice(0, 20).join(', ')}`);

  const counted = Object.entries(record.stats.removed).filter(([rule]) => rule !== 'source/bom').reduce((s, [, n]) => s + n, 0);
  if (counted !== removed.size) throw new Error(`property 3: stats.removed counts ${counted} characters, the artifacts remove ${removed.size}: ${JSON.stringify(record.stats.removed)}`);
}

/** A node's shape: its type, JSX name and attributes, link URL, footnote label — never its text. */
function shapeOf(root: Root): string[] {
  const out: string[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'text') return;
    // An empty paragraph (an item holding only its marker) serialises to nothing.
    if (n.type === 'paragraph' && n.children.every((c) => c.type === 'text' && !c.value.trim())) return;
    let s: string = n.type;
    if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') s += `<${n.name}${n.attributes.map((a) => (a.type === 'mdxJsxAttribute' ? ` ${a.name}=${JSON.stringify(a.value)}` : ' {…}')).join('')}>`;
    if (n.type === 'heading') s += n.depth;
    if (n.type === 'link') s += `(${n.url})`;
    if (n.type === 'code') s += `[${n.lang}]`;
    if (n.type === 'footnoteReference' || n.type === 'footnoteDefinition') s += `[^${n.label}]`;
    out.push(s);
    if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(root);
  return out;
}

function checkStructure(result: CompiledDocument, parsed: Root) {
  const problems: string[] = [];
  const source = result.tree.source;
  const figures = new Set(result.record.captions.map((c) => c.id as string));
  const walk = (n: Nodes | RootContent) => {
    if (!NODE_TYPES.has(n.type)) problems.push(`a ${n.type} node${'value' in n ? ` (${JSON.stringify(String(n.value).slice(0, 60))})` : ''}`);
    if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
      // The emitter's one nameless element: an empty fragment that keeps GFM from autolinking text.
      const fragment = n.name === null && n.type === 'mdxJsxTextElement' && n.attributes.length === 0 && n.children.length === 0;
      if (!fragment && !COMPONENTS.has(n.name ?? '')) problems.push(`a JSX element <${n.name ?? ''}> that is not a compiler component`);
      for (const a of n.attributes) {
        if (a.type !== 'mdxJsxAttribute') problems.push(`an expression attribute {${a.value}} on <${n.name}>`);
        else if (typeof a.value !== 'string') problems.push(`a non-literal attribute ${a.name} on <${n.name}>`);
        else if (/javascript:/iu.test(a.value) && (!SOURCE_TEXT_ATTRIBUTES.has(a.name) || !source.includes(a.value))) problems.push(`javascript: in ${a.name}="${a.value}" on <${n.name}>`);
      }
    }
    if (n.type === 'link' && !(n.url.startsWith('#') && figures.has(n.url.slice(1)))) problems.push(`a link to ${n.url}`);
    if (n.type === 'code' && n.lang !== 'text') problems.push(`a code block of language ${n.lang}`);
    if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(parsed);
  if (problems.length > 0) throw new Error(`property 4 (no injection): ${problems.slice(0, 10).join('; ')}`);

  // The parsed structure is exactly the one the compiler built: no source text became markup.
  const built = shapeOf(emitMdast(result.tree));
  const read = shapeOf(parsed);
  if (built.join('\n') !== read.join('\n')) {
    let k = 0;
    while (k < built.length && built[k] === read[k]) k++;
    throw new Error(`property 4: the parsed MDX structure differs from the emitted tree at node ${k}: built ${built[k] ?? '(end)'}, parsed ${read[k] ?? '(end)'}`);
  }
}

// ───────────────────────────── generators ─────────────────────────────

const pick = <T,>(...xs: T[]) => fc.constantFrom(...xs);

const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
const jamo = fc.integer({ min: 0x3131, max: 0x318e }).map((c) => String.fromCharCode(c));
const hangulWord = fc.array(fc.oneof({ weight: 9, arbitrary: syllable }, { weight: 1, arbitrary: jamo }), { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
const PARTICLES = ['', '', '', '은', '는', '을', '를', '의', '에', '에서', '과', '와', '으로', '등', '및'];
const KNOWN = ['기획재정부', '기재부', '특허청', '특허청장', '산업통상자원부', '과기정통부', '중소벤처기업부', '중소기업청', 'TIPS', '스케일업 TIPS', '「산업입지법」', '「조세특례제한법」', '「알 수 없는 법률」', '테크노파크(TP)', '미국국립과학재단(NSF)', '과기정통·복지·산업·중기·국토부'];
const NUMBERS = ['2023년', '30%', '1조원', '17 개', '2.5억원', '’23.下', '’23.2Q', '2023. 6. 1.(목)', '(’24~)', '~’25', "'04~'08", '1,000', '△3.2', '올해부터', '지난해', '4.20', '2002-11-01'];
/** Text that looks like MDX, HTML, JSX, ESM or markdown and must stay text. */
const HOSTILE = [
  '{', '}', '{process.exit(1)}', '{/* 주석 */}', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<b>굵게</b>', '</Para>', '<Para id="x">', '<M to="javascript:alert(1)">',
  '<Item/>', '<>', '<!-- 주석 -->', 'import x from \'y\'', 'import fs from "node:fs"', 'export const a = 1', 'export default {}', '```', '```js', '`코드`', '~~~', '$$', '$x$', '&lt;', '&amp;', '&#x41;', '&nbsp;',
  '\\', '\\\\', '\\*', '[^1]', '[^1]: 정의', '[^L3]', '[a](javascript:alert(1))', '[링크][1]', '[1]: javascript:alert(1)', '![그림](x.png)', '<https://x>', '<javascript:alert(1)>', 'https://example.com', 'www.example.com', 'a@b.co',
  '# 제목', '## 제목', '> 인용', '---', '***', '___', '* * *', '~~취소~~', '*강조*', '**굵게**', '_밑줄_', '__init__', '- [ ] 할 일', '1. 목록', '+ 항목', ':::', '|', '| - |', '|---|---|', 'a  ', '=', '===', '[', ']', '(', ')', '!', '^', '"', "'",
];
const hostile = pick(...HOSTILE);
const latinWord = fc.stringMatching(/^[A-Za-z][A-Za-z0-9&]{0,7}$/u);
const word = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(hangulWord, pick(...PARTICLES)).map(([w, p]) => w + p) },
  { weight: 3, arbitrary: pick(...KNOWN) },
  { weight: 2, arbitrary: pick(...NUMBERS) },
  { weight: 1, arbitrary: latinWord },
  { weight: 2, arbitrary: hostile },
);
const ENDINGS = ['', '', '다.', ' 추진', ' 확대', ' 구축', ' 지원', '함', '음.', ',', '.', ' 등', '임', '하고', '및', '를', '(’24)', ' 방안', ' 현황', ' 사례'];
const sentence = fc.tuple(fc.array(word, { minLength: 1, maxLength: 12 }), pick(...ENDINGS)).map(([w, e]) => w.join(' ') + e);
const shortText = fc.tuple(fc.array(word, { minLength: 1, maxLength: 4 }), pick('', ' 추진', ' 현황', ' 사례', ' 방안')).map(([w, e]) => w.join(' ') + e);

const MARKERS = ['□', '■', '▣', '○', 'ㅇ', '❍', 'o', '-', '–', '‐', '※', '➊', '➋', '❶', '①', '②', '⑳', '▪', '◾', '▶', '►', '*', '**', '***', '1」', '2」', '◇', '◆', '●', '•', '◦', '△', '▲', '·', 'ㆍ', '‧', '․', '가)', '1)', '\uF000', '\uF0A7', '\uE000'];
const itemLine = fc.tuple(pick(...MARKERS), pick('', ' ', '  ', '\t'), fc.option(pick('(규제 완화) ', '(시설 확충) ', '(산단) ', '(’24~) '), { nil: '' }), sentence).map(([m, s, l, t]) => m + s + l + t);
const HEADS = ['Ⅰ.', 'Ⅱ.', 'Ⅳ', 'Ⅻ .', '1.', '2.', '12.', '3 .', '가.', '나.', '하.', '(1)', '(2)', '(12)', '제1장', '제 2 장', '제3장.', '제1절', '제 4 절', '참고 1', '참고', '붙임 2', '별첨'];
const headingLine = fc.tuple(pick(...HEADS), pick(' ', '  ', ''), shortText).map(([h, s, t]) => h + s + t);
const cellText = fc.oneof(shortText, pick(...NUMBERS), hostile, pick('', ' ', '-', '- - -'));
const pipeFence = fc.tuple(fc.array(fc.array(cellText, { minLength: 1, maxLength: 4 }), { minLength: 0, maxLength: 4 }), fc.boolean(), fc.boolean()).map(([rows, closed, blankInside]) => [
  '[표]',
  ...rows.flatMap((r, i) => [`| ${r.join(' | ')} |`, ...(blankInside && i === 0 ? [''] : [])]),
  ...(closed ? ['[/표]'] : []),
]);
const tabRows = fc.array(fc.array(cellText, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 4 }).map((rows) => rows.map((r) => r.join('\t')));
const pipeCells = fc.array(fc.tuple(cellText, fc.boolean()), { minLength: 1, maxLength: 8 }).map((cells) => cells.flatMap(([c, wrap]) => (wrap ? [c, `${c} |`] : [`${c} |`])));
const gfmTable = fc.array(fc.array(cellText, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((rows) => [`| ${rows[0]!.join(' | ')} |`, '|---|---|', ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`)]);
const captionBlock = fc.tuple(pick('표', '그림'), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), shortText, fc.array(fc.oneof(fc.tuple(hangulWord, fc.array(pick('12', '3.5%', '17 개', '-', '2억원', '(1.2)'), { minLength: 1, maxLength: 3 })).map(([l, v]) => `${l} ${v.join(' ')}`), sentence), { maxLength: 4 }), fc.boolean(), fc.boolean())
  .map(([kind, a, b, title, body, src, note]) => [`<${kind} ${a}-${b}> ${title}`, ...(kind === '표' && body.length > 0 ? ['(단위: 억원)'] : []), ...body, ...(note ? ['주) 2023년 기준임.'] : []), ...(src ? ['자료: 기획재정부(2023) 재구성'] : [])]);
const blankRun = fc.array(pick('', '', ' ', '\t', '\u3000', '  '), { minLength: 1, maxLength: 6 });
const xrefLine = fc.tuple(sentence, pick('<표 1-1>', '<그림 2-1>', '표1-2', '<표 3-3>를'), sentence).map(([a, x, b]) => `${a} ${x} ${b}`);
/** A captioned table or figure and, below it, a paragraph that cites it (a cross-reference link). */
const citedCaption = fc.tuple(captionBlock, blankRun, sentence, sentence).map(([caption, blanks, a, b]) => {
  const m = /^<(표|그림) (\d+)-(\d+)>/u.exec(caption[0]!)!;
  return [...caption, ...blanks, `${a} <${m[1]} ${m[2]}-${m[3]}>${b}`];
});
/** A trailing run of English paragraphs after Korean text (rule structure/english-abstract). */
const englishTail = fc.array(fc.array(fc.stringMatching(/^[a-z]{2,9}$/u), { minLength: 12, maxLength: 30 }).map((w) => `${w.join(' ')}.`), { minLength: 1, maxLength: 3 }).map((ps) => ps.flatMap((p) => ['', p]));
const footnoteLines = fc.tuple(sentence, pick('1)', '*', '**', '***', '1」', '2)'), sentence, pick('1) ', '* ', '** ', '1」 ', '2) ', '3) '), sentence)
  .map(([text, marker, more, bodyMarker, body]) => [`${text}${marker} ${more}`, `${bodyMarker}${body}`]);
const fakeBold = fc.oneof(headingLine, shortText, sentence).map((t) => t.split(' ').map((tok) => [...tok].map((c) => c.repeat(4)).join('')).join(' '));
const fakeBoldRuns = fc.array(fc.tuple(pick('제', '장', '1', '가', 'AB', '혁신', '.', '-'), fc.boolean()), { minLength: 1, maxLength: 5 }).map((units) => units.map(([u, space]) => u.repeat(4) + (space ? ' ' : '')).join(''));
const pageLabel = pick('- 12 -', '- xiii -', ' - 3 - ', '-  iv  -', '- - -', '- 1 - 2 -', '-12-', '- 0 -');
const factsLine = pick('보도시점 2023. 6. 1.(목) 12:00 배포 2023. 5. 31.(수)', '보도일시 2023. 6. 1.(목) 조간', '배포 즉시', '엠바고 2023. 6. 1. 12:00 이후', '보도시점 배포');
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\u00AD', '\u00A0', '\u3000', '\u2028', '\u2029', '\u0085', '\v', '\f', '\t', '\uFFFD', '\u0001', '\u001B', '\u007F'];
const invisible = pick(...INVISIBLE);
/** A sentence with invisible, bidi and odd white-space characters slipped between its characters. */
const sprinkled = fc.tuple(sentence, fc.array(fc.tuple(fc.nat(), invisible), { minLength: 1, maxLength: 6 })).map(([s, ins]) => {
  const chars = [...s];
  for (const [at, ch] of ins) chars.splice(at % (chars.length + 1), 0, ch);
  return chars.join('');
});
const nfd = fc.oneof(sentence, itemLine, headingLine).map((s) => s.normalize('NFD'));
const longLine = fc.tuple(sentence, fc.integer({ min: 20, max: 200 }), fc.boolean()).map(([s, n, spaced]) => (s + (spaced ? ' ' : '')).repeat(n).slice(0, 6000));
const unicodeLine = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary-ascii', maxLength: 40 }));

/** One line or a group of lines; a document is a list of them. */
const structured = fc.oneof(
  { weight: 6, arbitrary: sentence.map((s) => [s]) },
  { weight: 5, arbitrary: itemLine.map((s) => [s]) },
  { weight: 3, arbitrary: headingLine.map((s) => [s]) },
  { weight: 3, arbitrary: blankRun },
  { weight: 1, arbitrary: pipeFence },
  { weight: 1, arbitrary: tabRows },
  { weight: 1, arbitrary: pipeCells },
  { weight: 1, arbitrary: gfmTable },
  { weight: 1, arbitrary: captionBlock },
  { weight: 1, arbitrary: xrefLine.map((s) => [s]) },
  { weight: 1, arbitrary: citedCaption },
  { weight: 2, arbitrary: footnoteLines },
  { weight: 1, arbitrary: fakeBold.map((s) => [s]) },
  { weight: 1, arbitrary: fakeBoldRuns.map((s) => [s]) },
  { weight: 1, arbitrary: pageLabel.map((s) => [s]) },
  { weight: 1, arbitrary: factsLine.map((s) => [s]) },
);
const adversarial = fc.oneof(
  structured,
  { weight: 2, arbitrary: fc.array(hostile, { minLength: 1, maxLength: 6 }).map((h) => [h.join(' ')]) },
  { weight: 1, arbitrary: fc.tuple(pick(...MARKERS, ...HEADS), hostile).map(([m, h]) => [`${m} ${h}`]) },
  { weight: 2, arbitrary: sprinkled.map((s) => [s]) },
  { weight: 1, arbitrary: nfd.map((s) => [s]) },
  { weight: 1, arbitrary: unicodeLine.map((s) => [s]) },
);

const lineEnd = fc.oneof({ weight: 8, arbitrary: fc.constant('\n') }, { weight: 1, arbitrary: fc.constant('\r\n') }, { weight: 1, arbitrary: fc.constant('\r') });
/** Joins line groups with random line ends, an optional BOM and an optional final newline. */
function documentOf(groups: fc.Arbitrary<string[]>, maxGroups: number, tail: fc.Arbitrary<string[]> = fc.constant([])) {
  return fc.tuple(fc.array(groups, { minLength: 1, maxLength: maxGroups }), tail, fc.infiniteStream(lineEnd), fc.boolean(), fc.boolean()).map(([gs, end, ends, bom, finalNewline]) => {
    const lines = [...gs.flat(), ...end];
    let text = bom ? '\uFEFF' : '';
    lines.forEach((l, i) => {
      text += l;
      if (i < lines.length - 1 || finalNewline) text += ends.next().value;
    });
    return text;
  });
}

/** WTF-8: UTF-8 that also encodes lone surrogates (as 3 bytes), i.e. invalid UTF-8. */
function wtf8(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    if (c > 0xffff) i++;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

const settings = (numRuns: number) => ({ seed: SEED, numRuns });
/**
 * What the generated documents exercised, so a generator that stops reaching a rule fails
 * loudly instead of passing vacuously.
 */
type Tally = Record<string, number>;
let tally: Tally = {};
const count = (key: string, n = 1) => {
  if (n > 0) tally[key] = (tally[key] ?? 0) + n;
};
function tallied(source: string | Uint8Array) {
  const doc = checkDocument(source);
  if (!doc) return count('rejected');
  const { stats } = doc.record;
  count('compiled');
  count('heading', stats.headings);
  count('table', stats.tables);
  count('figure', stats.figures + doc.record.captions.length);
  count('footnote', stats.footnotes);
  count('mention', doc.record.mentions.length);
  count('facts', doc.record.facts.length);
  count('synthetic heading', doc.record.toc.filter((t) => t.synthetic).length);
  for (const [rule, n] of Object.entries(stats.removed)) count(rule, n);
  for (const k of ['<List', '<Pre', '<></>', '](#']) count(k, doc.mdx.split(k).length - 1);
  for (const m of doc.files.flatMap((f) => f.messages)) count(m.ruleId!);
}
function run(arb: fc.Arbitrary<string | Uint8Array>, numRuns: number): Tally {
  tally = {};
  fc.assert(fc.property(arb, tallied), settings(numRuns));
  return tally;
}

// ───────────────────────────── the properties ─────────────────────────────

/** Fails when a generator stopped reaching what it is meant to exercise. */
function reached(t: Tally, keys: string[]) {
  expect(keys.filter((k) => !(t[k]! > 0)), `never exercised (tally ${JSON.stringify(t)})`).toEqual([]);
}

describe('property: every document compiles safely (no crash, builds, text kept, no injection)', () => {
  test('arbitrary unicode text (every code point, including NUL and controls)', () => {
    const t = run(fc.string({ unit: 'binary', maxLength: 400 }), RUNS.large);
    expect(t.compiled).toBeGreaterThan(RUNS.large / 2);
  });

  test('arbitrary lines of graphemes and ASCII with random line ends', () => {
    const t = run(documentOf(unicodeLine.map((s) => [s]), 30), RUNS.medium);
    expect(t.compiled).toBeGreaterThan(RUNS.medium / 2);
  });

  test('Korean-looking documents: 개조식 markers, headings, tables, captions, footnotes, fake bold, page labels', () => {
    const t = run(documentOf(structured, 40, fc.option(englishTail, { nil: [] })), RUNS.large);
    reached(t, ['heading', '<List', 'table', 'figure', '<Pre', '](#', 'footnote', 'facts', 'mention', 'synthetic heading', '<></>', 'source/bom', 'clean/page-label', 'clean/fake-bold', 'clean/pua-glyph', 'clean/middle-dot', 'clean/table-pipe', 'clean/footnote-marker', 'structure/flattened-table', 'structure/table-ambiguous', 'knowledge/unknown-name']);
  });

  test('adversarial mix: markup-looking text, invisible and bidi characters, NFD, BOM, CR/CRLF', () => {
    const t = run(documentOf(adversarial, 40), RUNS.large);
    reached(t, ['<List', 'heading', 'table', 'footnote', '<></>', 'source/bom', 'structure/replacement-char', 'clean/fake-bold']);
  });

  test('very long lines and runs of blank lines', () => {
    const t = run(documentOf(fc.oneof(longLine.map((s) => [s]), blankRun, itemLine.map((s) => [s]), headingLine.map((s) => [s])), 8), RUNS.small);
    expect(t.compiled).toBeGreaterThan(RUNS.small / 2);
  });

  test('markup-looking text stays text wherever it lands (item, heading, cell, caption, footnote, facts)', () => {
    const slot = fc.tuple(pick('', '□ ', 'ㅇ ', '- ', '※ ', '* ', '1. ', '가. ', '(1) ', 'Ⅰ. ', '<표 1-1> ', '자료: ', '보도시점 ', '1) ', '\uF000 '), fc.array(hostile, { minLength: 1, maxLength: 4 }), pick('', '다.', '*', '1)', ' |'));
    const doc = fc.array(fc.oneof(slot.map(([a, h, z]) => [`${a}${h.join(' ')}${z}`]), pipeFence, tabRows, footnoteLines), { minLength: 1, maxLength: 20 }).map((g) => g.flat().join('\n'));
    const t = run(doc, RUNS.medium);
    reached(t, ['<List', 'heading', 'table', 'figure', 'footnote', 'facts', '<></>']);
  });
});

describe('property: source reading', () => {
  test('lone surrogates: as bytes they are invalid UTF-8, rejected with source/binary at their line', () => {
    const arb = fc.tuple(fc.array(sentence, { minLength: 0, maxLength: 5 }), sentence, fc.nat(), loneSurrogate, fc.array(sentence, { maxLength: 3 }));
    fc.assert(
      fc.property(arb, ([before, line, at, surrogate, after]) => {
        const bad = line.slice(0, at % (line.length + 1)) + surrogate + line.slice(at % (line.length + 1));
        const { result, messages } = compileBytes(wtf8([...before, bad, ...after].join('\n')));
        expect(result).toBeNull();
        expect(messages.map((m) => `${m.ruleId}@${m.line}`)).toEqual([`source/binary@${before.length + 1}`]);
      }),
      settings(RUNS.small),
    );
  });

  test('lone surrogates in a JS string reach the compiler as U+FFFD (TextEncoder), which is kept and flagged', () => {
    const arb = fc.tuple(fc.array(sentence, { minLength: 0, maxLength: 5 }), sentence, loneSurrogate);
    fc.assert(
      fc.property(arb, ([before, line, surrogate]) => {
        const doc = checkDocument([...before, `${line} ${surrogate}`].join('\n'))!;
        expect(doc).not.toBeNull();
        expect(textStream(fromMdx(doc.mdx))).toContain('\uFFFD');
        const flagged = doc.files.flatMap((f) => f.messages).filter((m) => m.ruleId === 'structure/replacement-char');
        expect(flagged.map((m) => m.line)).toEqual([before.length + 1]);
      }),
      settings(RUNS.small),
    );
  });

  test('CRLF, CR, a BOM and NFD change nothing but the recorded normalisation', () => {
    const arb = documentOf(structured, 15).filter((s) => /\S/u.test(s));
    fc.assert(
      fc.property(arb, (text) => {
        const lf = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
        const base = checkDocument(lf);
        if (!base) return;
        for (const variant of [lf.replace(/\n/gu, '\r\n'), lf.replace(/\n/gu, '\r'), lf.normalize('NFD')]) {
          expect(checkDocument(variant)!.mdx).toBe(base.mdx);
        }
        const bom = checkDocument(`\uFEFF${lf}`)!;
        expect(bom.mdx).toBe(base.mdx);
        expect(bom.record.stats.removed).toEqual({ ...base.record.stats.removed, 'source/bom': 1 });
      }),
      settings(RUNS.small),
    );
  });
});

// ───────────────────── regressions: bugs these properties found ─────────────────────

describe('regressions found by the properties', () => {
  const linksIn = (mdx: string) => {
    const out: string[] = [];
    const walk = (n: Nodes) => {
      if (n.type === 'link') out.push(n.url);
      if ('children' in n) for (const c of n.children) walk(c as Nodes);
    };
    walk(fromMdx(mdx));
    return out;
  };
  const attribute = (mdx: string, element: string, name: string) => {
    let value: unknown;
    const walk = (n: Nodes) => {
      if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name === element) value ??= n.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
      if ('children' in n) for (const c of n.children) walk(c as Nodes);
    };
    walk(fromMdx(mdx));
    return value;
  };

  test('character references in a caption stay as written (JSX attribute values decode `&…;`)', () => {
    // Was: check/roundtrip stopped the build, and the caption read “<표 1-1>  기획재정부”.
    const doc = checkDocument('<표 1-1> &nbsp; &lt;b&gt; &amp; 기획재정부 "따옴표"\n')!;
    expect(attribute(doc.mdx, 'Figure', 'caption')).toBe('<표 1-1> &nbsp; &lt;b&gt; &amp; 기획재정부 "따옴표"');
    expect(attribute(doc.mdx, 'Figure', 'title')).toBe('&nbsp; &lt;b&gt; &amp; 기획재정부 "따옴표"');
  });

  test('URLs and e-mail addresses in the text stay text (GFM autolinks them after parsing)', () => {
    // Was: `(www.kova.or.kr)는` became a link to `http://www.kova.or.kr)는` (2002 SERI source, L183),
    // `(yskoh@seri.org)` a mailto: link.
    const source = '협회(www.kova.or.kr)는 창업을 지원한다.\n\n고유상 수석연구원(yskoh@seri.org)\n\n□ 접수: https://www.iris.go.kr/ 또는 WWW.NTIS.GO.KR, mailto:a@b.co, xmpp:a@b.co/x\n';
    const doc = checkDocument(source)!;
    expect(linksIn(doc.mdx)).toEqual([]);
    expect(textStream(fromMdx(doc.mdx))).toContain('협회(www.kova.or.kr)는');
    expect(textStream(fromMdx(doc.mdx))).toContain('(yskoh@seri.org)');
  });

  test('an empty [표] … [/표] fence', () => {
    // Was: an empty GFM table serialised as `||`, which read back as text (check/roundtrip).
    const doc = checkDocument('[표]\n\n[/표]\n{ 다음 문단 }\n')!;
    expect(doc.mdx).toContain('<Table id="L1" from="1" to="3" />');
  });

  test('a footnote body followed by tab-separated lines is not also a table', () => {
    // Was: the body's continuation line started a tab table that was never placed: L4 lost (check/coverage).
    const doc = checkDocument('개념을 이렇게 말한다.1)\n1) 출처는 다음과 같다\n구분\t2023년\n\t2023년\t비고\n')!;
    expect(doc.tree.footnotes.map((n) => n.label)).toEqual(['1']);
    expect(textStream(fromMdx(doc.mdx))).toContain('2023년비고');
  });

  test('a caption above a tab-separated table does not swallow the table', () => {
    // Was: the caption's zone took over the table's lines, so the table and the figure body both
    // rendered them (check/anchor-duplicate #L2, text twice).
    const doc = checkDocument('<표 1-1> 지원 현황\n구분\t2023년\n기획재정부\t12\n자료: 기획재정부(2023)\n')!;
    expect(doc.mdx.match(/<Table /gu)).toHaveLength(1);
    expect(textStream(fromMdx(doc.mdx)).match(/구분/gu)).toHaveLength(1);
  });

  test('a footnote body that runs over a caption line or a [/표] fence keeps them', () => {
    // Was: the caption inside the body opened a figure that was never placed (L5 lost), and a
    // `[/표]` inside the body closed a fence: shown in the note and counted as removed.
    const caption = checkDocument('확대한다1) 기획재정부\n1) 2023년\n<표 1-1> 가\n주) 2023년 기준임.\n자료: 기획재정부(2023) 재구성\n')!;
    expect(textStream(fromMdx(caption.mdx))).toContain('자료:기획재정부(2023)재구성');
    const fence = checkDocument('[표]\n가1) 기획재정부\n1) 가\n[표]\n[/표]\n')!;
    expect(fence.record.stats.removed['clean/table-pipe']).toBeUndefined();
  });

  test('a long periodic token does not make fake-bold detection backtrack exponentially', () => {
    // Was: /^(?:(.+?)\1{3})+$/ took 76 s on this 750-character token (and minutes on longer ones).
    const started = performance.now();
    expect(checkDocument(`□ ${'fU&zRv함'.repeat(108)}\n${'가나'.repeat(3000)}다\n`)).not.toBeNull();
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test('fake bold decodes the split the detector found (a run whose first glyph repeats)', () => {
    // `가가가가나` written 4×: the detector's regex backtracked to the 5-glyph unit, the decoder
    // took `가` and left the rest verbatim (“가나가가가가나…”).
    const doc = checkDocument('제제제제1111장장장장 가가가가나가가가가나가가가가나가가가가나 개개개개요요요요\n\n본문이다.\n')!;
    expect(doc.record.toc[0]!.title).toBe('가가가가나 개요');
    expect(doc.record.stats.removed['clean/fake-bold']).toBe(3 * (3 + 5 + 2));
  });

  test('U+FFFD is kept and flagged at its line (rule structure/replacement-char was documented, never reported)', () => {
    const doc = checkDocument('첫 줄이다.\n기업\uFFFD사회간 문화적 근접성\n')!;
    const flagged = doc.files.flatMap((f) => f.messages).filter((m) => m.ruleId === 'structure/replacement-char');
    expect(flagged.map((m) => `${m.line}:${m.column}`)).toEqual(['2:3']);
    expect(textStream(fromMdx(doc.mdx))).toContain('기업\uFFFD사회간');
  });
});
