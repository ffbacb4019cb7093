import type { Block, DocTree, Inline } from '../types.ts';
import type { DefinitionEntry } from '../contract.ts';
import { EMPTY, concat } from '../text/span.ts';
import { lineFinder } from './records.ts';

/** An acronym has at least two capitals (IRB, PoC, BRIDGE+); `Holistic` is a gloss, not one. */
const ACRONYM = '(?=[A-Za-z0-9&+]*[A-Z][A-Za-z0-9&+]*[A-Z])[A-Z][A-Za-z0-9&+]{1,9}';
/** A word that cannot begin a name: it ends in a particle or connective, or is a function word. */
const NOT_NAME_START = /(?:는|은|을|를|의|과|와|에|로|서|고|며|인|및|월|등|또는)$/u;
// Names are bounded (NAME syllables a word): an unbounded `[가-힣]{2,}` before `\(` retries
// from every syllable of a long run without a parenthesis, which is quadratic in the run.
const NAME = '{2,30}';
/** 생명윤리위원회(IRB), 기술사업화 전담조직(TLO): a Korean name (one or two words) with its acronym. */
const KOREAN_THEN_ACRONYM = new RegExp(`((?:[가-힣]{1,30}\\s)?[가-힣]${NAME})\\s?\\((${ACRONYM})\\)`, 'gu');
/** 지역기술혁신센터(Technological Innovation Center, TIC): name, English expansion and acronym. */
const KOREAN_ENGLISH_ACRONYM = new RegExp(`([가-힣]${NAME})\\(([A-Za-z][A-Za-z .&-]{3,60}),\\s*(${ACRONYM})\\)`, 'gu');
/** (SME : Small and Medium size Enterprise, 중소기업중심 클러스터의 의미): acronym, colon, meaning. */
const ACRONYM_COLON = new RegExp(`\\((${ACRONYM})\\s*:\\s*([^()]{3,80})\\)`, 'gu');

/**
 * Rule knowledge/definition: abbreviations the text itself defines become glossary entries,
 * with the definition as written and where it is.
 */
export function findDefinitions(tree: DocTree): DefinitionEntry[] {
  const lineOf = lineFinder(tree);
  const out: DefinitionEntry[] = [];
  const seen = new Set<string>();
  // term|anchor of every entry so far (a set: a document can define thousands of terms).
  const termsAt = new Set<string>();
  const scan = (content: Inline[], anchor: string) => {
    const span = concat(...content.map((c) => (c.type === 'fnref' ? EMPTY : c.span)));
    const text = span.text;
    // Every form needs a parenthesis: most blocks have none, and skip all three scans.
    if (!text.includes('(')) return;
    const add = (term: string, definition: string, at: number) => {
      const key = `${term}|${definition}`;
      if (seen.has(key)) return;
      seen.add(key);
      termsAt.add(`${term}|${anchor}`);
      const offset = span.map[at] ?? -1;
      out.push({ term, definition: definition.trim(), anchor, line: offset >= 0 ? lineOf(offset) : 0 });
    };
    for (const m of text.matchAll(KOREAN_ENGLISH_ACRONYM)) add(m[3]!, `${m[1]} (${m[2]!.trim()})`, m.index!);
    for (const m of text.matchAll(ACRONYM_COLON)) add(m[1]!, m[2]!, m.index!);
    for (const m of text.matchAll(KOREAN_THEN_ACRONYM)) {
      if (termsAt.has(`${m[2]}|${anchor}`)) continue;
      const words = m[1]!.split(/\s/u);
      const name = words.length === 2 && NOT_NAME_START.test(words[0]!) ? words[1]! : m[1]!;
      add(m[2]!, name, m.index! + m[1]!.length - name.length);
    }
  };
  const visit = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type === 'heading') scan(b.title, b.id!);
      if (b.type === 'para' || b.type === 'item') scan(b.content, b.id!);
      if (b.type === 'item' || b.type === 'figure') visit(b.children);
    }
  };
  visit(tree.children);
  for (const n of tree.footnotes) scan(n.content, `fn-${n.label.toLowerCase()}`);
  return out.sort((a, b) => a.line - b.line);
}
