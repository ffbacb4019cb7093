import type { VFile } from 'vfile';
import type { DocTree, Line } from '../types.ts';
import { report } from '../messages.ts';
import { overrideApplied } from '../metadata/check-overrides.ts';

// A particle glued to the closing bracket (`<표 3-4>는 …`) makes it a reference in running text
// that a wrap put at the start of a line, not a caption.
export const CAPTION = /^<\s*(표|그림)\s?(\d+)\s*[-‐–.]\s*(\d+)\s*>(?![가-힣])\s*(.*)$/u;
export const SOURCE_LINE = /^자료\s*[):：]/u;
const SOURCE_END = /(?:p\.\s?\d+|pp\.?\s?[\d-]+(?:,\s*[\d-]+)*(?: 재구성)?|재인용|재구성|재정리|\d{4}\)?|기준\)|자료)\.?$/u;

export interface Zone {
  id: number;
  kind: '표' | '그림';
  num: string;
  caption: Line;
  /** Lines between the caption and the source block (the flattened body). */
  body: Line[];
  /** `자료)` lines and `주)` notes, in order. */
  notes: Line[][];
  end: number;
  /** Line ranges added by a `zones` override (parts the extraction emitted elsewhere). */
  parts?: [number, number][];
}

/**
 * Zones captioned tables and figures (`<표 2-1> …`, `<그림 5-2> …`): a zone runs from its
 * caption to the end of its `자료)` source block when one follows before the next caption
 * or heading; otherwise it is the caption alone. Inside a zone blank lines separate cells,
 * so no joining or paragraph rule runs there (seed-004 R12–R16).
 */
export default function detectCaptions() {
  return (tree: DocTree, file: VFile) => {
    const { lines } = tree;
    const zones: Zone[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      // A footnote body set aside earlier (detect-footnote-bodies) is never a caption.
      if (line.blank || line.removed || line.zone !== undefined || line.footnote) continue;
      const m = CAPTION.exec(line.text.text);
      if (!m) continue;
      const zone: Zone = { id: i + 1, kind: m[1] as '표' | '그림', num: `${m[2]}-${m[3]}`, caption: line, body: [], notes: [], end: i };
      // Find the source block before the next caption or bold heading.
      let k = i + 1;
      let src = -1;
      for (; k < lines.length && k < i + 400; k++) {
        const l = lines[k]!;
        if (l.removed || l.blank) continue;
        // A table found by detect-tables keeps its own zone: the caption stands alone above it.
        if (l.zone !== undefined) break;
        if (CAPTION.test(l.text.text) || (l.bold && /^(?:제\s*\d|\d+\.|[가-하]\.|\(\d+\))/u.test(l.text.text))) break;
        if (SOURCE_LINE.test(l.text.text)) {
          src = k;
          break;
        }
      }
      let end = i;
      if (src >= 0) {
        end = src;
        // The source block wraps: continue until it ends like a reference, allowing one blank.
        let last = lines[src]!;
        for (let j = src + 1; j < lines.length && j <= src + 4; j++) {
          const l = lines[j]!;
          if (SOURCE_END.test(last.text.text)) break;
          if (l.removed || l.zone !== undefined) break;
          if (l.blank) continue;
          if (CAPTION.test(l.text.text) || l.bold) break;
          end = j;
          last = l;
        }
      }
      for (let j = i; j <= end; j++) {
        const l = lines[j]!;
        l.zone = zone.id;
      }
      zone.end = end;
      // Split the zone into body lines and trailing note groups (주) …, 자료) …).
      let group: Line[] | null = null;
      for (let j = i + 1; j <= end; j++) {
        const l = lines[j]!;
        if (l.blank || l.removed || l.footnote) continue;
        const t = l.text.text;
        if (SOURCE_LINE.test(t) || /^주\s*\)/u.test(t)) {
          group = [l];
          zone.notes.push(group);
        } else if (group && (/^\d\.\s/u.test(t) || !SOURCE_LINE.test(t) && group === zone.notes.at(-1) && !endsNote(group))) {
          group.push(l);
        } else {
          group = null;
          zone.body.push(l);
        }
      }
      zones.push(zone);
      i = end;
    }
    // Overrides: parts of a table or figure that the extraction emitted elsewhere.
    for (const o of file.data.overrides!.zones) {
      const zone = zones.find((z) => `${z.kind === '표' ? 'tbl' : 'fig'}-${z.num}` === o.figure);
      const first = lines[o.from - 1];
      if (!zone || !first || o.to < o.from || o.to > lines.length) {
        report(file, 'override/unknown-target', `Unexpected zones override: ${zone ? `lines ${o.from}–${o.to} do not exist` : `no caption has the id ${o.figure}`}`, Math.min(o.from, lines.length));
        continue;
      }
      if (!first.text.text.startsWith(o.expect)) {
        report(file, 'override/unknown-target', `Unexpected text at source line ${o.from}: the override expects it to start with “${o.expect}”`, o.from);
        continue;
      }
      zone.parts = [...(zone.parts ?? []), [o.from, o.to]];
      overrideApplied(file, o);
      for (let n = o.from; n <= o.to; n++) {
        const l = lines[n - 1]!;
        if (l.zone !== undefined && l.zone !== zone.id) {
          report(file, 'override/unknown-target', `Unexpected zones override: line ${n} already belongs to another table or figure`, n);
          break;
        }
        l.zone = zone.id;
        if (!l.blank && !l.removed && !l.footnote) zone.body.push(l);
      }
      zone.body.sort((a, b) => a.n - b.n);
    }
    tree.zones = zones;
  };
}

function endsNote(group: Line[]): boolean {
  const last = group.at(-1)!.text.text;
  return /(?:함|음|임|됨|다)\.$|p\.\s?\d+$|재구성$|재정리$|재인용$/u.test(last);
}

declare module '../types.ts' {
  interface DocTree {
    zones?: Zone[];
  }
}
