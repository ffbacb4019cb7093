/**
 * HWP 5.0 record streams (DocInfo, BodyText/SectionN): each record is a 32-bit header
 * (tag id: 10 bits, level: 10 bits, size: 12 bits; size 0xFFF means a UINT32 size follows)
 * and its payload. Records nest by level: a record's children are the records after it with a
 * higher level, which is how paragraphs own their controls and controls own their lists.
 */

export const TAG = {
  // DocInfo (HWPTAG_BEGIN = 0x10)
  ID_MAPPINGS: 0x11,
  NUMBERING: 0x17,
  BULLET: 0x18,
  PARA_SHAPE: 0x19,
  STYLE: 0x1a,
  // BodyText
  PARA_HEADER: 0x42,
  PARA_TEXT: 0x43,
  CTRL_HEADER: 0x47,
  LIST_HEADER: 0x48,
  SHAPE_COMPONENT: 0x4c,
  TABLE: 0x4d,
} as const;

export interface HwpRecord {
  tag: number;
  level: number;
  data: Uint8Array;
  children: HwpRecord[];
}

/** Flat list of records of a stream. */
export function readRecords(bytes: Uint8Array): HwpRecord[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: HwpRecord[] = [];
  let at = 0;
  while (at + 4 <= bytes.length) {
    const header = view.getUint32(at, true);
    at += 4;
    const tag = header & 0x3ff;
    const level = (header >>> 10) & 0x3ff;
    let size = header >>> 20;
    if (size === 0xfff) {
      if (at + 4 > bytes.length) break;
      size = view.getUint32(at, true);
      at += 4;
    }
    out.push({ tag, level, data: bytes.subarray(at, Math.min(at + size, bytes.length)), children: [] });
    at += size;
  }
  return out;
}

/** The records as a forest by level. */
export function recordTree(records: HwpRecord[]): HwpRecord[] {
  const roots: HwpRecord[] = [];
  const stack: HwpRecord[] = [];
  for (const r of records) {
    while (stack.length && stack.at(-1)!.level >= r.level) stack.pop();
    if (stack.length) stack.at(-1)!.children.push(r);
    else roots.push(r);
    stack.push(r);
  }
  return roots;
}

/** Little-endian reader over a record payload; reads past the end give 0 (old files are shorter). */
export class Reader {
  private view: DataView;
  at = 0;
  readonly data: Uint8Array;
  constructor(data: Uint8Array) {
    this.data = data;
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  get left(): number {
    return this.data.length - this.at;
  }
  u8(): number {
    if (this.at + 1 > this.data.length) return (this.at += 1), 0;
    const v = this.view.getUint8(this.at);
    this.at += 1;
    return v;
  }
  u16(): number {
    if (this.at + 2 > this.data.length) return (this.at += 2), 0;
    const v = this.view.getUint16(this.at, true);
    this.at += 2;
    return v;
  }
  i16(): number {
    if (this.at + 2 > this.data.length) return (this.at += 2), 0;
    const v = this.view.getInt16(this.at, true);
    this.at += 2;
    return v;
  }
  u32(): number {
    if (this.at + 4 > this.data.length) return (this.at += 4), 0;
    const v = this.view.getUint32(this.at, true);
    this.at += 4;
    return v;
  }
  skip(n: number): void {
    this.at += n;
  }
  /** A WCHAR array preceded by its UINT16 length. */
  string(): string {
    const n = this.u16();
    const units: number[] = [];
    for (let i = 0; i < n; i++) units.push(this.u16());
    return String.fromCharCode(...units);
  }
}

/** A control id as its four characters (`tbl `, `gso `, `fn  `): stored as a big-endian UINT32. */
export function ctrlId(n: number): string {
  return String.fromCharCode((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}
