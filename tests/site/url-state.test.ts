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
    ['from=20x5&to=2010', 'from', 'bad-year', 'expected a year (YYYY)'],
    ['from=2010&to=', 'to', 'bad-year', 'expected a year (YYYY)'],
    ['from=2012&to=2010', 'from', 'start-after-end', 'start after end'],
    ['from=1990&to=2000', 'from', 'outside-range', 'outside 2003–2021'],
    ['to=2030', 'to', 'outside-range', 'outside 2003–2021'],
    ['geo=KEN&geo=ZZZ', 'geo', 'unknown-code', 'unknown code ZZZ'],
    ['geo=KEN&geo=NGA&geo=GBR_S&geo=001', 'geo', 'too-many', 'at most 3 countries or areas'],
    ['tab=pie', 'tab', 'bad-tab', 'expected one of chart, map, table'],
    ['indicator=nope', 'indicator', 'unknown-indicator', 'unknown indicator'],
    ['colour=red', 'colour', 'unknown-parameter', 'unknown parameter'],
    ['lang=xx', 'lang', 'unsupported-lang', 'only English is available so far'],
  ])('falls back to the default on %s and says why', (qs, param, reason, words) => {
    const { state, problems } = parseState(`?${qs}`, space);
    expect(state).toEqual(space.defaults);
    expect(problems).toHaveLength(1);
    // The value reported is what the link gave for that parameter (every geo of a repeated geo, as one list).
    expect(problems[0]).toMatchObject({ param, value: new URLSearchParams(qs).getAll(param).join(','), reason });
    expect(reasonText(problems[0]!, makeLocale('en'))).toBe(words);
  });

  it('keeps the valid parameters when another one is malformed', () => {
    const { state, problems } = parseState('?geo=NGA&years=abc', space);
    expect(state.geo).toEqual(['NGA']);
    expect(state.years).toEqual([2003, 2021]);
    expect(problems.map((p) => p.param)).toEqual(['years']);
  });

  describe("the shape the page's own form submits without JavaScript", () => {
    it('reads repeated geo and from/to as the view', () => {
      const { state, problems } = parseState('?geo=KEN&geo=NGA&from=2010&to=2020', space);
      expect(problems).toEqual([]);
      expect(state).toEqual({ geo: ['KEN', 'NGA'], years: [2010, 2020], tab: 'chart', indicator: 'tip_victims_detected' });
      // …and writes it back as a permalink.
      expect(serializeState(state, space.defaults)).toBe('?geo=KEN,NGA&years=2010-2020');
    });

    it('takes the default for a missing end of the range', () => {
      expect(parseState('?from=2010', space).state.years).toEqual([2010, 2021]);
      expect(parseState('?to=2010', space).state.years).toEqual([2003, 2010]);
    });

    it('counts a place given twice once', () => {
      const { state, problems } = parseState('?geo=KEN&geo=KEN,NGA', space);
      expect(problems).toEqual([]);
      expect(state.geo).toEqual(['KEN', 'NGA']);
    });
  });

  describe('never drops a part silently', () => {
    it('uses years over from/to, and says from and to were not used', () => {
      const { state, problems } = parseState('?from=2010&years=2015-2016&to=2020', space);
      expect(state.years).toEqual([2015, 2016]);
      expect(problems).toEqual([
        { param: 'from', value: '2010', reason: 'years-given' },
        { param: 'to', value: '2020', reason: 'years-given' },
      ]);
      expect(reasonText(problems[0]!, makeLocale('en'))).toBe('the link also gives years, which are used');
    });

    it('uses the first of a repeated parameter and reports each other value', () => {
      const { state, problems } = parseState('?years=2010&tab=map&years=2012&tab=map&years=2014', space);
      expect(state.years).toEqual([2010, 2010]);
      expect(state.tab).toBe('map');
      // The same value twice loses nothing, so only the different ones are reported.
      expect(problems).toEqual([
        { param: 'years', value: '2012', reason: 'repeated' },
        { param: 'years', value: '2014', reason: 'repeated' },
      ]);
      expect(reasonText(problems[0]!, makeLocale('en'))).toBe('given more than once; the first value is used');
    });

    it('lists the problems in the order of the link', () => {
      const { problems } = parseState('?tab=pie&colour=red&from=x&geo=ZZZ', space);
      expect(problems.map((p) => p.param)).toEqual(['tab', 'colour', 'from', 'geo']);
    });
  });

  describe('the data release a link cites (v)', () => {
    const withReleases: StateSpace = { ...space, versions: new Set(['8de0ceeb623b', '0123456789ab']) };

    it('takes a published release, and keeps it last in the link it writes', () => {
      const { state, problems, version } = parseState('?geo=NGA&v=0123456789ab', withReleases);
      expect([state.geo, problems, version]).toEqual([['NGA'], [], '0123456789ab']);
      expect(serializeState(state, space.defaults, version)).toBe('?geo=NGA&v=0123456789ab');
      expect(serializeState(state, space.defaults)).toBe('?geo=NGA');
    });

    it('reports a release that is not published, and one given twice, instead of dropping them', () => {
      const unknown = parseState('?v=ffffffffffff&geo=NGA', withReleases);
      expect([unknown.version, unknown.state.geo, unknown.problems]).toEqual([null, ['NGA'], [{ param: 'v', value: 'ffffffffffff', reason: 'unknown-version' }]]);
      expect(reasonText(unknown.problems[0]!, makeLocale('en'))).toBe('not a published data release');
      expect(parseState('?v=0123456789ab&v=8de0ceeb623b', withReleases)).toMatchObject({
        version: '0123456789ab',
        problems: [{ param: 'v', value: '8de0ceeb623b', reason: 'repeated' }],
      });
      // A page that knows no releases accepts none.
      expect(parseState('?v=0123456789ab', space).problems).toEqual([{ param: 'v', value: '0123456789ab', reason: 'unknown-version' }]);
    });
  });
});
