/**
 * The pure parts of the region and grouping pages, on small hand-made inputs whose answers are worked out here by hand:
 * an area's countries from the geo table's hierarchy, the sum of what its countries reported (suppressed values
 * counted apart, never added), the comparison year, the sum's charts, the page paths and which places a map draws.
 */
import { describe, expect, it } from 'vitest';
import { ancestorsOf, childrenOf, membersOf, type Place } from '../../src/data/region-members.ts';
import { comparisonYear, reportingSums, type MemberValue } from '../../src/data/reporting-sum.ts';
import { reportingSumCharts } from '../../src/data/reporting-sum-charts.ts';
import { areaPath, groupingPath, regionPath } from '../../src/lib/region-path.ts';
import { drawnOnMap } from '../../src/lib/map-places.ts';
import { makeLocale } from '../../src/i18n/locale.ts';

const area = (geo: string, name: string, kind: string, parent: string | null): Place => ({ geo, name, kind, parent, region_m49: null, subregion_m49: null, intermediate_m49: null });
const country = (geo: string, name: string, region: string, subregion: string, intermediate: string | null = null, kind = 'country'): Place => ({
  geo, name, kind, parent: null, region_m49: region, subregion_m49: subregion, intermediate_m49: intermediate,
});

// A slice of M49: Africa › Sub-Saharan Africa › Eastern Africa, and Europe › Southern Europe with Kosovo.
const PLACES: Place[] = [
  area('001', 'World', 'world', null),
  area('002', 'Africa', 'region', '001'),
  area('202', 'Sub-Saharan Africa', 'subregion', '002'),
  area('014', 'Eastern Africa', 'intermediate', '202'),
  area('150', 'Europe', 'region', '001'),
  area('039', 'Southern Europe', 'subregion', '150'),
  country('KEN', 'Kenya', '002', '202', '014'),
  country('UGA', 'Uganda', '002', '202', '014'),
  country('NGA', 'Nigeria', '002', '202', '011'),
  country('ALB', 'Albania', '150', '039'),
  country('XKX', 'Kosovo under UNSCR 1244', '150', '039', null, 'territory'),
  // A jurisdiction within a country is a part of it, not another member; a grouping belongs to no area.
  { ...country('GBR_S', 'Scotland', '150', '154'), kind: 'subnational', parent: 'GBR' },
  { ...area('SAF', 'UNODC grouping SAF', 'unodc grouping', null) },
];
const byGeo = new Map(PLACES.map((p) => [p.geo, p]));
const codes = (ps: Place[]) => ps.map((p) => p.geo);

describe('an area in the M49 hierarchy', () => {
  it('has as members the countries and territories whose region, sub-region or intermediate region it is', () => {
    expect(codes(membersOf(byGeo.get('014')!, PLACES))).toEqual(['KEN', 'UGA']);
    expect(codes(membersOf(byGeo.get('202')!, PLACES))).toEqual(['KEN', 'NGA', 'UGA']);
    expect(codes(membersOf(byGeo.get('039')!, PLACES))).toEqual(['ALB', 'XKX']);
    // The world holds every country and territory, never a jurisdiction (counted twice with its country) or a grouping.
    expect(codes(membersOf(byGeo.get('001')!, PLACES))).toEqual(['ALB', 'KEN', 'XKX', 'NGA', 'UGA']);
  });

  it('knows the areas directly inside it and those it sits in, outermost first', () => {
    expect(codes(childrenOf(byGeo.get('001')!, PLACES))).toEqual(['002', '150']);
    expect(codes(childrenOf(byGeo.get('202')!, PLACES))).toEqual(['014']);
    expect(codes(childrenOf(byGeo.get('014')!, PLACES))).toEqual([]);
    expect(codes(ancestorsOf(byGeo.get('014')!, byGeo))).toEqual(['001', '002', '202']);
    expect(codes(ancestorsOf(byGeo.get('001')!, byGeo))).toEqual([]);
  });
});

const v = (geo: string, year: number, value: number | null, censored: string | null = null, source_ref: string | null = null): MemberValue => ({ geo, year, value, censored, source_ref });

describe('the sum of reporting countries', () => {
  const rows = [
    v('KEN', 2018, 10, null, 'g.xlsx:data:40'), v('UGA', 2018, 5, null, 'g.xlsx:data:12'), v('NGA', 2018, null, '<5', 'g.xlsx:data:30'),
    v('KEN', 2019, null, '<5', 'g.xlsx:data:41'), v('UGA', 2019, null, '<5', 'g.xlsx:data:13'),
    v('KEN', 2020, 7, null, 'g.xlsx:data:42'), v('UGA', 2020, null), // a row without value or mark is no report
  ];

  it('adds exact values only, counts the suppressed ones apart and every country reporting', () => {
    expect(reportingSums(rows)).toEqual([
      // The sum cites the two rows it adds, not NGA's suppressed one.
      { year: 2018, sum: 15, reporting: 3, suppressed: 1, source_ref: 'g.xlsx:data:12,40' },
      // Every report suppressed: no sum at all (not 0), but two countries did report.
      { year: 2019, sum: null, reporting: 2, suppressed: 2, source_ref: null },
      { year: 2020, sum: 7, reporting: 1, suppressed: 0, source_ref: 'g.xlsx:data:42' },
    ]);
  });

  it('cites no rows when a value it adds has none (a shorter list would cite less than it adds)', () => {
    expect(reportingSums([v('KEN', 2018, 10, null, 'g.xlsx:data:40'), v('UGA', 2018, 5)])[0]!.source_ref).toBeNull();
  });

  it('stops on a country reported twice for a year (it would be summed twice)', () => {
    expect(() => reportingSums([v('KEN', 2018, 1), v('KEN', 2018, 2)])).toThrow('KEN reports twice for 2018');
  });

  it('compares in the latest year with at least half the best year’s countries', () => {
    // 3 reported in 2018, 2 in 2019, 1 in 2020: 2019 has at least half of 3, 2020 does not.
    expect(comparisonYear(rows)).toBe(2019);
    expect(comparisonYear([v('KEN', 2015, 1), v('KEN', 2016, 2)])).toBe(2016);
    expect(comparisonYear([])).toBeNull();
  });

  it('draws the sum as a labelled line, with the countries reporting and the suppressed values in its table and text', () => {
    const locale = makeLocale('en');
    const { sum, count } = reportingSumCharts(
      reportingSums(rows),
      { id: 's', title: 'Victims: sum of what the countries of Eastern Africa reported', countTitle: 'Victims: countries reporting', series: 'Sum of reporting countries', unit: 'persons', yearDomain: [2017, 2020] },
      locale,
    );
    const cols = sum.table.columns.map((c) => c.label);
    expect(cols).toEqual(['Year', 'Sum of reporting countries', 'Countries reporting', 'Suppressed values (<5), not in the sum']);
    expect(sum.table.rows.map((r) => [r['year'], r['Sum of reporting countries'], r['reporting'], r['suppressed']])).toEqual([
      ['2017', null, 0, 0],
      ['2018', 15, 3, 1],
      ['2019', null, 2, 2],
      ['2020', 7, 1, 0],
    ]);
    expect(sum.description).toContain('Between 1 and 3 countries reported a year. 3 suppressed values (<5) are not in the sum.');
    // Each year's sum cites the rows it adds, in the table (and so in the chart's CSV).
    expect(sum.table.refs?.map((r) => (r ? Object.values(r) : null))).toEqual([null, ['g.xlsx:data:12,40'], null, ['g.xlsx:data:42']]);
    // One bar per year of the domain; a year nobody reported is a count of 0 countries.
    expect(count.table.rows.map((r) => [r['label'], r['value']])).toEqual([['2017', 0], ['2018', 3], ['2019', 2], ['2020', 1]]);
  });
});

describe('paths and maps', () => {
  it('builds the region and grouping paths the other pages link', () => {
    expect(regionPath('014')).toBe('/region/014/');
    expect(groupingPath('CAR')).toBe('/grouping/car/');
    expect(areaPath({ geo: '001', kind: 'world' })).toBe('/region/001/');
    expect(areaPath({ geo: 'SAF', kind: 'unodc grouping' })).toBe('/grouping/saf/');
    expect(areaPath({ geo: 'KEN', kind: 'country' })).toBeNull();
    expect(() => regionPath('KEN')).toThrow('not an M49 area code');
  });

  it('draws countries and Kosovo on a map, never a grouping, region or jurisdiction', () => {
    expect(drawnOnMap({ geo: 'KEN', kind: 'country' })).toBe(true);
    expect(drawnOnMap({ geo: 'XKX', kind: 'territory' })).toBe(true);
    for (const p of [{ geo: 'SAF', kind: 'unodc grouping' }, { geo: '014', kind: 'intermediate' }, { geo: '001', kind: 'world' }, { geo: 'GBR_S', kind: 'subnational' }]) {
      expect(drawnOnMap(p), p.geo).toBe(false);
    }
  });
});
