import type { Block, DocTree, FootnoteBlock, HeadingBlock, Inline, ItemBlock, ParaBlock, TableBlock } from '../types.ts';
import { findDates, type DateMention } from './dates.ts';
import type { MeasureEntry } from '../contract.ts';

/** The last word of an action item in 개조식 writing: what the plan will do. */
const ACTION = /(?:추진|촉진|확대|지원|구축|조성|강화|운영|제고|육성|개선|마련|도입|신설|유치|활성화|허용|완화|확충|개편|개정|검토|투자|집중|정착|설립|실시|시행|제공|부여|우대|협력|연계|발굴|공급|의무화|간소화|제도화|고도화|전환|해소|보호|선정|수립|완비|확보|정비|추가|포함|면제|체결|교류|유도|적용|클러스터화|기반확대|구성|설치|발급|이전|일괄육성|지정|임명|분리|확정|작성|부여|관리|창출)$/u;
const LABEL = /^\(([^()]{1,25})\)\s*/u;
/** The last word of a section that describes rather than commits (성공요인 정리, 주요 쟁점, 현황). */
const DESCRIPTIVE = /(?:정리|쟁점|현황|요인|특성|이론|배경|문제점|비교|시사점|의의|개요|사례|고찰|동향|실태|비전)$/u;
/** A box title on its own line (`【 광역권별 클러스터 비전 】`, `< 예시 >`): it titles the list below it. */
const BOX_TITLE = /^[【《〈<\[]\s*(.+?)\s*[】》〉>\]]$/u;
/** Families that are not action items: summary boxes, case boxes, notes. */
const NOT_MEASURE = new Set(['◇', '※', '*', '**', '***', '」', 'fn']);

/** A measure as found, before the record turns its dates into timeline ids. */
export interface Measure extends Omit<MeasureEntry, 'sourceLines' | 'dates'> {
  from: number;
  to: number;
  dates: (DateMention & { line: number })[];
}

/**
 * Rule knowledge/measure: finds a document's policy measures — action items taken at the
 * shallowest level of each 개조식 tree where an item states an action, i.e. ends with an
 * action noun (`□ (규제 완화) … 추진`, `➊ … 촉진`, `▶ 네트워크 구축`); items that only group
 * others (`■ 중앙정부의 지원 패키지`, `□ 한국적 바이오클러스터의 전략`) are descended into.
 * The `(label)` names the measure. Summary boxes (◇), case boxes (※) and front matter before
 * the first heading are not measures.
 */
export function findMeasures(tree: DocTree, docId: string, docYear: number | null): Measure[] {
  const notes = new Map(tree.footnotes.map((n) => [n.label, n]));
  const measures: Measure[] = [];
  const path: HeadingBlock[] = [];
  // Items before the first heading are front matter (a release's headline bullets), unless
  // the document has no headings at all.
  let seenHeading = !tree.children.some((b) => b.type === 'heading');
  const walk = (items: Block[]) => {
    for (const b of items) {
      if (b.type !== 'item' || NOT_MEASURE.has(b.key)) continue;
      const own = plain(b.content).trim();
      // A grouping that describes (`□ 선진 바이오클러스터의 성공요인 정리`) holds no measures.
      if (DESCRIPTIVE.test(own.replace(/[\s.]+$/u, '')) && b.children.some((c) => c.type === 'item')) continue;
      // An item whose children are an enumeration (➊ ➋ …, ① ② …) groups them, whatever it ends with.
      const enumerated = b.children.filter((c) => c.type === 'item' && (c.key === '➊' || c.key === '①')).length >= 2;
      if (isAction(own) && !enumerated) measures.push(measureOf(b, own));
      else walk(b.children);
    }
  };
  const measureOf = (item: ItemBlock, own: string): Measure => {
    const parts: string[] = [];
    const mentions = new Set<string>();
    const dates: Measure['dates'] = [];
    const usedNotes: FootnoteBlock[] = [];
    const collect = (content: Inline[], line: number) => {
      const text = plain(content);
      parts.push(text);
      for (const c of content) {
        if (c.type === 'mention' && c.ref) mentions.add(c.ref);
        if (c.type === 'fnref' && notes.has(c.label)) usedNotes.push(notes.get(c.label)!);
      }
      for (const d of findDates(text, docYear)) dates.push({ ...d, line });
    };
    let last = item.to;
    const visit = (it: ItemBlock) => {
      collect(it.content, it.from);
      last = Math.max(last, it.to);
      for (const c of it.children) {
        if (c.type === 'item') visit(c);
        else if (c.type === 'para') {
          collect(c.content, c.from);
          last = Math.max(last, c.to);
        }
      }
    };
    visit(item);
    for (const n of usedNotes) collect(n.content, n.from);
    const label = LABEL.exec(own)?.[1] ?? firstClause(own);
    return {
      id: `${docId}--${item.id}`,
      anchor: item.id!,
      label,
      text: parts.join('\n'),
      headingPath: path.map((h) => headingText(h)),
      sectionId: path.at(-1)?.id ?? null,
      from: item.from,
      to: Math.max(last, ...usedNotes.map((n) => n.to)),
      mentions: [...mentions],
      dates,
    };
  };
  const inline = (para: ParaBlock) => {
    if (path.length > 0 && PROPOSALS.test(headingText(path.at(-1)!))) {
      for (const m of proseSteps(para, docId, docYear)) measures.push({ ...m, headingPath: path.map((h) => headingText(h)), sectionId: path.at(-1)?.id ?? null });
    }
    for (const m of inlineEnumeration(para, docId, docYear)) measures.push({ ...m, headingPath: path.map((h) => headingText(h)), sectionId: path.at(-1)?.id ?? null });
  };
  const table = (t: TableBlock) => {
    for (const m of comparisonRows(t, docId, docYear)) measures.push({ ...m, headingPath: path.map((h) => headingText(h)), sectionId: path.at(-1)?.id ?? null });
  };
  // The title of the box the following items sit in, while they follow it.
  let box: string | null = null;
  for (const b of tree.children) {
    if (b.type !== 'item') box = b.type === 'para' ? (BOX_TITLE.exec(plain(b.content).trim())?.[1] ?? null) : null;
    const inDescription = path.some((h) => DESCRIPTIVE.test(headingText(h)));
    if (b.type === 'para' && seenHeading && !inDescription) inline(b);
    if (b.type === 'table' && seenHeading && !inDescription) table(b);
    if (b.type === 'figure' && seenHeading && !inDescription) for (const c of b.children) if (c.type === 'table') table(c);
    if (b.type === 'heading') {
      seenHeading = true;
      if (b.depth !== undefined) {
        path.length = Math.max(0, b.depth - 1);
        path.push(b);
      }
      continue;
    }
    // Nothing inside a descriptive section (현황, 사례, 개요 …) is a measure.
    const describing = path.some((h) => DESCRIPTIVE.test(headingText(h)));
    // Nor a list under a descriptive box title (`【 … 비전 】`).
    if (b.type === 'item' && seenHeading && !describing && !(box && DESCRIPTIVE.test(box))) walk([b]);
  }
  return measures.sort((a, b) => a.from - b.from || a.id.localeCompare(b.id));
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳➊➋➌➍➎➏➐➑➒➓';

/**
 * Rule knowledge/measure, inline form: a paragraph that enumerates actions (`… ① 클러스터간
 * 경쟁과 자율성 강화를 통한 … 활성화, ② … 확충, …`) holds one measure per action step. Id:
 * `<docId>--<anchor>-<n>` with the document's own number n.
 */
function inlineEnumeration(para: ParaBlock, docId: string, docYear: number | null): Omit<Measure, 'headingPath' | 'sectionId'>[] {
  const text = plain(para.content);
  const marks = [...text.matchAll(new RegExp(`[${CIRCLED}]`, 'gu'))];
  if (marks.length < 2) return [];
  const out: Omit<Measure, 'headingPath' | 'sectionId'>[] = [];
  marks.forEach((m, k) => {
    const segment = text.slice(m.index! + 1, marks[k + 1]?.index ?? text.length).replace(/\s*(?:등(?:이다|을|의)?)?[.,\s]*$/u, '').trim();
    if (!isAction(segment)) return;
    const n = CIRCLED.indexOf(m[0]) % 20 + 1;
    out.push(stepMeasure(`${docId}--${para.id}-${n}`, para.id!, segment, para.from, para.to, para.content, docYear));
  });
  return out.length >= 2 ? out : [];
}

/** A section that proposes: its heading ends with 방안, 방향, 제언, 과제 or 전략. */
const PROPOSALS = /(?:방안|방향|제언|과제|전략)$/u;
const ORDINALS = ['첫째', '둘째', '셋째', '넷째', '다섯째', '여섯째', '일곱째', '여덟째', '아홉째', '열째'];
const COUNTED = ['첫', '두', '세', '네', '다섯', '여섯', '일곱', '여덟', '아홉', '열'];
/** 첫째 … 마지막으로, or 첫 번째는 … 끝으로는, at a sentence start. */
const STEP = new RegExp(`(?:^|(?<=[.!?]\\s))(${ORDINALS.join('|')}|(?:${COUNTED.join('|')}) 번째(?:는|로)?|마지막으로|끝으로(?:는)?)(?=[,\\s])`, 'gu');
const stepNumber = (word: string) => {
  const ordinal = ORDINALS.indexOf(word);
  if (ordinal >= 0) return ordinal + 1;
  const counted = COUNTED.indexOf(word.split(' ')[0]!);
  return word.includes('번째') && counted >= 0 ? counted + 1 : 0;
};

/**
 * Rule knowledge/measure, prose form: in a proposal section (a thesis's 발전 방안, 추진방향 …)
 * each ordinal step — 첫째, 둘째 … 마지막으로 at a sentence start — states one proposal; the
 * measure is that sentence. Id `<docId>--<anchor>-<n>` with the step's own number.
 */
function proseSteps(para: ParaBlock, docId: string, docYear: number | null): Omit<Measure, 'headingPath' | 'sectionId'>[] {
  const text = plain(para.content);
  const out: Omit<Measure, 'headingPath' | 'sectionId'>[] = [];
  for (const m of text.matchAll(STEP)) {
    const rest = text.slice(m.index! + m[0].length).replace(/^[,\s]+/u, '');
    const sentence = rest.slice(0, (/다\.(?=\s|$)/u.exec(rest)?.index ?? rest.length - 2) + 2).trim();
    const n = stepNumber(m[1]!);
    out.push(stepMeasure(`${docId}--${para.id}-${n === 0 ? 'last' : n}`, para.id!, sentence, para.from, para.to, para.content, docYear));
  }
  return out;
}

const BEFORE = /^(?:기존|현행|종전|변경\s?전|개선\s?전|As-?Is)/iu;
const AFTER = /^(?:향후|개선|변경\s?후|개선\s?후|신규|To-?Be)/iu;

/**
 * Rule knowledge/measure, table form: a comparison table (a header with a before column —
 * 기존, 현행, 변경전 — and an after column — 향후, 개선, 변경후) states one reform per row. Id:
 * `<docId>--L<row line>`; the anchor is the table's.
 */
function comparisonRows(table: TableBlock, docId: string, docYear: number | null): Omit<Measure, 'headingPath' | 'sectionId'>[] {
  const header = table.rows[0]?.map((cell) => plain(cell).replace(/\s+/gu, '')) ?? [];
  if (!header.some((h) => BEFORE.test(h)) || !header.some((h) => AFTER.test(h)) || !table.rowLines) return [];
  return table.rows.slice(1).flatMap((row, k) => {
    const label = plain(row[0] ?? []).trim();
    const line = table.rowLines![k + 1];
    if (!label || !line) return [];
    const text = row.map((cell, c) => `${header[c] ?? ''}: ${plain(cell)}`).join('\n');
    return [{ ...stepMeasure(`${docId}--L${line}`, table.id!, text, line, line, row.flat(), docYear), label }];
  });
}

/** A measure that is part of a block (an enumeration step, a prose step, a table row). */
function stepMeasure(id: string, anchor: string, text: string, from: number, to: number, content: Inline[], docYear: number | null): Omit<Measure, 'headingPath' | 'sectionId'> {
  const mentions = new Set<string>();
  for (const c of content) if (c.type === 'mention' && c.ref) mentions.add(c.ref);
  return { id, anchor, label: firstClause(text), text, from, to, mentions: [...mentions], dates: findDates(text, docYear).map((d) => ({ ...d, line: from })) };
}

function isAction(text: string): boolean {
  const tail = text.replace(/\s*\([^()]*\)\s*$/u, '').replace(/[\s.,·*]+$/u, '');
  return ACTION.test(tail);
}

function firstClause(text: string): string {
  const clause = text.split(/[,，]/u)[0]!.trim();
  const label = clause.length >= 8 ? clause : text.trim();
  return label.length > 40 ? `${label.slice(0, 40)}…` : label;
}

export function plain(content: Inline[]): string {
  return content.map((c) => (c.type === 'fnref' ? '' : c.span.text)).join('');
}

function headingText(h: HeadingBlock): string {
  return `${h.num ? `${h.num.text} ` : ''}${plain(h.title)}`.trim();
}
