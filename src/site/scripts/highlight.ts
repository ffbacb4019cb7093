/**
 * Arrival from a search result: `?hl=완화&hl=규제#L245` marks every occurrence of the `hl`
 * strings inside the target block (the whole main text when there is no anchor), and scrolls
 * the first mark into view. Matching is by substring, so `완화` is marked inside `규제완화를`.
 */
import { fragmentTarget, queryValues } from './url-input.ts';

// Bounded in number and length (url-input.ts): the strings become one regular expression.
const strings = queryValues('hl').sort((a, b) => b.length - a.length);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mark(scope: Element, pattern: RegExp): HTMLElement[] {
  const marks: HTMLElement[] = [];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('script, style, mark, .visually-hidden') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) {
    const text = node.data;
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    pattern.lastIndex = 0;
    const frag = document.createDocumentFragment();
    let at = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m.index > at) frag.append(text.slice(at, m.index));
      const el = document.createElement('mark');
      el.className = 'search-hit-mark';
      el.textContent = m[0];
      frag.append(el);
      marks.push(el);
      at = m.index + m[0].length;
    }
    frag.append(text.slice(at));
    node.replaceWith(frag);
  }
  return marks;
}

if (strings.length) {
  const target = fragmentTarget() ?? document.querySelector('main');
  if (target) {
    const marks = mark(target, new RegExp(strings.map(escapeRegExp).join('|'), 'gi'));
    target.classList.add('search-target');
    marks[0]?.scrollIntoView({ block: 'center' });
  }
}
