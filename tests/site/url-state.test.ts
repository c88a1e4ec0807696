import { describe, expect, it } from 'vitest';
import { parseState, serializeState, type StateSpace } from '../../src/state/url-state.ts';

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
    ['geo=ZZZ', 'geo', 'unknown code ZZZ'],
    ["geo=KEN');DROP TABLE observations;--", 'geo', "unknown code KEN');DROP TABLE observations;--"],
    ['geo=KEN,NGA,GBR_S,001', 'geo', 'at most 3 countries or areas'],
    ['years=2021-2015', 'years', 'start after end'],
    ['years=1990-2000', 'years', 'outside 2003–2021'],
    ['years=20x5', 'years', 'expected YYYY or YYYY-YYYY'],
    ['tab=pie', 'tab', 'expected one of chart, map, table'],
    ['indicator=nope', 'indicator', 'unknown indicator'],
    ['colour=red', 'colour', 'unknown parameter'],
  ])('falls back to the default on %s and says why', (qs, param, reason) => {
    const { state, problems } = parseState(`?${qs}`, space);
    expect(state).toEqual(space.defaults);
    expect(problems).toEqual([{ param, value: new URLSearchParams(qs).get(param), reason }]);
  });

  it('keeps the valid parameters when another one is malformed', () => {
    const { state, problems } = parseState('?geo=NGA&years=abc', space);
    expect(state.geo).toEqual(['NGA']);
    expect(state.years).toEqual([2003, 2021]);
    expect(problems.map((p) => p.param)).toEqual(['years']);
  });
});
