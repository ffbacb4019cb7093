/**
 * Guesses the metadata a `meta.yaml` draft needs from the first page and the PDF's
 * information dictionary. Every value is a guess and is marked for review.
 */
import type { Guess, IngestedDocument } from './model.ts';
import type { Paragraph } from './paragraphs.ts';

const DATE = /(\d{4})\s*[.년-]\s*(\d{1,2})\s*[.월-]\s*(\d{1,2})\s*일?\.?/u;
const PUBLISHER = /(?:^|\s)([가-힣]{2,}(?:부|처|청|원|위원회|공단|공사|연구원|재단|진흥원|관계부처\s?합동))(?=\s|$)/u;
const KINDS: [RegExp, string][] = [
  [/보도\s*자료|보도\s*시점|보도\s*일시/u, 'press-release'],
  [/공고|공모|모집/u, 'call'],
  [/제안\s*요청서|RFP/iu, 'rfp'],
  [/기본\s*계획|추진\s*계획|시행\s*계획|종합\s*계획|방안|전략/u, 'plan'],
  [/보고서|연구/u, 'report'],
];

const guess = (value: string | undefined): Guess | undefined => (value ? { value, review: true } : undefined);

export function guessMeta(firstPage: Paragraph[], info: { title?: string; author?: string }): IngestedDocument['meta'] {
  const texts = firstPage.map((p) => p.text);
  const largest = [...firstPage].sort((a, b) => b.lines[0]!.size - a.lines[0]!.size)[0];
  // A title in the information dictionary is often a file name or a template's; prefer
  // the page's largest line when the dictionary's title looks like one.
  const infoTitle = info.title && !/\.(?:hwp|hwpx|docx?|pdf)$|^(?:untitled|제목 없음)/iu.test(info.title) ? info.title : undefined;
  const title = largest?.text ?? infoTitle;
  const date = texts.map((t) => DATE.exec(t)).find(Boolean);
  const issued = date ? `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}` : undefined;
  const publisher = texts.map((t) => PUBLISHER.exec(t)?.[1]).find(Boolean) ?? info.author;
  const all = texts.join('\n');
  const kind = KINDS.find(([re]) => re.test(all))?.[1];
  return { title: guess(title), issued: guess(issued), publisher: guess(publisher), kind: guess(kind) };
}
