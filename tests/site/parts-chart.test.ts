import { describe, expect, it } from 'vitest';
import { isAdditiveUnit, partsCharts } from '../../src/data/parts-chart.ts';
import { makeLocale } from '../../src/i18n/locale.ts';

const locale = makeLocale('en');
const row = (year: number, part: string, value: number | null, unit = 'samples') => ({
  year, part, unit, value, censored: null, value_min: null, value_max: null, source_ref: `f::${year}`,
});
const opts = { id: 'p', title: 'Parts', yearDomain: [2019, 2020] as [number, number], categoryLabel: 'Year' };

describe('partsCharts: the form that fits a breakdown', () => {
  it('stacks exclusive counts, and its total is the sum of the parts drawn', () => {
    const [c, ...rest] = partsCharts([row(2020, 'A', 9), row(2020, 'B', 6)], { ...opts, exclusive: true }, locale);
    expect(rest).toEqual([]);
    expect(c!.form).toBe('stacked');
    const total = c!.chart.table.rows.find((r) => r['label'] === '2020' || Object.values(r).includes('2020'))!;
    expect(Object.values(total)).toContain(15); // 9 + 6
  });

  it('never stacks overlapping parts or rates: one line per category', () => {
    expect(partsCharts([row(2020, 'A', 9), row(2020, 'B', 6)], { ...opts, exclusive: false }, locale)[0]!.form).toBe('lines');
    expect(partsCharts([row(2020, 'A', 9, 'percent'), row(2020, 'B', 6, 'percent')], { ...opts, exclusive: true }, locale)[0]!.form).toBe('lines');
  });

  it('draws one chart per unit, never adding kg to specimens', () => {
    const charts = partsCharts([row(2020, 'scales', 2, 'kg'), row(2020, 'skins', 5, 'specimens'), row(2019, 'scales', 1, 'kg')], { ...opts, exclusive: true }, locale);
    expect(charts.map((c) => [c.unit, c.chart.svg.includes('id="p-2') ? 'second' : 'first'])).toEqual([['kg', 'first'], ['specimens', 'second']]);
  });

  it('keeps the largest categories when there are too many, and says how many of how many', () => {
    const rows = ['A', 'B', 'C', 'D'].map((p, i) => row(2020, p, 10 - i));
    const [c] = partsCharts(rows, { ...opts, exclusive: true, maxParts: 2 }, locale);
    expect([c!.shown, c!.total]).toEqual([2, 4]);
    expect(c!.chart.table.columns.map((col) => col.label)).toEqual(expect.arrayContaining(['A', 'B']));
    expect(c!.chart.table.columns.map((col) => col.label)).not.toContain('C');
  });

  it('tells units that cannot be added', () => {
    expect(['percent', 'per 100,000 population', 'samples', 'kg', 'shipment records'].map(isAdditiveUnit)).toEqual([false, false, true, true, true]);
  });
});
