import { describe, expect, it } from 'vitest';
import { parseState, reasonText, serializeState, type StateSpace } from '../../src/state/url-state.ts';
import { makeLocale } from '../../src/i18n/locale.ts';

const space: StateSpace = {
  geos: new Set(['KEN', 'NGA', 'GBR_S', '001']),
  indicators: new Set(['tip_victims_detected', 'tip_persons_convicted']),
  yearRange: [2003, 2021],
  defaults: { geo: ['KEN'], years: [2003, 2021], tab: 'chart', indicator: 'tip_victims_detected' },
  maxGeos: 3,
};

describe('URL state', () => {
  it('reads a well-formed permalink', () => {
    const { state, problems } = parseState('?geo=KEN,NGA&years=2015-2020&tab=map&indicator=tip_persons_convicted', space);
    expect(problems).toEqual([]);
    expect(state).toEqual({ geo: ['KEN', 'NGA'], years: [2015, 2020], tab: 'map', indicator: 'tip_persons_convicted' });
  });

  it('round-trips: serialize then parse gives the same state, and defaults are left out', () => {
    const state = { geo: ['NGA', 'GBR_S'], years: [2010, 2010] as [number, number], tab: 'table' as const, indicator: 'tip_victims_detected' };
    const qs = serializeState(state, space.defaults);
    expect(qs).toBe('?geo=NGA,GBR_S&years=2010&tab=table');
    expect(parseState(qs, space).state).toEqual(state);
    expect(serializeState(space.defaults, space.defaults)).toBe('');
  });

  it.each([
    ['geo=ZZZ', 'geo', 'unknown-code', 'unknown code ZZZ'],
    ["geo=KEN');DROP TABLE observations;--", 'geo', 'unknown-code', "unknown code KEN');DROP TABLE observations;--"],
    ['geo=KEN,NGA,GBR_S,001', 'geo', 'too-many', 'at most 3 countries or areas'],
    ['years=2021-2015', 'years', 'start-after-end', 'start after end'],
    ['years=1990-2000', 'years', 'outside-range', 'outside 2003–2021'],
    ['years=20x5', 'years', 'bad-years', 'expected YYYY or YYYY-YYYY'],
    ['tab=pie', 'tab', 'bad-tab', 'expected one of chart, map, table'],
    ['indicator=nope', 'indicator', 'unknown-indicator', 'unknown indicator'],
    ['colour=red', 'colour', 'unknown-parameter', 'unknown parameter'],
    ['lang=xx', 'lang', 'unsupported-lang', 'only English is available so far'],
  ])('falls back to the default on %s and says why', (qs, param, reason, words) => {
    const { state, problems } = parseState(`?${qs}`, space);
    expect(state).toEqual(space.defaults);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ param, value: new URLSearchParams(qs).get(param), reason });
    expect(reasonText(problems[0]!, makeLocale('en'))).toBe(words);
  });

  it('keeps the valid parameters when another one is malformed', () => {
    const { state, problems } = parseState('?geo=NGA&years=abc', space);
    expect(state.geo).toEqual(['NGA']);
    expect(state.years).toEqual([2003, 2021]);
    expect(problems.map((p) => p.param)).toEqual(['years']);
  });
});
