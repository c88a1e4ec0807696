import { describe, expect, it } from 'vitest';
import { brotliCompressSync, constants } from 'node:zlib';
import { binPoints, pointMap, type MapPoint, type PointMapOptions } from '../../src/charts/point-map.ts';
import { legendValues } from '../../src/charts/legend-size.ts';
import { loadWorld } from '../../src/charts/world-node.ts';
import { makeLocale } from '../../src/i18n/locale.ts';
import { expectSvgSnapshot } from '../support/svg-snapshot.ts';
import { tinyWorld } from './tiny-world.ts';

const en = makeLocale('en');
const tiny = tinyWorld();
const options: PointMapOptions = { id: 'migrants', title: 'Dead and missing migrants, 2023', unit: 'persons', world: tiny };

const point = (key: string, lat: number, lon: number, value: number, label = key): MapPoint => ({ key, lat, lon, value, label });

/** Focusable circles in document order, with their radius; the hover title must equal the label. */
function circles(svg: string): { key: string; label: string; r: number }[] {
  const count = svg.match(/tabindex="0"/g)?.length ?? 0;
  const marks = [...svg.matchAll(/<circle cx="[^"]+" cy="[^"]+" r="([^"]+)" tabindex="0" data-key="([^"]+)" aria-label="([^"]+)"><title>([^<]*)<\/title>/g)];
  expect(marks.length).toBe(count);
  for (const m of marks) expect(m[4]).toBe(m[3]);
  return marks.map((m) => ({ key: m[2]!, label: m[3]!, r: Number(m[1]) }));
}

const incidents = [
  point('a', 35.5, 14.2, 61, 'Central Mediterranean, 2023-06-14'),
  point('b', 31.8, -106.4, 4, 'US–Mexico border, 2023-03-02'),
  point('c', 12.6, 43.3, 15, 'Gulf of Aden, 2023-08-01'),
  point('d', -17.6, 179.2, 1, 'Fiji, 2023-01-09'),
  point('e', 28.1, -15.4, 240, 'Atlantic route, 2023-06-21'),
  point('f', 36.9, 27.3, 8, 'Eastern Mediterranean, 2023-02-26'),
];

describe('pointMap', () => {
  it('draws circles with area proportional to the value, largest first', () => {
    const out = pointMap(incidents, options, en);
    expectSvgSnapshot('point-map-typical', out.svg);
    expect(out.description).toBe(
      'Dead and missing migrants, 2023. Map of 6 located points (persons), total 329. Largest: Atlantic route, 2023-06-21 (240), Central Mediterranean, 2023-06-14 (61), and Gulf of Aden, 2023-08-01 (15).',
    );
    const marks = circles(out.svg);
    expect(marks.map((m) => m.key)).toEqual(['e', 'a', 'c', 'f', 'b', 'd']);
    expect(marks[0]!.label).toBe('Atlantic route, 2023-06-21: 240 persons');
    // Area ∝ value: r = maxRadius · √(value / max), maxRadius = 900 / 40.
    expect(marks[0]!.r).toBe(22.5);
    expect(marks[1]!.r).toBeCloseTo(22.5 * Math.sqrt(61 / 240), 1);
    expect(out.table).toEqual({
      columns: [
        { key: 'label', label: 'Place or event' },
        { key: 'value', label: 'Value (persons)', numeric: true },
        { key: 'lat', label: 'Latitude', numeric: true, identifies: true },
        { key: 'lon', label: 'Longitude', numeric: true, identifies: true },
      ],
      rows: [incidents[4], incidents[0], incidents[2], incidents[5], incidents[1], incidents[3]].map((p) => ({ label: p!.label, value: p!.value, lat: p!.lat, lon: p!.lon })),
    });
    expect(out.svg).toContain('fill-opacity="0.45"');
    expect(out.svg).not.toContain('<text');
    expect(out.legend).toContain('<p class="key-title">Circle area: persons</p>');
    // The key's circles are the same share of the figure's width as on the map: r(200) = 22.5 · √(200/240) = 20.54,
    // so a symbol 2r + 1 = 42.08 units wide on a 900-unit map is 4.68 % of the width, i.e. 4.7cqw.
    expect([...out.legend!.matchAll(/style="width:([\d.]+)cqw"/g)].map((m) => m[1])).toEqual(['4.7', '2.4', '1.1']);
    expect([...out.legend!.matchAll(/<span>([^<]+)<\/span>/g)].map((m) => m[1])).toEqual(['200', '50', '10']);
    expect(out.legend).toContain('do not imply official endorsement or acceptance by the United Nations.');
    expect(pointMap([...incidents].reverse(), options, en).svg).toBe(out.svg);
  });

  it('keeps a zero out of the drawing but in the description and table', () => {
    const out = pointMap([point('a', 0, 37, 12, 'Kenya coast'), point('z', 10, 10, 0, 'Nigeria, no deaths')], options, en);
    expectSvgSnapshot('point-map-zero', out.svg);
    expect(out.description).toBe('Dead and missing migrants, 2023. Map of 2 located points (persons), total 12. Largest: Kenya coast (12). Points with value 0, not drawn: 1.');
    expect(circles(out.svg).map((m) => m.key)).toEqual(['a']);
    expect(out.table.rows).toEqual([
      { label: 'Kenya coast', value: 12, lat: 0, lon: 37 },
      { label: 'Nigeria, no deaths', value: 0, lat: 10, lon: 10 },
    ]);
  });

  it('draws a single point and an empty map', () => {
    const single = pointMap([point('a', 0, 37, 3, 'Kenya coast')], options, en);
    expectSvgSnapshot('point-map-single', single.svg);
    expect(circles(single.svg)).toEqual([{ key: 'a', label: 'Kenya coast: 3 persons', r: 22.5 }]);
    const empty = pointMap([], options, en);
    expectSvgSnapshot('point-map-empty', empty.svg);
    expect(empty.description).toBe('Dead and missing migrants, 2023. Map of 0 located points (persons), total 0.');
    expect(empty.table.rows).toEqual([]);
    expect(empty.svg).not.toContain('Circle area');
  });

  it('labels only the largest points, draws the others plainly and says every point is in the table', () => {
    const out = pointMap(incidents, { ...options, labelled: 2 }, en);
    // Largest first: e (240), a (61) are labelled; c (15), f (8), b (4), d (1) are drawn, hidden from assistive technology.
    expect(circles(out.svg).map((m) => m.key)).toEqual(['e', 'a']);
    const plain = [...out.svg.matchAll(/<circle cx="[^"]+" cy="[^"]+" r="([^"]+)" aria-hidden="true"\/>/g)].map((m) => Number(m[1]));
    expect(plain).toHaveLength(4);
    expect(plain[0]).toBeCloseTo(22.5 * Math.sqrt(15 / 240), 1);
    expect(out.description).toMatch(/The 2 largest points are labelled on the map; every point is in the data table\.$/);
    expect(out.table.rows).toHaveLength(6);
    expect(pointMap(incidents, options, en).description).not.toContain('largest points are labelled');
  });

  it('refuses points without usable coordinates or with negative values', () => {
    expect(() => pointMap([point('x', Number.NaN, 0, 1)], options, en)).toThrow('pointMap: point x has no valid coordinates (NaN, 0)');
    expect(() => pointMap([point('x', 10, 200, 1)], options, en)).toThrow('no valid coordinates');
    expect(() => pointMap([point('x', 10, 20, -1)], options, en)).toThrow('pointMap: point x has value -1; values must be ≥ 0');
  });

  it('picks round legend values', () => {
    expect(legendValues(240)).toEqual([200, 50, 10]);
    expect(legendValues(1000)).toEqual([1000, 200, 50]);
    expect(legendValues(12, 1)).toEqual([10, 2]);
    expect(legendValues(0)).toEqual([]);
  });
});

describe('binPoints', () => {
  it('sums values per grid cell at the mean position of the members, whatever the input order', () => {
    const pts = [point('a', 35.2, 14.1, 5), point('b', 35.8, 14.9, 7), point('c', 36.5, 14.5, 1), point('d', -17.6, 179.9, 2)];
    const bins = binPoints(pts, { cellDegrees: 1 }, en);
    expect(bins).toEqual([
      { ...pts[2], count: 1 },
      { lat: 35.5, lon: 14.5, value: 12, label: '2 points near 35.5° N, 14.5° E', key: 'cell-125-194', count: 2 },
      { ...pts[3], count: 1 },
    ]);
    expect(binPoints([...pts].reverse(), { cellDegrees: 1 }, en)).toEqual(bins);
    expect(binPoints(pts, { cellDegrees: 5 }, en).map((b) => [b.key, b.value, b.count])).toEqual([
      ['cell-25-38', 13, 3],
      ['d', 2, 1],
    ]);
  });

  it('cites every event a bin sums, and a single event its own row; no ref when one member has none', () => {
    const cited = (key: string, lat: number, lon: number, row: number): MapPoint => ({ ...point(key, lat, lon, 1), source_ref: `mm.xlsx:Data:${row}` });
    const bins = binPoints([cited('a', 10.2, 20.2, 7), cited('b', 10.8, 20.9, 5), cited('c', 10.5, 20.5, 9), cited('d', -5.5, 3.5, 40)], { cellDegrees: 1 }, en);
    expect(bins.map((b) => [b.count, b.source_ref])).toEqual([[3, 'mm.xlsx:Data:5,7,9'], [1, 'mm.xlsx:Data:40']]); // by cell
    expect(binPoints([cited('a', 10.2, 20.2, 7), point('b', 10.8, 20.9, 1)], { cellDegrees: 1 }, en)[0]!.source_ref).toBeUndefined();
    const table = pointMap(bins, options, en).table;
    expect(table.refs!.map((r) => r?.['value'])).toEqual(['mm.xlsx:Data:5,7,9', 'mm.xlsx:Data:40']); // largest first
    expect(table.columns.filter((c) => c.identifies).map((c) => c.key)).toEqual(['lat', 'lon']);
  });

  it('keeps the edges of the world in the last cell', () => {
    expect(binPoints([point('n', 90, 180, 1), point('m', 89.9, 179.9, 1)], { cellDegrees: 1 }, en).map((b) => b.key)).toEqual(['cell-179-359']);
  });

  it('keeps 17,000 incidents to a reasonable SVG on the real atlas', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const pts = Array.from({ length: 17_000 }, (_, i) => point(`i${i}`, -60 + 135 * rand(), -180 + 360 * rand(), 1 + Math.floor(10 * rand() ** 3), `Incident ${i}`));
    const world = loadWorld('110m');
    const raw = pointMap(pts, { ...options, world, labelled: Infinity }, en).svg;
    const binned2 = pointMap(binPoints(pts, { cellDegrees: 2 }, en), { ...options, world }, en).svg;
    const binned5 = pointMap(binPoints(pts, { cellDegrees: 5 }, en), { ...options, world }, en).svg;
    const kb = (s: string) => `${Math.round(s.length / 1024)} KB (brotli ${Math.round(brotliCompressSync(s, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).length / 1024)} KB)`;
    console.log(`17,000 uniformly random points, every one labelled: raw ${kb(raw)}; 2° bins ${kb(binned2)}; 5° bins ${kb(binned5)}`);
    expect(raw.length).toBeGreaterThan(2_000_000);
    expect(binned5.length).toBeLessThan(600_000);
  });
});
