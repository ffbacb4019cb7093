import type { Block, DocTree, FootnoteBlock, HeadingBlock, Inline, ItemBlock } from '../types.ts';
import { findDates, type DateMention } from './dates.ts';
import type { MeasureEntry } from '../contract.ts';

/** The last word of an action item in 개조식 writing: what the plan will do. */
const ACTION = /(?:추진|촉진|확대|지원|구축|조성|강화|운영|제고|육성|개선|마련|도입|신설|유치|활성화|허용|완화|확충|개편|개정|검토|투자|집중|정착|설립|실시|시행|제공|부여|우대|협력|연계|발굴|공급|의무화|간소화|제도화|고도화|전환|해소|보호|선정|수립|완비|확보|정비|추가|포함|면제|체결|교류|유도|적용|클러스터화|기반확대|구성|설치|발급|이전|일괄육성|지정|임명|분리|확정|작성|부여|관리|창출)$/u;
const LABEL = /^\(([^()]{1,25})\)\s*/u;
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
  for (const b of tree.children) {
    if (b.type === 'heading') {
      seenHeading = true;
      if (b.depth !== undefined) {
        path.length = Math.max(0, b.depth - 1);
        path.push(b);
      }
      continue;
    }
    if (b.type === 'item' && seenHeading) walk([b]);
  }
  return measures;
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
