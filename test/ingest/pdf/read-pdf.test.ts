/**
 * The PDF reader against known text: report.pdf and report-plain.pdf are the text of
 * report-fixture.ts printed by Chromium in two layouts (scripts/make-pdf-fixtures.ts makes
 * them); the reader must give the text back exactly — paragraphs, headings, table cells and
 * footnotes, without the running header, footer or page numbers — with each line's page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PdfNoTextError, readPdf } from '../../../src/ingest/pdf/read-pdf.ts';
import { pdfToSourceText } from '../../../src/ingest/pdf/source-text.ts';
import { columnsExpected, COLUMNS_TITLE } from './columns-fixture.ts';
import { minimalPdf, textLines } from './minimal-pdf.ts';
import { expectedSource, PAGES, RUNNING_HEADER } from './report-fixture.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, import.meta.url)));

/** The page each expected line comes from: blocks and footnotes by the page they are on. */
function expectedPages(): number[] {
  const pages: number[] = [];
  PAGES.forEach((page, i) => {
    for (const b of page.blocks) {
      if (b.kind === 'table') pages.push(...Array<number>(b.rows.length + 2).fill(i + 1));
      else if (b.kind === 'para' && b.tail) continue; // joined to the paragraph it continues
      else pages.push(i + 1);
      if ((b.kind === 'item' || b.kind === 'para') && b.notes) pages.push(...b.notes.map(() => i + 1));
    }
  });
  return pages;
}

describe.each(['report.pdf', 'report-plain.pdf'])('readPdf(%s)', (name) => {
  it('gives back the known text: paragraphs, headings, tables, footnotes; no running header, footer or page numbers', async () => {
    const doc = await readPdf(fixture(name));
    const { text } = pdfToSourceText(doc);
    expect(text).toBe(expectedSource());
    // The running header repeats the title: only the title itself is left.
    expect(text.split('\n').filter((l) => l === RUNNING_HEADER)).toHaveLength(1);
    expect(text).not.toMatch(/^(?:- \d+ -|\d+ \/ \d+)$/mu);
    expect(doc.warnings).toEqual([]);
  });

  it('records the page of every line', async () => {
    const { origins } = pdfToSourceText(await readPdf(fixture(name)));
    expect(origins.map((o) => o.page)).toEqual(expectedPages());
  });

  it('finds two heading levels under the title, the tables and the footnotes with their markers', async () => {
    const doc = await readPdf(fixture(name));
    const headings = doc.blocks.flatMap((b) => (b.kind === 'paragraph' && b.heading ? [`${b.heading} ${b.text}`] : []));
    expect(headings).toEqual([
      `1 ${RUNNING_HEADER}`,
      '2 Ⅰ. 추진 배경',
      '3 1. 현황',
      '3 2. 주요 문제점',
      '2 Ⅱ. 추진 전략',
      '3 1. 비전 및 목표',
      '3 2. 추진 과제',
      '2 Ⅲ. 향후 계획',
    ]);
    expect(doc.footnotes.map((f) => [f.marker, f.origin.page])).toEqual([
      ['1)', 1],
      ['*', 1],
      ['2)', 2],
      ['3)', 4],
    ]);
    expect(doc.stats).toMatchObject({ pages: 4, tables: 2, footnotes: 4 });
    // One running header and one page number per page (the plain layout has a single header line).
    expect(doc.stats.removed).toBe(name === 'report.pdf' ? 8 : 4);
  });

  it('guesses the metadata from the first page, each marked for review', async () => {
    const { meta } = await readPdf(fixture(name));
    expect(meta).toEqual({
      title: { value: RUNNING_HEADER, review: true },
      issued: { value: '2024-03-15', review: true },
      publisher: { value: '산업통상자원부', review: true },
      kind: { value: 'plan', review: true },
    });
  });
});

describe('readPdf(columns.pdf): a two-column article', () => {
  it('reads the full-width title and summary, then the left column, then the right, page by page', async () => {
    const doc = await readPdf(fixture('columns.pdf'));
    expect(pdfToSourceText(doc).text).toBe(columnsExpected());
    const headings = doc.blocks.flatMap((b) => (b.kind === 'paragraph' && b.heading ? [b.text] : []));
    expect(headings).toEqual([COLUMNS_TITLE, '1. 서론', '2. 협력의 유형', '3. 협력의 성과', '4. 정책 과제']);
    expect(doc.stats).toMatchObject({ pages: 2, tables: 0, removed: 4 });
  });
});

describe('readPdf without a text layer', () => {
  it('rejects a scanned PDF with a message that says why and that OCR is out of scope', async () => {
    const read = readPdf(fixture('scanned.pdf'));
    await expect(read).rejects.toBeInstanceOf(PdfNoTextError);
    await expect(readPdf(fixture('scanned.pdf'))).rejects.toThrow(/no text layer.*scan.*OCR/su);
  });

  it('rejects a password-protected PDF, saying so', async () => {
    await expect(readPdf(fixture('password.pdf'))).rejects.toThrow(/encrypted with a password/u);
  });

  it('rejects bytes that are not a PDF', async () => {
    await expect(readPdf(new TextEncoder().encode('not a pdf'))).rejects.toThrow(/not a readable PDF/u);
  });
});

describe('readPdf on hand-made PDFs', () => {
  const lines = ['First paragraph, one line.', 'Second paragraph, one line.'];

  it('reads a page turned by /Rotate as it is seen', async () => {
    // Drawn a quarter turn counter-clockwise on a page shown a quarter turn clockwise.
    const pdf = minimalPdf([{ rotate: 90, content: textLines(lines, [0, 1, -1, 0], [100, 72], [40, 0]) }]);
    expect(pdfToSourceText(await readPdf(pdf)).text).toBe(`${lines.join('\n')}\n`);
  });

  it('says when a page holds nothing, and when its only text is vertical', async () => {
    await expect(readPdf(minimalPdf([{ content: '' }]))).rejects.toThrow(/no text layer.*hold no text.*OCR/su);
    const vertical = minimalPdf([{ content: textLines(lines, [0, 1, -1, 0], [100, 72], [40, 0]) }]);
    await expect(readPdf(vertical)).rejects.toThrow(/only text runs vertically/u);
  });

  it('reads the text pages of a PDF with a scanned page among them, and warns about it', async () => {
    // Page 2 paints a (one-pixel, grey) inline image and has no text: a scanned page.
    const image = 'q 400 0 0 560 100 140 cm BI /W 1 /H 1 /CS /G /BPC 8 ID A EI Q';
    const mixed = await readPdf(minimalPdf([{ content: textLines(lines, [1, 0, 0, 1], [72, 770], [0, -40]) }, { content: image }]));
    expect(pdfToSourceText(mixed).text).toBe(`${lines.join('\n')}\n`);
    expect(mixed.stats.pages).toBe(2);
    expect(mixed.warnings).toEqual(['Page(s) 2 are images without a text layer (scanned); their content is missing. OCR is out of scope.']);
  });
});
