/**
 * What a page with a search box loads up front: almost nothing. The box's code and the index come on the field's first
 * focus (or at once on /search/?q=…, to list the matches), so a reader who never searches never pays for them.
 */
import type { SearchText } from './search-box.ts';

export function bootSearch(doc: Document = document): void {
  for (const form of doc.querySelectorAll<HTMLFormElement>('form[data-search]')) {
    const input = form.querySelector<HTMLInputElement>('input[name="q"]');
    if (!input) continue;
    const wire = () => void import('./search-box.ts').then((m) => m.wireSearchBox(form));
    input.addEventListener('focus', wire, { once: true });
    if (doc.activeElement === input) wire();
  }
  const results = doc.querySelector<HTMLElement>('[data-search-results]');
  const typed = new URL(doc.location.href).searchParams.get('q') ?? '';
  const form = doc.querySelector<HTMLFormElement>('form[data-search]');
  if (results && form && typed.trim() !== '') {
    const input = form.querySelector<HTMLInputElement>('input[name="q"]');
    if (input && input.value === '') input.value = typed;
    const text = JSON.parse(form.dataset['searchText'] ?? '{}') as SearchText;
    void import('./search-box.ts').then((m) => m.showResults(results, typed, text));
  }
}
