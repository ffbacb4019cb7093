/**
 * Filters a pre-rendered list in place (FilterForm.astro): /timeline/ and /measures/. The state
 * lives in the URL query (`?doc=…&agency=…&kind=…&lineage=1`), so a filtered view is a link;
 * loading it applies it. Without JavaScript the form stays hidden and the whole list shows.
 *
 * An item matches when, for every chosen field, its `data-<field>` (space-separated ids) holds
 * the value; with `lineage=1` an agency matches through any name of its lineage, read from
 * the chosen option's `data-lineage`. Groups (`data-filter-group`) with no match are hidden,
 * and a group's `data-filter-count` shows how many of its items match.
 */
import { queryValue } from './url-input.ts';

const FIELDS = ['doc', 'agency', 'kind'] as const;

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-filter]')) setUp(form);

function setUp(form: HTMLFormElement): void {
  const list = document.getElementById(form.dataset.filter ?? '');
  if (!list) return;
  const items = [...list.querySelectorAll<HTMLElement>('[data-filter-item]')];
  const groups = [...list.querySelectorAll<HTMLElement>('[data-filter-group]')];
  const status = form.querySelector<HTMLElement>('[data-filter-status]');
  const select = (name: string) => form.elements.namedItem(name) as HTMLSelectElement | null;
  const lineage = form.elements.namedItem('lineage') as HTMLInputElement | null;
  const unit = form.dataset.filterUnit ?? '건';

  /** URL → controls. A value the list does not offer is kept (as an option) so the URL stays the truth. */
  const read = () => {
    for (const name of FIELDS) {
      const control = select(name);
      if (!control) continue;
      const value = queryValue(name);
      if (value && ![...control.options].some((o) => o.value === value)) control.add(new Option(value, value));
      control.value = value;
    }
    if (lineage) lineage.checked = queryValue('lineage') === '1';
  };

  /** Controls → URL, without a new history entry per change. */
  const write = () => {
    const query = new URLSearchParams();
    for (const name of FIELDS) {
      const value = select(name)?.value;
      if (value) query.set(name, value);
    }
    if (lineage?.checked && select('agency')?.value) query.set('lineage', '1');
    const search = query.toString();
    history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  };

  const apply = () => {
    const wanted = new Map<string, Set<string>>();
    for (const name of FIELDS) {
      const control = select(name);
      if (!control?.value) continue;
      const option = control.selectedOptions[0];
      const values = name === 'agency' && lineage?.checked && option?.dataset.lineage ? option.dataset.lineage.split(' ') : [control.value];
      wanted.set(name, new Set(values));
    }
    let shown = 0;
    for (const item of items) {
      const match = [...wanted].every(([name, values]) => (item.dataset[name] ?? '').split(' ').some((v) => values.has(v)));
      item.hidden = !match;
      if (match) shown++;
    }
    for (const group of groups) {
      const visible = group.querySelectorAll('[data-filter-item]:not([hidden])').length;
      group.hidden = visible === 0;
      // The count in a group's heading counts what is shown.
      const count = group.querySelector<HTMLElement>('[data-filter-count]');
      if (count) count.textContent = `(${visible}${unit})`;
    }
    if (lineage) lineage.disabled = !select('agency')?.value;
    if (status) status.textContent = wanted.size === 0 ? `전체 ${items.length}${unit}` : `${items.length}${unit} 가운데 ${shown}${unit}`;
  };

  read();
  apply();
  form.hidden = false;
  for (const note of document.querySelectorAll<HTMLElement>('[data-filter-nojs]')) note.hidden = true;
  form.addEventListener('change', () => {
    apply();
    write();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
    write();
  });
  form.addEventListener('reset', () => {
    // The reset happens after this event; apply the cleared controls then.
    setTimeout(() => {
      apply();
      write();
    });
  });
}
