/**
 * A map's year and measure in the URL (src/state/map-state.ts), with the rest of the view state (url-state.ts):
 * what a permalink restores, what a bad year or measure is reported as (and that the map then falls back to its whole
 * view), and the slider's and Play's steps. Expected values are written by hand for a made-up map.
 */
import { describe, expect, it } from 'vitest';
import {
  choiceAt,
  defaultChoice,
  isLastYear,
  mapParams,
  nextYear,
  parseMapState,
  positionOf,
  serializeMapChoice,
  withMeasure,
  type MapSpace,
} from '../../src/state/map-state.ts';
import { parseState, reasonText, serializeState, type StateSpace } from '../../src/state/url-state.ts';
import { makeLocale } from '../../src/i18n/locale.ts';
import { readMapSpec, spaceOf } from '../../src/client/map-figure.ts';
import type { PointControl } from '../../src/data/map-control.ts';

const en = makeLocale('en');

/** Counts in four years (none in 2005), rates in two. */
const space: MapSpace = {
  param: 'map',
  whole: 'latest',
  measures: [
    { id: 'count', years: [2003, 2004, 2006, 2010] },
    { id: 'rate', years: [2004, 2006] },
  ],
  measureParam: 'measure',
};
const flows: MapSpace = { param: 'flows-0', whole: 'all', measures: [{ id: 'count', years: [2015, 2016] }] };

describe('a map’s year and measure in the URL', () => {
  it('restores a permalink’s year and measure', () => {
    expect(parseMapState('?map=2006', space)).toEqual({ choice: { year: 2006, measure: 'count' }, problems: [] });
    expect(parseMapState('?measure=rate&map=2004', space)).toEqual({ choice: { year: 2004, measure: 'rate' }, problems: [] });
    expect(parseMapState('?flows-0=2016&map=2003', flows)).toEqual({ choice: { year: 2016, measure: 'count' }, problems: [] });
  });

  it('shows the whole view without a year, or when the link names it', () => {
    expect(parseMapState('', space)).toEqual({ choice: { year: null, measure: 'count' }, problems: [] });
    expect(parseMapState('?map=latest', space)).toEqual({ choice: { year: null, measure: 'count' }, problems: [] });
    expect(parseMapState('?flows-0=all', flows)).toEqual({ choice: { year: null, measure: 'count' }, problems: [] });
  });

  it.each([
    ['?map=2005', { param: 'map', value: '2005', reason: 'no-map-year', range: [2003, 2010] }, 'the map has no values for that year (it has values for years from 2003 to 2010)'],
    ['?map=1999', { param: 'map', value: '1999', reason: 'no-map-year', range: [2003, 2010] }, 'the map has no values for that year (it has values for years from 2003 to 2010)'],
    ['?map=20x5', { param: 'map', value: '20x5', reason: 'bad-year' }, 'expected a year (YYYY)'],
    ['?map=', { param: 'map', value: '', reason: 'bad-year' }, 'expected a year (YYYY)'],
    ['?map=all', { param: 'map', value: 'all', reason: 'bad-year' }, 'expected a year (YYYY)'],
    // The rates start in 2004: a year the counts have is still a year without rates.
    ['?measure=rate&map=2003', { param: 'map', value: '2003', reason: 'no-map-year', range: [2004, 2006] }, 'the map has no values for that year (it has values for years from 2004 to 2006)'],
  ])('reports %s with its reason and falls back to the whole view', (search, problem, text) => {
    const { choice, problems } = parseMapState(search, space);
    expect(choice.year).toBeNull();
    expect(problems).toEqual([problem]);
    expect(reasonText(problems[0]!, en)).toBe(text);
  });

  it('reports an unknown measure and keeps the first', () => {
    const { choice, problems } = parseMapState('?measure=perhaps&map=2010', space);
    expect(choice).toEqual({ year: 2010, measure: 'count' });
    expect(problems).toEqual([{ param: 'measure', value: 'perhaps', reason: 'unknown-measure', allowed: ['count', 'rate'] }]);
    expect(reasonText(problems[0]!, en)).toBe('unknown measure (one of: count, rate)');
  });

  it('uses the first of a repeated year and says so; the same value twice is no problem', () => {
    expect(parseMapState('?map=2004&map=2006', space)).toEqual({ choice: { year: 2004, measure: 'count' }, problems: [{ param: 'map', value: '2006', reason: 'repeated' }] });
    expect(parseMapState('?map=2004&map=2004', space).problems).toEqual([]);
  });

  it('writes the shortest parameters, which read back as the same choice', () => {
    expect(serializeMapChoice(defaultChoice(space), space)).toEqual([]);
    expect(serializeMapChoice({ year: 2006, measure: 'rate' }, space)).toEqual([['map', '2006'], ['measure', 'rate']]);
    expect(serializeMapChoice({ year: null, measure: 'rate' }, space)).toEqual([['measure', 'rate']]);
    for (const choice of [{ year: 2006, measure: 'rate' }, { year: null, measure: 'rate' }, { year: 2003, measure: 'count' }]) {
      const qs = new URLSearchParams(serializeMapChoice(choice, space)).toString();
      expect(parseMapState(`?${qs}`, space)).toEqual({ choice, problems: [] });
    }
  });

  it('travels with the rest of the view state, which leaves the maps’ parameters to them', () => {
    const trend: StateSpace = {
      geos: new Set(['KEN', 'NGA']),
      indicators: new Set(['x']),
      yearRange: [2003, 2010],
      defaults: { geo: ['KEN'], years: [2003, 2010], tab: 'chart', indicator: 'x' },
      maxGeos: 3,
    };
    expect(parseState('?geo=NGA&map=2006&measure=rate', trend).problems.map((p) => p.param)).toEqual(['map', 'measure']);
    const withMaps = { ...trend, otherParams: mapParams([space, flows]) };
    expect(withMaps.otherParams).toEqual(new Set(['map', 'measure', 'flows-0']));
    expect(parseState('?geo=NGA&map=2006&measure=rate&flows-0=2015', withMaps)).toEqual({
      state: { ...trend.defaults, geo: ['NGA'] },
      problems: [],
      version: null,
    });
    const qs = serializeState({ ...trend.defaults, geo: ['NGA'] }, trend.defaults, 'abc123', serializeMapChoice({ year: 2006, measure: 'rate' }, space));
    expect(qs).toBe('?geo=NGA&map=2006&measure=rate&v=abc123');
  });
});

describe('the year control’s steps', () => {
  it('puts the years in order on the slider, the whole view last', () => {
    expect(positionOf(space, { year: null, measure: 'count' })).toBe(4);
    expect(positionOf(space, { year: 2006, measure: 'count' })).toBe(2);
    expect(positionOf(space, { year: 2006, measure: 'rate' })).toBe(1);
    expect(choiceAt(space, 'count', 4)).toEqual({ year: null, measure: 'count' });
    expect(choiceAt(space, 'count', 1)).toEqual({ year: 2004, measure: 'count' });
    expect(choiceAt(space, 'rate', 2)).toEqual({ year: null, measure: 'rate' });
  });

  it('plays from the first year with values to the last, skipping years without', () => {
    expect(nextYear(space, { year: null, measure: 'count' })).toBe(2003);
    expect(nextYear(space, { year: 2004, measure: 'count' })).toBe(2006);
    expect(nextYear(space, { year: 2010, measure: 'count' })).toBe(2003);
    expect(isLastYear(space, { year: 2010, measure: 'count' })).toBe(true);
    expect(isLastYear(space, { year: 2006, measure: 'count' })).toBe(false);
    expect(isLastYear(space, { year: 2006, measure: 'rate' })).toBe(true);
    expect(nextYear({ ...flows, measures: [{ id: 'count', years: [] }] }, { year: null, measure: 'count' })).toBeNull();
  });

  it('keeps the year when the measure changes, or moves to the nearest year the measure has', () => {
    expect(withMeasure(space, { year: 2006, measure: 'count' }, 'rate')).toEqual({ year: 2006, measure: 'rate' });
    expect(withMeasure(space, { year: 2003, measure: 'count' }, 'rate')).toEqual({ year: 2004, measure: 'rate' });
    expect(withMeasure(space, { year: 2010, measure: 'count' }, 'rate')).toEqual({ year: 2006, measure: 'rate' });
    expect(withMeasure(space, { year: 2005, measure: 'count' }, 'rate')).toEqual({ year: 2006, measure: 'rate' }); // as near: the later
    expect(withMeasure(space, { year: null, measure: 'count' }, 'rate')).toEqual({ year: null, measure: 'rate' });
  });
});

describe('a point map’s control on the page', () => {
  const frame = { id: 'points-figure', title: 'Migrants dead and missing', subtitle: 'Persons, 2014–2024', source: 'IOM', version: 'v1', caveat: '' };
  const spec: PointControl = {
    kind: 'points', chartId: 'points', unit: 'dead and missing', titles: { chart: 'Where, {year}', figure: 'Dead, {year}' }, frame, subtitleUnit: 'persons',
    years: [2014, 2016], files: { '2014': { path: '/data/v1/points/a-2014-0123456789.json', bytes: 10 }, '2016': { path: '/data/v1/points/a-2016-0123456789.json', bytes: 12 } },
    maxValue: 12, wholeMax: 19, undated: 0, yearsHref: '/x/years/points/',
  };

  it('is read from the page, its years in the URL under its own parameter, its whole view every year', () => {
    expect(readMapSpec(JSON.stringify(spec))).toEqual(spec);
    const { files: _files, ...withoutFiles } = spec;
    expect(readMapSpec(JSON.stringify(withoutFiles))).toBeNull();
    const points = spaceOf(spec);
    expect(points).toEqual({ param: 'points', whole: 'all', measures: [{ id: 'count', years: [2014, 2016] }] });
    expect(parseMapState('?points=2016', points)).toEqual({ choice: { year: 2016, measure: 'count' }, problems: [] });
    expect(parseMapState('?points=all', points).choice.year).toBeNull();
    expect(parseMapState('?points=2015', points).problems).toEqual([{ param: 'points', value: '2015', reason: 'no-map-year', range: [2014, 2016] }]);
    expect(serializeMapChoice({ year: 2014, measure: 'count' }, points)).toEqual([['points', '2014']]);
  });
});
