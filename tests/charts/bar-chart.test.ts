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
    expect(out.svg).toMatch(/viewBox="0 0 560 340" width="896" role="group" aria-labelledby="homicides-svg-title" aria-describedby="homicides-svg-desc"/);
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
    expect(out.svg).toMatch(/font-style="italic"[^>]*>No data<\/text>/);
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
    expect(out.svg).toMatch(/viewBox="0 0 560 2\d\d"/);
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

describe('bars over years: partial periods', () => {
  it('draws a partial year lighter with an outline and "2019 partial", and notes it in the table and description', () => {
    const out = barChart(years([10, 13, 16, 19, 22, 25, 28, 31]), { ...vertical, partial: [{ year: 2019, note: 'to 15 November' }] }, en);
    expectSvgSnapshot('bar-years-partial', out.svg);
    const rect = (key: string) => new RegExp(`<rect [^>]*data-key="${key}"`).exec(out.svg)![0];
    expect(rect('2019')).toContain('fill="#0072B2" fill-opacity="0.4" stroke="#0072B2" stroke-width="1.5"');
    expect(rect('2018')).not.toContain('fill-opacity');
    expect(out.svg).toContain('aria-label="2019: 31 (partial: to 15 November)"');
    for (const layout of out.layouts!) expect(layout.svg).toContain('>2019 partial</text>');
    expect(out.table.columns.map((c) => c.key)).toEqual(['label', 'value', 'note']);
    expect(out.table.rows.slice(-2)).toEqual([
      { label: '2018', value: 28, note: '' },
      { label: '2019', value: 31, note: 'to 15 November' },
    ]);
    expect(out.description).toBe(
      'Victims of intentional homicide, Kenya. Bar chart of 8 items. Highest: 2019 (31). Lowest: 2012 (10). 2019 covers part of the period only (to 15 November); it is drawn lighter. Unit: Persons.',
    );
  });
});

describe('rankedBarChart: values of different years, short names', () => {
  const latest = [
    { ...bar('NGA', 'Nigeria', 340), year: 2021 },
    { ...bar('KEN', 'Kenya', 120), year: 2018 },
    { ...bar('COD', 'Democratic Republic of the Congo', 45), year: 2019, short: 'DR Congo' },
    { ...censored('GHA', 'Ghana'), year: 2020 },
  ];

  it('shows each bar with its year when the years differ, and says so', () => {
    const out = rankedBarChart(latest, ranked, en);
    expectSvgSnapshot('ranked-years', out.svg);
    const names = [...out.svg.matchAll(/text-anchor="end" aria-hidden="true">([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(names).toEqual(['Nigeria · 2021', 'Kenya · 2018', 'DR Congo · 2019', 'Ghana · 2020']);
    expect(out.svg).toContain('aria-label="Kenya · 2018: 120"');
    expect(out.svg).toContain('aria-label="Democratic Republic of the Congo · 2019: 45"');
    expect(out.description).toBe(
      'Detected victims, 2021. Bar chart of 4 items. Highest: Nigeria · 2021 (340). Lowest: Democratic Republic of the Congo · 2019 (45). ' +
        'Years differ: values from 2018 to 2021, each shown with its year. Suppressed small counts: Ghana (<5). Unit: Persons.',
    );
    expect(out.table.columns).toEqual([
      { key: 'label', label: 'Country or area' },
      { key: 'year', label: 'Year' },
      { key: 'value', label: 'Value (Persons)', numeric: true },
    ]);
    expect(out.table.rows).toEqual([
      { label: 'Nigeria', year: '2021', value: 340 },
      { label: 'Kenya', year: '2018', value: 120 },
      { label: 'Democratic Republic of the Congo', year: '2019', value: 45 },
      { label: 'Ghana', year: '2020', value: 'suppressed (<5)' },
    ]);
  });

  it('keeps the year when a name is cut to fit a narrow chart', () => {
    const long = [{ ...bar('BOL', 'Bolivia (Plurinational State of)', 45), year: 2019 }, { ...bar('KEN', 'Kenya', 120), year: 2018 }];
    const narrow = rankedBarChart(long, ranked, en).layouts![0]!.svg;
    // 35 % of 320 units = 112 units for the name: " · 2019" takes 7 × 7.2 = 50.4, leaving 61.6 units, 8 glyphs of
    // 7.2 units: 7 letters and the ellipsis.
    expect(narrow).toContain('>Bolivia… · 2019</text>');
  });

  it('adds no year to the labels when all bars are of one year, but keeps it in the table', () => {
    const out = rankedBarChart([{ ...bar('NGA', 'Nigeria', 340), year: 2021 }, { ...bar('KEN', 'Kenya', 120), year: 2021 }], ranked, en);
    expect(out.svg).toContain('aria-hidden="true">Kenya</text>');
    expect(out.description).not.toContain('Years differ');
    expect(out.table.rows[1]).toEqual({ label: 'Kenya', year: '2021', value: 120 });
  });
});
