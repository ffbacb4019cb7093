/**
 * `/` focuses the search box (Pagefind's on the search page, else the header's), unless the
 * user is typing somewhere already.
 */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
  const input =
    document.querySelector<HTMLInputElement>('[data-search-results] input[type="text"], [data-search-results] input[type="search"]') ??
    document.querySelector<HTMLInputElement>('#site-search-input');
  if (!input) return;
  event.preventDefault();
  input.focus();
  input.select();
});

// A module, not a global script: its names stay local.
export {};
