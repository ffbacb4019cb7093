/**
 * Opens a PDF with PDF.js (legacy Node build, in-process "fake" worker, no network) and
 * returns each page's text runs with their geometry and font. Everything PDF.js needs
 * (CMaps for CJK fonts, standard font data) is read from the installed `pdfjs-dist`.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));

/** One run of text as PDF.js reports it, in top-down page coordinates (points). */
export interface TextRun {
  text: string;
  /** Left edge and right edge. */
  x0: number;
  x1: number;
  /** Baseline, measured from the top of the page. */
  baseline: number;
  /** Glyph box top and bottom (from the font's ascent and descent), from the top of the page. */
  top: number;
  bottom: number;
  /** Font size in points (the text matrix's vertical scale). */
  size: number;
  font: string;
  bold: boolean;
}

/** A thin painted rectangle or line (a table border), top-down page coordinates. */
export interface Rule {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  /** Horizontal and vertical rules drawn on the page (cell borders, separators). */
  rules: Rule[];
  /** How many raster images the page paints (a scanned page is one image, no text). */
  images: number;
  /** Text runs skipped because they are not horizontal on the page as seen (vertical text). */
  rotated: number;
}

export interface LoadedPdf {
  pages: PdfPage[];
  /** The document information dictionary's Title, Author and CreationDate, when present. */
  info: { title?: string; author?: string; created?: string };
}

/** Font names that say bold (subset prefixes like `ABCDEF+` are ignored by the match). */
const BOLD_NAME = /bold|black|heavy|semibold|demibold|-b$|,b$|headline|gothic-?extra/i;

/** Control characters that some embedded fonts map their space glyph to (seen: U+0001). */
const CONTROL = /[\u0000-\u001f\u007f]/g;

export async function loadPdf(bytes: Uint8Array): Promise<LoadedPdf> {
  let doc: PDFDocumentProxy;
  const task = getDocument({
      // PDF.js transfers (detaches) the buffer it is given; keep the caller's bytes intact.
      data: bytes.slice(),
      cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
      disableFontFace: true,
      useSystemFonts: false,
      // Keeps the font's real name (for bold detection) on the loaded font objects.
      fontExtraProperties: true,
      verbosity: 0,
    });
  try {
    doc = await task.promise;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await task.destroy();
    if (/password/i.test(reason)) throw new Error('The PDF is encrypted with a password; save an unprotected copy and try again.');
    throw new Error(`The file is not a readable PDF: ${reason}`);
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(await doc.getPage(n), n));
    const meta = await doc.getMetadata().catch(() => null);
    const dict = (meta?.info ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    return { pages, info: { title: str(dict.Title), author: str(dict.Author), created: str(dict.CreationDate) } };
  } finally {
    await task.destroy();
  }
}

async function readPage(page: PDFPageProxy, number: number): Promise<PdfPage> {
  // The viewport maps PDF space to the page as seen: origin at the top left, y downward,
  // the crop box offset and the page's /Rotate applied. Everything below is in that space.
  const viewport = page.getViewport({ scale: 1 });
  const view = viewport.transform as Matrix;
  const height = viewport.height;
  // PDF.js normalises compatibility characters (NFKC) by default, which would turn the
  // documents' own ･ ・ ㆍ and full-width forms into others; the source keeps them as written.
  const content = await page.getTextContent({ disableNormalization: true });
  // The text content names fonts by their loaded id only; the real name (which says
  // whether the face is bold) is known once the page's fonts are loaded.
  const names = new Map<string, string>();
  const fontIds = new Set(content.items.flatMap((i) => ('fontName' in i ? [i.fontName] : [])));
  const ops = await page.getOperatorList();
  const rules = fontIds.size > 0 ? pageRules(ops, view) : [];
  const images = ops.fnArray.filter((fn) => IMAGE_OPS.has(fn)).length;
  {
    for (const id of fontIds) {
      try {
        const font = page.commonObjs.get(id) as { name?: string } | null;
        names.set(id, font?.name ?? id);
      } catch {
        names.set(id, id);
      }
    }
  }
  const runs: TextRun[] = [];
  let rotated = 0;
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const text = item.str.replace(CONTROL, ' ');
    // Blank items that PDF.js synthesises for wide gaps have no height and are dropped; a
    // real glyph that maps to no text (a space drawn with a control code, a glyph without
    // a Unicode mapping) is kept as a blank run, so that it reads as a space and never as
    // the wide gap between two table cells.
    if (text.trim() === '' && !(item.height > 0 && item.width > 0)) continue;
    const [a, b, c, d, e, f] = multiply(view, item.transform as Matrix);
    // Text rotated on the page as seen (a vertical label in a margin) is not running text.
    if (Math.abs(b) > 1e-3 || a <= 0) {
      rotated++;
      continue;
    }
    const size = Math.hypot(c, d) || item.height;
    const style = content.styles[item.fontName];
    const ascent = style?.ascent ?? 0.9;
    const descent = style?.descent ?? -0.2;
    const x0 = e;
    const baseline = f;
    const width = item.width || a * text.length * 0.5;
    const font = names.get(item.fontName) ?? item.fontName;
    runs.push({
      text,
      x0,
      x1: x0 + width,
      baseline,
      top: baseline - ascent * size,
      bottom: baseline - descent * size,
      size,
      font,
      bold: BOLD_NAME.test(font.replace(/^[A-Z]{6}\+/, '')),
    });
  }
  page.cleanup();
  return { number, width: viewport.width, height, runs, rules, images, rotated };
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const IMAGE_OPS = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintInlineImageXObjectGroup]);
/** Painting operators (stroke … closeEOFillStroke); a path ended otherwise is a clip. */
const PAINT = new Set([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
/** A rule is at most this thick (points) and at least this long. */
const THIN = 2.5;
const LONG = 4;

/**
 * Collects the page's thin painted paths (table borders drawn as lines or as hairline
 * rectangles) from PDF.js's operator list, following the transformation matrix through
 * save/restore and form XObjects. Only each path's bounding box is needed.
 */
function pageRules(ops: { fnArray: number[]; argsArray: unknown[] }, view: Matrix): Rule[] {
  const rules: Rule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(ctm, Array.from(args[0] as ArrayLike<number>) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args && typeof args[0] === 'number' && PAINT.has(args[0])) {
      const box = args[2] as ArrayLike<number> | null;
      if (!box || box.length < 4) continue;
      const corners = [
        [box[0]!, box[1]!],
        [box[2]!, box[1]!],
        [box[0]!, box[3]!],
        [box[2]!, box[3]!],
      ].map(([x, y]) => {
        const m = multiply(view, ctm);
        return [m[0] * x! + m[2] * y! + m[4], m[1] * x! + m[3] * y! + m[5]] as const;
      });
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => c[1]);
      const r = { x0: Math.min(...xs), x1: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
      const w = r.x1 - r.x0;
      const h = r.bottom - r.top;
      if ((w <= THIN && h >= LONG) || (h <= THIN && w >= LONG)) rules.push(r);
    }
  }
  return rules;
}
