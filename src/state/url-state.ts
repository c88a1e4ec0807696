/**
 * The view state of a chart page, in the URL: `?geo=KEN,NGA&years=2015-2021&tab=map&indicator=…`.
 * Parsed strictly against what the page offers: anything unknown or malformed falls back to the default and is
 * reported, so the page can say so. Values are only ever used as bound query parameters.
 */

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

export interface ParsedState {
  state: ViewState;
  /** Parameters that were ignored, with why; empty when the URL was clean. */
  problems: { param: string; value: string; reason: string }[];
}

const KNOWN = new Set(['geo', 'years', 'tab', 'indicator', 'lang']);

function parseGeo(raw: string, space: StateSpace): string[] | string {
  const codes = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (codes.length === 0) return 'empty list';
  if (codes.length > space.maxGeos) return `at most ${space.maxGeos} countries or areas`;
  const unknown = codes.filter((c) => !space.geos.has(c));
  if (unknown.length > 0) return `unknown code ${unknown.slice(0, 3).join(', ')}`;
  return [...new Set(codes)];
}

function parseYears(raw: string, space: StateSpace): [number, number] | string {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(raw.trim());
  if (!m) return 'expected YYYY or YYYY-YYYY';
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  const [lo, hi] = space.yearRange;
  if (from > to) return 'start after end';
  if (from < lo || to > hi) return `outside ${lo}–${hi}`;
  return [from, to];
}

export function parseState(search: string, space: StateSpace): ParsedState {
  const params = new URLSearchParams(search);
  const state: ViewState = { ...space.defaults, geo: [...space.defaults.geo], years: [...space.defaults.years] };
  const problems: ParsedState['problems'] = [];
  for (const [param, value] of params) {
    if (!KNOWN.has(param)) {
      problems.push({ param, value, reason: 'unknown parameter' });
      continue;
    }
    if (param === 'geo') {
      const g = parseGeo(value, space);
      if (typeof g === 'string') problems.push({ param, value, reason: g });
      else state.geo = g;
    } else if (param === 'years') {
      const y = parseYears(value, space);
      if (typeof y === 'string') problems.push({ param, value, reason: y });
      else state.years = y;
    } else if (param === 'tab') {
      if ((TABS as readonly string[]).includes(value)) state.tab = value as Tab;
      else problems.push({ param, value, reason: `expected one of ${TABS.join(', ')}` });
    } else if (param === 'indicator') {
      if (space.indicators.has(value)) state.indicator = value;
      else problems.push({ param, value, reason: 'unknown indicator' });
    } else if (param === 'lang' && value !== 'en') {
      problems.push({ param, value, reason: 'only English is available so far' });
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
