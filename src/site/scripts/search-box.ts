/**
 * The header search box as a combobox (WAI-ARIA APG "list autocomplete"): typing shows the
 * first results in a listbox; ↑/↓ move through them (aria-activedescendant), Enter opens the
 * active one or, with none active, submits to /search/?q=…; Esc closes. Search loads on
 * first focus. On /search/ the page's own box is the search, so this one stays a plain form.
 */
import { clip } from './url-input.ts';

// The search engine is imported on first use, so reading pages load only this small script.
const engine = () => import('../../search/client/engine.ts');

const form = document.querySelector<HTMLFormElement>('[data-search-box]');
const input = form?.querySelector<HTMLInputElement>('#site-search-input');
const listbox = form?.querySelector<HTMLUListElement>('#site-search-listbox');

if (form && input && listbox && !document.querySelector('[data-search-page]')) {
  let active = -1;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const options = () => [...listbox.querySelectorAll<HTMLLIElement>('[role="option"]')];
  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (i: number) => {
    const all = options();
    if (!all.length) return;
    active = (i + all.length) % all.length;
    all.forEach((o, n) => o.setAttribute('aria-selected', String(n === active)));
    input.setAttribute('aria-activedescendant', all[active]!.id);
    all[active]!.scrollIntoView({ block: 'nearest' });
  };
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

  const update = async () => {
    const q = clip(input.value.trim());
    const g = ++generation;
    if (!q) return close();
    const { search, hitOf } = await engine();
    const outcome = await search({ q, agency: [], pred: false, doc: [], kind: [], year: [] });
    const hits = await Promise.all(outcome.results.slice(0, 6).map((r) => hitOf(r, outcome.parsed)));
    if (g !== generation) return;
    const all = `<li role="option" id="site-search-all" aria-selected="false" class="site-search-all" data-href="/search/?q=${encodeURIComponent(q)}">“${escape(q)}” 전체 결과 보기 (${outcome.results.length}건)</li>`;
    listbox.innerHTML =
      hits
        .map(
          (h, i) =>
            `<li role="option" id="site-search-opt-${i}" aria-selected="false" data-href="${escape(h.url)}"><span class="opt-title">${escape(h.title || h.context)}</span><span class="opt-context">${escape(h.context)}</span></li>`,
        )
        .join('') + all;
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
    input.removeAttribute('aria-activedescendant');
  };

  // Load search as soon as the user shows intent: pointer over the box, focus, or a shortcut.
  for (const type of ['focus', 'pointerenter'] as const) input.addEventListener(type, () => void engine().then((e) => e.load()), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), 80);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (listbox.hidden) return;
      event.preventDefault();
      setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Escape') {
      if (!listbox.hidden) {
        event.preventDefault();
        close();
      }
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      location.href = options()[active]!.dataset.href!;
    }
  });
  // Keep focus in the input while an option is clicked, so focusout does not close the list first.
  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const option = (event.target as Element).closest<HTMLLIElement>('[role="option"]');
    if (option?.dataset.href) location.href = option.dataset.href;
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
}

export {};
