/**
 * World choropleth on Equal Earth. What is drawn for each kind of value:
 * - a reported value: the country filled with its class colour (cividis, classes at rounded quantiles);
 * - a censored value ("<5"): a dotted pattern with a dark outline, outside the colour ramp, explained in the legend;
 * - no data (no row, a row without value, or an atlas unit no dataset can join, like N. Cyprus or Somaliland):
 *   a grey hatch, never a colour of the ramp. Countries too small for the atlas (Singapore, Malta… at 110m) cannot
 *   be drawn; the description names them and the table keeps their values.
 * Joined on ISO alpha-3 (`properties.a3`, XKX for Kosovo), never on names.
 * Values may each be from a different year (each country's latest): every value's year is in its mark's label and in
 * the table, and when the years differ the description and the key under the map say so, with the span.
 */
import { el, text } from './svg.ts';
import { INK } from './palette.ts';
import type { ChartOutput, DataTable, Locale, Value } from './types.ts';
import { tableCell, valueKind, valueLabel, valueText } from './scales.ts';
import { chartId, chartRoot, focusableMark, yearLabel } from './axis.ts';
import { censoredPattern, noDataPattern, quantileThresholds, sequentialLegend, thresholdScale } from './legend-sequential.ts';
import { fitMap, KEY_WIDTH, keySvg, mapKey, type MapOptions } from './map-frame.ts';
import { differingYears, withYear, yearColumn, yearsDifferSentence } from './mixed-years.ts';
import { drawnCountries, worldOf, type Country } from './world.ts';
import { relativePath } from './path-data.ts';
import { rowRefs, tableRefs } from './table-refs.ts';

export interface ChoroplethDatum extends Value {
  /** ISO 3166-1 alpha-3, or XKX for Kosovo. */
  geo: string;
  /** Name to show; defaults to the atlas's short name. */
  label?: string;
  /** The year of the value, when countries' values can differ in year (e.g. each one's latest). */
  year?: number;
}

export interface ChoroplethOptions extends MapOptions {
  /** Class breaks, ascending (a value equal to a break falls in the class above it). Default: quantiles, rounded. */
  thresholds?: number[];
  /** Number of classes when the breaks are computed (default 5). */
  classes?: number;
}

interface Row {
  datum: ChoroplethDatum;
  /** The atlas unit it is drawn on; null when the atlas has no shape for the code. */
  country: Country | null;
  name: string;
}

/** Pure: the same values, options and locale always give the same SVG, text and table. */
export function choropleth(values: ChoroplethDatum[], options: ChoroplethOptions, locale: Locale): ChartOutput {
  const world = worldOf(options.world);
  const drawn = drawnCountries(world, options.antarctica);
  const rows = joinRows(values, world.byCode, new Set(drawn));
  const withData = new Set(rows.filter((r) => r.country && valueKind(r.datum) !== 'missing').map((r) => r.country!));
  const withoutData = drawn.filter((c) => !withData.has(c));
  const description = describe(rows, withoutData.length, options, locale);
  return { ...draw(rows, drawn, withData, options, description, locale), description, table: tableOf(rows, withoutData, options.unit, locale) };
}

function joinRows(values: ChoroplethDatum[], byCode: ReadonlyMap<string, Country>, drawn: Set<Country>): Row[] {
  const seen = new Set<string>();
  return values.map((datum) => {
    if (seen.has(datum.geo)) throw new Error(`choropleth: geo ${datum.geo} appears twice; give one value per country`);
    seen.add(datum.geo);
    const unit = byCode.get(datum.geo);
    // A unit left off the map (Antarctica by default) is reported like a country too small to draw.
    const country = unit && drawn.has(unit) ? unit : null;
    return { datum, country, name: datum.label ?? unit?.name ?? datum.geo };
  });
}

/** Highest first; censored after reported values, then missing; names break ties so the order is stable. */
function byValue(a: Row, b: Row): number {
  const rank = (r: Row) => ['value', 'censored', 'missing'].indexOf(valueKind(r.datum));
  return rank(a) - rank(b) || (b.datum.value ?? 0) - (a.datum.value ?? 0) || a.name.localeCompare(b.name, 'en');
}

function describe(rows: Row[], missing: number, o: ChoroplethOptions, locale: Locale): string {
  const reported = rows.filter((r) => valueKind(r.datum) === 'value').sort(byValue);
  const censored = rows.filter((r) => valueKind(r.datum) === 'censored');
  const notDrawn = rows.filter((r) => !r.country && valueKind(r.datum) !== 'missing');
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

/** The drawing (shapes only, so it may scale to any width) and the key under it. */
function draw(rows: Row[], drawn: Country[], withData: Set<Country>, o: ChoroplethOptions, description: string, locale: Locale): Pick<ChartOutput, 'svg' | 'legend'> {
  const ids = { noData: chartId(o.id, 'no-data'), censored: chartId(o.id, 'censored') };
  const fills = { noData: `url(#${ids.noData})`, censored: `url(#${ids.censored})` };
  const numbers = rows.filter((r) => valueKind(r.datum) === 'value').map((r) => r.datum.value!);
  const scale = thresholdScale(o.thresholds ?? quantileThresholds(numbers, o.classes));
  const marks = [...new Set(rows.filter((r) => valueKind(r.datum) === 'censored').map((r) => r.datum.censored!))];

  const features = { type: 'FeatureCollection' as const, features: drawn.flatMap((c) => c.features) };
  const { path, size } = fitMap(o.size, features);
  const d = (c: Country) => relativePath(c.features.map((f) => path(f) ?? '').join(''));

  const empty = drawn
    .filter((c) => !withData.has(c))
    .map((c) => el('path', { d: d(c), fill: fills.noData }, el('title', {}, text(locale.t('map.noDataLabel', { name: c.name })))));
  const filled = rows
    .filter((r) => r.country && withData.has(r.country))
    .sort(byValue)
    .map((r) => {
      const censored = valueKind(r.datum) === 'censored';
      const label = locale.t('map.markLabel', { name: withYear(r.name, r.datum.year, locale), value: valueLabel(r.datum, locale), unit: o.unit });
      const attrs = censored ? { d: d(r.country!), fill: fills.censored, stroke: INK, 'stroke-width': 0.6 } : { d: d(r.country!), fill: scale(r.datum.value!) };
      return focusableMark('path', attrs, r.datum.geo, label);
    });

  const defs = el('defs', {}, noDataPattern(ids.noData), censoredPattern(ids.censored));
  const countries = el('g', { class: 'countries', stroke: '#8c8c8c', 'stroke-width': 0.4, 'stroke-linejoin': 'round' }, empty, filled);
  const legend = sequentialLegend(
    {
      x: 0,
      y: 0,
      width: KEY_WIDTH,
      unit: o.unit,
      scale,
      extent: numbers.length ? [Math.min(...numbers), Math.max(...numbers)] : null,
      noDataFill: fills.noData,
      censored: marks.length ? { fill: fills.censored, label: locale.t('map.censoredLegend', { mark: marks.join(', ') }) } : undefined,
    },
    locale,
  );
  const span = differingYears(rows.map((r) => r.datum.year));
  return {
    svg: chartRoot({ id: o.id, title: o.title, description, size, textless: true }, defs, countries),
    legend: mapKey(keySvg(legend, locale), span ? [yearsDifferSentence(span, locale)] : [], locale),
  };
}

function tableOf(rows: Row[], withoutData: Country[], unit: string, locale: Locale): DataTable {
  const listed = new Set(rows.map((r) => r.country));
  const noRow = withoutData
    .filter((c) => !listed.has(c))
    .map((c) => ({ name: c.name, value: null }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
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
