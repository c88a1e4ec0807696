import { describe, expect, it } from 'vitest';
import { lineChart, yearRanges, type LineChartOptions } from '../../src/charts/line-chart.ts';
import { dodge } from '../../src/charts/line-marks.ts';
import { makeLocale } from '../../src/i18n/locale.ts';
import type { SeriesPoint } from '../../src/charts/types.ts';
import type { BreakMark } from '../../src/lib/series-breaks.ts';
import { yearTicks } from '../../src/charts/axis.ts';
import { expectSvgSnapshot } from '../support/svg-snapshot.ts';
import { expectAccessibleMarks } from '../support/chart-marks.ts';

const en = makeLocale('en');
const options: LineChartOptions = { id: 'trend', title: 'Detected victims of trafficking', unit: 'Persons' };

function p(series: string, year: number, value: number | null): SeriesPoint {
  return { series, year, value, censored: null, min: null, max: null };
}
function censored(series: string, year: number): SeriesPoint {
  return { series, year, value: null, censored: '<5', min: 1, max: 4 };
}


const typical = [
  p('Kenya', 2015, 120),
  p('Kenya', 2016, 98),
  p('Kenya', 2017, 130),
  p('Kenya', 2018, 125),
  p('Kenya', 2019, 110),
  p('Nigeria', 2015, 40),
  p('Nigeria', 2016, 52),
  p('Nigeria', 2017, 35),
  p('Nigeria', 2018, 60),
  p('Nigeria', 2019, 80),
];

const gappy = [
  p('Kenya', 2015, 120),
  p('Kenya', 2016, 98),
  p('Kenya', 2017, 130),
  p('Kenya', 2019, 110),
  p('Kenya', 2020, 140),
  p('Kenya', 2021, 150),
  p('Nigeria', 2015, 40),
  censored('Nigeria', 2016),
  p('Nigeria', 2017, 35),
  p('Nigeria', 2018, 60),
  p('Nigeria', 2019, 80),
  p('Nigeria', 2020, null),
  p('Nigeria', 2021, 72),
  p('United Republic of Tanzania', 2016, 10),
  p('United Republic of Tanzania', 2017, 12),
  censored('United Republic of Tanzania', 2018),
  p('United Republic of Tanzania', 2019, 15),
];

describe('lineChart', () => {
  it('draws complete series with direct labels, and describes first and last values', () => {
    const out = lineChart(typical, options, en);
    expectSvgSnapshot('line-typical', out.svg);
    expect(out.description).toBe(
      'Detected victims of trafficking. Line chart of 2 series from 2015 to 2019. Kenya: 120 in 2015, 110 in 2019. Nigeria: 40 in 2015, 80 in 2019. Unit: Persons.',
    );
    expect(out.table.columns).toEqual([
      { key: 'year', label: 'Year' },
      { key: 'Kenya', label: 'Kenya', numeric: true },
      { key: 'Nigeria', label: 'Nigeria', numeric: true },
    ]);
    expect(out.table.rows).toEqual([
      { year: '2015', Kenya: 120, Nigeria: 40 },
      { year: '2016', Kenya: 98, Nigeria: 52 },
      { year: '2017', Kenya: 130, Nigeria: 35 },
      { year: '2018', Kenya: 125, Nigeria: 60 },
      { year: '2019', Kenya: 110, Nigeria: 80 },
    ]);
    expect(expectAccessibleMarks(out.svg)).toHaveLength(10);
    // No break, so no gap legend; no censored value, so no range legend.
    expect(out.svg).not.toContain('No data for these years');
    expect(out.svg).not.toContain('Suppressed small count (range)');
  });

  it('is an accessible, responsive SVG whose ids come from the id option', () => {
    const { svg } = lineChart(typical, options, en);
    // The wide layout is 560 units wide and may be shown at most 1.6 times that (layout.ts).
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 560 340" width="896" role="group" aria-labelledby="trend-svg-title" aria-describedby="trend-svg-desc"/);
    expect(svg).toContain('<title id="trend-svg-title">Detected victims of trafficking</title>');
    expect(svg).toContain('<desc id="trend-svg-desc">Detected victims of trafficking. Line chart of 2 series');
    expect(svg).toContain('>Unit: Persons</text>');
    expect(svg).toContain('aria-label="Kenya, 2016: 98"');
    // The y axis starts at 0 and the second series is dashed.
    expect(svg).toMatch(/>0<\/text>/);
    expect(svg).toContain('stroke="#E69F00" stroke-width="2" stroke-dasharray="6 3"');
    expect(lineChart(typical, options, en).svg).toBe(svg);
  });

  it('breaks lines at missing years, draws censored values as ranges, and says so', () => {
    const out = lineChart(gappy, options, en);
    expectSvgSnapshot('line-gaps-censored', out.svg);
    expect(out.description).toBe(
      'Detected victims of trafficking. Line chart of 3 series from 2015 to 2021. ' +
        'Kenya: 120 in 2015, 150 in 2021. Missing years: 1 (2018). ' +
        'Nigeria: 40 in 2015, 72 in 2021. Missing years: 1 (2020). ' +
        'United Republic of Tanzania: 10 in 2016, 15 in 2019. Missing years: 3 (2015, 2020–2021). ' +
        'Lines break at years with no data or a suppressed value. Unit: Persons.',
    );
    expect(out.table.rows).toEqual([
      { year: '2015', Kenya: 120, Nigeria: 40, 'United Republic of Tanzania': null },
      { year: '2016', Kenya: 98, Nigeria: 'suppressed (<5)', 'United Republic of Tanzania': 10 },
      { year: '2017', Kenya: 130, Nigeria: 35, 'United Republic of Tanzania': 12 },
      { year: '2018', Kenya: null, Nigeria: 60, 'United Republic of Tanzania': 'suppressed (<5)' },
      { year: '2019', Kenya: 110, Nigeria: 80, 'United Republic of Tanzania': 15 },
      { year: '2020', Kenya: 140, Nigeria: null, 'United Republic of Tanzania': null },
      { year: '2021', Kenya: 150, Nigeria: 72, 'United Republic of Tanzania': null },
    ]);
    const keys = expectAccessibleMarks(out.svg);
    // One mark per observed year: 6 + 6 + 4; the missing Nigeria 2020 point has none.
    expect(keys).toHaveLength(16);
    expect(keys).not.toContain('Nigeria|2020');
    expect(out.svg).toContain('aria-label="Nigeria, 2016: Suppressed small count (&lt;5): between 1 and 4"');
    // The censored mark is a range bar with a hollow marker, not a filled point.
    const mark = out.svg.match(/<g tabindex="0" data-key="Nigeria\|2016".*?<\/g>/)![0];
    expect(mark).toMatch(/<path d="M[^"]+V[^"]+"/);
    expect(mark).toContain('fill="#fff" stroke="#E69F00"');
    // Kenya's line is two pieces (2015–2017, 2019–2021): one path with two moves.
    const kenya = out.svg.match(/<path d="([^"]+)" fill="none" stroke="#0072B2"/)![1]!;
    expect(kenya.match(/M/g)).toHaveLength(2);
    expect(out.svg).toContain('No data for these years');
    expect(out.svg).toContain('Suppressed small count (range)');
  });

  it('draws a single observation as a point with its label', () => {
    const out = lineChart([p('Kenya', 2020, 7)], options, en);
    expectSvgSnapshot('line-single-point', out.svg);
    expect(out.description).toBe('Detected victims of trafficking. Line chart of 1 series from 2020 to 2020. Kenya: 7 in 2020. Unit: Persons.');
    expect(out.table.rows).toEqual([{ year: '2020', Kenya: 7 }]);
    expect(expectAccessibleMarks(out.svg)).toEqual(['Kenya|2020']);
  });

  it('says "No data" when every value is missing, and draws no zeros', () => {
    const out = lineChart([p('Kenya', 2018, null), p('Kenya', 2019, null)], options, en);
    expectSvgSnapshot('line-all-missing', out.svg);
    expect(out.description).toBe('Detected victims of trafficking. Line chart with no data for the selected years.');
    expect(out.table.rows).toEqual([
      { year: '2018', Kenya: null },
      { year: '2019', Kenya: null },
    ]);
    expect(expectAccessibleMarks(out.svg)).toEqual([]);
    expect(out.svg).toContain('font-style="italic">No data</text>');
    expect(out.svg).not.toContain('<circle');
  });

  it('draws an empty chart for no points at all', () => {
    const out = lineChart([], options, en);
    expect(out.description).toBe('Detected victims of trafficking. Line chart with no data for the selected years.');
    expect(out.table).toEqual({ columns: [{ key: 'year', label: 'Year' }], rows: [] });
    expect(out.svg).toContain('>No data</text>');
  });

  it('treats reported zeros as values, on an axis from 0 with no negative ticks', () => {
    const out = lineChart([p('Kenya', 2019, 0), p('Kenya', 2020, 0), p('Kenya', 2021, 0)], options, en);
    expectSvgSnapshot('line-zeros', out.svg);
    expect(out.description).toBe('Detected victims of trafficking. Line chart of 1 series from 2019 to 2021. Kenya: 0 in 2019, 0 in 2021. Unit: Persons.');
    expect(expectAccessibleMarks(out.svg)).toHaveLength(3);
    expect(out.svg).not.toMatch(/>−|>-\d/);
  });

  it('emphasises the highlighted series and keeps the others', () => {
    const out = lineChart(gappy, { ...options, id: 'trend-hl', highlight: 'Nigeria' }, en);
    expectSvgSnapshot('line-highlight', out.svg);
    expect(out.svg).toContain('stroke="#E69F00" stroke-width="3"');
    expect(out.svg.match(/opacity="0.4"/g)).toHaveLength(2);
  });

  it('keeps only points inside yearDomain and counts the domain years without data as missing', () => {
    const out = lineChart(typical, { ...options, yearDomain: [2017, 2020] }, en);
    expect(out.table.rows.map((r) => r['year'])).toEqual(['2017', '2018', '2019', '2020']);
    expect(out.description).toBe(
      'Detected victims of trafficking. Line chart of 2 series from 2017 to 2020. Kenya: 130 in 2017, 110 in 2019. Missing years: 1 (2020). Nigeria: 35 in 2017, 80 in 2019. Missing years: 1 (2020). Lines break at years with no data or a suppressed value. Unit: Persons.',
    );
  });

  it('describes a series whose only value is suppressed', () => {
    const out = lineChart([p('Kenya', 2019, 12), censored('Peru', 2019)], options, en);
    expect(out.description).toBe(
      'Detected victims of trafficking. Line chart of 2 series from 2019 to 2019. Kenya: 12 in 2019. Peru: suppressed (<5) in 2019. Lines break at years with no data or a suppressed value. Unit: Persons.',
    );
  });
});

describe('line chart helpers', () => {
  it('writes consecutive years as ranges', () => {
    expect(yearRanges([2003, 2004, 2005, 2009, 2011, 2012])).toBe('2003–2005, 2009, 2011–2012');
    expect(yearRanges([])).toBe('');
  });

  it('labels whole years only, on a step of 1, 2, 5 or 10', () => {
    expect(yearTicks([2015, 2021], 8)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021]);
    expect(yearTicks([1990, 2022], 8)).toEqual([1990, 1995, 2000, 2005, 2010, 2015, 2020]);
    expect(yearTicks([2003, 2016], 6)).toEqual([2005, 2010, 2015]);
    expect(yearTicks([2003, 2016], 8)).toEqual([2004, 2006, 2008, 2010, 2012, 2014, 2016]);
    expect(yearTicks([2020, 2020], 8)).toEqual([2020]);
  });

  it('moves overlapping labels apart within bounds, keeping their order', () => {
    expect(dodge([100, 105, 300], 14, 0, 400)).toEqual([100, 114, 300]);
    expect(dodge([395, 398], 14, 0, 400)).toEqual([386, 400]);
  });
});

describe('lineChart: partial periods and short names', () => {
  const world = [p('World', 2022, 4400), p('World', 2023, 5300), p('World', 2024, 3692), p('Libya', 2022, 340), p('Libya', 2023, 480), p('Libya', 2024, 370)];
  const partial = [
    { year: 2024, note: 'to 15 November' },
    { year: 2030, note: 'a year the chart does not draw' },
  ];

  it('marks a partial year on the drawing: a faded segment into a hollow point, a shaded band, "2024 partial"', () => {
    const out = lineChart(world, { ...options, id: 'dead', partial }, en);
    expectSvgSnapshot('line-partial', out.svg);
    const point = (key: string) => {
      const m = new RegExp(`<circle cx="([\\d.]+)" cy="([\\d.]+)" r="([\\d.]+)" fill="([^"]+)"[^>]*data-key="${key}"`).exec(out.svg)!;
      return { cx: m[1], cy: m[2], r: m[3], fill: m[4] };
    };
    const [y2023, y2024] = [point('World\\|2023'), point('World\\|2024')];
    // The full line stops at 2023; 2023 → 2024 is a separate, faded segment ending at the hollow point.
    expect(out.svg).toContain(`<path d="M${y2023.cx},${y2023.cy}L${y2024.cx},${y2024.cy}" fill="none" stroke="#0072B2" stroke-opacity="0.4"`);
    expect(out.svg).not.toMatch(new RegExp(`<path d="[^"]*${y2024.cx},${y2024.cy}[^"]*" fill="none" stroke="#0072B2" stroke-width`));
    expect(y2024).toMatchObject({ fill: '#fff', r: '4' });
    expect(point('World\\|2023')).toMatchObject({ fill: '#0072B2', r: '3.5' });
    expect(out.svg).toContain('aria-label="World, 2024: 3,692 (partial: to 15 November)"');
    expect(out.svg).toMatch(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#ececec"\/>/);
    for (const layout of out.layouts!) expect(layout.svg).toContain('>2024 partial</text>');
    expect(out.description).toBe(
      'Detected victims of trafficking. Line chart of 2 series from 2022 to 2024. World: 4,400 in 2022, 3,692 in 2024. Libya: 340 in 2022, 370 in 2024. ' +
        '2024 covers part of the period only (to 15 November); it is drawn lighter. Unit: Persons.',
    );
    expect(out.table.columns).toEqual([
      { key: 'year', label: 'Year' },
      { key: 'World', label: 'World', numeric: true },
      { key: 'Libya', label: 'Libya', numeric: true },
      { key: 'note', label: 'Note' },
    ]);
    expect(out.table.rows).toEqual([
      { year: '2022', World: 4400, Libya: 340, note: '' },
      { year: '2023', World: 5300, Libya: 480, note: '' },
      { year: '2024', World: 3692, Libya: 370, note: 'to 15 November' },
    ]);
  });

  it('adds nothing for partial periods outside the years drawn', () => {
    const out = lineChart(world, { ...options, partial: [{ year: 2030, note: 'later' }] }, en);
    expect(out.svg).not.toContain('partial');
    expect(out.table.columns.map((c) => c.key)).toEqual(['year', 'World', 'Libya']);
  });

  it('writes short names on the drawing and keeps full names in the table and the marks', () => {
    const uk = [2019, 2020].map((year) => ({ ...p('United Kingdom of Great Britain and Northern Ireland', year, 10 + year - 2019), short: 'United Kingdom' }));
    const out = lineChart(uk, options, en);
    for (const layout of out.layouts!) {
      expect(layout.svg).toContain('>United Kingdom</text>');
      expect(layout.svg).not.toMatch(/<text[^>]*>United Kingdom of/);
    }
    expect(out.svg).toContain('aria-label="United Kingdom of Great Britain and Northern Ireland, 2020: 11"');
    expect(out.table.columns[1]).toEqual({ key: 'United Kingdom of Great Britain and Northern Ireland', label: 'United Kingdom of Great Britain and Northern Ireland', numeric: true });
  });

  it('labels series at their ends when wide and in a legend when narrow', () => {
    const out = lineChart(typical, options, en);
    const [narrow, wide] = out.layouts!;
    // Wide: a direct label right of the plot (x past the last year's point); narrow: legend rows under the year axis.
    const lastX = Number(/<circle cx="([\d.]+)"[^>]*data-key="Kenya\|2019"/.exec(wide!.svg)![1]);
    expect(Number(/<text x="([\d.]+)" y="[\d.]+" dy="0.32em">Kenya<\/text>/.exec(wide!.svg)![1])).toBeGreaterThan(lastX);
    expect(narrow!.svg).toMatch(/<g transform="translate\(0,[\d.]+\)"><g aria-hidden="true"><line [^>]*\/><text [^>]*>Kenya<\/text>/);
  });
});

describe('lineChart: series breaks', () => {
  // Brazil's firearms seized as the release has them (2013, 2016–2018), and a second series without breaks.
  const brazil = [p('Brazil', 2013, 13048), p('Brazil', 2016, 4794), p('Brazil', 2017, 2284), p('Brazil', 2018, 89615), p('Mexico', 2016, 6300), p('Mexico', 2017, 7200), p('Mexico', 2018, 6400)];
  const jump: BreakMark = { year: 2018, previousYear: 2017, gap: 0, reasons: [{ kind: 'jump', direction: 'up', factor: 89615 / 2284, from: 2284, to: 89615 }], note: 'UNODC Source column: IAFQ/SOF' };
  const source: BreakMark = { year: 2016, previousYear: 2013, gap: 2, reasons: [{ kind: 'source changed', from: 'IAFQ', to: 'IAFQ/SOF' }], note: 'UNODC Source column: IAFQ/SOF' };
  const breaks = new Map([['Brazil', [jump, source]]]);
  const opts = { ...options, id: 'fa', title: 'Firearms seized', unit: 'firearms', breaks };

  it('rings and numbers each break (series, then year order), and says why in the point label, the table and the description', () => {
    const out = lineChart(brazil, opts, en);
    expectSvgSnapshot('line-breaks', out.svg);
    // Numbered by year within the series, whatever order the caller gave the marks in.
    const first = 'Brazil, 2016: 4,794. Series break 1: the source changes from IAFQ to IAFQ/SOF. No data in the 2 years between (2013 is the previous value). Note: UNODC Source column: IAFQ/SOF';
    const second = 'Brazil, 2018: 89,615. Series break 2: a rise to 39 times the 2017 value (2,284). Note: UNODC Source column: IAFQ/SOF';
    expect(out.svg).toContain(`aria-label="${first}"`);
    expect(out.svg).toContain(`aria-label="${second}"`);
    expect(out.svg).toContain('aria-label="Mexico, 2018: 6,400"');
    expectAccessibleMarks(out.svg);
    for (const layout of out.layouts!) {
      // One ring per break, centred on its point, and the numbers 1 and 2 beside them.
      const point = (key: string) => /<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*data-key="([^"]+)"/.exec(layout.svg.slice(layout.svg.indexOf(`data-key="${key}"`) - 200))!;
      const rings = [...layout.svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="7.5" fill="none" stroke="#1a1a1a"/g)].map((m) => [m[1], m[2]]);
      const at = (key: string) => { const m = point(key); return [m[1], m[2]]; };
      expect(rings).toEqual([at('Brazil|2016'), at('Brazil|2018')]);
      expect(layout.svg).toMatch(/font-weight="bold"[^>]*>1<\/text>/);
      expect(layout.svg).toMatch(/font-weight="bold"[^>]*>2<\/text>/);
    }
    expect(out.table.columns.at(-1)).toEqual({ key: 'breaks', label: 'Series breaks' });
    expect(out.table.rows.map((r) => [r['year'], r['breaks']])).toEqual([
      ['2013', ''],
      ['2014', ''],
      ['2015', ''],
      ['2016', '1. Brazil: the source changes from IAFQ to IAFQ/SOF. No data in the 2 years between (2013 is the previous value). Note: UNODC Source column: IAFQ/SOF'],
      ['2017', ''],
      ['2018', '2. Brazil: a rise to 39 times the 2017 value (2,284). Note: UNODC Source column: IAFQ/SOF'],
    ]);
    expect(out.description).toContain('Numbered rings mark where a series breaks (2)');
    expect(out.description).toContain('2. Brazil, 2018: a rise to 39 times the 2017 value (2,284). Note: UNODC Source column: IAFQ/SOF');
    // The line is drawn through the jump as it is: nothing is smoothed or left out.
    expect(out.table.rows.at(-1)!['Brazil']).toBe(89615);
  });

  it('shows a mark whose previous year is not drawn, and leaves out marks of years or series not drawn', () => {
    const out = lineChart(brazil, { ...opts, yearDomain: [2018, 2018], breaks: new Map([['Brazil', [jump, source]], ['Kenya', [{ ...jump, year: 2018 }]]]) }, en);
    expect(out.svg).toContain('Series break 1: a rise to 39 times the 2017 value (2,284)');
    expect(out.svg).not.toContain('Series break 2');
    expect(out.table.rows).toHaveLength(1);
  });

  it('adds nothing without breaks', () => {
    const out = lineChart(brazil, { ...opts, breaks: new Map() }, en);
    expect(out.svg).not.toContain('r="7.5"');
    expect(out.table.columns.map((c) => c.key)).toEqual(['year', 'Brazil', 'Mexico']);
    expect(out.description).not.toContain('Numbered rings');
  });

  it('says a fall, a note that ends and a note that begins', () => {
    const marks: BreakMark[] = [
      { year: 2017, previousYear: 2016, gap: 0, reasons: [{ kind: 'note changed', from: null, to: 'probably a UNODC estimate' }], note: 'UNODC Source column: CTS; probably a UNODC estimate' },
      { year: 2018, previousYear: 2017, gap: 0, reasons: [{ kind: 'note changed', from: 'probably a UNODC estimate', to: null }, { kind: 'jump', direction: 'down', factor: 13.4, from: 13048, to: 974 }], note: null },
    ];
    const out = lineChart(brazil, { ...opts, breaks: new Map([['Mexico', marks]]) }, en);
    expect(out.table.rows.find((r) => r['year'] === '2017')!['breaks']).toBe('1. Mexico: the note changes. Note: UNODC Source column: CTS; probably a UNODC estimate');
    expect(out.table.rows.find((r) => r['year'] === '2018')!['breaks']).toBe('2. Mexico: the earlier note no longer applies (probably a UNODC estimate); a fall to 1/13 of the 2017 value (13,048).');
  });
});
