/**
 * Proportional circles on a grey base map (Equal Earth), at build time: projects the atlas and the points, then draws
 * them with point-map-draw.ts, the code a page also runs to redraw another year from the points the build projected.
 *
 * Thousands of events make a heavy SVG (every mark is focusable and labelled); `binPoints` aggregates them to a
 * lat/lon grid first.
 */
import type { ChartOutput, Locale } from './types.ts';
import { basemapPaths } from './basemap.ts';
import { fitMap, type MapOptions } from './map-frame.ts';
import { drawnCountries, worldOf } from './world.ts';
import { summedRef } from './summed-ref.ts';
import { checkPoint, drawPoints, type MapPoint, type PointGeometry, type PointStyle, type ProjectedPoint } from './point-map-draw.ts';

export { DEFAULT_LABELLED, type MapPoint, type ProjectedPoint } from './point-map-draw.ts';

export interface PointMapOptions extends MapOptions, Omit<PointStyle, 'id' | 'title' | 'unit'> {}

/**
 * The drawing's geometry (Equal Earth fitted to the land, as every map of the site) and where a point falls on it:
 * fitted once, for a map drawn in several views (every year of one map) on the same base map.
 */
export function pointProjection(options: Pick<MapOptions, 'world' | 'size' | 'antarctica'>): { geometry: PointGeometry; place(p: MapPoint): ProjectedPoint } {
  const world = worldOf(options.world);
  const drawn = drawnCountries(world, options.antarctica);
  const land = { type: 'FeatureCollection' as const, features: drawn.flatMap((c) => c.features) };
  const { path, projection, size } = fitMap(options.size, land);
  return {
    geometry: { size, ...basemapPaths(world, options.antarctica, path) },
    place(p) {
      checkPoint(p);
      const [x, y] = projection([p.lon, p.lat])!;
      return { ...p, x, y };
    },
  };
}

/** Pure: the same points, options and locale always give the same SVG, text and table. */
export function pointMap(points: MapPoint[], options: PointMapOptions, locale: Locale): ChartOutput {
  points.forEach(checkPoint);
  const { geometry, place } = pointProjection(options);
  return drawPoints(geometry, points.map(place), options, locale);
}

export interface BinnedPoint extends MapPoint {
  /** How many input points the bin holds. */
  count: number;
}

export interface BinOptions {
  /** Cell size in degrees of latitude and longitude (default 1). Cells start at 180° W and 90° S. */
  cellDegrees?: number;
}

/**
 * Aggregates points to a lat/lon grid: one point per non-empty cell, at the mean position of its members (so a
 * bin stays where its events are, e.g. on a coast), with the summed value. A cell with one point keeps that point.
 * Output is sorted by key, so it is the same whatever the input order.
 */
export function binPoints(points: MapPoint[], options: BinOptions, locale: Locale): BinnedPoint[] {
  const step = options.cellDegrees ?? 1;
  const cells = new Map<string, MapPoint[]>();
  for (const p of points) {
    checkPoint(p);
    const row = Math.min(Math.floor((p.lat + 90) / step), Math.ceil(180 / step) - 1);
    const col = Math.min(Math.floor((p.lon + 180) / step), Math.ceil(360 / step) - 1);
    const key = `cell-${row}-${col}`;
    const members = cells.get(key);
    if (members) members.push(p);
    else cells.set(key, [p]);
  }
  const out: BinnedPoint[] = [];
  for (const [key, members] of cells) {
    if (members.length === 1) {
      out.push({ ...members[0]!, count: 1 });
      continue;
    }
    const lat = members.reduce((s, p) => s + p.lat, 0) / members.length;
    const lon = members.reduce((s, p) => s + p.lon, 0) / members.length;
    const value = members.reduce((s, p) => s + p.value, 0);
    const label = locale.t('map.bin.label', { n: locale.number(members.length), lat: degrees(lat, 'N', 'S', locale), lon: degrees(lon, 'E', 'W', locale) });
    // A bin cites every event it sums, or none when one of them has no row to cite (a list short of one cites less).
    const ref = members.every((p) => p.source_ref) ? summedRef(members.map((p) => p.source_ref!)) : null;
    out.push({ lat, lon, value, label, key, count: members.length, ...(ref ? { source_ref: ref } : {}) });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function degrees(v: number, pos: string, neg: string, locale: Locale): string {
  return locale.t(`map.deg.${v < 0 ? neg : pos}`, { v: locale.number(Math.abs(v), 1) });
}
