/**
 * The indicator page's Table tab (src/charts/series-table.ts): the chosen places × years, each value as the release
 * has it and the row of the publisher's file it came from. Expected HTML written out by hand from the fixture.
 */
import { describe, expect, it } from 'vitest';
import { seriesTableHtml } from '../../src/charts/series-table.ts';
import { makeLocale } from '../../src/i18n/locale.ts';
import type { SeriesPoint } from '../../src/charts/types.ts';

const en = makeLocale('en');
const names = new Map([['KEN', 'Kenya'], ['NGA', 'Nigeria'], ['001', 'World']]);
const exact = (series: string, year: number, value: number | null, ref: string): SeriesPoint =>
  ({ series, year, value, censored: null, min: null, max: null, source_ref: ref });
const points: SeriesPoint[] = [
  exact('NGA', 2020, 7.5, 'f.xlsx:s:12'),
  exact('KEN', 2019, 1234, 'f.xlsx:s:10'),
  { series: 'KEN', year: 2020, value: null, censored: '<5', min: 1, max: 4, source_ref: 'f.xlsx:s:11' },
  exact('001', 2019, null, 'f.xlsx:s:13'), // a row the publisher left empty: no value, but a source row
  exact('KEN', 2018, 99, 'f.xlsx:s:9'), // outside the years chosen
  exact('GBR', 2019, 5, 'f.xlsx:s:14'), // not a place chosen
];
const options = {
  title: 'Detected victims',
  unit: 'persons',
  geos: ['NGA', 'KEN', '001'],
  years: [2019, 2020] as [number, number],
  href: (geo: string) => (geo === '001' ? null : `/country/${geo}/`),
};

describe('series table', () => {
  it('lists every chosen place for every chosen year, by name then year; censored as a mark, gaps as No data', () => {
    const row = (...cells: string[]) => `<tr>${cells.join('')}</tr>`;
    const expected =
      '<table class="plain series-table">' +
      '<caption>Detected victims (persons), 2019–2020: the chosen countries and areas, year by year, with the row of the publisher’s file each value comes from</caption>' +
      '<thead><tr><th scope="col">Country or area</th><th scope="col">Year</th><th scope="col" class="num">Value</th><th scope="col">Source row</th></tr></thead>' +
      '<tbody>' +
      row('<td><a href="/country/KEN/">Kenya</a></td>', '<td>2019</td>', '<td class="num">1,234</td>', '<td><code>f.xlsx:s:10</code></td>') +
      row('<td><a href="/country/KEN/">Kenya</a></td>', '<td>2020</td>', '<td class="num">suppressed (&lt;5)</td>', '<td><code>f.xlsx:s:11</code></td>') +
      row('<td><a href="/country/NGA/">Nigeria</a></td>', '<td>2019</td>', '<td class="num missing">No data</td>', '<td></td>') +
      row('<td><a href="/country/NGA/">Nigeria</a></td>', '<td>2020</td>', '<td class="num">7.5</td>', '<td><code>f.xlsx:s:12</code></td>') +
      row('<td>World</td>', '<td>2019</td>', '<td class="num missing">No data</td>', '<td><code>f.xlsx:s:13</code></td>') +
      row('<td>World</td>', '<td>2020</td>', '<td class="num missing">No data</td>', '<td></td>') +
      '</tbody></table>';
    expect(seriesTableHtml(points, names, options, en)).toBe(expected);
  });

  it('names a place by its code when it has no name, links none without href, and escapes what it writes', () => {
    const html = seriesTableHtml([exact('X<1>', 2020, 3, 'a&b:1:2')], new Map(), { ...options, geos: ['X<1>'], years: [2020, 2020], href: undefined }, en);
    expect(html).toContain('<tbody><tr><td>X&lt;1&gt;</td><td>2020</td><td class="num">3</td><td><code>a&amp;b:1:2</code></td></tr></tbody>');
    expect(html).toContain('<caption>Detected victims (persons), 2020:');
  });
});
