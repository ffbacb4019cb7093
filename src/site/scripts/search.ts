/**
 * Starts Pagefind's default UI on /search/ and keeps its query in the URL, so a search is a
 * shareable link: `/search/?q=클러스터`.
 */
interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => PagefindUIInstance;
  }
}

const container = document.querySelector<HTMLElement>('[data-search-results]');

if (container && window.PagefindUI) {
  const ui = new window.PagefindUI({
    element: container,
    showSubResults: true,
    showImages: false,
    pageSize: 10,
    excerptLength: 40,
  });

  // Pagefind's input is labelled only by `title`, and its form is a second, unnamed
  // `search` landmark next to the header's: name both (axe: label-title-only, landmark-unique).
  const form = container.querySelector('form[role="search"]');
  form?.setAttribute('aria-label', '검색 페이지');
  container.querySelector('input')?.setAttribute('aria-label', '검색어');

  const params = new URLSearchParams(window.location.search);
  const initial = params.get('q')?.trim();
  if (initial) {
    ui.triggerSearch(initial);
    const header = document.querySelector<HTMLInputElement>('#site-search-input');
    if (header) header.value = initial;
  }

  // Keep ?q= in step with the input; replaceState so typing does not flood history.
  container.addEventListener('input', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement)) return;
    const url = new URL(window.location.href);
    const q = input.value.trim();
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
  });
} else if (container) {
  container.textContent = '검색 색인을 불러오지 못했습니다. 사이트를 빌드하면(npm run build) 검색 색인이 만들어집니다.';
}

// A module, not a global script: its names stay local.
export {};
