/**
 * /search/: reads the state from the URL, runs the search, renders results, facet counts and
 * suggestions, and writes every change back to the URL (replaceState while typing, pushState
 * on a facet change so Back undoes it).
 */
import { FACETS, KIND_LABELS, hitOf, lexicon, loadFilters, search, suggestions, type Outcome, type SearchState } from '../../search/client/engine.ts';
import { clip, queryValue, queryValues } from './url-input.ts';
import { own } from '../../search/client/own.ts';

const PAGE = 10;
const root = document.querySelector<HTMLElement>('[data-search-page]');

function readState(): SearchState {
  // Bounded and never throwing (url-input.ts): the URL may come from anyone.
  return { q: queryValue('q'), agency: queryValues('agency'), pred: queryValue('pred') === '1', doc: queryValues('doc'), kind: queryValues('kind'), year: queryValues('year') };
}

function writeState(state: SearchState, push: boolean) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const k of FACETS) for (const v of state[k]) p.append(k, v);
  if (state.pred) p.set('pred', '1');
  const url = `${location.pathname}${p.size ? `?${p}` : ''}`;
  if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

if (root) {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('#search-q')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const suggest = root.querySelector<HTMLElement>('[data-search-suggest]')!;
  const agencyValues = root.querySelector<HTMLElement>('[data-facet="agency"] [data-values]')!;
  const header = document.querySelector<HTMLInputElement>('#site-search-input');

  let state = readState();
  let outcome: Outcome | null = null;
  let shown = 0;
  let generation = 0;

  const syncForm = () => {
    input.value = state.q;
    if (header) header.value = state.q;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      box.checked = box.name === 'pred' ? state.pred : (state[box.name as keyof SearchState] as string[]).includes(box.value);
    }
  };

  const renderAgencies = async (counts: Record<string, number>) => {
    const lex = await lexicon();
    const ids = new Set([...Object.keys(counts), ...state.agency]);
    const rows = [...ids]
      // Ids come from the URL (`?agency=__proto__`): only own properties count.
      .map((id) => ({ id, name: own(lex.entities, `agency:${id}`)?.n ?? id, count: own(counts, id) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'ko'));
    agencyValues.innerHTML = rows.length
      ? rows
          .map(
            (r) =>
              `<label><input type="checkbox" name="agency" value="${escape(r.id)}"${state.agency.includes(r.id) ? ' checked' : ''}> ${escape(r.name)} <span class="facet-count">${r.count}</span></label>`,
          )
          .join('')
      : '<p class="muted">검색하면 결과에 나오는 기관이 여기 나타납니다.</p>';
  };

  const renderCounts = (o: Outcome) => {
    for (const k of ['kind', 'doc', 'year'] as const) {
      for (const el of root.querySelectorAll<HTMLElement>(`[data-facet="${k}"] [data-count]`)) {
        const n = own(o.facets[k], el.dataset.count ?? '') ?? 0;
        el.textContent = String(n);
        el.closest('label')?.classList.toggle('facet-empty', n === 0);
      }
    }
    void renderAgencies(o.facets.agency);
  };

  const showMore = async (g: number) => {
    if (!outcome) return;
    const next = outcome.results.slice(shown, shown + PAGE);
    const hits = await Promise.all(next.map((r) => hitOf(r, outcome!.parsed)));
    if (g !== generation) return;
    list.insertAdjacentHTML(
      'beforeend',
      hits
        .map(
          (h) => `<li class="search-hit search-hit-${escape(h.kind)}">
  <a class="search-hit-title" href="${escape(h.url)}">${escape(h.title || h.context)}</a>
  <span class="search-hit-kind">${escape(KIND_LABELS[h.kind] ?? h.kind)}</span>
  <p class="search-hit-context">${escape(h.context)}${h.path ? ` › ${escape(h.path)}` : ''}</p>
  <p class="search-hit-excerpt">${h.excerpt}</p>
</li>`,
        )
        .join(''),
    );
    shown += next.length;
    more.hidden = shown >= outcome.results.length;
  };

  const run = async () => {
    const g = ++generation;
    const active = state.q || FACETS.some((k) => state[k].length);
    if (!active) {
      list.innerHTML = '';
      status.textContent = '검색어를 입력하세요.';
      more.hidden = true;
      suggest.hidden = true;
      return;
    }
    status.textContent = '찾는 중…';
    let o: Outcome;
    try {
      o = await search(state, { facets: true });
    } catch (error) {
      if (g !== generation) return;
      status.textContent = '검색 색인을 불러오지 못했습니다. 사이트를 빌드하면(npm run build) 색인이 만들어집니다.';
      console.error(error);
      return;
    }
    if (g !== generation) return;
    outcome = o;
    shown = 0;
    list.innerHTML = '';
    renderCounts(o);
    const filtered = FACETS.some((k) => state[k].length);
    status.textContent = o.results.length ? `${o.results.length}건${filtered ? ' (필터 적용)' : ''}` : `“${state.q}”에 맞는 결과가 없습니다${filtered ? ' (필터 적용 중)' : ''}.`;
    await showMore(g);
    if (o.results.length) {
      suggest.hidden = true;
      return;
    }
    const words = await suggestions(o.parsed);
    if (g !== generation) return;
    const links = words.map((w) => `<li><a href="/search/?q=${encodeURIComponent(w)}">${escape(w)}</a></li>`).join('');
    suggest.innerHTML = `<h3>다른 검색어를 써 보세요</h3>${links ? `<p>비슷한 말:</p><ul>${links}</ul>` : ''}${filtered ? '<p>필터를 모두 풀면 더 찾을 수 있습니다.</p>' : ''}<p>철자를 확인하거나, 더 짧은 말(예: “규제”, “클러스터”)이나 기관 이름으로 찾아 보세요.</p>`;
    suggest.hidden = false;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    state = { ...state, q: clip(input.value.trim()) };
    writeState(state, false);
    clearTimeout(timer);
    timer = setTimeout(run, 80);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state = { ...state, q: clip(input.value.trim()) };
    writeState(state, true);
    void run();
  });
  form.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
    if (box.name === 'pred') state = { ...state, pred: box.checked };
    else {
      const k = box.name as (typeof FACETS)[number];
      const values = new Set(state[k]);
      if (box.checked) values.add(box.value);
      else values.delete(box.value);
      state = { ...state, [k]: [...values] };
    }
    writeState(state, true);
    void run();
  });
  more.addEventListener('click', () => void showMore(generation));
  window.addEventListener('popstate', () => {
    state = readState();
    syncForm();
    void run();
  });

  syncForm();
  void loadFilters();
  void run();
}

export {};
