/**
 * Proportional circles on a grey base map (Equal Earth). Circle area is proportional to the value (sqrt scale from
 * 0), circles are semi-transparent and drawn largest first so small ones stay visible on top. A point with value 0
 * has no area and is not drawn; the description counts such points and the table lists them. Events have no
 * censored or missing values here: a point without a value is not an event (the pipeline drops or quarantines it).
 *
 * Thousands of events make a heavy SVG (every mark is focusable and labelled); `binPoints` aggregates them to a
 * lat/lon grid first, at build time or in the browser.
 */
import { scaleSqrt } from 'd3-scale';
import { el } from './svg.ts';
import type { ChartOutput, DataTable, Locale } from './types.ts';
import { chartRoot, focusableMark } from './axis.ts';
import { basemap } from './basemap.ts';
import { legendValues, sizeLegend } from './legend-size.ts';
import { DEFAULT_MAP_WIDTH, fitMap, mapKey, type MapOptions } from './map-frame.ts';
import { drawnCountries, worldOf } from './world.ts';
import { tableRefs } from './table-refs.ts';
import { summedRef } from './summed-ref.ts';

export interface MapPoint {
  lat: number;
  lon: number;
  /** A count or amount ≥ 0, e.g. dead and missing migrants of one incident. */
  value: number;
  /** Shown in the mark's label and the table, e.g. the place and date of the incident. */
  label: string;
  /** Stable id of the point (data-key). */
  key: string;
  /** The publisher's row(s) of the event, or of every event a bin sums (summed-ref.ts): cited by the table and CSV. */
  source_ref?: string;
}

export interface PointMapOptions extends MapOptions {
  /** Radius in viewBox units of a circle for `maxValue` (default: width / 40). */
  maxRadius?: number;
  /** The value drawn with `maxRadius` (default: the largest value); fix it to compare maps. */
  maxValue?: number;
  /** Circle colour (default Okabe-Ito vermillion). */
  color?: string;
  /**
   * How many of the largest points are marks a keyboard reaches, with their label (default 100). The smaller ones are
   * drawn as plain circles: a thousand labelled marks made the page several times heavier and a thousand tab stops,
   * while their values are all in the data table (and the description says so).
   */
  labelled?: number;
}

export const DEFAULT_LABELLED = 100;

const VERMILLION = '#D55E00';

/** Pure: the same points, options and locale always give the same SVG, text and table. */
export function pointMap(points: MapPoint[], options: PointMapOptions, locale: Locale): ChartOutput {
  points.forEach(check);
  const sorted = [...points].sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const description = describe(sorted, options, locale);
  return { ...draw(sorted, options, description, locale), description, table: tableOf(sorted, options.unit, locale) };
}

/** Bad coordinates or values are a pipeline bug; failing loudly beats a point silently drawn at 0,0. */
function check(p: MapPoint): void {
  const ok = Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;
  if (!ok) throw new Error(`pointMap: point ${p.key} has no valid coordinates (${p.lat}, ${p.lon})`);
  if (!(Number.isFinite(p.value) && p.value >= 0)) throw new Error(`pointMap: point ${p.key} has value ${p.value}; values must be ≥ 0`);
}

function describe(sorted: MapPoint[], o: PointMapOptions, locale: Locale): string {
  const total = sorted.reduce((s, p) => s + p.value, 0);
  const list = (items: string[]) => new Intl.ListFormat(locale.lang, { type: 'conjunction' }).format(items);
  const parts = [locale.t('map.points.description', { title: o.title, n: locale.number(sorted.length), unit: o.unit, total: locale.number(total) })];
  const top = sorted.filter((p) => p.value > 0).slice(0, 3);
  if (top.length) parts.push(locale.t('map.largest', { list: list(top.map((p) => `${p.label} (${locale.number(p.value)})`)) }));
  const zeros = sorted.filter((p) => p.value === 0).length;
  if (zeros) parts.push(locale.t('map.points.zero', { n: locale.number(zeros) }));
  const labelled = o.labelled ?? DEFAULT_LABELLED;
  if (sorted.length - zeros > labelled) parts.push(locale.t('map.points.labelled', { n: locale.number(labelled) }));
  return parts.join(' ');
}

/** The drawing (base map and circles, no text) and the key under it. */
function draw(sorted: MapPoint[], o: PointMapOptions, description: string, locale: Locale): Pick<ChartOutput, 'svg' | 'legend'> {
  const color = o.color ?? VERMILLION;
  const world = worldOf(o.world);
  const drawn = drawnCountries(world, o.antarctica);
  const land = { type: 'FeatureCollection' as const, features: drawn.flatMap((c) => c.features) };
  const { path, projection, size } = fitMap(o.size, land);
  const maxValue = o.maxValue ?? sorted[0]?.value ?? 0;
  const r = scaleSqrt()
    .domain([0, maxValue > 0 ? maxValue : 1])
    .range([0, o.maxRadius ?? (o.size?.width ?? DEFAULT_MAP_WIDTH) / 40]);
  const positive = sorted.filter((p) => p.value > 0);
  const values = legendValues(maxValue, positive[positive.length - 1]?.value ?? 0);

  const labelled = o.labelled ?? DEFAULT_LABELLED;
  const circles = positive.map((p, i) => {
    const [x, y] = projection([p.lon, p.lat])!;
    // A floor of 0.8 px keeps the smallest values visible; it overstates only values under ~0.1 % of the maximum.
    const attrs = { cx: x, cy: y, r: Math.max(0.8, r(p.value)) };
    if (i >= labelled) return el('circle', { ...attrs, 'aria-hidden': 'true' });
    const label = locale.t('map.markLabel', { name: p.label, value: locale.number(p.value), unit: o.unit });
    return focusableMark('circle', attrs, p.key, label);
  });
  const marks = el('g', { class: 'points', fill: color, 'fill-opacity': '0.45', stroke: color, 'stroke-opacity': '0.9', 'stroke-width': 0.6 }, circles);
  const legend = values.length
    ? sizeLegend({ title: locale.t('map.points.sizeLegend', { unit: o.unit }), values, size: (v: number) => r(v), color, mapWidth: size.width }, locale)
    : '';
  return {
    svg: chartRoot({ id: o.id, title: o.title, description, size, textless: true }, basemap(world, o.antarctica, path), marks),
    legend: mapKey(legend, [], locale),
  };
}

function tableOf(sorted: MapPoint[], unit: string, locale: Locale): DataTable {
  return {
    columns: [
      { key: 'label', label: locale.t('map.points.label') },
      { key: 'value', label: locale.t('chart.valueIn', { unit }), numeric: true },
      { key: 'lat', label: locale.t('map.points.lat'), numeric: true, identifies: true },
      { key: 'lon', label: locale.t('map.points.lon'), numeric: true, identifies: true },
    ],
    rows: sorted.map((p) => ({ label: p.label, value: p.value, lat: p.lat, lon: p.lon })),
    ...tableRefs(sorted.map((p) => (p.source_ref ? { value: p.source_ref } : null))),
  };
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
    check(p);
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
