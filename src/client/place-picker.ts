/**
 * The place picker's controller: progressive enhancement of the plain form's `<select multiple>` (TrendControls.astro)
 * into the combobox of place-picker-view.ts. It reads the places from the select (lists, names, the places that cannot
 * be drawn), holds the picker's state (src/picker/picker-state.ts), and writes each change back into the select,
 * which stays in the form, hidden: the form is then read exactly as before (trend-form.ts readForm → url-state.ts),
 * and `onChange` asks the chart's controller for the view.
 */
import type { Locale } from '../charts/types.ts';
import { ABSENCES, PLACE_GROUPS, type Absence, type Place, type PlaceGroup } from '../picker/place.ts';
import { initialPicker, step, type PickerEvent, type PickerKey } from '../picker/picker-state.ts';
import { noticeText } from '../picker/picker-text.ts';
import { announce, buildPicker, renderPicker } from './place-picker-view.ts';
import type { TrendForm } from './trend-form.ts';

export interface PlacePicker {
  /** Shows places chosen elsewhere (a permalink, a cancelled load), quietly. */
  show(geo: readonly string[]): void;
}

const KEYS = new Set<string>(['ArrowDown', 'ArrowUp', 'Home', 'End', 'Enter', 'Escape', 'Backspace'] satisfies PickerKey[]);
const isGroup = (v: string | undefined): v is PlaceGroup => (PLACE_GROUPS as readonly (string | undefined)[]).includes(v);
const isAbsence = (v: string | undefined): v is Absence => (ABSENCES as readonly (string | undefined)[]).includes(v);

/** The places the select lists, in its order; an option outside a known list is a country. */
export function placesOf(select: HTMLSelectElement): Place[] {
  return [...select.options].map((o) => {
    const g = o.parentElement instanceof HTMLOptGroupElement ? o.parentElement.dataset['group'] : undefined;
    const absence = o.dataset['absence'];
    const name = (o.dataset['name'] ?? o.textContent ?? o.value).trim();
    if (o.disabled && isAbsence(absence)) return { code: o.value, name, group: 'absent', absence };
    return { code: o.value, name, group: isGroup(g) && g !== 'absent' ? g : 'countries' };
  });
}

export function enhancePicker(f: TrendForm, locale: Locale, onChange: () => void): PlacePicker | null {
  const plain = f.form.querySelector<HTMLElement>('[data-plain-places]');
  if (!plain) return null;
  const doc = f.form.ownerDocument;
  const base = `picker-${f.form.dataset['controls'] ?? 'trend'}`;
  const places = placesOf(f.select);
  const byCode = new Map(places.map((p) => [p.code, p]));
  const ctx = { places, max: f.space.maxGeos };
  // The plain list's label names the field; the combobox takes it over.
  const label = [...plain.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
  const dom = buildPicker(doc, base, label, locale);
  plain.after(dom.root);
  plain.hidden = true;

  let state = initialPicker([...f.select.selectedOptions].map((o) => o.value));
  const render = () => renderPicker(dom, base, state, places, byCode, ctx.max, locale);

  function dispatch(event: PickerEvent, ev?: Event): void {
    const r = step(state, event, ctx);
    state = r.state;
    if (r.handled) ev?.preventDefault();
    render();
    if (r.notice) announce(dom, noticeText(r.notice, (c) => byCode.get(c)?.name ?? c, locale));
    if (r.changed) {
      for (const o of f.select.options) o.selected = !o.disabled && state.selected.includes(o.value);
      onChange();
    }
  }

  dom.input.addEventListener('keydown', (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.isComposing || !KEYS.has(ev.key)) return;
    dispatch({ type: 'key', key: ev.key as PickerKey }, ev);
  });
  dom.input.addEventListener('input', () => dispatch({ type: 'type', query: dom.input.value }));
  dom.input.addEventListener('click', () => dispatch({ type: 'open' }));
  dom.input.addEventListener('blur', () => dispatch({ type: 'close' }));
  // The field's own change event is not a change of view (the form's listener would ask for one).
  dom.input.addEventListener('change', (ev) => ev.stopPropagation());
  // A click on the list must not take the focus from the field (the list would close before the click lands).
  dom.listbox.addEventListener('pointerdown', (ev) => ev.preventDefault());
  dom.listbox.addEventListener('click', (ev) => {
    const code = (ev.target as Element).closest<HTMLElement>('[role=option]')?.dataset['code'];
    if (code) dispatch({ type: 'pick', code });
  });
  dom.chips.addEventListener('click', (ev) => {
    const code = (ev.target as Element).closest<HTMLElement>('button[data-code]')?.dataset['code'];
    if (!code) return;
    dispatch({ type: 'remove', code });
    dom.input.focus(); // the chip's button is gone
  });
  // The hidden select changed by other means (assistive software, a test driver): show what it now says.
  f.select.addEventListener('change', () => dispatch({ type: 'show', selected: [...f.select.selectedOptions].map((o) => o.value) }));

  render();
  return { show: (geo) => dispatch({ type: 'show', selected: geo }) };
}
