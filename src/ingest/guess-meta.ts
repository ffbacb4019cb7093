import type { Block, GuessedMeta, IngestedDocument } from './model.ts';

/**
 * Guesses meta.yaml fields from the document's opening text: kind from its label
 * (보도자료, 공고, 제안요청서, 계획), the issue date from the first dated line (보도시점,
 * 공고일, `2025. 12. 2.`), publishers from a government body named near the top, the title
 * from the first headline-like paragraph. Every guess is marked for review; a value a reader
 * already took from the file's own properties is kept unless it is empty.
 */
const HEAD_LINES = 40;

export function guessMeta(doc: IngestedDocument, known: { agencies?: string[] } = {}): GuessedMeta {
  const lines = openingLines(doc.blocks, HEAD_LINES);
  const paragraphs = doc.blocks.filter((b) => b.type === 'paragraph').slice(0, HEAD_LINES).map((b) => b.text.trim());
  const all = lines.join('\n');
  const meta: GuessedMeta = { ...doc.meta };

  const kind = guessKind(all);
  if (kind) meta.kind = { value: kind.value, review: true, from: `“${kind.cue}”` };

  const date = guessDate(lines);
  if (date) meta.issued = { value: date.iso, review: true, from: `“${date.line.trim().slice(0, 60)}”` };

  const publisher = knownName(lines, known.agencies ?? []) ?? guessPublisher(lines);
  if (publisher) meta.publishers = { value: [publisher], review: true, from: '기관명이 처음 나오는 줄' };

  // Titles are running paragraphs, not the cells of a press-facts table.
  const title = guessTitle(paragraphs);
  // A title from the file's properties is often a template's (`한글 문서`): the text wins when found.
  if (title) meta.title = { value: title, review: true, from: '첫 제목 문단' };
  return meta;
}

function openingLines(blocks: Block[], n: number): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (out.length >= n) break;
    if (b.type === 'paragraph') out.push(b.text.trim());
    else for (const c of b.cells) out.push(c.paragraphs.join(' ').trim());
  }
  return out.filter(Boolean);
}

function guessKind(text: string): { value: string; cue: string } | null {
  // Letter-spaced labels (`보 도 자 료`, `제 안 요 청 서`) count as the word.
  const word = (w: string) => new RegExp([...w].join('\\s*'), 'u');
  const rules: [RegExp, string][] = [
    [word('보도자료'), 'press-release'],
    [/보도시점|보도일시/u, 'press-release'],
    [word('제안요청서'), 'rfp'],
    [word('공고'), 'call'],
    [/모집/u, 'call'],
    [word('보고서'), 'report'],
    [/계획|전략/u, 'plan'],
  ];
  for (const [re, value] of rules) {
    const m = re.exec(text);
    if (m) return { value, cue: m[0] };
  }
  return null;
}

/** `2025. 12. 2.(화)`, `2025.12.2`, `2025년 12월 2일`, `2025. 9.`; the first in the opening lines. */
export function guessDate(lines: string[]): { iso: string; line: string } | null {
  const re = /(?<!\d)((?:19|20)\d{2})\s*(?:[.\-/]|년)\s*(\d{1,2})\s*(?:[.\-/]|월)(?:\s*(\d{1,2})\s*(?:[.일]|(?=\s*\()|$))?/u;
  // Lines naming the release or issue date first, then any dated line.
  const cue = /보도시점|보도일시|배포일시|공고일|작성일|발행일|시행일/u;
  const ordered = [...lines.filter((l) => cue.test(l)), ...lines];
  for (const line of ordered) {
    const m = re.exec(line);
    if (!m) continue;
    const [y, mo, d] = [m[1]!, Number(m[2]), m[3] ? Number(m[3]) : undefined];
    if (mo < 1 || mo > 12 || (d !== undefined && (d < 1 || d > 31))) continue;
    const iso = `${y}-${String(mo).padStart(2, '0')}${d ? `-${String(d).padStart(2, '0')}` : ''}`;
    return { iso, line };
  }
  return null;
}

/** The registry name that occurs first in the opening lines (the longest at a place). */
function knownName(lines: string[], names: string[]): string | null {
  if (!names.length) return null;
  const sorted = [...new Set(names)].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
  let best: { at: number; line: number; name: string } | null = null;
  lines.forEach((line, li) => {
    for (const name of sorted) {
      const at = line.indexOf(name);
      if (at >= 0 && (!best || li < best.line || (li === best.line && at < best.at))) best = { at, line: li, name };
    }
  });
  return (best as { name: string } | null)?.name ?? null;
}

function guessPublisher(lines: string[]): string | null {
  const re = /(?<![가-힣])((?:[가-힣]{2,12})(?:부|처|청|위원회|공단|공사|관리원|평가원|진흥원|연구원|센터))(?=$|[\s(,·)은는이가의와과에])/u;
  const skip = /^(?:세부|내부|외부|일부|전부|본부|학부|간부|정부)$|(?:요청|신청|정부)$/u;
  for (const line of lines) {
    for (const m of line.matchAll(new RegExp(re, 'gu'))) {
      if (!skip.test(m[1]!)) return m[1]!;
    }
  }
  return null;
}

function guessTitle(lines: string[]): string | null {
  const label = /^(?:보\s*도\s*자\s*료|보도시점|보도일시|배포|참고자료|설명자료|목\s*차|붙임|\d+)$/u;
  for (const line of lines) {
    const t = line.replace(/\s+/gu, ' ').trim();
    if (t.length < 8 || t.length > 160) continue;
    if (label.test(t) || /^(?:보도시점|보도일시|배포일시|담당)/u.test(t)) continue;
    if (/(?:19|20)\d{2}\s*[.년]\s*\d/u.test(t)) continue; // a dated line
    if (/^[□○ㅇ•\-*※▪◦<〈]/u.test(t)) continue; // list items, notes, captions
    return t.replace(/^[「『<〈]\s*|\s*[」』>〉]$/gu, (m) => m).trim();
  }
  return null;
}
