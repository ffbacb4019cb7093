/**
 * Copying, as a progressive enhancement of text that is already on the page:
 * - paragraph and heading anchors (`a.anchor` with an in-page `#id`) stay ordinary links (they
 *   work without JavaScript); with JavaScript a click also copies the absolute permalink;
 * - copy buttons (`button[data-copy-from="<id>"]`, the cite panel) are `hidden` in the HTML and
 *   shown here only when the clipboard can be written; a click copies the text of the element
 *   `<id>`. When the browser refuses, the text is selected so Ctrl+C copies it.
 * Both announce the result in the `#copy-status` live region (Base.astro).
 * On a document page, the cite panel's section (`details.cite-section[data-section]`) that holds
 * the place the reader arrived at or went to (`#II-1`, `#L245`) is opened, so opening the panel
 * shows that section's citation first.
 */
import { fragmentTarget } from './url-input.ts';

const status = document.getElementById('copy-status');

function announce(message: string) {
  if (!status) return;
  // Clearing first makes a repeated message be announced again.
  status.textContent = '';
  window.setTimeout(() => {
    status.textContent = message;
  }, 50);
}

function flash(element: Element) {
  element.classList.add('copied');
  window.setTimeout(() => element.classList.remove('copied'), 1500);
}

function selectText(element: Element) {
  const selection = window.getSelection();
  if (!selection) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}

if (navigator.clipboard) {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-from]')) button.hidden = false;
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target || !navigator.clipboard) return;

  const button = target.closest<HTMLButtonElement>('button[data-copy-from]');
  if (button) {
    const source = document.getElementById(button.dataset.copyFrom ?? '');
    if (!source) return;
    const label = button.dataset.copyLabel ?? '';
    navigator.clipboard.writeText(source.textContent ?? '').then(
      () => {
        announce(`복사했습니다: ${label}`);
        flash(button);
      },
      () => {
        selectText(source);
        announce(`${label}: 복사하지 못했습니다. 선택된 글을 Ctrl+C로 복사하세요.`);
      },
    );
    return;
  }

  const link = target.closest<HTMLAnchorElement>('a.anchor');
  // Only this page's own anchors: an anchor into another page (a measure's block) just navigates.
  if (!link || !(link.getAttribute('href') ?? '').startsWith('#')) return;
  const url = new URL(link.getAttribute('href') ?? '', window.location.href).href;
  navigator.clipboard.writeText(url).then(
    () => {
      announce(`링크를 복사했습니다: ${url}`);
      flash(link);
    },
    () => {
      // Clipboard refused (insecure context, permissions): the link still navigates.
    },
  );
});

/** Opens the cited section that holds the hash target: the last section heading before it. */
function openSectionOfHash() {
  const sections = [...document.querySelectorAll<HTMLDetailsElement>('details.cite-section[data-section]')];
  const target = fragmentTarget();
  if (sections.length === 0 || !target) return;
  let holder: HTMLDetailsElement | undefined;
  for (const section of sections) {
    const heading = document.getElementById(section.dataset.section ?? '');
    if (heading && (heading === target || heading.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING)) holder = section;
  }
  if (holder) holder.open = true;
}
openSectionOfHash();
window.addEventListener('hashchange', openSectionOfHash);

