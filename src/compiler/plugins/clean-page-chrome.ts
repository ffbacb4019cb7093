import type { VFile } from 'vfile';
import type { DocTree, Line } from '../types.ts';
import { EMPTY } from '../text/span.ts';

/**
 * What the furniture of a web page looks like once a capture flattens it to text: short
 * labels that name an action or a place on the page, not content. Shapes, not one site's
 * strings: an English page-position label (`top of page`, `back to top`), a Korean UI verb
 * ending a short label (`…구독하기`, `…공유하기`, `…바로가기`, `맨 위로`, `…목록`, `이전 글`),
 * a bare share target or print/menu button, and a newsletter pitch (`…이메일로 … 받아보세요`).
 */
const CHROME: RegExp[] = [
  /^(?:(?:go\s+)?(?:back\s+)?to\s+)?(?:the\s+)?(?:top|bottom)(?:\s+of\s+(?:the\s+)?page)?$/iu,
  /^(?:skip\s+to\s+(?:main\s+)?content|main\s+menu|menu|close|print|share(?:\s+this)?|subscribe(?:\s+now)?|sign\s+(?:in|up)|log\s*in|search)$/iu,
  /^(?:[^\s].{0,24}\s)?(?:구독(?:하기|신청)|공유(?:하기)?|바로\s?가기|이동하기|더\s?보기|전체\s?보기|목록(?:으로|보기)?|인쇄(?:하기)?|닫기|열기|로그인|회원가입)$/u,
  /^(?:맨\s?)?(?:위로|아래로)(?:\s?가기)?$|^(?:페이지\s?)?(?:상단|하단)(?:으로)?(?:\s?(?:이동|가기))?$/u,
  /^(?:이전|다음)\s?(?:글|기사|페이지)$/u,
  /^(?:facebook|twitter|x|kakaotalk|kakao|line|band|blog|페이스북|트위터|카카오톡|카카오스토리|네이버\s?블로그|밴드|url\s?복사|링크\s?복사)$/iu,
];
/** A newsletter pitch under a subscribe box: an e-mail/newsletter sentence inviting to receive. */
const PITCH = /(?:이메일|메일|뉴스레터|newsletter|e-?mail).{0,40}(?:받아\s?보세요|받아보실\s?수|구독하세요|신청하세요)\.?$|subscribe|sign up for/iu;

export function isChrome(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 40) return false;
  return CHROME.some((re) => re.test(t));
}

/**
 * Rule clean/page-chrome: removes web-page furniture that a capture of the page kept as text
 * — position labels, navigation and list links, subscribe boxes, share buttons — and counts
 * the characters like page labels. Only at the edges of the document: scanning in from the
 * first and from the last line, chrome lines (and the blank lines and pitch sentences among
 * them) are removed until the first line of content; the same words inside the text stay.
 */
export default function cleanPageChrome() {
  return (tree: DocTree, file: VFile) => {
    const { lines } = tree;
    const remove = (l: Line) => {
      l.removed = 'clean/page-chrome';
      file.data.artifacts!.push({ rule: 'clean/page-chrome', start: l.start, end: l.start + l.raw.length });
      l.text = EMPTY;
    };
    const edge = (order: Line[]) => {
      let sawChrome = false;
      for (const l of order) {
        if (l.blank || l.removed) continue;
        const t = l.raw.trim();
        if (isChrome(t) || (sawChrome && PITCH.test(t) && t.length <= 120)) {
          remove(l);
          sawChrome = true;
          continue;
        }
        break;
      }
    };
    edge(lines);
    edge([...lines].reverse());
  };
}
