/**
 * The page's only script before interaction (kept small: the chart code and the ≈5 MB engine are dynamic imports).
 * It wires each redrawable chart (`.figure-host[data-chart]`) to the controls form beside it, the view state in the
 * URL, the tabs, the tooltip and the notice for a link that could not be read. `start()` is called by
 * ClientScript.astro; everything else here is pure and tested in tests/site/client.test.ts.
 */
import { parseState, reasonText, serializeState, type ParsedState, type StateSpace, type ViewState } from '../state/url-state.ts';
import type { Locale } from '../charts/types.ts';
import { makeLocale } from '../i18n/locale.ts';
import type { ChartSpec } from './redraw.ts';
import { initTabs } from './tabs.ts';
import { initTooltip } from './tooltip.ts';
import { showProgress } from './progress.ts';

export type { ChartSpec };

/** Upper bound on countries in one chart, unless the form says otherwise (`data-max-geos`). */
export const MAX_GEOS = 8;

const isYears = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((y) => Number.isInteger(y));

/** The host's `data-chart` JSON, or null if it is not a chart this script can redraw. */
export function readSpec(raw: string | undefined | null): ChartSpec | null {
  if (!raw) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  const s = v as Partial<ChartSpec> | null;
  if (!s || s.kind !== 'line' || typeof s.indicator !== 'string' || typeof s.unit !== 'string') return null;
  if (!s.defaults || !Array.isArray(s.defaults.geo) || !isYears(s.defaults.years)) return null;
  if (!s.frame || typeof s.frame.id !== 'string' || typeof s.frame.title !== 'string') return null;
  return s as ChartSpec;
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

/** The form's values as URL parameters, so that the form and the URL are validated by the same parser. */
export function formSearch(geo: readonly string[], from: string, to: string): string {
  const p = new URLSearchParams();
  p.set('geo', geo.join(','));
  const f = from.trim();
  const t = to.trim();
  p.set('years', f === t ? f : `${f}-${t}`);
  return `?${p.toString().replaceAll('%2C', ',')}`;
}

/** The engine's decoded size from `#engine-info` (ClientScript.astro), or null. */
export function readEngineBytes(json: string | null | undefined): number | null {
  try {
    const n = (JSON.parse(json ?? 'null') as { wasmBytes?: unknown } | null)?.wasmBytes;
    return typeof n === 'number' && n > 0 ? n : null;
  } catch {
    return null;
  }
}

/** The page's language (`<html lang>`), for the texts this script writes. */
export function pageLocale(doc: Document): Locale {
  return makeLocale(doc.documentElement.lang || 'en');
}

const EN = makeLocale('en');

/** A URL parameter's name in words, in a status line. */
function paramName(param: string, { t }: Locale): string {
  switch (param) {
    case 'tab':
      return t('status.param.tab');
    case 'indicator':
      return t('status.param.indicator');
    case 'lang':
      return t('status.param.lang');
    default:
      return param;
  }
}

/** The notice for a link whose parameters were (partly) ignored. */
export function linkNotice(problems: ParsedState['problems'], locale: Locale = EN): string {
  const items = problems.map((p) => locale.t('notice.problem', { param: p.param, value: p.value, reason: reasonText(p, locale) }));
  return locale.t('notice.link', { problems: items.join('; ') });
}

/** The status line for a form that cannot be applied (the form only sets countries and years). */
export function formProblem(problems: ParsedState['problems'], yearRange: [number, number], locale: Locale = EN): string {
  const { t } = locale;
  const parts = problems.map((p) => {
    if (p.param === 'geo' && p.reason === 'empty-list') return t('status.chooseGeo');
    if (p.param === 'geo') return t('status.geoProblem', { reason: reasonText(p, locale) });
    if (p.param === 'years') return t('status.yearsProblem', { from: yearRange[0], to: yearRange[1] });
    return t('status.paramProblem', { param: paramName(p.param, locale), reason: reasonText(p, locale) });
  });
  return t('status.notUpdated', { problems: parts.join('; ') });
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The order of the countries does not change the chart (the query orders by code), so a selection of the default
 * countries in another order is the default view: same URL (none), no redraw.
 */
export function canonical(state: ViewState, defaults: ViewState): ViewState {
  return sameSet(state.geo, defaults.geo) && state.geo.join(',') !== defaults.geo.join(',') ? { ...state, geo: [...defaults.geo] } : state;
}

export const sameView = (a: Pick<ViewState, 'geo' | 'years'>, b: Pick<ViewState, 'geo' | 'years'>) =>
  sameSet(a.geo, b.geo) && a.years[0] === b.years[0] && a.years[1] === b.years[1];

interface Wired {
  host: HTMLElement;
  spec: ChartSpec;
  form: HTMLFormElement;
  select: HTMLSelectElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
  status: HTMLElement;
  space: StateSpace;
  names: Map<string, string>;
}

function wire(host: HTMLElement): Wired | null {
  const spec = readSpec(host.dataset['chart']);
  if (!spec) return null;
  const scope = host.parentElement;
  const form = [...(scope?.querySelectorAll<HTMLFormElement>('form[data-controls]') ?? [])].find((f) => (f.dataset['indicator'] ?? spec.indicator) === spec.indicator);
  const select = form?.querySelector<HTMLSelectElement>('select[name=geo]');
  const from = form?.querySelector<HTMLInputElement>('input[name=from]');
  const to = form?.querySelector<HTMLInputElement>('input[name=to]');
  const status = form?.querySelector<HTMLElement>('[data-status]');
  if (!form || !select || !from || !to || !status) return null;
  const options = [...select.options];
  const names = new Map(options.map((o) => [o.value, (o.textContent ?? o.value).trim()]));
  const lo = Number(from.min) || spec.defaults.years[0];
  const hi = Number(to.max) || spec.defaults.years[1];
  const max = Number(form.dataset['maxGeos']) || MAX_GEOS;
  const space = spaceOf(spec, options.map((o) => o.value), [lo, hi], max);
  return { host, spec, form, select, from, to, status, space, names };
}

function setForm(w: Wired, s: ViewState) {
  for (const o of w.select.options) o.selected = s.geo.includes(o.value);
  w.from.value = String(s.years[0]);
  w.to.value = String(s.years[1]);
}

export function start(doc: Document = document): void {
  const win = doc.defaultView!;
  const locale = pageLocale(doc);
  const { t } = locale;
  initTooltip(doc);
  const release = doc.body.dataset['release'];
  const bytes = Number(doc.body.dataset['observationsBytes']);
  const source = release
    ? { url: new URL(`/data/${release}/observations.parquet`, win.location.href).href, bytes: bytes > 0 ? bytes : null }
    : null;
  const engineBytes = readEngineBytes(doc.getElementById('engine-info')?.textContent);
  /** Set once the engine has answered on this page, so later redraws do not announce an engine load. */
  let engineUp = false;
  const charts = [...doc.querySelectorAll<HTMLElement>('.figure-host[data-chart]')].map(wire).filter((w): w is Wired => w !== null);
  // The URL describes the page's first redrawable chart (pages have one); the tabs belong to the same state.
  const main = charts[0];
  const space: StateSpace = main?.space ?? {
    geos: new Set(), indicators: new Set(), yearRange: [0, 9999], maxGeos: 0,
    defaults: { geo: [], years: [0, 9999], tab: 'chart', indicator: '' },
  };
  const parsed = parseState(win.location.search, space);
  let state = canonical(parsed.state, space.defaults);

  const writeUrl = () => {
    const qs = serializeState(state, space.defaults);
    if (qs !== win.location.search) win.history.replaceState(win.history.state, '', `${win.location.pathname}${qs}${win.location.hash}`);
    return qs;
  };

  const notice = doc.querySelector<HTMLElement>('[data-notice]');
  if (parsed.problems.length > 0) {
    if (notice) {
      notice.textContent = linkNotice(parsed.problems, locale);
      notice.hidden = false;
    }
    writeUrl(); // the address bar now says what is shown; the notice says what was dropped
  }

  const nav = doc.querySelector<HTMLElement>('[data-tabs]');
  if (nav) {
    initTabs(nav, state.tab, (tab) => {
      state = { ...state, tab: tab as ViewState['tab'] };
      writeUrl();
    });
  }

  charts.forEach((w, i) => {
    const urlBound = i === 0;
    /** The view last asked for (drawn, or being drawn): a change back to it while it loads needs no second run. */
    let requested: Pick<ViewState, 'geo' | 'years'> = w.space.defaults;
    let token = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const apply = async (next: ViewState, byUser: boolean) => {
      const mine = ++token;
      requested = next;
      let qs = serializeState(next, w.space.defaults);
      if (urlBound) {
        state = { ...state, geo: next.geo, years: next.years };
        qs = writeUrl();
      }
      const view = showProgress(w.status, locale, engineUp ? t('status.updating') : undefined);
      w.host.setAttribute('aria-busy', 'true');
      try {
        const { redraw, updatedText } = await import('./redraw.ts');
        if (!source) throw new Error(t('status.noRelease'));
        const href = qs ? `${win.location.pathname}${qs}` : undefined;
        const result = await redraw(w.host, w.spec, next, {
          source, names: w.names, locale, ...(href ? { href } : {}),
          progress: (stage, loaded, total) => {
            if (mine === token) view.update(stage, loaded, stage === 'engine' && engineBytes ? engineBytes : total);
          },
          isCurrent: () => mine === token,
        });
        engineUp = true;
        if (!result.applied) return;
        w.host.dataset['renderedBy'] = 'duckdb';
        w.host.dataset['state'] = qs;
        view.done(updatedText(next.geo.length, next.years, result.queryMs, locale));
        // The link's notice described the view the page opened with; a view the reader chose replaces it.
        if (byUser && urlBound && notice) notice.hidden = true;
      } catch (e) {
        if (mine !== token) return;
        requested = { geo: [], years: [0, 0] }; // nothing is in flight: asking again must retry
        console.error(e);
        view.done(t('status.failed', { error: e instanceof Error ? e.message : String(e) }));
      } finally {
        if (mine === token) w.host.removeAttribute('aria-busy');
      }
    };

    /** Reads and validates the form; applies it, or says in the status line why not. */
    const fromForm = (force: boolean) => {
      const geo = [...w.select.selectedOptions].map((o) => o.value);
      const { state: s, problems } = parseState(formSearch(geo, w.from.value, w.to.value), w.space);
      if (problems.length > 0) {
        w.status.replaceChildren(formProblem(problems, w.space.yearRange, locale));
        return;
      }
      const next = canonical({ ...s, tab: urlBound ? state.tab : 'chart' }, w.space.defaults);
      if (!force && sameView(next, requested)) return;
      void apply(next, true);
    };

    // A first sign of intent starts the engine, so it is (partly) loaded by the time the user asks for a redraw.
    let warmed = false;
    const warm = () => {
      if (warmed || !source) return;
      warmed = true;
      void import('./redraw.ts')
        .then((m) => m.prepare(source, w.spec.indicator))
        .then(() => { engineUp = true; }, () => { warmed = false; });
    };
    w.form.addEventListener('pointerdown', warm);
    w.form.addEventListener('input', warm);

    w.form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      clearTimeout(timer);
      fromForm(true);
    });
    w.form.addEventListener('change', () => {
      clearTimeout(timer);
      // Keyboard selection in a list fires a change per keystroke: wait for a pause before redrawing.
      timer = setTimeout(() => fromForm(false), 400);
    });

    if (urlBound) {
      setForm(w, state);
      if (!sameView(state, w.space.defaults)) void apply(state, false);
    }
  });
}
