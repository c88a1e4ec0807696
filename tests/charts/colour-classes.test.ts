/**
 * The rule for a map's colour classes (src/charts/colour-classes.ts), on hand-made values whose expected classes are
 * worked out here by hand: log classes at powers of ten when the positive values span more than three orders of
 * magnitude, quantile classes otherwise; and a log-classed choropleth: zero in a swatch of its own ("0"), missing
 * values hatched as "No data", censored ones dotted and flagged, the legend's ticks at 10, 100, 1,000…
 */
import { describe, expect, it } from 'vitest';
import { logThresholds, mapClasses, spansOrders } from '../../src/charts/colour-classes.ts';
import { choropleth, type ChoroplethDatum } from '../../src/charts/choropleth.ts';
import { makeLocale } from '../../src/i18n/locale.ts';
import { expectSvgSnapshot } from '../support/svg-snapshot.ts';
import { tinyWorld } from './tiny-world.ts';

const en = makeLocale('en');
const value = (geo: string, v: number | null, label: string): ChoroplethDatum => ({ geo, value: v, censored: null, min: null, max: null, label });
const suppressed = (geo: string, label: string): ChoroplethDatum => ({ geo, value: null, censored: '<5', min: 1, max: 4, label });

describe('when the colours are logarithmic', () => {
  it('needs positive values spanning more than three orders of magnitude', () => {
    expect(spansOrders([1, 1000])).toBe(false); // exactly three: not more
    expect(spansOrders([1, 1001])).toBe(true);
    expect(spansOrders([0, 0, 5, 4000])).toBe(false); // zeros do not count: 4000 / 5 = 800
    expect(spansOrders([0.5, 600])).toBe(true); // 1,200
    expect(spansOrders([7])).toBe(false);
    expect(spansOrders([])).toBe(false);
    expect(spansOrders([-5000, 2, 3, Number.NaN, Number.POSITIVE_INFINITY])).toBe(false);
  });

  it('breaks at the powers of ten above the smallest positive value, up to the largest', () => {
    expect(logThresholds([3, 42, 250, 9000])).toEqual([10, 100, 1000]);
    // 1 is itself a power: the first break above it is 10; 10,000 equals the last break and falls in the class above it.
    expect(logThresholds([1, 10, 1000, 10000])).toEqual([10, 100, 1000, 10000]);
    expect(logThresholds([0.004, 0.2, 7])).toEqual([0.01, 0.1, 1]);
    // Nine decades (0.002 … 5,000,000) would be ten classes: every second power is kept, still powers of ten.
    expect(logThresholds([0.002, 5e6])).toEqual([0.01, 1, 100, 10000, 1000000]);
    expect(logThresholds([0, 0])).toEqual([]);
  });

  it('chooses log classes for wide spans and quantile classes otherwise', () => {
    expect(mapClasses([0, 0, 2, 30, 2500])).toEqual({ kind: 'log', thresholds: [10, 100, 1000] });
    expect(mapClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ kind: 'quantile', thresholds: [3, 5, 6, 8] });
    expect(mapClasses([]).kind).toBe('quantile');
  });
});

describe('a log-classed choropleth', () => {
  // 3 … 12,000: a span of 4,000, so classes <10, 10–100, 100–1,000, 1,000–10,000, ≥10,000.
  const values = [
    value('NGA', 12000, 'Nigeria'),
    value('USA', 450, 'United States'),
    value('FJI', 100, 'Fiji'), // on a break: the class above, with the United States
    value('XKX', 90, 'Kosovo'),
    value('AUS', 60, 'Australia'), // with Kosovo
    value('BRA', 3, 'Brazil'),
    value('KEN', 0, 'Kenya'),
    suppressed('ITA', 'Italy'),
    value('RUS', null, 'Russia'),
  ];
  const out = choropleth(values, { id: 'm', title: 'Seizures', unit: 'seizures', world: tinyWorld() }, en);
  const fill = (geo: string) => new RegExp(`<path d="[^"]+" fill="([^"]+)"[^>]*data-(?:key|geo)="${geo}"`).exec(out.svg)?.[1];

  it('draws each decade in its own colour, and zero, missing and censored values apart from the ramp', () => {
    expectSvgSnapshot('choropleth-log', out.svg);
    const ramp = ['BRA', 'AUS', 'USA', 'NGA'].map(fill);
    expect(new Set(ramp).size).toBe(4);
    for (const f of ramp) expect(f).toMatch(/^rgb\(/);
    expect(fill('XKX')).toBe(fill('AUS'));
    expect(fill('FJI')).toBe(fill('USA'));
    expect(fill('KEN')).toBe('#ffffff');
    expect(fill('ITA')).toBe('url(#m-censored)');
    expect(fill('RUS')).toBe('url(#m-no-data)');
    expect(out.svg).toContain('aria-label="Kenya: 0 seizures"');
  });

  it('labels the legend at powers of ten, with a "0" swatch, "No data" and the suppressed mark, and says the scale is logarithmic', () => {
    const legend = out.legend!;
    const ticks = [...legend.matchAll(/text-anchor="middle">([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(ticks).toEqual(['10', '100', '1,000', '10,000']);
    const swatches = [...legend.matchAll(/<rect [^>]*fill="([^"]+)"[^>]*\/><text [^>]*>([^<]+)<\/text>/g)].map((m) => [m[1], m[2]]);
    expect(swatches).toEqual([
      ['#ffffff', '0'],
      ['url(#m-no-data)', 'No data'],
      ['url(#m-censored)', 'Suppressed small count (&lt;5)'],
    ]);
    expect(legend).toContain('logarithmic scale');
  });

  it('keeps the same classes when the caller fixes them (every year of one map)', () => {
    const year = choropleth([value('USA', 40, 'United States'), value('BRA', 5, 'Brazil')], { id: 'm', title: 'Seizures', unit: 'seizures', world: tinyWorld(), scale: { kind: 'log', thresholds: [10, 100, 1000, 10000] } }, en);
    const yearFill = (geo: string) => new RegExp(`<path d="[^"]+" fill="([^"]+)"[^>]*data-key="${geo}"`).exec(year.svg)?.[1];
    expect(yearFill('USA')).toBe(fill('AUS'));
    expect(yearFill('BRA')).toBe(fill('BRA'));
    expect(year.legend).toContain('logarithmic scale');
  });
});
