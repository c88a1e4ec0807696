/**
 * The controls form beside a redrawable chart (TrendControls.astro): finding it, what it allows, reading it through
 * the same parser as the URL (in the very shape it submits without JavaScript), and showing a view in it.
 */
import { parseState, type ParsedState, type StateSpace, type ViewState } from '../state/url-state.ts';
import type { View } from './chart-phase.ts';
import type { ChartSpec } from './redraw.ts';

/** Upper bound on countries in one chart, unless the form says otherwise (`data-max-geos`). */
export const MAX_GEOS = 8;

export interface TrendForm {
  form: HTMLFormElement;
  select: HTMLSelectElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
  status: HTMLElement;
  space: StateSpace;
  /** Names of the offered places, as the options show them. */
  names: Map<string, string>;
  /** Pages of the offered places that have one (`data-href` of the options). */
  hrefs: Map<string, string>;
}

/** What the URL may say on this page: the offered geographies (and the defaults), the form's years, one indicator. */
export function spaceOf(spec: ChartSpec, offered: readonly string[], yearRange: [number, number], maxGeos = MAX_GEOS): StateSpace {
  return {
    geos: new Set([...offered, ...spec.defaults.geo]),
    indicators: new Set([spec.indicator]),
    yearRange,
    defaults: { geo: [...spec.defaults.geo], years: [...spec.defaults.years], tab: 'chart', indicator: spec.indicator },
    maxGeos,
  };
}

/**
 * The form's values as the browser submits them without JavaScript (`geo=A&geo=B&from=…&to=…`), so that the form
 * and a submitted URL are read by the same parser. No selection is sent as an empty `geo`, which the parser refuses
 * (the browser would send nothing, and the page would silently show the default countries).
 */
export function formSearch(geo: readonly string[], from: string, to: string): string {
  const p = new URLSearchParams();
  if (geo.length === 0) p.append('geo', '');
  for (const g of geo) p.append('geo', g);
  p.set('from', from);
  p.set('to', to);
  return `?${p.toString()}`;
}

/** The form beside `host` that drives the chart `spec`, or null when the page has none. */
export function findTrendForm(host: HTMLElement, spec: ChartSpec): TrendForm | null {
  // The figure's controls sit beside it, outside the block that holds the figure and its actions (Figure.astro).
  const around = host.closest('.figure-block')?.parentElement ?? host.parentElement;
  const forms = around?.querySelectorAll<HTMLFormElement>('form[data-controls]') ?? [];
  const form = [...forms].find((f) => (f.dataset['indicator'] ?? spec.indicator) === spec.indicator);
  const select = form?.querySelector<HTMLSelectElement>('select[name=geo]');
  const from = form?.querySelector<HTMLInputElement>('input[name=from]');
  const to = form?.querySelector<HTMLInputElement>('input[name=to]');
  const status = form?.querySelector<HTMLElement>('[data-status]');
  if (!form || !select || !from || !to || !status) return null;
  // A disabled option is a place the chart cannot draw ("Germany — did not report"): listed, never offered.
  const options = [...select.options].filter((o) => !o.disabled);
  const names = new Map(options.map((o) => [o.value, (o.dataset['name'] ?? o.textContent ?? o.value).trim()]));
  const hrefs = new Map(options.flatMap((o) => (o.dataset['href'] ? [[o.value, o.dataset['href']] as const] : [])));
  const lo = Number(from.min) || spec.defaults.years[0];
  const hi = Number(to.max) || spec.defaults.years[1];
  const max = Number(form.dataset['maxGeos']) || MAX_GEOS;
  const space = spaceOf(spec, options.map((o) => o.value), [lo, hi], max);
  return { form, select, from, to, status, space, names, hrefs };
}

/** The view the form asks for, validated like a URL. */
export function readForm(f: TrendForm): ParsedState {
  const geo = [...f.select.selectedOptions].map((o) => o.value);
  return parseState(formSearch(geo, f.from.value.trim(), f.to.value.trim()), f.space);
}

export function showInForm(f: TrendForm, view: View): void {
  for (const o of f.select.options) o.selected = !o.disabled && view.geo.includes(o.value);
  f.from.value = String(view.years[0]);
  f.to.value = String(view.years[1]);
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The order of the countries does not change the chart (the query orders by code), so a selection of the default
 * countries in another order is the default view: same URL (none), no redraw.
 */
export function canonical(state: ViewState, defaults: ViewState): ViewState {
  return sameSet(state.geo, defaults.geo) && state.geo.join(',') !== defaults.geo.join(',') ? { ...state, geo: [...defaults.geo] } : state;
}
