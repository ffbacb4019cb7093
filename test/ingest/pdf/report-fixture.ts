/**
 * A known text laid out like a Korean government report: a title page block, two heading
 * levels, 개조식 items (□ ○ -) with hanging indents, two tables (one with a wrapped cell),
 * footnotes at the page foot with superscript markers, a paragraph running over a page
 * break, and a running header and footer with page numbers (Chromium's own header and
 * footer templates). `reportHtml()` lays it out; `expectedSource()` is the text the PDF
 * reader must give back. `scripts/make-pdf-fixtures.ts` prints the HTML to report.pdf.
 */

export type FixtureBlock =
  | { kind: 'title' | 'h1' | 'h2' | 'center'; text: string }
  /** A 개조식 item: `depth` 0 □, 1 ○, 2 -; the marker is part of `text`. `notes` are footnote markers in it. */
  | { kind: 'item'; depth: number; text: string; notes?: string[] }
  | { kind: 'para'; text: string; notes?: string[]; continues?: boolean; tail?: boolean }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'small'; text: string };

export interface FixturePage {
  blocks: FixtureBlock[];
  footnotes: { marker: string; text: string }[];
}

export const RUNNING_HEADER = '2024년 지역혁신 클러스터 육성 추진계획';

/**
 * A paragraph split over pages 2 and 3: the first part is justified to the last line, as a
 * paragraph that goes on does, the second part starts at the left edge of page 3.
 */
const SPLIT_HEAD =
  '한편 지역별 클러스터 지원 사업은 부처마다 따로 추진되어 기업이 같은 목적의 지원을 여러 기관에 중복으로 신청하는 일이 잦았고, 성과 지표도 사업마다 달라 전체 효과를 비교하기 어려웠다. 특히 비수도권 산업단지의 입주기업은 행정 절차와 인력 확보에 드는 부담을';
const SPLIT_TAIL = '호소하였으며, 이에 따라 지원 창구를 하나로 모으고 지표를 통일하는 방안이 요구되었다.';

export const PAGES: FixturePage[] = [
  {
    blocks: [
      { kind: 'title', text: '2024년 지역혁신 클러스터 육성 추진계획' },
      { kind: 'center', text: '2024. 3. 15.' },
      { kind: 'center', text: '산업통상자원부' },
      { kind: 'h1', text: 'Ⅰ. 추진 배경' },
      { kind: 'h2', text: '1. 현황' },
      {
        kind: 'item',
        depth: 0,
        text: '□ 지역 혁신 클러스터는 기업과 대학, 연구기관이 한 지역에 모여 협력하는 산업 생태계로, 정부는 2004년부터 산업단지 혁신클러스터 사업을 지원해 왔다1).',
        notes: ['1)'],
      },
      { kind: 'item', depth: 1, text: '○ 2023년 말 기준 전국 13개 권역, 1,240개 기업이 참여하고 있으며 고용 인원은 약 8만 명이다.' },
      { kind: 'item', depth: 2, text: '- 수도권 외 지역의 참여 기업 비중은 2019년 54%에서 2023년 61%로 높아졌다.' },
      { kind: 'item', depth: 1, text: '○ 참여 기업의 연구개발 투자는 최근 5년간 연평균 6.2% 늘었다*.', notes: ['*'] },
    ],
    footnotes: [
      { marker: '1)', text: '「산업집적활성화 및 공장설립에 관한 법률」 제22조에 따른 산업단지 혁신클러스터 지원 사업을 말한다.' },
      { marker: '*', text: '한국산업단지공단, 「산업단지 동향 보고」(2023. 12.)' },
    ],
  },
  {
    blocks: [
      { kind: 'h2', text: '2. 주요 문제점' },
      { kind: 'item', depth: 0, text: '□ 권역별 지원 규모와 성과가 크게 달라 지역 간 격차가 커지고 있다.' },
      {
        kind: 'table',
        rows: [
          ['구분', '참여 기업 수', '지원 예산(억원)', '비고'],
          ['수도권', '480', '1,150', '-'],
          ['충청권', '260', '720', '오송 바이오 클러스터 포함'],
          ['동남권', '310', '860', '조선·자동차 부품 기업 중심으로 구성된 협의체 운영'],
          ['호남권', '190', '540', '-'],
        ],
      },
      { kind: 'small', text: '자료: 산업통상자원부 내부 자료(2023)' },
      { kind: 'item', depth: 1, text: '○ 비수도권 권역의 기업당 지원액은 수도권의 1.2배이지만 매출 증가율은 절반 수준에 그쳤다2).', notes: ['2)'] },
      { kind: 'para', text: SPLIT_HEAD, continues: true },
    ],
    footnotes: [{ marker: '2)', text: '2019∼2023년 참여 기업의 연평균 매출 증가율 기준.' }],
  },
  {
    blocks: [
      { kind: 'para', text: SPLIT_TAIL, tail: true },
      { kind: 'h1', text: 'Ⅱ. 추진 전략' },
      { kind: 'h2', text: '1. 비전 및 목표' },
      { kind: 'item', depth: 0, text: '□ (비전) 지역이 주도하고 중앙이 뒷받침하는 혁신 클러스터로 지역 성장 거점 조성' },
      { kind: 'item', depth: 0, text: '□ (목표) 2027년까지 권역별 선도 클러스터 10곳 육성, 참여 기업 매출 20% 증대' },
      { kind: 'h2', text: '2. 추진 과제' },
      { kind: 'item', depth: 0, text: '□ 지원 창구 일원화' },
      { kind: 'item', depth: 1, text: '○ 권역별 클러스터 지원센터를 지정하여 부처별 사업 신청과 상담을 한 곳에서 처리한다.' },
      { kind: 'item', depth: 2, text: '- 센터는 지방자치단체와 한국산업단지공단이 공동으로 운영한다.' },
      { kind: 'item', depth: 0, text: '□ 성과 지표 통일' },
      { kind: 'item', depth: 1, text: '○ 매출, 고용, 연구개발 투자의 3개 공통 지표를 도입하고 매년 결과를 공개한다.' },
    ],
    footnotes: [],
  },
  {
    blocks: [
      { kind: 'h1', text: 'Ⅲ. 향후 계획' },
      { kind: 'item', depth: 0, text: '□ 과제별 추진 일정은 다음과 같다.' },
      {
        kind: 'table',
        rows: [
          ['과제', '일정', '담당'],
          ['지원센터 지정', '2024. 6.', '산업통상자원부'],
          ['공통 지표 고시', '2024. 9.', '산업통상자원부'],
          ['성과 공개', '매년 12월', '한국산업단지공단'],
        ],
      },
      { kind: 'item', depth: 0, text: '□ 관계부처 협의를 거쳐 세부 시행계획을 마련하고3), 지방자치단체 설명회를 연다.', notes: ['3)'] },
    ],
    footnotes: [{ marker: '3)', text: '기획재정부, 행정안전부, 중소벤처기업부 등 관계부처와 협의한다.' }],
  },
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Wraps the listed footnote markers of a text in <sup>. */
function withNotes(text: string, notes: string[] = []): string {
  let html = esc(text);
  for (const n of notes) {
    const at = html.lastIndexOf(esc(n));
    html = html.slice(0, at) + `<sup>${esc(n)}</sup>` + html.slice(at + esc(n).length);
  }
  return html;
}

function blockHtml(b: FixtureBlock): string {
  switch (b.kind) {
    case 'title':
      return `<h1 class="title">${esc(b.text)}</h1>`;
    case 'center':
      return `<p class="center">${esc(b.text)}</p>`;
    case 'h1':
      return `<h2>${esc(b.text)}</h2>`;
    case 'h2':
      return `<h3>${esc(b.text)}</h3>`;
    case 'item': {
      const [marker, ...rest] = b.text.split(' ');
      return `<p class="item d${b.depth}"><span class="m">${esc(marker!)}</span>${withNotes(rest.join(' '), b.notes)}</p>`;
    }
    case 'para':
      return `<p class="para${b.continues ? ' continues' : ''}${b.tail ? ' tail' : ''}">${withNotes(b.text, b.notes)}</p>`;
    case 'small':
      return `<p class="small">${esc(b.text)}</p>`;
    case 'table':
      return `<table>${b.rows.map((r, i) => `<tr>${r.map((c) => (i === 0 ? `<th>${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('')}</table>`;
  }
}

/**
 * Layouts of the same text. `report`: Myeongjo body, bordered tables, `- N -` footer.
 * `plain`: a layout the reader was not tuned on: Gothic body at 10.5 pt with wider
 * leading, borderless tables with right-aligned numbers and centred headers, footnotes
 * without a separator rule, `N / M` page numbers at the top right.
 */
export type Layout = 'report' | 'plain';

const PLAIN_CSS = `
body { font-family: 'NanumGothic', sans-serif; font-size: 10.5pt; line-height: 1.85; }
table { font-size: 10pt; width: auto; }
th, td { border: none; padding: 3pt 14pt 3pt 0; }
th { background: none; text-align: center; border-bottom: 0; }
td:nth-child(n+2) { text-align: right; }
.notes { border-top: none; font-size: 8.5pt; }
p.item.d1 { margin-left: 2em; }
`;

export function reportHtml(pages: FixturePage[] = PAGES, layout: Layout = 'report'): string {
  const body = pages
    .map(
      (p) =>
        `<section class="page"><div class="body">${p.blocks.map(blockHtml).join('\n')}</div>` +
        (p.footnotes.length
          ? `<div class="notes">${p.footnotes.map((f) => `<p><span class="fm">${esc(f.marker)}</span> ${esc(f.text)}</p>`).join('')}</div>`
          : '') +
        `</section>`,
    )
    .join('\n');
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>${esc(RUNNING_HEADER)}</title><style>
@page { size: A4; margin: 25mm 20mm 22mm 20mm; }
html, body { margin: 0; }
body { font-family: 'NanumMyeongjo', serif; font-size: 12pt; line-height: 1.6; word-break: keep-all; }
.page { position: relative; height: 249mm; break-after: page; overflow: hidden; }
.page:last-child { break-after: auto; }
h1.title { font-family: 'NanumGothic'; font-weight: bold; font-size: 20pt; text-align: center; margin: 10mm 0 8mm; }
p.center { text-align: center; margin: 0 0 4mm; font-family: 'NanumGothic'; }
h2 { font-family: 'NanumGothic'; font-weight: bold; font-size: 16pt; margin: 8mm 0 4mm; }
h3 { font-family: 'NanumGothic'; font-weight: bold; font-size: 13.5pt; margin: 6mm 0 3mm; }
p { margin: 0 0 9pt; }
p.item { padding-left: 1.3em; text-indent: -1.3em; }
p.item .m { display: inline-block; width: 1.3em; text-indent: 0; }
p.item.d1 { margin-left: 1.5em; }
p.item.d2 { margin-left: 3em; }
p.para { text-indent: 1em; text-align: justify; }
p.para.continues { text-align-last: justify; margin-bottom: 0; }
p.para.tail { text-indent: 0; }
p.small { font-size: 10pt; margin-top: 3pt; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; font-size: 11pt; line-height: 1.4; }
th, td { border: 1px solid #000; padding: 5pt 6pt; }
th { font-family: 'NanumGothic'; font-weight: bold; background: #eee; }
sup { font-size: 0.7em; line-height: 0; }
.notes { position: absolute; left: 0; right: 0; bottom: 0; border-top: 0.5pt solid #000; padding-top: 4pt; font-size: 9pt; line-height: 1.5; }
.notes p { margin: 0 0 2pt; padding-left: 1.6em; text-indent: -1.6em; }
${layout === 'plain' ? PLAIN_CSS : ''}</style></head><body>
${body}
</body></html>`;
}

/** Chromium header and footer templates: the running header and `- N -` page numbers. */
export const HEADER_TEMPLATE = `<div style="width:100%;font-size:9pt;font-family:NanumGothic;text-align:right;margin:0 20mm;color:#444">${esc(RUNNING_HEADER)}</div>`;
export const FOOTER_TEMPLATE = `<div style="width:100%;font-size:9pt;font-family:NanumGothic;text-align:center">- <span class="pageNumber"></span> -</div>`;
/** The plain layout's header: title at the left, `N / M` at the right; no footer. */
export const PLAIN_HEADER_TEMPLATE = `<div style="width:100%;font-size:8pt;font-family:NanumGothic;margin:0 20mm;display:flex;justify-content:space-between"><span>${esc(RUNNING_HEADER)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;

/** The source text the reader must produce: one paragraph a line, tables fenced, each footnote after its block. */
export function expectedSource(pages: FixturePage[] = PAGES): string {
  const lines: string[] = [];
  const notes = new Map<string, string>();
  for (const p of pages) for (const f of p.footnotes) notes.set(f.marker, `${f.marker} ${f.text}`);
  const flush = (b: { notes?: string[] }) => {
    for (const n of b.notes ?? []) lines.push(notes.get(n)!);
  };
  let carry = '';
  for (const p of pages) {
    for (const b of p.blocks) {
      if (b.kind === 'table') {
        lines.push('[표]', ...b.rows.map((r) => `| ${r.join(' | ')} |`), '[/표]');
      } else if (b.kind === 'para' && b.continues) {
        carry = b.text;
      } else {
        lines.push(carry ? `${carry} ${b.text}` : b.text);
        carry = '';
        if (b.kind === 'item' || b.kind === 'para') flush(b);
      }
    }
  }
  return lines.join('\n') + '\n';
}
