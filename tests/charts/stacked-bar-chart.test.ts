import { describe, expect, it } from 'vitest';
import { stackedBarChart, type StackedBarChartOptions } from '../../src/charts/stacked-bar-chart.ts';
import { makeLocale } from '../../src/i18n/locale.ts';
import type { BarDatum } from '../../src/charts/types.ts';
import { expectSvgSnapshot } from '../support/svg-snapshot.ts';
import { expectAccessibleMarks } from '../support/chart-marks.ts';

const en = makeLocale('en');

function part(label: string, group: string, value: number | null): BarDatum {
  return { key: label, label, group, value, censored: null, min: null, max: null };
}
function censored(label: string, group: string): BarDatum {
  return { key: label, label, group, value: null, censored: '<5', min: 1, max: 4 };
}


/** x, width and fill of the rect drawn for one part. */
function rectOf(svg: string, key: string): { x: number; width: number; fill: string } {
  const m = svg.match(new RegExp(`<rect x="([\\d.]+)" y="[\\d.]+" width="([\\d.]+)" height="[\\d.]+" fill="([^"]+)"[^>]*data-key="${key.replace('|', '\\|')}"`));
  if (!m) throw new Error(`no rect for ${key}`);
  return { x: Number(m[1]), width: Number(m[2]), fill: m[3]! };
}

const options: StackedBarChartOptions = {
  id: 'forms',
  title: 'Detected victims by form of exploitation and sex and age, 2020',
  unit: 'Persons',
  groups: ['Women', 'Men', 'Girls', 'Boys'],
  categoryLabel: 'Form of exploitation',
};

const complete = [
  part('Sexual exploitation', 'Women', 60),
  part('Sexual exploitation', 'Men', 5),
  part('Sexual exploitation', 'Girls', 30),
  part('Sexual exploitation', 'Boys', 6),
  part('Forced labour', 'Women', 20),
  part('Forced labour', 'Men', 45),
  part('Forced labour', 'Girls', 8),
  part('Forced labour', 'Boys', 12),
];

const withGaps = [
  part('Sexual exploitation', 'Women', 60),
  part('Sexual exploitation', 'Girls', 30),
  censored('Sexual exploitation', 'Men'),
  part('Sexual exploitation', 'Boys', 6),
  part('Forced labour', 'Women', 20),
  part('Forced labour', 'Men', 45),
  censored('Forced labour', 'Boys'),
  censored('Forced labour', 'Girls'),
  part('Other forms', 'Women', 8),
  part('Other forms', 'Men', null),
  part('Other forms', 'Girls', 2),
  part('Organ removal', 'Women', null),
  part('Organ removal', 'Men', null),
];

describe('stackedBarChart', () => {
  it('stacks parts in the given group order, with a legend and totals', () => {
    const out = stackedBarChart(complete, options, en);
    expectSvgSnapshot('stacked-typical', out.svg);
    expect(out.description).toBe(
      'Detected victims by form of exploitation and sex and age, 2020. Stacked bars for 2 items, split by Women, Men, Girls, Boys. Largest reported total: Sexual exploitation (101). Unit: Persons.',
    );
    expect(out.table).toEqual({
      columns: [
        { key: 'label', label: 'Form of exploitation' },
        { key: 'Women', label: 'Women', numeric: true },
        { key: 'Men', label: 'Men', numeric: true },
        { key: 'Girls', label: 'Girls', numeric: true },
        { key: 'Boys', label: 'Boys', numeric: true },
        { key: 'total', label: 'Total reported', numeric: true },
      ],
      rows: [
        { label: 'Sexual exploitation', Women: 60, Men: 5, Girls: 30, Boys: 6, total: 101 },
        { label: 'Forced labour', Women: 20, Men: 45, Girls: 8, Boys: 12, total: 85 },
      ],
    });
    expect(expectAccessibleMarks(out.svg)).toEqual([
      'Sexual exploitation|Women',
      'Sexual exploitation|Men',
      'Sexual exploitation|Girls',
      'Sexual exploitation|Boys',
      'Forced labour|Women',
      'Forced labour|Men',
      'Forced labour|Girls',
      'Forced labour|Boys',
    ]);
    expect(out.svg).toContain('aria-label="Forced labour, Men: 45"');
    expect(out.svg).toMatch(/viewBox="0 0 560 \d+" width="896" role="group" aria-labelledby="forms-svg-title" aria-describedby="forms-svg-desc"/);
    // Parts touch: each starts where the previous one ends.
    const [w, m] = [rectOf(out.svg, 'Forced labour|Women'), rectOf(out.svg, 'Forced labour|Men')];
    expect(m.x).toBeCloseTo(w.x + w.width, 0);
    expect(stackedBarChart(complete, options, en).svg).toBe(out.svg);
  });

  it('draws censored parts hatched after the reported stack, never counted into its length', () => {
    const out = stackedBarChart(withGaps, options, en);
    expectSvgSnapshot('stacked-censored', out.svg);
    expect(out.description).toBe(
      'Detected victims by form of exploitation and sex and age, 2020. Stacked bars for 4 items, split by Women, Men, Girls, Boys. ' +
        'Largest reported total: Sexual exploitation (96). ' +
        'Bar lengths count reported parts only. Suppressed parts (3) are drawn hatched after the bar, each as long as its upper bound. ' +
        'No data: Organ removal. Unit: Persons.',
    );
    expect(out.table.rows).toEqual([
      { label: 'Sexual exploitation', Women: 60, Men: 'suppressed (<5)', Girls: 30, Boys: 6, total: 96 },
      { label: 'Forced labour', Women: 20, Men: 45, Girls: 'suppressed (<5)', Boys: 'suppressed (<5)', total: 65 },
      { label: 'Other forms', Women: 8, Men: null, Girls: 2, Boys: null, total: 10 },
      { label: 'Organ removal', Women: null, Men: null, Girls: null, Boys: null, total: null },
    ]);
    // Forced labour: Women 20 + Men 45 solid; Girls and Boys (<5) hatched from the solid end, 4 units each.
    const women = rectOf(out.svg, 'Forced labour|Women');
    const men = rectOf(out.svg, 'Forced labour|Men');
    const girls = rectOf(out.svg, 'Forced labour|Girls');
    const boys = rectOf(out.svg, 'Forced labour|Boys');
    const unit = women.width / 20;
    expect(men.width).toBeCloseTo(45 * unit, 0);
    expect(girls.x).toBeCloseTo(men.x + men.width, 0);
    expect(girls.width).toBeCloseTo(4 * unit, 0);
    expect(boys.x).toBeCloseTo(girls.x + girls.width, 0);
    expect(girls.fill).toBe('url(#forms-hatch-2)');
    expect(boys.fill).toBe('url(#forms-hatch-3)');
    expect(out.svg).toContain('>65 + 2 suppressed</text>');
    expect(out.svg).toContain('aria-label="Forced labour, Girls: Suppressed small count (&lt;5): between 1 and 4"');
    // The missing part is not drawn; the bar with no part at all says so.
    const keys = expectAccessibleMarks(out.svg);
    expect(keys).not.toContain('Other forms|Men');
    expect(keys).toContain('Organ removal');
    expect(out.svg).toContain('aria-label="Organ removal: No data"');
    expect(out.svg).toContain('Suppressed small count (range)');
  });

  it('draws columns from the bottom up when vertical', () => {
    const out = stackedBarChart(withGaps, { ...options, id: 'forms-v', orientation: 'vertical' }, en);
    expectSvgSnapshot('stacked-vertical', out.svg);
    expect(out.svg).toContain('viewBox="0 0 560 340"');
    expect(out.table.rows).toHaveLength(4);
  });

  it('draws a bar with a single part, named "Value" when it has no group', () => {
    const out = stackedBarChart([{ key: 'KEN', label: 'Kenya', value: 12, censored: null, min: null, max: null }], { ...options, groups: undefined }, en);
    expectSvgSnapshot('stacked-single', out.svg);
    expect(out.description).toBe(
      'Detected victims by form of exploitation and sex and age, 2020. Stacked bars for 1 items, split by Value. Largest reported total: Kenya (12). Unit: Persons.',
    );
    expect(out.table.rows).toEqual([{ label: 'Kenya', value: 12, total: 12 }]);
  });

  it('says "No data" for every bar when all parts are missing', () => {
    const out = stackedBarChart([part('Forced labour', 'Women', null), part('Organ removal', 'Men', null)], options, en);
    expectSvgSnapshot('stacked-all-missing', out.svg);
    expect(out.description).toBe(
      'Detected victims by form of exploitation and sex and age, 2020. Stacked bars for 2 items, split by Women, Men. No data: Forced labour, Organ removal. Unit: Persons.',
    );
    expect(expectAccessibleMarks(out.svg)).toEqual(['Forced labour', 'Organ removal']);
    expect(out.svg.match(/>No data<\/text>/g)).toHaveLength(2);
  });

  it('lists groups not named in `groups` after the named ones', () => {
    const out = stackedBarChart(complete, { ...options, groups: ['Boys'] }, en);
    expect(out.table.columns.map((c) => c.key)).toEqual(['label', 'Boys', 'Women', 'Men', 'Girls', 'total']);
  });
});

describe('stackedBarChart: the rows each table cell cites', () => {
  it('cites each part’s row, and for the reported total the rows of the reported parts it adds (not the suppressed one)', () => {
    const ref = (d: BarDatum, row: number): BarDatum => ({ ...d, source_ref: `glotip.xlsx:data:${row}` });
    const out = stackedBarChart(
      [ref(part('2020', 'Women', 60), 12), ref(part('2020', 'Men', 5), 13), ref(censored('2020', 'Girls'), 14), ref(part('2020', 'Boys', 6), 20), ref(part('2021', 'Women', 3), 30)],
      { ...options, groups: ['Women', 'Men', 'Girls', 'Boys'] },
      en,
    );
    const total = out.table.columns.find((c) => c.label === 'Total reported')!.key;
    expect(out.table.rows.map((r) => r[total])).toEqual([71, 3]);
    expect(out.table.refs!.map((r) => r?.[total])).toEqual(['glotip.xlsx:data:12-13,20', 'glotip.xlsx:data:30']);
    expect(Object.values(out.table.refs![0]!).sort()).toEqual(['glotip.xlsx:data:12', 'glotip.xlsx:data:12-13,20', 'glotip.xlsx:data:13', 'glotip.xlsx:data:14', 'glotip.xlsx:data:20']);
  });
  it('cites no total when a part it adds has no row: a list short of one would cite less than was summed', () => {
    const out = stackedBarChart([{ ...part('2020', 'Women', 60), source_ref: 'f.csv::2' }, part('2020', 'Men', 5)], options, en);
    const total = out.table.columns.find((c) => c.label === 'Total reported')!.key;
    expect(out.table.refs![0]![total]).toBeUndefined();
  });
});

describe('stackedBarChart: published totals and partial periods', () => {
  const years = (rows: [string, number, number][]) => rows.flatMap(([y, a, b]) => [part(y, 'tablets', a), part(y, 'capsules', b)]);
  const data = years([
    ['2003', 70, 48],
    ['2004', 30, 20],
  ]);
  const total = (key: string, value: number) => ({ key, value, censored: null, min: null, max: null });
  const medicines: StackedBarChartOptions = { id: 'failed', title: 'Failed samples by dosage form, Cambodia', unit: 'Samples', categoryLabel: 'Year' };

  it('draws a published total as a tick, never adds it to the parts, and says where the parts do not add up to it', () => {
    const out = stackedBarChart(data, { ...medicines, totals: [total('2003', 120), total('2004', 50), total('1999', 7)] }, en);
    expectSvgSnapshot('stacked-totals', out.svg);
    // "Total reported" is the sum of the parts drawn: 70 + 48 = 118, 30 + 20 = 50.
    expect(out.table.columns.map((c) => c.key)).toEqual(['label', 'tablets', 'capsules', 'total', 'published']);
    expect(out.table.rows).toEqual([
      { label: '2003', tablets: 70, capsules: 48, total: 118, published: 120 },
      { label: '2004', tablets: 30, capsules: 20, total: 50, published: 50 },
    ]);
    expect(out.svg).toContain('>118</text>');
    expect(out.description).toBe(
      'Failed samples by dosage form, Cambodia. Stacked bars for 2 items, split by tablets, capsules. Largest reported total: 2003 (118). ' +
        'The parts drawn do not add up to the published total for: 2003 (parts 118, published 120). Unit: Samples.',
    );
    // The tick stands where 120 is on the parts' own scale: 70 units of tablets are the first rect's width.
    const tablets = rectOf(out.svg, '2003|tablets');
    const tick = /<line x1="([\d.]+)" x2="[\d.]+" y1="[\d.]+" y2="[\d.]+" stroke="#1a1a1a" stroke-width="2.5" tabindex="0" data-key="2003\|total" aria-label="([^"]+)"/.exec(out.svg)!;
    expect(Number(tick[1])).toBeCloseTo(tablets.x + (120 * tablets.width) / 70, 0);
    expect(tick[2]).toBe('2003, published total: 120');
    expect(expectAccessibleMarks(out.svg)).toContain('2004|total');
    expect(out.svg).toContain('>Published total</text>');
  });

  it('draws a partial year lighter, named "2004 partial" on the drawing, with its note in the table and description', () => {
    const out = stackedBarChart(data, { ...medicines, partial: [{ year: 2004, note: 'January to June' }] }, en);
    const faded = [...out.svg.matchAll(/<rect [^>]*fill="[^"]+"( fill-opacity="0.4")?[^>]*data-key="([^"]+)"/g)].filter((m) => m[1]).map((m) => m[2]);
    expect(faded).toEqual(['2004|tablets', '2004|capsules']);
    for (const layout of out.layouts!) expect(layout.svg).toContain('>2004 partial</text>');
    expect(out.svg).toContain('aria-label="2004, tablets: 30 (partial: January to June)"');
    expect(out.table.rows.map((r) => r['note'])).toEqual(['', 'January to June']);
    expect(out.description).toContain('2004 covers part of the period only (January to June); it is drawn lighter.');
    const columns = stackedBarChart(data, { ...medicines, orientation: 'vertical', partial: [{ year: 2004, note: 'January to June' }] }, en);
    expect(columns.svg).toContain('>2004 partial</text>');
  });
});
