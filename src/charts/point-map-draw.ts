/**
 * Proportional circles on a grey base map, drawn from points already projected (point-map.ts projects them and the
 * atlas at build time; a page redrawing another year reads the base map back from the map it shows and the year's
 * projected points from a small view file the build wrote, so the browser needs neither the atlas nor a projection).
 * Circle area is proportional to the value (sqrt scale from 0), circles are semi-transparent and drawn largest first
 * so small ones stay visible on top. A point with value 0 has no area and is not drawn; the description counts such
 * points and the table lists them. Events have no censored or missing values here: a point without a value is not an
 * event (the pipeline drops or quarantines it).
 */
import { scaleSqrt } from 'd3-scale';
import { el } from './svg.ts';
import type { ChartOutput, DataTable, Locale, Size } from './types.ts';
import { chartRoot, focusableMark } from './axis.ts';
import { basemapSvg, type BasemapPaths } from './basemap.ts';
import { legendValues, sizeLegend } from './legend-size.ts';
import { mapKey } from './map-frame.ts';
import { tableRefs } from './table-refs.ts';

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

/** A point with its position on the drawing (viewBox units): what a year's view file holds. */
export interface ProjectedPoint extends MapPoint {
  x: number;
  y: number;
}

/** What point maps are drawn on: the drawing's size and the base map's two paths (basemap.ts). */
export interface PointGeometry extends BasemapPaths {
  size: Size;
}

/** What a point map is drawn with besides its geometry and points. */
export interface PointStyle {
  /** Unique on the page; every id inside the SVG is derived from it. */
  id: string;
  /** The map's accessible name, and the first sentence of its description. */
  title: string;
  /** Unit of the values; in the legend, the labels and the table. */
  unit: string;
  /** Radius in viewBox units of a circle for `maxValue` (default: width / 40). */
  maxRadius?: number;
  /** The value drawn with `maxRadius` (default: the largest value); fix it to compare maps (every year of one map). */
  maxValue?: number;
  /** Circle colour (default Okabe-Ito vermillion). */
  color?: string;
  /**
   * How many of the largest points are marks a keyboard reaches, with their label (default 100). The smaller ones are
   * drawn as plain circles: a thousand labelled marks made the page several times heavier and a thousand tab stops,
   * while their values are all in the data table (and the description says so).
   */
  labelled?: number;
  /** Sentences said under the map and at the end of its description (e.g. what a year's view leaves out). */
  notes?: string[];
}

export const DEFAULT_LABELLED = 100;

const VERMILLION = '#D55E00';

/** Bad coordinates or values are a pipeline bug; failing loudly beats a point silently drawn at 0,0. */
export function checkPoint(p: MapPoint): void {
  const ok = Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;
  if (!ok) throw new Error(`pointMap: point ${p.key} has no valid coordinates (${p.lat}, ${p.lon})`);
  if (!(Number.isFinite(p.value) && p.value >= 0)) throw new Error(`pointMap: point ${p.key} has value ${p.value}; values must be ≥ 0`);
}

/** Largest first, then by key: one order whatever order the points came in. */
export function byValue(a: MapPoint, b: MapPoint): number {
  return b.value - a.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Pure: the same geometry, points, style and locale always give the same SVG, text and table. */
export function drawPoints(geometry: PointGeometry, points: readonly ProjectedPoint[], style: PointStyle, locale: Locale): ChartOutput {
  points.forEach(checkPoint);
  const sorted = [...points].sort(byValue);
  const description = describe(sorted, style, locale);
  return { ...draw(geometry, sorted, style, description, locale), description, table: tableOf(sorted, style.unit, locale) };
}

function describe(sorted: MapPoint[], o: PointStyle, locale: Locale): string {
  const total = sorted.reduce((s, p) => s + p.value, 0);
  const list = (items: string[]) => new Intl.ListFormat(locale.lang, { type: 'conjunction' }).format(items);
  const parts = [locale.t('map.points.description', { title: o.title, n: locale.number(sorted.length), unit: o.unit, total: locale.number(total) })];
  const top = sorted.filter((p) => p.value > 0).slice(0, 3);
  if (top.length) parts.push(locale.t('map.largest', { list: list(top.map((p) => `${p.label} (${locale.number(p.value)})`)) }));
  const zeros = sorted.filter((p) => p.value === 0).length;
  if (zeros) parts.push(locale.t('map.points.zero', { n: locale.number(zeros) }));
  const labelled = o.labelled ?? DEFAULT_LABELLED;
  if (sorted.length - zeros > labelled) parts.push(locale.t('map.points.labelled', { n: locale.number(labelled) }));
  parts.push(...(o.notes ?? []));
  return parts.join(' ');
}

/** The drawing (base map and circles, no text) and the key under it. */
function draw(g: PointGeometry, sorted: ProjectedPoint[], o: PointStyle, description: string, locale: Locale): Pick<ChartOutput, 'svg' | 'legend'> {
  const color = o.color ?? VERMILLION;
  const maxValue = o.maxValue ?? sorted[0]?.value ?? 0;
  const r = scaleSqrt()
    .domain([0, maxValue > 0 ? maxValue : 1])
    .range([0, o.maxRadius ?? g.size.width / 40]);
  const positive = sorted.filter((p) => p.value > 0);
  const values = legendValues(maxValue, positive[positive.length - 1]?.value ?? 0);

  const labelled = o.labelled ?? DEFAULT_LABELLED;
  const circles = positive.map((p, i) => {
    // A floor of 0.8 px keeps the smallest values visible; it overstates only values under ~0.1 % of the maximum.
    const attrs = { cx: p.x, cy: p.y, r: Math.max(0.8, r(p.value)) };
    if (i >= labelled) return el('circle', { ...attrs, 'aria-hidden': 'true' });
    const label = locale.t('map.markLabel', { name: p.label, value: locale.number(p.value), unit: o.unit });
    return focusableMark('circle', attrs, p.key, label);
  });
  const marks = el('g', { class: 'points', fill: color, 'fill-opacity': '0.45', stroke: color, 'stroke-opacity': '0.9', 'stroke-width': 0.6 }, circles);
  const legend = values.length
    ? sizeLegend({ title: locale.t('map.points.sizeLegend', { unit: o.unit }), values, size: (v: number) => r(v), color, mapWidth: g.size.width }, locale)
    : '';
  return {
    svg: chartRoot({ id: o.id, title: o.title, description, size: g.size, textless: true }, basemapSvg(g), marks),
    legend: mapKey(legend, o.notes ?? [], locale),
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
