/**
 * Quotable text (issue 11, item 8): what a reader copies from a document's text is the text
 * of the source sentence, nothing else. Tooltips of mentions, footnote reference numbers, block
 * tools (`#`, source line links) and screen-reader-only labels are not part of a quotation.
 * CSS keeps them out of a selection (`user-select: none`, content.css); this handler makes the
 * plain-text clipboard exact in every browser: it clones the selection, drops that furniture,
 * and writes the visible text, one line per block.
 */
const FURNITURE = '.mention-tip, .block-tools, [data-footnote-ref], .visually-hidden, [data-copy-ignore]';
const BLOCKS = /^(?:P|LI|DIV|H[1-6]|TR|TABLE|PRE|FIGURE|FIGCAPTION|SECTION|BLOCKQUOTE|DD|DT)$/;

function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').replace(/\s+/g, ' ');
  if (!(node instanceof Element) && !(node instanceof DocumentFragment)) return '';
  let out = '';
  for (const child of node.childNodes) {
    const t = textOf(child);
    const block = child instanceof Element && BLOCKS.test(child.tagName);
    out += block ? `\n${t.trim()}\n` : t;
  }
  return out;
}

document.addEventListener('copy', (event) => {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !event.clipboardData) return;
  const range = selection.getRangeAt(0);
  const body = (range.commonAncestorContainer instanceof Element ? range.commonAncestorContainer : range.commonAncestorContainer.parentElement)?.closest('.doc-body');
  if (!body) return;
  const fragment = range.cloneContents();
  for (const el of fragment.querySelectorAll(FURNITURE)) el.remove();
  const text = textOf(fragment)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l)
    .join('\n');
  event.clipboardData.setData('text/plain', text);
  event.preventDefault();
});

export {};
