/**
 * Writes small PDFs by hand for edge cases Chromium does not print: rotated pages, pages
 * with nothing on them. Text uses the standard Helvetica font (Latin only).
 */
export interface MinimalPage {
  /** The page's /Rotate (0, 90, 180, 270). */
  rotate?: number;
  /** Content stream operators. */
  content: string;
}

export function minimalPdf(pages: MinimalPage[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1;
  const catalog = add('');
  const tree = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const kids: number[] = [];
  for (const p of pages) {
    const stream = add(`<< /Length ${p.content.length} >>\nstream\n${p.content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 595 842] /Rotate ${p.rotate ?? 0} /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${tree} 0 R >>`;
  objects[tree - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** Text lines drawn with a text matrix [a b c d] at successive baselines. */
export function textLines(lines: string[], matrix: [number, number, number, number], start: [number, number], step: [number, number]): string {
  return lines
    .map((l, i) => `BT /F1 12 Tf ${matrix.join(' ')} ${start[0] + step[0] * i} ${start[1] + step[1] * i} Tm (${l}) Tj ET`)
    .join('\n');
}
