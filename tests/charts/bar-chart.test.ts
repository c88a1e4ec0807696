import { describe, expect, it } from 'vitest';
import { barChart, rankedBarChart, rankOrder, type BarChartOptions } from '../../src/charts/bar-chart.ts';
import { makeLocale } from '../../src/i18n/locale.ts';
import type { BarDatum } from '../../src/charts/types.ts';
import { expectSvgSnapshot } from '../support/svg-snapshot.ts';
import { expectAccessibleMarks } from '../support/chart-marks.ts';

const en = makeLocale('en');

function bar(key: string, label: string, value: number | null): BarDatum {
  return { key, label, value, censored: null, min: null, max: null };
}
function censored(key: string, label: string): BarDatum {
  return { key, label, value: null, censored: '<5', min: 1, max: 4 };
}


const years = (values: (number | null | '<5')[]): BarDatum[] =>
  values.map((v, i) => (v === '<5' ? censored(String(2012 + i), String(2012 + i)) : bar(String(2012 + i), String(2012 + i), v)));

const vertical: BarChartOptions = { id: 'homicides', title: 'Victims of intentional homicide, Kenya', unit: 'Persons', categoryLabel: 'Year' };
const ranked: BarChartOptions = { id: 'ranking', title: 'Detected victims, 2021', unit: 'Persons', categoryLabel: 'Country or area' };

const countries = [
  bar('KEN', 'Kenya', 120),
  bar('NGA', 'Nigeria', 340),
  censored('GHA', 'Ghana'),
  bar('BOL', 'Bolivia (Plurinational State of)', 45),
  bar('TCD', 'Chad', null),
  bar('PER', 'Peru', 7),
  censored('BWA', 'Botswana'),
  bar('MLI', 'Mali', 3),
];

describe('barChart (vertical)', () => {
  it('draws one bar per year in order', () => {
    const out = barChart(years([10, 13, 16, 19, 22, 25, 28, 31]), vertical, en);
    expectSvgSnapshot('bar-years', out.svg);
    expect(out.description).toBe('Victims of intentional homicide, Kenya. Bar chart of 8 items. Highest: 2019 (31). Lowest: 2012 (10). Unit: Persons.');
    expect(out.table).toEqual({
      columns: [
        { key: 'label', label: 'Year' },
        { key: 'value', label: 'Value (Persons)', numeric: true },
      ],
      rows: years([10, 13, 16, 19, 22, 25, 28, 31]).map((d) => ({ label: d.label, value: d.value })),
    });
    expect(expectAccessibleMarks(out.svg)).toEqual(['2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019']);
    expect(out.svg).toMatch(/viewBox="0 0 640 360" width="100%" role="group" aria-labelledby="homicides-svg-title" aria-describedby="homicides-svg-desc"/);
    expect(barChart(years([10, 13, 16, 19, 22, 25, 28, 31]), vertical, en).svg).toBe(out.svg);
  });

  it('draws a censored year as a hatched range from 1 to 4 and labels a year without data', () => {
    const out = barChart(years([10, 13, 16, '<5', 22, null, 28, 31, 34, 37]), { ...vertical, highlight: '2020' }, en);
    expectSvgSnapshot('bar-years-gaps', out.svg);
    expect(out.description).toBe(
      'Victims of intentional homicide, Kenya. Bar chart of 10 items. Highest: 2021 (37). Lowest: 2012 (10). Suppressed small counts: 2015 (<5). No data: 2017. Unit: Persons.',
    );
    expect(out.table.rows.slice(3, 6)).toEqual([
      { label: '2015', value: 'suppressed (<5)' },
      { label: '2016', value: 22 },
      { label: '2017', value: null },
    ]);
    expect(out.svg).toContain('aria-label="2015: Suppressed small count (&lt;5): between 1 and 4"');
    expect(out.svg).toContain('aria-label="2017: No data"');
    // The censored box is hatched and outlined and ends at 1, above the baseline: never a bar from 0.
    const box = out.svg.match(/data-key="2015".*?<rect [^>]*y="([\d.]+)"[^>]*height="([\d.]+)" fill="url\(#homicides-censored\)" stroke="#0072B2" stroke-dasharray="3 2"/)!;
    const baseline = Number(out.svg.match(/<line x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)" y2="[\d.]+" stroke="#595959" aria-hidden="true"\/>/)![1]);
    expect(Number(box[1]) + Number(box[2])).toBeLessThan(baseline);
    expect(out.svg).toMatch(/font-style="italic" font-size="11"[^>]*>No data<\/text>/);
  });

  it('draws a single bar', () => {
    const out = barChart([bar('2020', '2020', 12)], vertical, en);
    expectSvgSnapshot('bar-single', out.svg);
    expect(out.description).toBe('Victims of intentional homicide, Kenya. Bar chart of 1 items. Highest: 2020 (12). Lowest: 2020 (12). Unit: Persons.');
  });

  it('labels every bar "No data" when all values are missing, with no bars at 0', () => {
    const out = barChart(years([null, null, null]), vertical, en);
    expectSvgSnapshot('bar-all-missing', out.svg);
    expect(out.description).toBe('Victims of intentional homicide, Kenya. Bar chart of 3 items, none with a reported value. No data: 2012, 2013, 2014. Unit: Persons.');
    expect(out.table.rows).toEqual([
      { label: '2012', value: null },
      { label: '2013', value: null },
      { label: '2014', value: null },
    ]);
    expect(out.svg.match(/>No data<\/text>/g)).toHaveLength(3);
    expect(out.svg).not.toContain('fill="#0072B2"');
  });

  it('draws reported zeros as values on an axis from 0, without negative ticks', () => {
    const out = barChart(years([0, 0]), vertical, en);
    expect(out.description).toBe('Victims of intentional homicide, Kenya. Bar chart of 2 items. Highest: 2012 (0). Lowest: 2012 (0). Unit: Persons.');
    expect(expectAccessibleMarks(out.svg)).toEqual(['2012', '2013']);
    expect(out.svg).not.toMatch(/>−|>-\d/);
  });
});

describe('rankedBarChart', () => {
  it('ranks reported values first, then censored, then no data, each labelled', () => {
    const out = rankedBarChart(countries, { ...ranked, highlight: 'KEN' }, en);
    expectSvgSnapshot('ranked-typical', out.svg);
    expect(out.description).toBe(
      'Detected victims, 2021. Bar chart of 8 items. Highest: Nigeria (340). Lowest: Mali (3). Suppressed small counts: Botswana (<5), Ghana (<5). No data: Chad. Unit: Persons.',
    );
    expect(out.table).toEqual({
      columns: [
        { key: 'label', label: 'Country or area' },
        { key: 'value', label: 'Value (Persons)', numeric: true },
      ],
      rows: [
        { label: 'Nigeria', value: 340 },
        { label: 'Kenya', value: 120 },
        { label: 'Bolivia (Plurinational State of)', value: 45 },
        { label: 'Peru', value: 7 },
        { label: 'Mali', value: 3 },
        { label: 'Botswana', value: 'suppressed (<5)' },
        { label: 'Ghana', value: 'suppressed (<5)' },
        { label: 'Chad', value: null },
      ],
    });
    expect(expectAccessibleMarks(out.svg)).toEqual(['NGA', 'KEN', 'BOL', 'PER', 'MLI', 'BWA', 'GHA', 'TCD']);
    expect(out.svg).toContain('>suppressed (&lt;5)</text>');
    expect(out.svg).toContain('font-style="italic">No data</text>');
    expect(out.svg).toContain('font-weight="bold" aria-hidden="true">Kenya</text>');
    // Height follows the rows: 46 px for the unit and axis, 24 px per row, then the legend.
    expect(out.svg).toMatch(/viewBox="0 0 640 2\d\d"/);
  });

  it('sorts equal values by label, so the order never depends on the input order', () => {
    const a = [bar('B', 'Beta', 5), bar('A', 'Alpha', 5), bar('C', 'Gamma', 9)];
    expect(rankOrder(a, en).map((d) => d.key)).toEqual(['C', 'A', 'B']);
    expect(rankOrder([...a].reverse(), en).map((d) => d.key)).toEqual(['C', 'A', 'B']);
  });

  it('draws a single row', () => {
    const out = rankedBarChart([bar('KEN', 'Kenya', 12)], ranked, en);
    expectSvgSnapshot('ranked-single', out.svg);
    expect(out.description).toBe('Detected victims, 2021. Bar chart of 1 items. Highest: Kenya (12). Lowest: Kenya (12). Unit: Persons.');
  });

  it('keeps censored and no-data rows when nothing is reported', () => {
    const out = rankedBarChart([bar('TCD', 'Chad', null), censored('GHA', 'Ghana')], ranked, en);
    expectSvgSnapshot('ranked-no-values', out.svg);
    expect(out.description).toBe('Detected victims, 2021. Bar chart of 2 items, none with a reported value. Suppressed small counts: Ghana (<5). No data: Chad. Unit: Persons.');
    expect(out.table.rows).toEqual([
      { label: 'Ghana', value: 'suppressed (<5)' },
      { label: 'Chad', value: null },
    ]);
  });

  it('says "No data" for an empty list', () => {
    const out = rankedBarChart([], ranked, en);
    expect(out.description).toBe('Detected victims, 2021. Bar chart of 0 items, none with a reported value. Unit: Persons.');
    expect(out.table.rows).toEqual([]);
    expect(out.svg).toContain('>No data</text>');
  });
});
