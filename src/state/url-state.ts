/**
 * The view state of a chart page, in the URL: `?geo=KEN,NGA&years=2015-2021&tab=map&indicator=…`.
 * Parsed strictly against what the page offers: anything unknown or malformed falls back to the default and is
 * reported (as a reason code, put into words by `reasonText` in the page's language), so the page can say so.
 * Values are only ever used as bound query parameters.
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
}

/** Why a parameter was ignored. */
export type Reason =
  | { reason: 'unknown-parameter' | 'empty-list' | 'bad-years' | 'start-after-end' | 'unknown-indicator' | 'unsupported-lang' }
  | { reason: 'too-many'; max: number }
  | { reason: 'unknown-code'; codes: string[] }
  | { reason: 'outside-range'; range: [number, number] }
  | { reason: 'bad-tab'; allowed: readonly string[] };

export type Problem = { param: string; value: string } & Reason;

export interface ParsedState {
  state: ViewState;
  /** Parameters that were ignored, with why; empty when the URL was clean. */
  problems: Problem[];
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
  }
}

const KNOWN = new Set(['geo', 'years', 'tab', 'indicator', 'lang']);

function parseGeo(raw: string, space: StateSpace): string[] | Reason {
  const codes = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (codes.length === 0) return { reason: 'empty-list' };
  if (codes.length > space.maxGeos) return { reason: 'too-many', max: space.maxGeos };
  const unknown = codes.filter((c) => !space.geos.has(c));
  if (unknown.length > 0) return { reason: 'unknown-code', codes: unknown.slice(0, 3) };
  return [...new Set(codes)];
}

function parseYears(raw: string, space: StateSpace): [number, number] | Reason {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(raw.trim());
  if (!m) return { reason: 'bad-years' };
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  const [lo, hi] = space.yearRange;
  if (from > to) return { reason: 'start-after-end' };
  if (from < lo || to > hi) return { reason: 'outside-range', range: [lo, hi] };
  return [from, to];
}

export function parseState(search: string, space: StateSpace): ParsedState {
  const params = new URLSearchParams(search);
  const state: ViewState = { ...space.defaults, geo: [...space.defaults.geo], years: [...space.defaults.years] };
  const problems: ParsedState['problems'] = [];
  for (const [param, value] of params) {
    if (!KNOWN.has(param)) {
      problems.push({ param, value, reason: 'unknown-parameter' });
      continue;
    }
    if (param === 'geo') {
      const g = parseGeo(value, space);
      if (Array.isArray(g)) state.geo = g;
      else problems.push({ param, value, ...g });
    } else if (param === 'years') {
      const y = parseYears(value, space);
      if (Array.isArray(y)) state.years = y;
      else problems.push({ param, value, ...y });
    } else if (param === 'tab') {
      if ((TABS as readonly string[]).includes(value)) state.tab = value as Tab;
      else problems.push({ param, value, reason: 'bad-tab', allowed: TABS });
    } else if (param === 'indicator') {
      if (space.indicators.has(value)) state.indicator = value;
      else problems.push({ param, value, reason: 'unknown-indicator' });
    } else if (param === 'lang' && value !== 'en') {
      problems.push({ param, value, reason: 'unsupported-lang' });
    }
  }
  return { state, problems };
}

/** The shortest query string that reproduces the state: parameters equal to the default are left out. */
export function serializeState(state: ViewState, defaults: ViewState): string {
  const p = new URLSearchParams();
  if (state.indicator !== defaults.indicator) p.set('indicator', state.indicator);
  if (state.geo.join(',') !== defaults.geo.join(',')) p.set('geo', state.geo.join(','));
  if (state.years[0] !== defaults.years[0] || state.years[1] !== defaults.years[1]) {
    p.set('years', state.years[0] === state.years[1] ? String(state.years[0]) : `${state.years[0]}-${state.years[1]}`);
  }
  if (state.tab !== defaults.tab) p.set('tab', state.tab);
  const s = p.toString().replaceAll('%2C', ',');
  return s ? `?${s}` : '';
}
