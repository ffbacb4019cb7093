import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { IngestError, type IngestedDocument } from '../model.ts';
import { Builder, type RawParagraph, type Run } from '../build.ts';
import { SHAPES, type HeadDef, type NumberingDef } from '../numbering.ts';

/**
 * Reads an HWPX file (OWPML, KS X 6101: a zip of XML parts) into the ingest model:
 * `Contents/header.xml` for numbering, bullets and paragraph properties,
 * `Contents/section<N>.xml` for the body. Same output as the HWP 5.0 reader: tables from
 * `hp:tbl` cells with their `cellAddr`/`cellSpan`, text boxes from drawing objects'
 * `hp:drawText`, footnotes/endnotes from `hp:footNote`/`hp:endNote`.
 */
type Node = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

function tagOf(n: Node): string | undefined {
  for (const k of Object.keys(n)) if (k !== ':@') return k;
  return undefined;
}
function kids(n: Node): Node[] {
  const t = tagOf(n);
  return t && Array.isArray(n[t]) ? (n[t] as Node[]) : [];
}
function attrs(n: Node): Record<string, string> {
  return (n[':@'] as Record<string, string>) ?? {};
}
/** Local name without the namespace prefix (`hp:p` → `p`). */
function local(tag: string | undefined): string {
  return tag ? tag.slice(tag.indexOf(':') + 1) : '';
}
function find(n: Node, name: string): Node | undefined {
  return kids(n).find((c) => local(tagOf(c)) === name);
}
function findDeep(nodes: Node[], name: string, out: Node[] = []): Node[] {
  for (const n of nodes) {
    if (local(tagOf(n)) === name) out.push(n);
    else findDeep(kids(n), name, out);
  }
  return out;
}

/** `hp:pos treatAsChar="0"`: the object floats, anchored to its paragraph. */
function floating(n: Node): boolean {
  const pos = find(n, 'pos');
  return pos ? attrs(pos).treatAsChar === '0' : false;
}

interface Header {
  numberings: Map<number, NumberingDef>;
  bullets: Map<number, string>;
  heads: Map<number, { type: string; idRef: number; level: number }>;
}

export function readHwpx(bytes: Uint8Array): IngestedDocument {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new IngestError('This file is not an HWPX document (not a zip archive)');
  }
  // Password-protected and distribution-protected (배포용) HWPX files encrypt their parts and
  // declare it in the manifest (`encryption-data`).
  if (files['META-INF/manifest.xml'] && /encryption-data/iu.test(strFromU8(files['META-INF/manifest.xml']))) {
    throw new IngestError('This HWPX file is encrypted (password or distribution protection, 배포용 문서): its text cannot be read; ask the publisher for an unprotected copy');
  }
  const sections = Object.keys(files)
    .filter((f) => /^Contents\/section\d+\.xml$/u.test(f))
    .sort((a, b) => Number(a.match(/\d+/u)![0]) - Number(b.match(/\d+/u)![0]));
  if (!sections.length) throw new IngestError('This file is not an HWPX document (no Contents/section0.xml)');
  const header = files['Contents/header.xml'] ? readHeader(parser.parse(strFromU8(files['Contents/header.xml']))) : { numberings: new Map(), bullets: new Map(), heads: new Map() };
  const builder = new Builder('hwpx');
  const reader = new SectionReader(header, builder);
  sections.forEach((path, s) => {
    const root = parser.parse(strFromU8(files[path]!)) as Node[];
    const sec = root.find((n) => local(tagOf(n)) === 'sec');
    if (!sec) return;
    let index = 0;
    for (const p of kids(sec)) {
      if (local(tagOf(p)) !== 'p') continue;
      builder.paragraph(reader.paragraph(p), { section: s, paragraph: index++ });
    }
  });
  const doc = builder.finish();
  const title = files['Contents/content.hpf'] ? /<opf:title>([^<]+)<\/opf:title>/u.exec(strFromU8(files['Contents/content.hpf']))?.[1]?.trim() : undefined;
  if (title) doc.meta.title = { value: title, review: true, from: '문서 정보(content.hpf)의 제목' };
  return doc;
}

function readHeader(root: Node[]): Header {
  const h: Header = { numberings: new Map(), bullets: new Map(), heads: new Map() };
  for (const n of findDeep(root, 'numbering')) {
    const levels: NumberingDef['levels'] = [];
    for (const ph of kids(n).filter((c) => local(tagOf(c)) === 'paraHead')) {
      const a = attrs(ph);
      const level = Number(a.level ?? levels.length + 1) - 1;
      const format = kids(ph).map((t) => (t['#text'] as string | undefined) ?? '').join('');
      levels[level] = { format, shape: Math.max(0, SHAPES.indexOf((a.numFormat ?? 'DIGIT') as (typeof SHAPES)[number])), start: Number(a.start ?? 1) || 1 };
    }
    for (let i = 0; i < levels.length; i++) levels[i] ??= { format: '', shape: 0, start: 1 };
    h.numberings.set(Number(attrs(n).id), { levels });
  }
  for (const b of findDeep(root, 'bullet')) h.bullets.set(Number(attrs(b).id), attrs(b).char ?? '');
  for (const pp of findDeep(root, 'paraPr')) {
    const heading = findDeep(kids(pp), 'heading')[0];
    if (!heading) continue;
    const a = attrs(heading);
    h.heads.set(Number(attrs(pp).id), { type: a.type ?? 'NONE', idRef: Number(a.idRef ?? 0), level: Number(a.level ?? 0) });
  }
  return h;
}

class SectionReader {
  private header: Header;
  private outlineId = 1;
  private builder: Builder;
  constructor(header: Header, builder: Builder) {
    this.header = header;
    this.builder = builder;
  }

  private head(paraPrId: number): HeadDef | undefined {
    const h = this.header.heads.get(paraPrId);
    if (!h || h.type === 'NONE') return undefined;
    if (h.type === 'BULLET') return { kind: 'bullet', level: h.level, char: this.header.bullets.get(h.idRef) ?? '' };
    const id = h.type === 'OUTLINE' ? this.outlineId : h.idRef;
    return { kind: h.type === 'OUTLINE' ? 'outline' : 'number', level: h.level, id, def: this.header.numberings.get(id) };
  }

  paragraph(p: Node): RawParagraph {
    const runs: Run[] = [];
    let text = '';
    const flush = () => {
      if (text) runs.push({ type: 'text', text });
      text = '';
    };
    const a = attrs(p);
    for (const run of kids(p)) {
      if (local(tagOf(run)) !== 'run') continue;
      for (const item of kids(run)) {
        const name = local(tagOf(item));
        switch (name) {
          case 't':
            text += this.text(item);
            break;
          case 'secPr': {
            const ref = Number(attrs(item).outlineShapeIDRef ?? 0);
            if (ref > 0) this.outlineId = ref;
            break;
          }
          case 'tbl':
            flush();
            runs.push({ ...this.table(item), floating: floating(item) } as Run);
            break;
          case 'ctrl':
            for (const c of kids(item)) {
              const cn = local(tagOf(c));
              if (cn === 'header' || cn === 'footer') this.builder.skipped('머리말/꼬리말(running header or footer)');
              if (cn === 'footNote' || cn === 'endNote') {
                flush();
                runs.push({ type: 'note', kind: cn === 'footNote' ? 'footnote' : 'endnote', number: Number(attrs(c).number ?? 0) || 0, paragraphs: this.subLists(c).flat() });
              }
            }
            break;
          case 'footNote':
          case 'endNote':
            flush();
            runs.push({ type: 'note', kind: name === 'footNote' ? 'footnote' : 'endnote', number: Number(attrs(item).number ?? 0) || 0, paragraphs: this.subLists(item).flat() });
            break;
          case 'rect':
          case 'ellipse':
          case 'polygon':
          case 'curve':
          case 'arc':
          case 'container':
          case 'textart': {
            const lists = this.subLists(item).flat();
            if (lists.length) {
              flush();
              runs.push({ type: 'box', paragraphs: lists, floating: floating(item) });
            }
            break;
          }
          case 'equation':
            this.builder.skipped('수식(equation)');
            break;
          default:
            break; // pictures, fields, page numbers: not body text
        }
      }
    }
    flush();
    return { runs, head: this.head(Number(a.paraPrIDRef ?? -1)) };
  }

  /** `hp:t` mixed content: text with `hp:tab`, `hp:lineBreak`, `hp:nbSpace`, `hp:fwSpace`, `hp:hyphen`. */
  private text(t: Node): string {
    let out = '';
    for (const c of kids(t)) {
      if ('#text' in c) {
        out += String(c['#text']);
        continue;
      }
      switch (local(tagOf(c))) {
        case 'tab':
          out += '\t';
          break;
        case 'lineBreak':
          out += '\n';
          break;
        case 'nbSpace':
        case 'fwSpace':
          out += ' ';
          break;
        case 'hyphen':
          out += '-';
          break;
        default:
          // markpen / title marks wrap text: keep their text.
          out += this.text(c);
      }
    }
    return out;
  }

  /** The paragraph lists (`hp:subList`) under an element, in document order. */
  private subLists(n: Node): RawParagraph[][] {
    return findDeep(kids(n), 'subList').map((sl) => kids(sl).filter((c) => local(tagOf(c)) === 'p').map((c) => this.paragraph(c)));
  }

  private table(tbl: Node): Run {
    const a = attrs(tbl);
    const cells: Extract<Run, { type: 'table' }>['cells'] = [];
    for (const tr of kids(tbl)) {
      if (local(tagOf(tr)) !== 'tr') continue;
      for (const tc of kids(tr)) {
        if (local(tagOf(tc)) !== 'tc') continue;
        const addr = find(tc, 'cellAddr');
        const span = find(tc, 'cellSpan');
        const sub = find(tc, 'subList');
        cells.push({
          row: Number(addr ? attrs(addr).rowAddr : 0),
          col: Number(addr ? attrs(addr).colAddr : 0),
          rowSpan: Number(span ? attrs(span).rowSpan : 1) || 1,
          colSpan: Number(span ? attrs(span).colSpan : 1) || 1,
          paragraphs: sub ? kids(sub).filter((c) => local(tagOf(c)) === 'p').map((c) => this.paragraph(c)) : [],
        });
      }
    }
    return { type: 'table', rows: Number(a.rowCnt ?? 0), cols: Number(a.colCnt ?? 0), cells };
  }
}
