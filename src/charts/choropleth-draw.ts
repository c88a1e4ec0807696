/**
 * World choropleth on Equal Earth, drawn from shapes already projected (choropleth.ts projects the atlas at build
 * time; a page redrawing another year reads the same shapes back from the map it shows, map-shapes.ts, so the browser
 * needs neither the atlas nor a projection). What is drawn for each kind of value:
 * - a reported value: the country filled with its class colour (cividis; classes at rounded quantiles, or one per
 *   power of ten when the values span more than three orders of magnitude: colour-classes.ts);
 * - zero on a log-classed map: white, with a swatch "0" of its own (zero has no place on a log scale);
 * - a censored value ("<5"): a dotted pattern with a dark outline, outside the colour ramp, explained in the legend;
 * - no data (no row, a row without value, or an atlas unit no dataset can join, like N. Cyprus or Somaliland):
 *   a grey hatch, never a colour of the ramp. Countries too small for the atlas (Singapore, Malta… at 110m) cannot
 *   be drawn; the description names them and the table keeps their values.
 * Joined on ISO alpha-3 (XKX for Kosovo), never on names.
 * Values may each be from a different year (each country's latest): every value's year is in its mark's label and in
 * the table, and when the years differ the description and the key under the map say so, with the span.
 */
import { el, text } from './svg.ts';
import { INK } from './palette.ts';
import type { ChartOutput, DataTable, Locale, Size, Value } from './types.ts';
import { tableCell, valueKind, valueLabel, valueText } from './scales.ts';
import { chartId, chartRoot, focusableMark, yearLabel } from './axis.ts';
import { censoredPattern, noDataPattern, sequentialLegend, thresholdScale, ZERO_FILL } from './legend-sequential.ts';
import { KEY_WIDTH, keySvg, mapKey } from './map-frame.ts';
import { differingYears, withYear, yearColumn, yearsDifferSentence } from './mixed-years.ts';
import { mapClasses, type MapClasses } from './colour-classes.ts';
import { rowRefs, tableRefs } from './table-refs.ts';
import { compareNames } from './name-order.ts';

export interface ChoroplethDatum extends Value {
  /** ISO 3166-1 alpha-3, or XKX for Kosovo. */
  geo: string;
  /** Name to show; defaults to the atlas's short name. */
  label?: string;
  /** The year of the value, when countries' values can differ in year (e.g. each one's latest). */
  year?: number;
}

/** What a choropleth is drawn with besides its shapes. */
export interface ChoroplethStyle {
  /** Unique on the page; every id inside the SVG is derived from it. */
  id: string;
  /** The map's accessible name, and the first sentence of its description. */
  title: string;
  /** Unit of the values, e.g. "Detected victims"; in the legend, the labels and the table. */
  unit: string;
  /**
   * The colour classes (colour-classes.ts), fixed by the caller when several maps must share them (every year of one
   * indicator). Default: classes by the rule, from this map's own values.
   */
  scale?: MapClasses;
  /** Class breaks, ascending (quantile-like classes). Default: `scale`, else the rule. */
  thresholds?: number[];
  /** Number of classes when the quantile breaks are computed (default 5). */
  classes?: number;
}

/** One atlas unit as drawn: its outline already projected to the drawing's coordinates. */
export interface ChoroplethShape {
  /** Code data is joined on (ISO alpha-3, or XKX); null for units no dataset can join (N. Cyprus, Somaliland). */
  code: string | null;
  /** Its name where no value names it (the table's countries without data). */
  name: string;
  /** Relative path data (path-data.ts). */
  d: string;
}

export interface ChoroplethGeometry {
  size: Size;
  /** The units drawn, in any order (they are drawn in the order of their codes, then names). */
  shapes: ChoroplethShape[];
  /** Names of atlas units left off the drawing (Antarctica, by default), by code: a value for one is listed, not drawn. */
  undrawn?: Record<string, string>;
}

interface Row {
  datum: ChoroplethDatum;
  /** The shape it is drawn on; null when the map has no shape for the code. */
  shape: ChoroplethShape | null;
  name: string;
}

/** Codes first, then units without one, by name: one order, whatever order the shapes came in. */
function canonical(shapes: ChoroplethShape[]): ChoroplethShape[] {
  const key = (s: ChoroplethShape) => (s.code === null ? `~${s.name}` : s.code);
  return [...shapes].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Pure: the same shapes, values, options and locale always give the same SVG, text and table. */
export function drawChoropleth(geometry: ChoroplethGeometry, values: ChoroplethDatum[], options: ChoroplethStyle, locale: Locale): ChartOutput {
  const drawn = canonical(geometry.shapes);
  const byCode = new Map(drawn.filter((s) => s.code !== null).map((s) => [s.code!, s]));
  const rows = joinRows(values, byCode, geometry.undrawn ?? {});
  const withData = new Set(rows.filter((r) => r.shape && valueKind(r.datum) !== 'missing').map((r) => r.shape!));
  const withoutData = drawn.filter((c) => !withData.has(c));
  const description = describe(rows, withoutData.length, options, locale);
  return { ...draw(rows, drawn, withData, geometry.size, options, description, locale), description, table: tableOf(rows, withoutData, options.unit, locale) };
}

function joinRows(values: ChoroplethDatum[], byCode: ReadonlyMap<string, ChoroplethShape>, undrawn: Record<string, string>): Row[] {
  const seen = new Set<string>();
  return values.map((datum) => {
    if (seen.has(datum.geo)) throw new Error(`choropleth: geo ${datum.geo} appears twice; give one value per country`);
    seen.add(datum.geo);
    // A unit left off the map (Antarctica by default) is reported like a country too small to draw.
    const shape = byCode.get(datum.geo) ?? null;
    return { datum, shape, name: datum.label ?? shape?.name ?? undrawn[datum.geo] ?? datum.geo };
  });
}

/** Highest first; censored after reported values, then missing; names break ties so the order is stable. */
function byValue(a: Row, b: Row): number {
  const rank = (r: Row) => ['value', 'censored', 'missing'].indexOf(valueKind(r.datum));
  return rank(a) - rank(b) || (b.datum.value ?? 0) - (a.datum.value ?? 0) || compareNames(a.name, b.name);
}

function describe(rows: Row[], missing: number, o: ChoroplethStyle, locale: Locale): string {
  const reported = rows.filter((r) => valueKind(r.datum) === 'value').sort(byValue);
  const censored = rows.filter((r) => valueKind(r.datum) === 'censored');
  const notDrawn = rows.filter((r) => !r.shape && valueKind(r.datum) !== 'missing');
  const list = (items: string[]) => new Intl.ListFormat(locale.lang, { type: 'conjunction' }).format(items);
  const parts = [locale.t('map.choropleth.description', { title: o.title, unit: o.unit, n: reported.length + censored.length })];
  const span = differingYears(rows.map((r) => r.datum.year));
  if (span) parts.push(yearsDifferSentence(span, locale));
  if (reported.length > 0) parts.push(locale.t('map.highest', { list: list(reported.slice(0, 3).map((r) => `${withYear(r.name, r.datum.year, locale)} (${valueText(r.datum, locale)})`)) }));
  if (censored.length > 0) parts.push(locale.t('map.censoredCount', { n: censored.length }));
  if (notDrawn.length > 0) parts.push(locale.t('map.notDrawn', { list: list(notDrawn.map((r) => r.name).sort()) }));
  parts.push(locale.t('map.withoutData', { n: missing }));
  return parts.join(' ');
}

/** The classes to draw with: given breaks, else the given scale, else the rule over this map's values. */
function classesOf(o: ChoroplethStyle, numbers: number[]): MapClasses {
  if (o.thresholds) return { kind: 'quantile', thresholds: o.thresholds };
  return o.scale ?? mapClasses(numbers, o.classes);
}

/** The drawing (shapes only, so it may scale to any width) and the key under it. */
function draw(rows: Row[], drawn: ChoroplethShape[], withData: Set<ChoroplethShape>, size: Size, o: ChoroplethStyle, description: string, locale: Locale): Pick<ChartOutput, 'svg' | 'legend'> {
  const ids = { noData: chartId(o.id, 'no-data'), censored: chartId(o.id, 'censored') };
  const fills = { noData: `url(#${ids.noData})`, censored: `url(#${ids.censored})` };
  const numbers = rows.filter((r) => valueKind(r.datum) === 'value').map((r) => r.datum.value!);
  const classes = classesOf(o, numbers);
  const log = classes.kind === 'log';
  const scale = thresholdScale(classes.thresholds);
  const fillOf = (v: number) => (log && v === 0 ? ZERO_FILL : scale(v));
  const marks = [...new Set(rows.filter((r) => valueKind(r.datum) === 'censored').map((r) => r.datum.censored!))];

  // Each unit says which it is (`data-geo`, `data-name`): a redraw of another year reads the shapes back from here.
  const empty = drawn
    .filter((c) => !withData.has(c))
    .map((c) => el('path', { d: c.d, fill: fills.noData, 'data-geo': c.code, 'data-name': c.name }, el('title', {}, text(locale.t('map.noDataLabel', { name: c.name })))));
  const filled = rows
    .filter((r) => r.shape && withData.has(r.shape))
    .sort(byValue)
    .map((r) => {
      const censored = valueKind(r.datum) === 'censored';
      const label = locale.t('map.markLabel', { name: withYear(r.name, r.datum.year, locale), value: valueLabel(r.datum, locale), unit: o.unit });
      const attrs = censored ? { d: r.shape!.d, fill: fills.censored, stroke: INK, 'stroke-width': 0.6 } : { d: r.shape!.d, fill: fillOf(r.datum.value!) };
      return focusableMark('path', attrs, r.datum.geo, label);
    });

  const defs = el('defs', {}, noDataPattern(ids.noData), censoredPattern(ids.censored));
  const countries = el('g', { class: 'countries', stroke: '#8c8c8c', 'stroke-width': 0.4, 'stroke-linejoin': 'round' }, empty, filled);
  // On a log scale the ramp starts at the smallest positive value: zero is outside it.
  const positive = log ? numbers.filter((v) => v > 0) : numbers;
  const legend = sequentialLegend(
    {
      x: 0,
      y: 0,
      width: KEY_WIDTH,
      unit: o.unit,
      scale,
      extent: positive.length ? [Math.min(...positive), Math.max(...positive)] : null,
      noDataFill: fills.noData,
      censored: marks.length ? { fill: fills.censored, label: locale.t('map.censoredLegend', { mark: marks.join(', ') }) } : undefined,
      zero: log ? { fill: ZERO_FILL, label: locale.number(0) } : undefined,
    },
    locale,
  );
  const span = differingYears(rows.map((r) => r.datum.year));
  const notes = [...(span ? [yearsDifferSentence(span, locale)] : []), ...(log ? [locale.t('map.logScale')] : [])];
  return {
    svg: chartRoot({ id: o.id, title: o.title, description, size, textless: true }, defs, countries),
    legend: mapKey(keySvg(legend, locale), notes, locale),
  };
}

function tableOf(rows: Row[], withoutData: ChoroplethShape[], unit: string, locale: Locale): DataTable {
  const listed = new Set(rows.map((r) => r.shape));
  const noRow = withoutData
    .filter((c) => !listed.has(c))
    .map((c) => ({ name: c.name, value: null }))
    .sort((a, b) => compareNames(a.name, b.name));
  const years = yearColumn(
    rows.map((r) => r.datum.year),
    locale,
  );
  const yearCell = (y: number | undefined): Record<string, string> => (years.length ? { year: y === undefined ? '' : yearLabel(y) } : {});
  const sorted = [...rows].sort(byValue);
  return {
    columns: [{ key: 'name', label: locale.t('chart.country') }, ...years, { key: 'value', label: locale.t('chart.valueIn', { unit }), numeric: true }],
    rows: [
      ...sorted.map((r) => ({ name: r.name, ...yearCell(r.datum.year), value: tableCell(r.datum, locale) })),
      ...noRow.map((r) => ({ name: r.name, ...yearCell(undefined), value: r.value })),
    ],
    ...tableRefs([...sorted.map((r) => rowRefs({ value: r.datum })), ...noRow.map(() => null)]),
  };
}
