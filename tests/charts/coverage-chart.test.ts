import { describe, expect, it } from 'vitest';
import { coverageChart, type CoverageChartOptions, type CoverageYear } from '../../src/charts/coverage-chart.ts';
import { makeLocale } from '../../src/i18n/locale.ts';
import { expectSvgSnapshot } from '../support/svg-snapshot.ts';
import { expectAccessibleMarks } from '../support/chart-marks.ts';

const en = makeLocale('en');
const options: CoverageChartOptions = { id: 'cov', title: 'Detected victims: countries with data', yearDomain: [2015, 2021] };

/** Seven years: 2018 has no country; 2016 and 2020 have countries whose values are all censored. */
const years: CoverageYear[] = [
  { year: 2015, countries: 40, censoredOnly: 0 },
  { year: 2016, countries: 52, censoredOnly: 6 },
  { year: 2017, countries: 61, censoredOnly: 0 },
  { year: 2019, countries: 58, censoredOnly: 0 },
  { year: 2020, countries: 33, censoredOnly: 33 },
  { year: 2021, countries: 12, censoredOnly: 0 },
];

/** The y of the baseline, and each column's rectangles (y, height) by year, read from the wide layout. */
function columns(svg: string): Map<string, { y: number; height: number; hatched: boolean }[]> {
  const out = new Map<string, { y: number; height: number; hatched: boolean }[]>();
  for (const m of svg.matchAll(/<g tabindex="0" data-key="(\d+)"[^>]*>(.*?)<\/g>/g)) {
    out.set(m[1]!, [...m[2]!.matchAll(/<rect [^>]*y="([\d.]+)" width="[\d.]+" height="([\d.]+)" fill="([^"]+)"/g)].map((r) => ({ y: Number(r[1]), height: Number(r[2]), hatched: r[3]!.startsWith('url(') })));
  }
  return out;
}

describe('coverageChart', () => {
  it('draws countries with a value solid, censored-only countries hatched on top, and a year with none as a gap', () => {
    const out = coverageChart(years, options, en);
    expect(out.description).toBe(
      'Detected victims: countries with data. Columns of the countries with data in each year, 2015–2021: most 61 in 2017, fewest 12 in 2021. ' +
        'No country has data in 1 of the years: 2018. In 2 years (2016, 2020) some countries have only censored values (a range such as <5, no exact number): drawn hatched on top.',
    );
    // Every year of the domain is a row; 2018, which no country covers, counts 0 countries (its values stay missing).
    expect(out.table.rows).toEqual([
      { year: '2015', countries: 40, censoredOnly: 0 },
      { year: '2016', countries: 52, censoredOnly: 6 },
      { year: '2017', countries: 61, censoredOnly: 0 },
      { year: '2018', countries: 0, censoredOnly: 0 },
      { year: '2019', countries: 58, censoredOnly: 0 },
      { year: '2020', countries: 33, censoredOnly: 33 },
      { year: '2021', countries: 12, censoredOnly: 0 },
    ]);
    expect(expectAccessibleMarks(out.svg)).toEqual(['2015', '2016', '2017', '2018', '2019', '2020', '2021']);
    expect(out.svg).toContain('aria-label="2016: 52 countries with data, 6 of them with censored values only"');
    expect(out.svg).toContain('aria-label="2018: 0 countries with data"');

    const cols = columns(out.svg);
    // 2016: a solid part for 46 countries under a hatched part for 6, stacked without a gap; heights proportional.
    const [solid, hatched] = cols.get('2016')!;
    expect(solid!.hatched).toBe(false);
    expect(hatched!.hatched).toBe(true);
    expect(hatched!.y + hatched!.height).toBeCloseTo(solid!.y, 0);
    expect(hatched!.height / solid!.height).toBeCloseTo(6 / 46, 1);
    // 2020: every country censored-only, so no solid part at all; 2018: no rectangle, the word "None".
    expect(cols.get('2020')!.map((c) => c.hatched)).toEqual([true]);
    expect(cols.get('2018')).toEqual([]);
    expect(out.svg).toMatch(/data-key="2018"[^>]*><title>[^<]*<\/title><text [^>]*font-style="italic"[^>]*>None<\/text>/);
    // Same input, same bytes.
    expect(coverageChart(years, options, en).svg).toBe(out.svg);
    expectSvgSnapshot('coverage-typical', out.svg);
  });

  it('marks a partial year in the drawing, the table and the description', () => {
    const out = coverageChart(years, { ...options, partial: [{ year: 2021, note: 'not all countries had reported' }] }, en);
    expectSvgSnapshot('coverage-partial', out.svg);
    expect(out.svg).toContain('>2021 partial</text>');
    expect(out.table.columns.map((c) => c.label)).toEqual(['Year', 'Countries with data', 'Of which only censored values', 'Note']);
    expect(out.table.rows.at(-1)).toEqual({ year: '2021', countries: 12, censoredOnly: 0, note: 'not all countries had reported' });
    expect(out.description).toContain('2021 covers part of the period only (not all countries had reported)');
  });

  it('labels only whole numbers of countries on a small axis', () => {
    const out = coverageChart([{ year: 2018, countries: 1, censoredOnly: 0 }], { ...options, yearDomain: [2018, 2018] }, en);
    expectSvgSnapshot('coverage-single', out.svg);
    const ticks = [...out.svg.matchAll(/<text x="[\d.]+" y="[\d.]+" dy="0.32em">([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(ticks.length).toBeGreaterThan(0);
    for (const t of ticks) expect(t).toMatch(/^\d+$/);
    expect(out.description).toBe('Detected victims: countries with data. Columns of the countries with data in each year, 2018–2018: most 1 in 2018, fewest 1 in 2018.');
  });

  it('says "No data" over an empty plot and never draws a column', () => {
    const out = coverageChart([], options, en);
    expectSvgSnapshot('coverage-empty', out.svg);
    expect(out.description).toBe('Detected victims: countries with data. No country has data in 2015–2021.');
    expect(out.svg).not.toContain('<rect x');
    expect(out.svg).toMatch(/font-style="italic"[^>]*>No data<\/text>/);
  });
});
