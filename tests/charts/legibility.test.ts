/**
 * Chart text is legible at the width it is shown at: each layout's text renders at 11 px or more wherever the page
 * shows that layout, no label overlaps another or leaves the drawing, and maps keep their words out of the drawing
 * that scales. Expected widths come from the page (figure padding) and from the markup, not from the chart code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineChart } from '../../src/charts/line-chart.ts';
import { barChart, rankedBarChart } from '../../src/charts/bar-chart.ts';
import { stackedBarChart } from '../../src/charts/stacked-bar-chart.ts';
import { choropleth } from '../../src/charts/choropleth.ts';
import { flowMap } from '../../src/charts/flow-map.ts';
import { pointMap } from '../../src/charts/point-map.ts';
import { makeLocale } from '../../src/i18n/locale.ts';
import type { BarDatum, ChartOutput, SeriesPoint } from '../../src/charts/types.ts';
import { outside, overlapping, textBoxes, viewBoxOf } from '../support/svg-text.ts';
import { tinyWorld } from './tiny-world.ts';

const en = makeLocale('en');
const world = tinyWorld();

/**
 * The narrowest figure each layout is shown in, in CSS px. A 360 px phone leaves a figure 360 − 2 × 16 (page padding)
 * − 2 × (12.8 + 1) (figure padding and border) = 300.4 px; a 390 px phone 330.4 px. The wide and full layouts start
 * at site.css's breakpoints.
 */
const NARROWEST = { narrow: 300, wide: 520, full: 820 } as const;

const v = (value: number | null) => ({ value, censored: null, min: null, max: null });
const suppressed = { value: null, censored: '<5', min: 1, max: 4 };

/** "Detected victims by sex, Mexico": 13 years of two parts, two years with a suppressed part (the case). */
const MEXICO: [number, number, number | '<5'][] = [
  [2008, 40, 16],
  [2009, 45, '<5'],
  [2010, 100, 125],
  [2011, 80, 42],
  [2012, 101, 0],
  [2013, 121, '<5'],
  [2014, 210, 25],
  [2015, 1020, 659],
  [2016, 880, 106],
  [2017, 770, 197],
  [2018, 340, 114],
  [2020, 440, 84],
  [2021, 18, 3],
];
const mexico: BarDatum[] = MEXICO.flatMap(([year, female, male]) => [
  { key: String(year), label: String(year), group: 'female', ...v(female) },
  { key: String(year), label: String(year), group: 'male', ...(male === '<5' ? suppressed : v(male)) },
]);

const longNames: SeriesPoint[] = ['United Kingdom of Great Britain and Northern Ireland', 'United States of America', 'Nigeria', 'Thailand', 'Mexico'].flatMap((series, i) =>
  [2015, 2016, 2017, 2018, 2019, 2020].map((year) => ({ series, year, ...v(1000 * (i + 1) + year - 2015) })),
);

const ranked: BarDatum[] = ['Nigeria', 'Burkina Faso', 'Democratic Republic of the Congo', 'Kenya', 'Chad'].map((label, i) => ({
  key: label,
  label,
  year: 2018 + (i % 4),
  ...(i === 4 ? suppressed : v(1500 - 300 * i)),
}));

const CHARTS: [string, ChartOutput][] = [
  ['line chart with long names', lineChart(longNames, { id: 'line', title: 'Detected victims', unit: 'Persons', partial: [{ year: 2020, note: 'to 15 November' }] }, en)],
  ['bars over years', barChart(MEXICO.map(([y, f]) => ({ key: String(y), label: String(y), ...v(f) })), { id: 'bars', title: 'Female victims', unit: 'Persons', partial: [{ year: 2021, note: 'incomplete' }] }, en)],
  ['ranked bars with differing years', rankedBarChart(ranked, { id: 'ranked', title: 'Latest year reported', unit: 'Persons' }, en)],
  ['stacked columns (Mexico by sex)', stackedBarChart(mexico, { id: 'mexico', title: 'Detected victims by sex, Mexico', unit: 'persons', orientation: 'vertical' }, en)],
  ['stacked rows', stackedBarChart(mexico, { id: 'mexico-rows', title: 'Detected victims by sex, Mexico', unit: 'persons' }, en)],
];

describe('chart layouts', () => {
  it.each(CHARTS)('%s: every layout renders its text at 11 px or more where it is shown', (_, chart) => {
    expect(chart.layouts?.map((l) => l.name)).toEqual(['narrow', 'wide', 'full']);
    for (const layout of chart.layouts!) {
      const { width } = viewBoxOf(layout.svg);
      const smallest = Math.min(...textBoxes(layout.svg).map((t) => t.fontSize));
      expect(smallest * (NARROWEST[layout.name] / width), `${layout.name} layout`).toBeGreaterThanOrEqual(11);
    }
  });

  it.each(CHARTS)('%s: no label overlaps another or leaves the drawing, in any layout', (_, chart) => {
    for (const layout of chart.layouts!) {
      const boxes = textBoxes(layout.svg);
      expect(overlapping(boxes), `${layout.name} layout`).toEqual([]);
      expect(outside(boxes, viewBoxOf(layout.svg)), `${layout.name} layout`).toEqual([]);
    }
  });

  it('is never shown wider than 1.6 times its own width', () => {
    const [, chart] = CHARTS[0]!;
    expect(chart.layouts!.map((l) => /viewBox="0 0 (\d+) \d+" width="(\d+)"/.exec(l.svg)!.slice(1).map(Number))).toEqual([
      [320, 512],
      [560, 896],
      [880, 1408],
    ]);
  });

  it('shows each layout from the width site.css switches at', () => {
    const css = readFileSync(join(import.meta.dirname, '../../src/styles/site.css'), 'utf8');
    expect(css).toMatch(/@container \(width < 520px\) \{\s*\.chart-wide \{ display: none; \}\s*\.chart-narrow \{ display: block; \}/);
    // A figure without a full layout (in a grid: figure.ts inGrid) keeps its wide one from 820 px.
    expect(css).toMatch(/@container \(width >= 820px\) \{\s*:not\(\.no-full\) > \.chart-wide \{ display: none; \}\s*\.chart-full \{ display: block; \}/);
  });
});

describe('on paper', () => {
  // print.css prints a drawing at most 17 cm high; 8 pt is 8/72 in. At 96 CSS px to the inch, a drawing `h` units
  // high prints its 12-unit text at 12 × (17 / 2.54 × 96) / h px, which is 8 pt while h ≤ this many units:
  const printable = (12 * ((17 / 2.54) * 96)) / ((8 / 72) * 96);
  const ranking = (n: number) => rankedBarChart(
    Array.from({ length: n }, (_, i) => ({ key: `c${i}`, label: `Country ${i}`, ...(i === n - 1 ? suppressed : v(1000 - i)) })),
    { id: `r${n}`, title: 'Latest year reported', unit: 'Persons' },
    en,
  );

  it('a ranking of 41 countries (the longest the site draws) has paper layouts whose text prints at 8 pt or more, legibly', () => {
    const { print } = ranking(41);
    expect(print, 'paper layouts').toBeDefined();
    for (const [name, svg] of Object.entries(print!)) {
      const box = viewBoxOf(svg);
      expect(box.height, name).toBeLessThanOrEqual(printable);
      const boxes = textBoxes(svg);
      expect(Math.min(...boxes.map((t) => t.fontSize)), name).toBeGreaterThanOrEqual(12);
      expect(boxes.filter((t) => t.text.startsWith('Country ')).length, `${name}: every name drawn`).toBe(41);
      expect(overlapping(boxes), name).toEqual([]);
      expect(outside(boxes, box), name).toEqual([]);
    }
    // Across the page, and in half of it (a handout's column, about 340 px: as wide as the narrow layout).
    expect([viewBoxOf(print!.wide).width, viewBoxOf(print!.narrow).width]).toEqual([560, 320]);
  });

  it('a ranking that prints well at its screen layouts has no paper layout', () => {
    const { layouts, print } = ranking(20);
    expect(print).toBeUndefined();
    for (const l of layouts!) expect(viewBoxOf(l.svg).height, l.name).toBeLessThanOrEqual(printable);
  });
});

describe('stacked bar labels (the Mexico case)', () => {
  const chart = stackedBarChart(mexico, { id: 'mexico', title: 'Detected victims by sex, Mexico', unit: 'persons', orientation: 'vertical' }, en);
  const ends = (svg: string) => textBoxes(svg).filter((t) => /^\d[\d,]*( \+ \d suppressed)?$/.test(t.text) && !/^(0|500|1,000|1,500|2,000|20\d\d)$/.test(t.text));

  it('says "45 + 1 suppressed" in a row, where there is room', () => {
    const narrow = chart.layouts!.find((l) => l.name === 'narrow')!.svg;
    expect(ends(narrow).map((t) => t.text)).toEqual(['56', '45 + 1 suppressed', '225', '122', '101', '121 + 1 suppressed', '235', '1,679', '986', '967', '454', '524', '21']);
  });

  it('writes only the number over a column too narrow for the whole label, and the whole label stays in the mark and the table', () => {
    // 13 columns on 560 − 46 − 8 units (the axis labels up to "2,000" take 5 × 7.2 + 10): a step of 506 / 13 = 38.9, so
    // "1,679" (36 units) fits and "45 + 1 suppressed" (122 units) does not.
    const wide = chart.svg;
    expect(ends(wide).map((t) => t.text)).toEqual(['56', '45', '225', '122', '101', '121', '235', '1,679', '986', '967', '454', '524', '21']);
    expect(wide).toContain('aria-label="2009, male: Suppressed small count (&lt;5): between 1 and 4"');
    expect(chart.table.rows[1]).toEqual({ label: '2009', female: 45, male: 'suppressed (<5)', total: 45 });
  });
});

describe('maps', () => {
  const maps: [string, ChartOutput][] = [
    ['choropleth', choropleth([{ geo: 'KEN', ...v(12), year: 2018 }, { geo: 'NGA', ...v(40), year: 2021 }, { geo: 'BRA', ...suppressed }], { id: 'c', title: 'Map', unit: 'persons', world }, en)],
    ['flow map', flowMap([{ from: 'NGA', to: 'ITA', value: 400 }, { from: 'KEN', to: 'ITA', value: null, censored: '<5', min: 1, max: 4 }], { id: 'f', title: 'Flows', unit: 'persons', world }, en)],
    ['point map', pointMap([{ key: 'a', label: 'A', lat: 0, lon: 37, value: 12 }], { id: 'p', title: 'Points', unit: 'persons', world }, en)],
  ];

  it.each(maps)('%s: the drawing that scales holds no text; the key is at its natural size, 11 px or more, within 300 px', (_, map) => {
    expect(map.svg).not.toContain('<text');
    expect(map.svg).toMatch(/width="100%"/);
    expect(map.legend).toContain('class="map-disclaimer"');
    for (const key of map.legend!.match(/<svg [^>]*role="group"[\s\S]*?<\/svg>/g) ?? []) {
      expect(Number(/ width="(\d+)"/.exec(key)![1])).toBeLessThanOrEqual(300);
      expect(Math.min(...textBoxes(key).map((t) => t.fontSize))).toBeGreaterThanOrEqual(11);
      expect(outside(textBoxes(key), viewBoxOf(key))).toEqual([]);
    }
  });
});
