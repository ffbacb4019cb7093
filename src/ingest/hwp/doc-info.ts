import { Reader, TAG, type HwpRecord } from './records.ts';
import { Numberer, type HeadDef, type NumberingDef } from '../numbering.ts';

/** What a paragraph's shape and style say about its head (number, bullet, outline level). */
export interface ParagraphHead {
  head?: HeadDef;
  style?: string;
}

interface ParaShape {
  kind: number; // 0 none, 1 outline, 2 number, 3 bullet
  level: number; // 0-based
  refId: number; // numbering or bullet id, 1-based
}

/**
 * DocInfo: numbering definitions (format strings per level such as `^1.`, `^2)`), bullet
 * characters, paragraph shapes (their head kind and level) and style names. Tag layouts
 * follow the HWP 5.0 specification (표 38 문단 번호, 표 42 글머리표, 표 43 문단 모양).
 */
export class DocInfo {
  numberings: NumberingDef[] = [];
  bullets: string[] = [];
  shapes: ParaShape[] = [];
  styles: string[] = [];
  /** The outline numbering of the current section (from its `secd` control). */
  outlineId = 1;
  readonly numberer = new Numberer();

  head(shapeId: number, styleId: number): ParagraphHead {
    const s = this.shapes[shapeId];
    const style = this.styles[styleId];
    if (!s || s.kind === 0) return { style };
    if (s.kind === 3) return { style, head: { kind: 'bullet', level: s.level, char: this.bullets[s.refId - 1] ?? '' } };
    const id = s.kind === 1 ? this.outlineId : s.refId;
    const def = this.numberings[id - 1];
    return { style, head: { kind: s.kind === 1 ? 'outline' : 'number', level: s.level, id, def } };
  }

  /** A section definition (`secd`) names the numbering its outline paragraphs use. */
  section(ctrl: HwpRecord) {
    const r = new Reader(ctrl.data);
    r.u32(); // ctrl id
    r.u32(); // properties
    r.skip(2 + 2 + 2); // column gap, vertical and horizontal grid
    r.u32(); // default tab stop
    const id = r.u16();
    if (id > 0) this.outlineId = id;
  }
}

export function readDocInfo(records: HwpRecord[], version: number): DocInfo {
  const info = new DocInfo();
  for (const rec of records) {
    const r = new Reader(rec.data);
    switch (rec.tag) {
      case TAG.NUMBERING: {
        const levels: NumberingDef['levels'] = [];
        for (let i = 0; i < 7; i++) {
          const attr = r.u32();
          r.skip(2 + 2 + 4); // width adjust, text offset, char shape
          // Bits 5-8 hold the number shape (번호 모양): Hangul's default numbering stores
          // 8 (가) on levels 2, 4, 6 and 1 (①) on level 7, as its HWPX twin names them.
          levels.push({ format: r.string(), shape: (attr >>> 5) & 0xf, start: 1 });
        }
        const start = r.u16();
        if (version >= 0x05000205) for (let i = 0; i < 7; i++) levels[i]!.start = r.u32() || 1;
        else for (const l of levels) l.start = start || 1;
        if (r.left > 0) {
          for (let i = 7; i < 10; i++) {
            const attr = r.u32();
            r.skip(8);
            levels.push({ format: r.string(), shape: (attr >>> 5) & 0xf, start: 1 });
          }
          if (r.left >= 12) for (let i = 7; i < 10; i++) levels[i]!.start = r.u32() || 1;
        }
        info.numberings.push({ levels });
        break;
      }
      case TAG.BULLET: {
        r.u32();
        r.skip(8);
        info.bullets.push(String.fromCharCode(r.u16()));
        break;
      }
      case TAG.PARA_SHAPE: {
        const attr = r.u32();
        r.skip(4 * 6 + 2);
        const refId = r.u16();
        info.shapes.push({ kind: (attr >>> 23) & 3, level: (attr >>> 25) & 7, refId });
        break;
      }
      case TAG.STYLE: {
        info.styles.push(r.string());
        break;
      }
    }
  }
  return info;
}
