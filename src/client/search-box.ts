/**
 * The site search box (home page and /search/), loaded on the first focus of its field (search-boot.ts). It follows
 * the WAI-ARIA combobox pattern with a listbox popup: typing lists the best matches of the static index
 * (/search-index.json, ranked by src/lib/search-rank.ts); ↓/↑ move through them (aria-activedescendant, so focus
 * stays in the field), Enter opens the one chosen, Escape closes the list (and clears the field when it is closed);
 * a click opens a result. Enter with none chosen submits the form to /search/?q=…, which lists the matches as links
 * (showResults) — and, without JavaScript, everything the index holds.
 */
import { prepare, rank, searchKey, type PreparedEntry, type SearchEntry, type SearchKind } from '../lib/search-rank.ts';

/** The texts the page gives the script (data-search-text on the form), so the script carries no message catalog. */
export interface SearchText {
  kinds: Record<SearchKind, string>;
  /** "{n} results for “{q}”", "1 result…", "Nothing found for “{q}”…", "Search is not available…". */
  count: string;
  one: string;
  none: string;
  failed: string;
  /** "also {name}": the other name a result was found by. */
  alias: string;
}

const LIMIT = 8;

let loaded: Promise<PreparedEntry[]> | undefined;
/** The index, fetched once per page from the site's own origin. */
export function loadIndex(url = '/search-index.json'): Promise<PreparedEntry[]> {
  loaded ??= fetch(url)
    .then((r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return r.json() as Promise<SearchEntry[]>;
    })
    .then(prepare);
  return loaded;
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The other name a result matched by, when its label does not show what was typed ("Türkiye" for "Turkey"). */
export function matchedAlias(entry: SearchEntry, typed: string): string | null {
  const q = searchKey(typed);
  if (q === '' || searchKey(entry.label).includes(q)) return null;
  return entry.names?.find((n) => searchKey(n).startsWith(q) || ` ${searchKey(n)}`.includes(` ${q}`)) ?? null;
}

/** The status line: how many results, or that there are none. */
export function countText(n: number, typed: string, text: SearchText): string {
  if (n === 0) return fill(text.none, { q: typed.trim() });
  return fill(n === 1 ? text.one : text.count, { n, q: typed.trim() });
}

/** One result's content: its label, the name it was found by, its kind and its context. */
function resultParts(doc: Document, e: SearchEntry, typed: string, text: SearchText): Node[] {
  const span = (cls: string, s: string) => {
    const el = doc.createElement('span');
    el.className = cls;
    el.textContent = s;
    return el;
  };
  const alias = matchedAlias(e, typed);
  return [
    span('search-label', e.label),
    ...(alias ? [doc.createTextNode(' '), span('search-alias', fill(text.alias, { name: alias }))] : []),
    doc.createTextNode(' '),
    span('search-kind', text.kinds[e.kind]),
    ...(e.context ? [doc.createTextNode(' '), span('search-context', e.context)] : []),
  ];
}

export function wireSearchBox(form: HTMLFormElement): void {
  const doc = form.ownerDocument;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const list = form.querySelector<HTMLUListElement>('[data-search-list]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  const text = JSON.parse(form.dataset['searchText'] ?? '{}') as SearchText;
  if (!input || !list || form.dataset['searchWired']) return;
  form.dataset['searchWired'] = '';
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  list.setAttribute('role', 'listbox');

  let results: SearchEntry[] = [];
  let active = -1;
  let asked = 0;

  const optionId = (i: number) => `${list.id}-${i}`;
  const setActive = (i: number) => {
    active = i;
    list.querySelectorAll('[role="option"]').forEach((o, j) => o.setAttribute('aria-selected', String(j === i)));
    if (i < 0) input.removeAttribute('aria-activedescendant');
    else {
      input.setAttribute('aria-activedescendant', optionId(i));
      doc.getElementById(optionId(i))?.scrollIntoView({ block: 'nearest' });
    }
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };
  const open = (i: number) => {
    const href = results[i]?.href;
    if (href) window.location.assign(href);
  };

  const render = (typed: string) => {
    list.replaceChildren(
      ...results.map((e, i) => {
        const li = doc.createElement('li');
        li.id = optionId(i);
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.dataset['href'] = e.href;
        li.append(...resultParts(doc, e, typed, text));
        return li;
      }),
    );
    const any = typed.trim() !== '';
    list.hidden = results.length === 0;
    input.setAttribute('aria-expanded', String(results.length > 0));
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (status) status.textContent = any ? countText(results.length, typed, text) : '';
  };

  const update = async () => {
    const typed = input.value;
    const mine = ++asked;
    try {
      const index = await loadIndex();
      if (mine !== asked) return; // a later keystroke has taken over
      results = rank(index, typed, LIMIT);
      render(typed);
    } catch {
      if (status) status.textContent = text.failed;
    }
  };

  input.addEventListener('input', () => void update());
  input.addEventListener('keydown', (event) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (list.hidden && results.length > 0) {
          list.hidden = false;
          input.setAttribute('aria-expanded', 'true');
        }
        if (results.length > 0) setActive((active + 1) % results.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (results.length > 0) setActive(active <= 0 ? results.length - 1 : active - 1);
        break;
      case 'Enter':
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          open(active);
        }
        break;
      case 'Escape':
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else if (input.value !== '') {
          event.preventDefault();
          input.value = '';
          results = [];
          render('');
        }
        break;
    }
  });
  // pointerdown keeps the focus in the field; the click then opens the result.
  list.addEventListener('pointerdown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const li = (event.target as Element).closest<HTMLElement>('[role="option"]');
    if (li?.dataset['href']) window.location.assign(li.dataset['href']);
  });
  input.addEventListener('blur', () => close());
  if (input.value.trim() !== '') void update();
}

/** /search/?q=…: the matches as a list of links above the full lists, with their count. */
export async function showResults(section: HTMLElement, typed: string, text: SearchText): Promise<void> {
  const doc = section.ownerDocument;
  const heading = section.querySelector<HTMLElement>('[data-results-count]');
  const list = section.querySelector<HTMLElement>('[data-results-list]');
  if (!heading || !list) return;
  try {
    const found = rank(await loadIndex(), typed, 50);
    heading.textContent = countText(found.length, typed, text);
    list.replaceChildren(
      ...found.map((e) => {
        const li = doc.createElement('li');
        const a = doc.createElement('a');
        a.href = e.href;
        a.append(...resultParts(doc, e, typed, text));
        li.append(a);
        return li;
      }),
    );
  } catch {
    heading.textContent = text.failed;
  }
  section.hidden = false;
}
