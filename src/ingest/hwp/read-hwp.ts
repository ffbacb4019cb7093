import CFB from 'cfb';
import { inflateRawSync } from 'node:zlib';
import { IngestError, type IngestedDocument } from '../model.ts';
import { Reader, TAG, ctrlId, readRecords, recordTree, type HwpRecord } from './records.ts';
import { readDocInfo, type DocInfo } from './doc-info.ts';
import { Builder, type RawParagraph, type Run } from '../build.ts';

/**
 * Reads an HWP 5.0 file (a compound file: FileHeader, DocInfo, BodyText/SectionN) into the
 * ingest model. Tables come from their TABLE and cell LIST_HEADER records, text boxes from the
 * paragraph lists of drawing objects, footnotes and endnotes from `fn  ` / `en  ` controls, and
 * automatic numbering and bullets from DocInfo (they are not in the text stream).
 */
export function readHwp(bytes: Uint8Array): IngestedDocument {
  if (bytes.length >= 17 && ascii(bytes.subarray(0, 17)) === 'HWP Document File' && bytes[0] !== 0xd0) {
    throw new IngestError('This is an HWP file older than version 5.0 (HWP 3.x / 97); open it in Hangul and save it as HWP 5.0 or HWPX');
  }
  let cfb: CFB.CFB$Container;
  try {
    cfb = CFB.read(bytes, { type: 'buffer' });
  } catch {
    throw new IngestError('This file is not an HWP 5.0 document (not a compound file)');
  }
  const header = stream(cfb, 'FileHeader');
  if (!header || ascii(header.subarray(0, 17)) !== 'HWP Document File') throw new IngestError('This file is not an HWP 5.0 document (no HWP FileHeader)');
  const hv = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const version = hv.getUint32(32, true);
  const major = version >>> 24;
  if (major < 5) throw new IngestError(`This HWP file is version ${major}.x, older than 5.0; save it as HWP 5.0 or HWPX`);
  const props = hv.getUint32(36, true);
  const compressed = (props & 1) !== 0;
  if (props & 2) throw new IngestError('This HWP file is password-encrypted; open it in Hangul, remove the password and save it again');
  if (props & 4) throw new IngestError('This HWP file is distribution-protected (배포용 문서): its text is encrypted and copying is not permitted; ask the publisher for an unprotected copy');
  if (props & 0x10) throw new IngestError('This HWP file is DRM-protected; its text cannot be read');

  const inflate = (b: Uint8Array) => (compressed ? new Uint8Array(inflateRawSync(b)) : b);
  const docInfoBytes = stream(cfb, 'DocInfo');
  const info = readDocInfo(docInfoBytes ? readRecords(inflate(docInfoBytes)) : [], version);
  const builder = new Builder('hwp');
  for (let s = 0; ; s++) {
    const sec = stream(cfb, `BodyText/Section${s}`);
    if (!sec) {
      if (s === 0) throw new IngestError('This HWP file has no body text (BodyText/Section0 is missing)');
      break;
    }
    const roots = recordTree(readRecords(inflate(sec)));
    const reader = new SectionReader(info, s, builder);
    reader.read(roots);
  }
  return builder.finish();
}

function ascii(b: Uint8Array): string {
  return String.fromCharCode(...b);
}

function stream(cfb: CFB.CFB$Container, path: string): Uint8Array | null {
  const entry = CFB.find(cfb, `Root Entry/${path}`) ?? CFB.find(cfb, `/${path}`);
  if (!entry || !entry.content) return null;
  const c = entry.content as Uint8Array | number[];
  return c instanceof Uint8Array ? c : Uint8Array.from(c);
}

/** Bit 0 of an object's common properties: placed like a character (글자처럼 취급) or not. */
function floating(ctrl: HwpRecord): boolean {
  const r = new Reader(ctrl.data);
  r.u32();
  return (r.u32() & 1) === 0;
}

/** Walks one section's paragraphs, turning records into the builder's paragraphs. */
class SectionReader {
  private info: DocInfo;
  private section: number;
  private builder: Builder;
  constructor(info: DocInfo, section: number, builder: Builder) {
    this.info = info;
    this.section = section;
    this.builder = builder;
  }

  read(roots: HwpRecord[]) {
    let index = 0;
    for (const r of roots) {
      if (r.tag !== TAG.PARA_HEADER) continue;
      this.builder.paragraph(this.paragraph(r), { section: this.section, paragraph: index });
      index++;
    }
  }

  /** A paragraph: its text runs with controls (tables, boxes, notes) at their place in the text. */
  paragraph(header: HwpRecord): RawParagraph {
    const h = new Reader(header.data);
    h.u32(); // characters
    h.u32(); // control mask
    const shapeId = h.u16();
    const styleId = h.u8();
    const textRec = header.children.find((c) => c.tag === TAG.PARA_TEXT);
    const ctrls = header.children.filter((c) => c.tag === TAG.CTRL_HEADER);
    const runs: Run[] = [];
    let text = '';
    let ctrlIndex = 0;
    const flush = () => {
      if (text) runs.push({ type: 'text', text });
      text = '';
    };
    if (textRec) {
      const d = textRec.data;
      const v = new DataView(d.buffer, d.byteOffset, d.byteLength);
      for (let i = 0; i + 1 < d.length; ) {
        const c = v.getUint16(i, true);
        if (c >= 32) {
          text += String.fromCharCode(c);
          i += 2;
          continue;
        }
        switch (c) {
          // Char controls: one code unit.
          case 10: // line break inside the paragraph: a new line, as the reader sees it
            text += '\n';
            i += 2;
            continue;
          case 13: // paragraph end
            i += 2;
            continue;
          case 24: // hyphen
            text += '-';
            i += 2;
            continue;
          case 30: // non-breaking (묶음) space
          case 31: // fixed-width space
            text += ' ';
            i += 2;
            continue;
          case 0:
          case 25:
          case 26:
          case 27:
          case 28:
          case 29:
            i += 2;
            continue;
          case 9: // tab: an inline control of 8 units
            text += '\t';
            i += 16;
            continue;
          case 4:
          case 5:
          case 6:
          case 7:
          case 8:
          case 19:
          case 20: // other inline controls (field end, title mark, reserved)
            i += 16;
            continue;
          default: {
            // Extended controls (1-3, 11, 12, 14-18, 21-23): 8 units, each with a CTRL_HEADER child in order.
            const ctrl = ctrls[ctrlIndex++];
            i += 16;
            if (!ctrl) continue;
            const id = ctrlId(new Reader(ctrl.data).u32());
            const produced = this.control(id, ctrl);
            if (produced) {
              if (produced.type === 'inline') text += produced.text;
              else {
                flush();
                runs.push(produced.run);
              }
            }
          }
        }
      }
    }
    flush();
    return { runs, ...this.info.head(shapeId, styleId) };
  }

  control(id: string, ctrl: HwpRecord): { type: 'inline'; text: string } | { type: 'run'; run: Run } | null {
    switch (id) {
      case 'tbl ':
        return { type: 'run', run: { ...this.table(ctrl), floating: floating(ctrl) } as Run };
      case 'gso ':
        return { type: 'run', run: { type: 'box', paragraphs: this.lists(ctrl).flat(), floating: floating(ctrl) } };
      case 'fn  ':
      case 'en  ': {
        const r = new Reader(ctrl.data);
        r.u32();
        const number = r.u32();
        return { type: 'run', run: { type: 'note', kind: id === 'fn  ' ? 'footnote' : 'endnote', number, paragraphs: this.lists(ctrl).flat() } };
      }
      case 'secd':
        this.info.section(ctrl);
        return null;
      case 'eqed':
        this.builder.skipped('수식(equation)');
        return null;
      case 'head':
      case 'foot':
        this.builder.skipped('머리말/꼬리말(running header or footer)');
        return null;
      default:
        return null; // page numbers, fields, bookmarks, columns: not body text
    }
  }

  /** The paragraph lists under a control (a cell, a text box, a note), in record order. */
  lists(ctrl: HwpRecord): RawParagraph[][] {
    const out: RawParagraph[][] = [];
    const walk = (records: HwpRecord[]) => {
      for (let k = 0; k < records.length; k++) {
        const r = records[k]!;
        if (r.tag === TAG.LIST_HEADER) {
          const list: RawParagraph[] = [];
          let j = k + 1;
          while (j < records.length && records[j]!.tag === TAG.PARA_HEADER) list.push(this.paragraph(records[j++]!));
          out.push(list);
          k = j - 1;
        } else if (r.tag === TAG.SHAPE_COMPONENT || r.children.length) {
          if (r.tag !== TAG.PARA_HEADER) walk(r.children);
        }
      }
    };
    walk(ctrl.children);
    return out;
  }

  table(ctrl: HwpRecord): Run {
    const tbl = ctrl.children.find((c) => c.tag === TAG.TABLE);
    const t = new Reader(tbl?.data ?? new Uint8Array());
    t.u32();
    const rows = t.u16();
    const cols = t.u16();
    const cells: Extract<Run, { type: 'table' }>['cells'] = [];
    const kids = ctrl.children;
    for (let k = 0; k < kids.length; k++) {
      if (kids[k]!.tag !== TAG.LIST_HEADER) continue;
      const lh = new Reader(kids[k]!.data);
      // The paragraph count is an INT16 followed by 2 bytes in practice (hwp.js reads 4), then properties.
      const count = kids[k]!.data.length === 30 ? lh.i16() : lh.u32();
      lh.u32();
      const col = lh.u16();
      const row = lh.u16();
      const colSpan = lh.u16() || 1;
      const rowSpan = lh.u16() || 1;
      const paragraphs: RawParagraph[] = [];
      let j = k + 1;
      while (j < kids.length && kids[j]!.tag === TAG.PARA_HEADER && paragraphs.length < count) paragraphs.push(this.paragraph(kids[j++]!));
      cells.push({ row, col, rowSpan, colSpan, paragraphs });
      k = j - 1;
    }
    return { type: 'table', rows, cols, cells };
  }
}
