/**
 * Builds small HWP 5.0 and HWPX files in memory for the reader tests: the six real originals
 * have no footnotes and few numbering styles, so those paths are tested on files made here,
 * record by record (HWP) or element by element (HWPX), from the format's own layout.
 */
import CFB from 'cfb';
import { deflateRawSync } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';

// ---------- HWP 5.0 ----------

const TAG = { NUMBERING: 0x17, BULLET: 0x18, PARA_SHAPE: 0x19, PARA_HEADER: 0x42, PARA_TEXT: 0x43, CTRL_HEADER: 0x47, LIST_HEADER: 0x48, TABLE: 0x4d };

class Bytes {
  private parts: number[] = [];
  u8(v: number) {
    this.parts.push(v & 0xff);
    return this;
  }
  u16(v: number) {
    return this.u8(v).u8(v >>> 8);
  }
  u32(v: number) {
    return this.u16(v & 0xffff).u16(v >>> 16);
  }
  str(s: string) {
    this.u16(s.length);
    for (const ch of s) this.u16(ch.charCodeAt(0));
    return this;
  }
  get(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

function record(tag: number, level: number, data: Uint8Array): Uint8Array {
  const size = data.length;
  const head = new Bytes().u32(tag | (level << 10) | (Math.min(size, 0xfff) << 20));
  if (size >= 0xfff) head.u32(size);
  const h = head.get();
  const out = new Uint8Array(h.length + size);
  out.set(h);
  out.set(data, h.length);
  return out;
}
function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}
function ctrlIdNumber(id: string): number {
  return ((id.charCodeAt(0) << 24) | (id.charCodeAt(1) << 16) | (id.charCodeAt(2) << 8) | id.charCodeAt(3)) >>> 0;
}

/** A piece of paragraph content: text, or an extended control with its records. */
export type HwpPiece = string | { ctrl: 'tbl ' | 'fn  ' | 'en  ' | 'gso '; floating?: boolean; build: (level: number) => Uint8Array[] };

export interface HwpParagraph {
  pieces: HwpPiece[];
  shape?: number;
}

export function hwpParagraph(p: HwpParagraph, level: number): Uint8Array[] {
  const text = new Bytes();
  const ctrls: Uint8Array[] = [];
  let chars = 0;
  for (const piece of p.pieces) {
    if (typeof piece === 'string') {
      for (const ch of piece) {
        // A tab is an inline control of 8 units; a line break one unit.
        if (ch === '\t') (text.u16(9).u32(0).u32(0).u32(0).u16(9), (chars += 8));
        else (text.u16(ch === '\n' ? 10 : ch.charCodeAt(0)), chars++);
      }
      continue;
    }
    const code = piece.ctrl === 'tbl ' || piece.ctrl === 'gso ' ? 11 : 17;
    const id = ctrlIdNumber(piece.ctrl);
    text.u16(code).u32(id).u32(0).u32(0).u16(code);
    chars += 8;
    const header = new Bytes().u32(id).u32(piece.floating ? 0 : 1).u32(0).u32(0).u32(0).u32(0).u32(0).u32(0).u32(0).u32(0).get();
    ctrls.push(record(TAG.CTRL_HEADER, level + 1, header), ...piece.build(level + 2));
  }
  text.u16(13);
  chars++;
  const header = new Bytes().u32(chars).u32(0).u16(p.shape ?? 0).u8(0).u8(0).u16(1).u16(0).u16(1).u32(0).get();
  return [record(TAG.PARA_HEADER, level, header), record(TAG.PARA_TEXT, level + 1, text.get()), ...ctrls];
}

/** A cell or note list: LIST_HEADER (+ cell address when given) and its paragraphs. */
function list(level: number, paragraphs: HwpParagraph[], cell?: { row: number; col: number; rowSpan?: number; colSpan?: number }): Uint8Array[] {
  const h = new Bytes().u32(paragraphs.length).u32(0);
  if (cell) h.u16(cell.col).u16(cell.row).u16(cell.colSpan ?? 1).u16(cell.rowSpan ?? 1).u32(1000).u32(1000).u16(0).u16(0).u16(0).u16(0).u16(1);
  return [record(TAG.LIST_HEADER, level, h.get()), ...paragraphs.flatMap((p) => hwpParagraph(p, level))];
}

export function hwpTable(rows: number, cols: number, cells: { row: number; col: number; rowSpan?: number; colSpan?: number; text: string[] }[], floating = false): HwpPiece {
  return {
    ctrl: 'tbl ',
    floating,
    build: (level) => [
      record(TAG.TABLE, level, new Bytes().u32(0).u16(rows).u16(cols).u16(0).u16(0).u16(0).u16(0).u16(0).get()),
      ...cells.flatMap((c) => list(level, c.text.map((t) => ({ pieces: [t] })), c)),
    ],
  };
}

export function hwpNote(text: string, kind: 'fn  ' | 'en  ' = 'fn  '): HwpPiece {
  return { ctrl: kind, build: (level) => list(level, [{ pieces: [text] }]) };
}

export interface HwpOptions {
  version?: number;
  properties?: number;
  compressed?: boolean;
  /** Numbering formats per level for numbering id 1 (shape per level from `shapes`). */
  numbering?: { formats: string[]; shapes: number[] };
  bullet?: string;
  /** Paragraph shapes: head kind (0 none, 1 outline, 2 number, 3 bullet), level, ref id. */
  shapes?: { kind: number; level: number; ref: number }[];
}

export function makeHwp(paragraphs: HwpParagraph[], opts: HwpOptions = {}): Uint8Array {
  const compressed = opts.compressed ?? true;
  const header = new Uint8Array(256);
  header.set(new TextEncoder().encode('HWP Document File'));
  const hv = new DataView(header.buffer);
  hv.setUint32(32, opts.version ?? 0x05000300, true);
  hv.setUint32(36, (opts.properties ?? 0) | (compressed ? 1 : 0), true);

  const docInfo: Uint8Array[] = [];
  if (opts.numbering) {
    const b = new Bytes();
    for (let i = 0; i < 7; i++) b.u32((opts.numbering.shapes[i] ?? 0) << 5).u16(0).u16(0).u32(0).str(opts.numbering.formats[i] ?? '');
    b.u16(1);
    for (let i = 0; i < 7; i++) b.u32(1);
    docInfo.push(record(TAG.NUMBERING, 0, b.get()));
  }
  if (opts.bullet) docInfo.push(record(TAG.BULLET, 0, new Bytes().u32(0).u16(0).u16(0).u32(0).u16(opts.bullet.charCodeAt(0)).u32(0).u8(0).u8(0).u8(0).u16(0).get()));
  for (const s of [{ kind: 0, level: 0, ref: 0 }, ...(opts.shapes ?? [])]) {
    const b = new Bytes().u32(((s.kind & 3) << 23) | ((s.level & 7) << 25));
    for (let i = 0; i < 6; i++) b.u32(0);
    b.u16(0).u16(s.ref).u16(0).u16(0).u16(0).u16(0).u16(0).u32(0).u32(0).u32(0);
    docInfo.push(record(TAG.PARA_SHAPE, 0, b.get()));
  }
  const section = concat(paragraphs.flatMap((p) => hwpParagraph(p, 0)));
  const pack = (b: Uint8Array) => (compressed ? new Uint8Array(deflateRawSync(b)) : b);
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, 'FileHeader', header);
  CFB.utils.cfb_add(cfb, 'DocInfo', pack(concat(docInfo)));
  CFB.utils.cfb_add(cfb, 'BodyText/Section0', pack(section));
  return new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

// ---------- HWPX ----------

const NS = 'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head"';

export function hwpxP(inner: string, paraPr = 0): string {
  return `<hp:p paraPrIDRef="${paraPr}" styleIDRef="0"><hp:run charPrIDRef="0">${inner}</hp:run></hp:p>`;
}
export function hwpxTable(rows: number, cols: number, cells: { row: number; col: number; rowSpan?: number; colSpan?: number; text: string[] }[], floating = false): string {
  const byRow = new Map<number, string[]>();
  for (const c of cells) {
    const tc = `<hp:tc><hp:subList>${c.text.map((t) => hwpxP(`<hp:t>${t}</hp:t>`)).join('')}</hp:subList><hp:cellAddr colAddr="${c.col}" rowAddr="${c.row}"/><hp:cellSpan colSpan="${c.colSpan ?? 1}" rowSpan="${c.rowSpan ?? 1}"/></hp:tc>`;
    byRow.set(c.row, [...(byRow.get(c.row) ?? []), tc]);
  }
  return `<hp:tbl rowCnt="${rows}" colCnt="${cols}"><hp:pos treatAsChar="${floating ? 0 : 1}"/>${[...byRow.values()].map((r) => `<hp:tr>${r.join('')}</hp:tr>`).join('')}</hp:tbl>`;
}

export function makeHwpx(sectionBody: string, header = '', manifest = ''): Uint8Array {
  return zipSync({
    mimetype: strToU8('application/hwp+zip'),
    'META-INF/manifest.xml': strToU8(`<?xml version="1.0"?><odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">${manifest}</odf:manifest>`),
    'Contents/header.xml': strToU8(`<?xml version="1.0"?><hh:head ${NS}><hh:refList>${header}</hh:refList></hh:head>`),
    'Contents/section0.xml': strToU8(`<?xml version="1.0"?><hs:sec ${NS}>${sectionBody}</hs:sec>`),
  });
}
