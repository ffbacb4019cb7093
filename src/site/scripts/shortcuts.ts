/**
 * `/` and Ctrl+K (⌘K) focus the search box: the search page's own box on /search/, else the
 * header's. `/` is ignored while the user is typing somewhere.
 */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

document.addEventListener('keydown', (event) => {
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
  const ctrlK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
  if (!slash && !ctrlK) return;
  const input = document.querySelector<HTMLInputElement>('#search-q') ?? document.querySelector<HTMLInputElement>('#site-search-input');
  if (!input) return;
  event.preventDefault();
  input.focus();
  input.select();
});

// A module, not a global script: its names stay local.
export {};
