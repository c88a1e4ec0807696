/**
 * The place picker on the page (WAI-ARIA APG combobox with a listbox popup): the chosen places as chips above a text
 * field with role=combobox, a listbox of the places found under their lists' headings, and a polite live region.
 * It only builds the elements and shows a state (src/picker/picker-state.ts); place-picker.ts handles the events.
 */
import type { Locale } from '../charts/types.ts';
import { groupPlaces } from '../picker/groups.ts';
import type { Place } from '../picker/place.ts';
import { absentOptionText, groupHeading } from '../picker/picker-text.ts';
import { shownPlaces, type PickerState } from '../picker/picker-state.ts';

export interface PickerDom {
  root: HTMLElement;
  input: HTMLInputElement;
  listbox: HTMLElement;
  chips: HTMLElement;
  count: HTMLElement;
  status: HTMLElement;
}

/** The ids of a picker's parts, from the form's id (one picker per form). */
const idsOf = (base: string) => ({ input: `${base}-places`, list: `${base}-places-list`, count: `${base}-places-count`, hint: `${base}-places-hint` });
export const optionId = (base: string, code: string) => `${base}-place-${code}`;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

export function buildPicker(doc: Document, base: string, label: string, locale: Locale): PickerDom {
  const { t } = locale;
  const ids = idsOf(base);
  const root = el(doc, 'div', { class: 'picker', 'data-picker': '' });
  const count = el(doc, 'p', { class: 'picker-count', id: ids.count });
  const chips = el(doc, 'ul', { class: 'picker-chips', 'aria-labelledby': ids.count });
  const field = el(doc, 'div', { class: 'picker-field' });
  const input = el(doc, 'input', {
    id: ids.input, type: 'text', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
    'aria-controls': ids.list, 'aria-describedby': ids.hint, autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false',
    placeholder: t('picker.placeholder'),
  });
  const listbox = el(doc, 'div', { role: 'listbox', id: ids.list, 'aria-label': t('picker.list'), class: 'picker-list', hidden: '' });
  field.append(input, listbox);
  const hint = el(doc, 'p', { id: ids.hint, class: 'visually-hidden' }, t('picker.hint'));
  const status = el(doc, 'p', { class: 'picker-status', role: 'status', 'aria-live': 'polite' });
  root.append(el(doc, 'label', { for: ids.input, class: 'picker-label' }, label), count, chips, field, hint, status);
  return { root, input, listbox, chips, count, status };
}

/** What the listbox and the chips were last drawn for, so a key press that only moves the active place redraws little. */
interface Drawn {
  chips: string;
  list: string | null;
}
const drawnOf = new WeakMap<PickerDom, Drawn>();

function drawChips(dom: PickerDom, state: PickerState, byCode: ReadonlyMap<string, Place>, max: number, locale: Locale) {
  const doc = dom.root.ownerDocument;
  dom.count.textContent = locale.t('picker.chosen', { n: locale.number(state.selected.length), max: locale.number(max) });
  dom.chips.replaceChildren(
    ...state.selected.map((code) => {
      const name = byCode.get(code)?.name ?? code;
      const button = el(doc, 'button', { type: 'button', class: 'chip', 'data-code': code, 'aria-label': locale.t('picker.remove', { name }) }, name);
      button.append(el(doc, 'span', { class: 'chip-x', 'aria-hidden': 'true' }, '×'));
      const li = el(doc, 'li');
      li.append(button);
      return li;
    }),
  );
}

function drawList(dom: PickerDom, base: string, shown: readonly Place[], locale: Locale) {
  const doc = dom.root.ownerDocument;
  dom.listbox.replaceChildren(
    ...groupPlaces(shown).map((l) => {
      const headingId = `${base}-places-${l.group}`;
      const group = el(doc, 'ul', { role: 'group', 'aria-labelledby': headingId, class: 'picker-group' });
      group.append(el(doc, 'li', { role: 'presentation', id: headingId, class: 'picker-heading' }, groupHeading(l.group, locale)));
      for (const p of l.places) {
        const o = el(doc, 'li', { role: 'option', id: optionId(base, p.code), 'data-code': p.code, 'aria-selected': 'false', class: 'picker-option' }, p.absence ? absentOptionText(p.name, p.absence, locale) : p.name);
        if (p.absence) o.setAttribute('aria-disabled', 'true');
        group.append(o);
      }
      return group;
    }),
  );
}

/** Shows `state`: chips, field, list (rebuilt only when what it lists changed) and the active place. */
export function renderPicker(dom: PickerDom, base: string, state: PickerState, places: readonly Place[], byCode: ReadonlyMap<string, Place>, max: number, locale: Locale): void {
  const drawn = drawnOf.get(dom) ?? { chips: '', list: null };
  const chipsKey = state.selected.join(',');
  if (drawn.chips !== chipsKey || dom.count.textContent === '') drawChips(dom, state, byCode, max, locale);
  if (dom.input.value !== state.query) dom.input.value = state.query;

  const open = state.phase.name === 'open';
  const active = state.phase.name === 'open' ? state.phase.active : null;
  let list = drawn.list;
  if (open) {
    const key = `${state.query}\n${chipsKey}`;
    if (list !== key) {
      drawList(dom, base, shownPlaces(state, places), locale);
      list = key;
    }
  }
  dom.listbox.hidden = !open;
  dom.input.setAttribute('aria-expanded', String(open));
  for (const o of dom.listbox.querySelectorAll<HTMLElement>('[aria-selected="true"]')) o.setAttribute('aria-selected', 'false');
  const current = active ? dom.root.ownerDocument.getElementById(optionId(base, active)) : null;
  if (current) {
    current.setAttribute('aria-selected', 'true');
    dom.input.setAttribute('aria-activedescendant', current.id);
    current.scrollIntoView?.({ block: 'nearest' });
  } else dom.input.removeAttribute('aria-activedescendant');
  drawnOf.set(dom, { chips: chipsKey, list });
}

/** Says `text` in the live region; the same sentence twice is said twice (it is emptied first). */
export function announce(dom: PickerDom, text: string): void {
  dom.status.textContent = '';
  const win = dom.root.ownerDocument.defaultView;
  if (win) win.requestAnimationFrame(() => (dom.status.textContent = text));
  else dom.status.textContent = text;
}
