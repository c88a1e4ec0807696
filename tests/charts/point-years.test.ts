/**
 * A point map's years: each year's events binned on their own, undated events set apart, one scale for every year;
 * the every-year table; and the browser's redraw of a year equal to the build's drawing of the same points. Expected
 * values are computed by hand from the fixture below.
 */
import { describe, expect, it } from 'vitest';
import { pointsByYear, type DatedPoint } from '../../src/data/point-years.ts';
import { pointMap, pointProjection } from '../../src/charts/point-map.ts';
import { drawPoints, type ProjectedPoint } from '../../src/charts/point-map-draw.ts';
import { pointYearsTable } from '../../src/charts/years-table.ts';
import { wholeNotes, yearNotes } from '../../src/charts/point-notes.ts';
import { makeLocale } from '../../src/i18n/locale.ts';
import { tinyWorld } from './tiny-world.ts';

const en = makeLocale('en');

const event = (key: string, year: number | null, lat: number, lon: number, value: number, row: number): DatedPoint => ({
  key, year, lat, lon, value, label: `${key} (${year ?? 'no year'})`, source_ref: `mm.xlsx:Data:${row}`,
});

// Cell (row, col) of a 1° grid from 90° S and 180° W: a, b, c and e are in cell-125-194 (35–36° N, 14–15° E).
const fixture: DatedPoint[] = [
  event('a', 2019, 35.2, 14.1, 5, 10),
  event('b', 2019, 35.8, 14.9, 7, 12),
  event('c', 2020, 35.4, 14.3, 3, 14),
  event('d', 2019, -17.6, 179.2, 2, 20),
  event('e', null, 35.5, 14.5, 4, 30),
  event('f', 2020, 10.1, 20.1, 9, 31),
];

describe('pointsByYear', () => {
  it('bins each year on its own, leaves the undated event out of every year, and sizes on the largest of any year', () => {
    const y = pointsByYear(fixture, { cellDegrees: 1 }, en);
    expect(y.years.map((x) => x.year)).toEqual([2019, 2020]);
    const [y2019, y2020] = y.years;
    // 2019 (by key): a + b share a cell (5 + 7 = 12, at their mean 35.5° N, 14.5° E, citing rows 10 and 12); d alone.
    expect(y2019!.points.map((p) => [p.key, p.value, p.source_ref])).toEqual([
      ['cell-125-194', 12, 'mm.xlsx:Data:10,12'],
      ['d', 2, 'mm.xlsx:Data:20'],
    ]);
    const cell = y2019!.points.find((p) => p.key === 'cell-125-194')!;
    expect([cell.lat, cell.lon]).toEqual([35.5, 14.5]);
    // 2020: c alone in the same cell (3, not a share of the all-years 5 + 7 + 3 + 4 = 19), and f.
    expect(y2020!.points.map((p) => [p.key, p.value])).toEqual([['c', 3], ['f', 9]]);
    expect(y.undated.map((p) => [p.key, p.value])).toEqual([['e', 4]]);
    expect(y.undated[0]).not.toHaveProperty('year');
    // The largest value of any one year: 2019's cell (12), not the all-years cell (19).
    expect(y.maxValue).toBe(12);
    // Totals by year: 2019 = 5 + 7 + 2 = 14, 2020 = 3 + 9 = 12; with the undated 4, the 30 of every event.
    const total = (pts: { value: number }[]) => pts.reduce((s, p) => s + p.value, 0);
    expect([total(y2019!.points), total(y2020!.points), total(y.undated)]).toEqual([14, 12, 4]);
  });

  it('without a grid, keeps every event a point of its own year', () => {
    const y = pointsByYear(fixture, null, en);
    expect(y.years.map((x) => [x.year, x.points.map((p) => p.key)])).toEqual([[2019, ['a', 'b', 'd']], [2020, ['c', 'f']]]);
    expect(y.maxValue).toBe(9);
    expect(y.undated.map((p) => p.key)).toEqual(['e']);
  });

  it('has no year and a zero scale without events', () => {
    expect(pointsByYear([], { cellDegrees: 1 }, en)).toEqual({ years: [], undated: [], maxValue: 0 });
  });
});

describe('the every-year table of a point map', () => {
  it('lists each year largest first, then the undated events, each value citing its rows', () => {
    const y = pointsByYear(fixture, { cellDegrees: 1 }, en);
    const table = pointYearsTable(y.years, y.undated, 'dead and missing', en);
    expect(table.columns.map((c) => c.label)).toEqual(['Year', 'Place or event', 'Value (dead and missing)', 'Latitude', 'Longitude']);
    expect(table.rows.map((r) => [r['year'], r['value']])).toEqual([
      ['2019', 12],
      ['2019', 2],
      ['2020', 9],
      ['2020', 3],
      ['No single year', 4],
    ]);
    expect(table.refs!.map((r) => r?.['value'])).toEqual(['mm.xlsx:Data:10,12', 'mm.xlsx:Data:20', 'mm.xlsx:Data:31', 'mm.xlsx:Data:14', 'mm.xlsx:Data:30']);
  });
});

describe('a year redrawn in the browser', () => {
  const world = tinyWorld();
  const style = { id: 'points', title: 'Dead and missing, 2019', unit: 'dead and missing', maxValue: 12 };

  it('draws what the build draws from the same points, placed by the build and rounded as its file holds them', () => {
    const y2019 = pointsByYear(fixture, { cellDegrees: 1 }, en).years[0]!.points;
    const built = pointMap(y2019, { ...style, world }, en);
    const { geometry, place } = pointProjection({ world });
    const round = (p: ProjectedPoint): ProjectedPoint => ({ ...p, x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 });
    // The file is JSON: what the browser draws from has been through it.
    const file = JSON.parse(JSON.stringify(y2019.map(place).map(round))) as ProjectedPoint[];
    const redrawn = drawPoints(geometry, file, style, en);
    expect(redrawn.svg).toBe(built.svg);
    expect(redrawn.table).toEqual(built.table);
    expect(redrawn.description).toBe(built.description);
  });

  it('sizes every year on the shared maximum and says so, with the events it leaves out', () => {
    const { geometry, place } = pointProjection({ world });
    const notes = yearNotes({ unit: 'dead and missing', maxValue: 12, undated: 1, wholeMax: 19 }, en);
    const out = drawPoints(geometry, [place(fixture[5]!)], { ...style, notes }, en);
    // f (9) on a scale whose maximum is 12: r = 900 / 40 · √(9 / 12) = 19.49, not the 22.5 of its own maximum.
    expect(out.svg).toMatch(/<circle cx="[^"]+" cy="[^"]+" r="19.5"/);
    expect(out.legend).toContain('the largest circle is the largest value of any year (12 dead and missing). The all-years view has a scale of its own.');
    expect(out.legend).toContain('1 located events have no single year');
    expect(out.description).toContain('they are left out of every year’s view and drawn in the all-years view only.');
    // One seizure a circle: every view has the same largest value, hence one scale, and nothing says otherwise.
    const single = { unit: 'seizures', maxValue: 1, undated: 9, wholeMax: 1 };
    expect(yearNotes({ ...single, undated: 0 }, en)).toEqual(['Every single year is drawn on one scale, so circles compare between years: the largest circle is the largest value of any year (1 seizures).']);
    expect(wholeNotes(single, en)).toEqual(['9 of the events drawn have no single year (the publisher dates them to a span of years): only this all-years view draws them.']);
    expect(wholeNotes({ ...single, undated: 0, wholeMax: 3 }, en)).toEqual(['All years summed, on a scale of its own: a circle here does not compare with one of a single year.']);
  });
});
