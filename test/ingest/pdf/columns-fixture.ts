/**
 * A two-column article: a full-width title and summary, then paragraphs and headings set
 * in two justified columns over two pages, with a running header and page numbers.
 * scripts/make-pdf-fixtures.ts prints it to columns.pdf.
 */
export const COLUMNS_TITLE = '지역 산업 클러스터의 협력 구조에 관한 연구';
export const COLUMNS_SUMMARY = '이 글은 지역 산업 클러스터에서 기업, 대학, 연구기관이 협력하는 방식을 살펴보고, 협력의 성과를 높이는 정책 과제를 제시한다.';

const SENTENCES = [
  '클러스터는 같은 분야의 기업과 지원 기관이 한 지역에 모여 지식을 나누는 곳이다.',
  '기업은 가까운 대학에서 인력을 얻고, 대학은 기업의 문제에서 연구 주제를 얻는다.',
  '연구기관은 공동 장비를 운영하여 작은 기업도 시험과 인증을 쉽게 받도록 돕는다.',
  '지방자치단체는 입지와 기반 시설을 마련하고 중앙정부는 예산과 제도를 뒷받침한다.',
  '협력이 깊어질수록 새로운 제품과 공정이 빨리 나오고 지역의 고용도 늘어난다.',
  '그러나 참여 주체가 많아지면 역할이 겹치고 의사 결정이 느려지는 문제가 생긴다.',
];

/** Paragraphs and headings in reading order: `#` marks a heading. */
export const COLUMNS_BLOCKS: string[] = (() => {
  const out: string[] = [];
  const headings = ['1. 서론', '2. 협력의 유형', '3. 협력의 성과', '4. 정책 과제'];
  let k = 0;
  for (const h of headings) {
    out.push(`# ${h}`);
    for (let p = 0; p < 3; p++) {
      const n = 3 + ((k * 7) % 3);
      out.push(Array.from({ length: n }, (_, i) => SENTENCES[(k + i) % SENTENCES.length]).join(' '));
      k++;
    }
  }
  return out;
})();

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function columnsHtml(): string {
  const body = COLUMNS_BLOCKS.map((b) => (b.startsWith('# ') ? `<h2>${esc(b.slice(2))}</h2>` : `<p>${esc(b)}</p>`)).join('\n');
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 22mm 18mm; }
body { font-family: 'NanumGothic', sans-serif; font-size: 10.5pt; line-height: 1.7; word-break: keep-all; margin: 0; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
.summary { font-size: 10.5pt; margin: 0 12mm 8mm; }
.cols { column-count: 2; column-gap: 9mm; text-align: justify; }
h2 { font-size: 12.5pt; margin: 4mm 0 2mm; break-after: avoid; }
p { margin: 0 0 3mm; text-indent: 1em; }
</style></head><body><h1>${esc(COLUMNS_TITLE)}</h1><p class="summary">${esc(COLUMNS_SUMMARY)}</p><div class="cols">${body}</div></body></html>`;
}

export function columnsExpected(): string {
  return [COLUMNS_TITLE, COLUMNS_SUMMARY, ...COLUMNS_BLOCKS.map((b) => b.replace(/^# /, ''))].join('\n') + '\n';
}
