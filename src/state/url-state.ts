/**
 * The view state of a chart page, in the URL: `?geo=KEN,NGA&years=2015-2021&tab=map&indicator=…&v=<version>`, and
 * also the shape the page's own controls submit without JavaScript: `?geo=KEN&geo=NGA&from=2015&to=2021`. `v` names
 * the data release the view is cited from (a permalink keeps showing the numbers it cited after newer releases).
 * Parsed strictly against what the page offers: anything unknown, malformed, repeated or contradicted is reported (as
 * a reason code, put into words by `reasonText` in the page's language), never dropped silently, so the page can say
 * what it did not use. Values are only ever used as bound query parameters.
 */
import type { Locale } from '../charts/types.ts';

export const TABS = ['chart', 'map', 'table'] as const;
export type Tab = (typeof TABS)[number];

export interface ViewState {
  geo: string[];
  years: [number, number];
  tab: Tab;
  indicator: string;
}

/** What a page allows, and what it shows when the URL says nothing. */
export interface StateSpace {
  geos: ReadonlySet<string>;
  indicators: ReadonlySet<string>;
  yearRange: [number, number];
  defaults: ViewState;
  /** Upper bound on selected geographies, so a URL cannot ask for a chart no one can read. */
  maxGeos: number;
  /** The published data releases a link may name with `v` (the site's release index); none known: any `v` is reported. */
  versions?: ReadonlySet<string>;
  /** Parameters other controls of the page read (a map's year, src/state/map-state.ts): not reported as unknown here. */
  otherParams?: ReadonlySet<string>;
}

/** Why a parameter was ignored. */
export type Reason =
  | {
      reason:
        | 'unknown-parameter' | 'empty-list' | 'bad-years' | 'bad-year' | 'start-after-end' | 'unknown-indicator'
        | 'unsupported-lang' | 'repeated' | 'years-given' | 'unknown-version';
    }
  | { reason: 'too-many'; max: number }
  | { reason: 'unknown-code'; codes: string[] }
  | { reason: 'outside-range'; range: [number, number] }
  | { reason: 'bad-tab'; allowed: readonly string[] }
  /** A map's year that the map has no values for (the first and last years it has; null: none). */
  | { reason: 'no-map-year'; range: [number, number] | null }
  | { reason: 'unknown-measure'; allowed: readonly string[] };

export type Problem = { param: string; value: string } & Reason;

export interface ParsedState {
  state: ViewState;
  /** Parameters that were ignored, with why, in the order the URL gives them; empty when the URL was clean. */
  problems: Problem[];
  /** The published release the link names with `v`; null when it names none (or one that is not published). */
  version: string | null;
}

/** A problem's reason in words, e.g. "unknown code ZZZ". */
export function reasonText(p: Reason, locale: Locale): string {
  const { t } = locale;
  switch (p.reason) {
    case 'unknown-parameter':
      return t('url.unknownParameter');
    case 'empty-list':
      return t('url.emptyList');
    case 'too-many':
      return t('url.tooMany', { n: locale.number(p.max) });
    case 'unknown-code':
      return t('url.unknownCode', { codes: p.codes.join(', ') });
    case 'bad-years':
      return t('url.badYears');
    case 'bad-year':
      return t('url.badYear');
    case 'start-after-end':
      return t('url.startAfterEnd');
    case 'outside-range':
      return t('url.outsideRange', { from: p.range[0], to: p.range[1] });
    case 'bad-tab':
      return t('url.badTab', { tabs: p.allowed.join(', ') });
    case 'unknown-indicator':
      return t('url.unknownIndicator');
    case 'unsupported-lang':
      return t('url.langUnavailable');
    case 'repeated':
      return t('url.repeated');
    case 'years-given':
      return t('url.yearsGiven');
    case 'unknown-version':
      return t('url.unknownVersion');
    case 'no-map-year':
      return p.range ? t('url.noMapYear', { from: p.range[0], to: p.range[1] }) : t('url.noMapYears');
    case 'unknown-measure':
      return t('url.unknownMeasure', { measures: p.allowed.join(', ') });
  }
}

const KNOWN = new Set(['geo', 'years', 'from', 'to', 'tab', 'indicator', 'lang', 'v']);

function parseGeo(raw: string, space: StateSpace): string[] | Reason {
  const codes = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (codes.length === 0) return { reason: 'empty-list' };
  const unique = [...new Set(codes)];
  if (unique.length > space.maxGeos) return { reason: 'too-many', max: space.maxGeos };
  const unknown = unique.filter((c) => !space.geos.has(c));
  if (unknown.length > 0) return { reason: 'unknown-code', codes: unknown.slice(0, 3) };
  return unique;
}

function checkYears(from: number, to: number, space: StateSpace): [number, number] | Reason {
  const [lo, hi] = space.yearRange;
  if (from > to) return { reason: 'start-after-end' };
  if (from < lo || to > hi) return { reason: 'outside-range', range: [lo, hi] };
  return [from, to];
}

function parseYears(raw: string, space: StateSpace): [number, number] | Reason {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(raw.trim());
  if (!m) return { reason: 'bad-years' };
  return checkYears(Number(m[1]), Number(m[2] ?? m[1]), space);
}

const yearOf = (raw: string): number | null => (/^\s*\d{4}\s*$/.test(raw) ? Number(raw) : null);

/**
 * The form's `from` and `to` (either may be absent: the default's end stands in for it). A malformed year is blamed
 * on its own parameter; a range that does not fit, on `from` (the first of the pair).
 */
function parseFromTo(from: string | undefined, to: string | undefined, space: StateSpace): { years: [number, number] } | { problems: Problem[] } {
  const [defaultFrom, defaultTo] = space.defaults.years;
  const f = from === undefined ? defaultFrom : yearOf(from);
  const t = to === undefined ? defaultTo : yearOf(to);
  const bad: Problem[] = [];
  if (f === null) bad.push({ param: 'from', value: from!, reason: 'bad-year' });
  if (t === null) bad.push({ param: 'to', value: to!, reason: 'bad-year' });
  if (f === null || t === null) return { problems: bad };
  const y = checkYears(f, t, space);
  if (Array.isArray(y)) return { years: y };
  return { problems: [from !== undefined ? { param: 'from', value: from, ...y } : { param: 'to', value: to!, ...y }] };
}

export function parseState(search: string, space: StateSpace): ParsedState {
  const params = new URLSearchParams(search);
  const state: ViewState = { ...space.defaults, geo: [...space.defaults.geo], years: [...space.defaults.years] };
  const problems: Problem[] = [];
  /** The first value of each single-valued parameter; a different later value is reported, not used. */
  const first = new Map<string, string>();
  for (const [param, value] of params) {
    if (space.otherParams?.has(param)) continue; // read and reported by their own control
    if (!KNOWN.has(param)) problems.push({ param, value, reason: 'unknown-parameter' });
    else if (param === 'geo') continue; // all of them are read together below
    else if (!first.has(param)) first.set(param, value);
    else if (first.get(param) !== value) problems.push({ param, value, reason: 'repeated' });
  }

  // The form sends one `geo` per selected option; a permalink sends one comma-separated list. Both are one list.
  const geos = params.getAll('geo');
  if (geos.length > 0) {
    const value = geos.join(',');
    const g = parseGeo(value, space);
    if (Array.isArray(g)) state.geo = g;
    else problems.push({ param: 'geo', value, ...g });
  }

  const years = first.get('years');
  if (years !== undefined) {
    const y = parseYears(years, space);
    if (Array.isArray(y)) state.years = y;
    else problems.push({ param: 'years', value: years, ...y });
    for (const p of ['from', 'to']) {
      const v = first.get(p);
      if (v !== undefined) problems.push({ param: p, value: v, reason: 'years-given' });
    }
  } else if (first.has('from') || first.has('to')) {
    const y = parseFromTo(first.get('from'), first.get('to'), space);
    if ('years' in y) state.years = y.years;
    else problems.push(...y.problems);
  }

  const tab = first.get('tab');
  if (tab !== undefined) {
    if ((TABS as readonly string[]).includes(tab)) state.tab = tab as Tab;
    else problems.push({ param: 'tab', value: tab, reason: 'bad-tab', allowed: TABS });
  }
  const indicator = first.get('indicator');
  if (indicator !== undefined) {
    if (space.indicators.has(indicator)) state.indicator = indicator;
    else problems.push({ param: 'indicator', value: indicator, reason: 'unknown-indicator' });
  }
  const lang = first.get('lang');
  if (lang !== undefined && lang !== 'en') problems.push({ param: 'lang', value: lang, reason: 'unsupported-lang' });
  const v = first.get('v');
  let version: string | null = null;
  if (v !== undefined) {
    if (space.versions?.has(v)) version = v;
    else problems.push({ param: 'v', value: v, reason: 'unknown-version' });
  }

  return { state, problems: inUrlOrder(problems, [...params.keys()]), version };
}

/** Problems in the order their parameters first appear in the URL (a stable sort keeps repeats after the first). */
function inUrlOrder(problems: Problem[], keys: string[]): Problem[] {
  const at = (p: Problem) => keys.indexOf(p.param);
  return problems.map((p, i) => ({ p, i })).sort((a, b) => at(a.p) - at(b.p) || a.i - b.i).map(({ p }) => p);
}

/**
 * The shortest query string that reproduces the state: parameters equal to the default are left out. `others` (other
 * controls' parameters, e.g. a map's year) follow; `version`, when given, is kept as `v` (last), so the link reopens
 * the numbers of that release.
 */
export function serializeState(state: ViewState, defaults: ViewState, version?: string | null, others: readonly [string, string][] = []): string {
  const p = new URLSearchParams();
  if (state.indicator !== defaults.indicator) p.set('indicator', state.indicator);
  if (state.geo.join(',') !== defaults.geo.join(',')) p.set('geo', state.geo.join(','));
  if (state.years[0] !== defaults.years[0] || state.years[1] !== defaults.years[1]) {
    p.set('years', state.years[0] === state.years[1] ? String(state.years[0]) : `${state.years[0]}-${state.years[1]}`);
  }
  if (state.tab !== defaults.tab) p.set('tab', state.tab);
  for (const [k, v] of others) p.set(k, v);
  if (version) p.set('v', version);
  const s = p.toString().replaceAll('%2C', ',');
  return s ? `?${s}` : '';
}
