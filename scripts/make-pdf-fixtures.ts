/**
 * Prints the PDF fixtures of the PDF reader's tests with Debian's Chromium (headless):
 * test/ingest/pdf/report.pdf from the known text in test/ingest/pdf/report-fixture.ts, and
 * test/ingest/pdf/report-plain.pdf (the same text in another layout), and
 * test/ingest/pdf/columns.pdf (a two-column article, test/ingest/pdf/columns-fixture.ts),
 * test/ingest/pdf/scanned.pdf, a page with only an image (no text layer), and
 * test/ingest/pdf/password.pdf, a hand-made one-page PDF encrypted with a user password by
 * qpdf (Debian package `qpdf`).
 * Run: node scripts/make-pdf-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { minimalPdf, textLines } from '../test/ingest/pdf/minimal-pdf.ts';
import { columnsHtml } from '../test/ingest/pdf/columns-fixture.ts';
import { fileURLToPath } from 'node:url';
import { launch } from '../test/browser/browser.ts';
import { FOOTER_TEMPLATE, HEADER_TEMPLATE, PLAIN_HEADER_TEMPLATE, PAGES, reportHtml } from '../test/ingest/pdf/report-fixture.ts';

const dir = fileURLToPath(new URL('../test/ingest/pdf/', import.meta.url));

export async function printPdf(html: string, opts: { header?: boolean; headerTemplate?: string; footerTemplate?: string } = {}): Promise<Uint8Array> {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      displayHeaderFooter: opts.header ?? false,
      headerTemplate: opts.headerTemplate ?? HEADER_TEMPLATE,
      footerTemplate: opts.footerTemplate ?? FOOTER_TEMPLATE,
      printBackground: true,
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}

/** A scanned page: a raster image and nothing else (drawn on a canvas, so no text). */
const SCANNED_HTML = `<!doctype html><html><body style="margin:0"><canvas id="c" width="600" height="800"></canvas><script>
const c = document.getElementById('c').getContext('2d');
c.fillStyle = '#fff'; c.fillRect(0, 0, 600, 800);
c.fillStyle = '#222'; for (let y = 60; y < 760; y += 24) c.fillRect(60, y, 420 + (y % 5) * 20, 10);
</script></body></html>`;

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(`${dir}report.pdf`, await printPdf(reportHtml(), { header: true }));
  writeFileSync(
    `${dir}report-plain.pdf`,
    await printPdf(reportHtml(PAGES, 'plain'), { header: true, headerTemplate: PLAIN_HEADER_TEMPLATE, footerTemplate: '<span></span>' }),
  );
  writeFileSync(`${dir}scanned.pdf`, await printPdf(SCANNED_HTML));
  writeFileSync(`${dir}columns.pdf`, await printPdf(columnsHtml(), { header: true }));
  const plain = `${dir}password-plain.tmp.pdf`;
  writeFileSync(plain, minimalPdf([{ content: textLines(['Secret text.'], [1, 0, 0, 1], [72, 770], [0, -20]) }]));
  execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', plain, `${dir}password.pdf`]);
  execFileSync('rm', [plain]);
  console.log(`wrote report.pdf, report-plain.pdf, columns.pdf, scanned.pdf and password.pdf in ${dir}`);
}
