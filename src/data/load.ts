/** Build-time loaders: release → chart inputs, through the shared queries. Never imported by browser code. */
import { query } from '../lib/release-db.ts';
import { loadCatalog, type Catalog } from '../lib/release.ts';
import {
  bestCoveredQuery,
  bestCoveredSexAgeQuery,
  breakdownQuery,
  categoryRankingQuery,
  flowsQuery,
  latestQuery,
  seriesQuery,
  sexAgeQuery,
  TOTAL_SLICE,
  type Query,
  type Slice,
} from './queries.ts';
import { toBars, toFlows, toMapValues, toSeries, type Row } from './shape.ts';
import { shortName } from '../i18n/short-names.ts';
import { drawnOnMap } from '../lib/map-places.ts';
import { partsCharts, type PartsChart, type PartsChartOptions } from './parts-chart.ts';
import type { Locale } from '../charts/types.ts';
import { breaksBySeries, type BreakMark } from '../lib/series-breaks.ts';

export interface GeoInfo {
  geo: string;
  name: string;
  kind: string;
  iso3: string | null;
  region_m49: string | null;
  region_name: string | null;
  subregion_m49: string | null;
  subregion_name: string | null;
  intermediate_m49: string | null;
  parent: string | null;
  /** What a reader must know about the place (e.g. a grouping whose membership is not published). */
  note: string | null;
}

let catalog: Catalog | undefined;
export function getCatalog(): Catalog {
  return (catalog ??= loadCatalog());
}

export function run(q: Query): Promise<Row[]> {
  return query(q.sql, q.params);
}

let geoCache: Promise<Map<string, GeoInfo>> | undefined;
export function geos(): Promise<Map<string, GeoInfo>> {
  geoCache ??= query<GeoInfo>('SELECT geo, name, kind, iso3, region_m49, region_name, subregion_m49, subregion_name, intermediate_m49, parent, note FROM geo').then((rows) => new Map(rows.map((g) => [g.geo, g])));
  return geoCache;
}

export async function names(): Promise<Map<string, string>> {
  return new Map([...(await geos())].map(([k, g]) => [k, g.name]));
}

let shortCache: Promise<Record<string, string>> | undefined;
/** Short forms of long names, for names drawn on maps (src/i18n/short-names.ts); only those that differ. */
export function shortNames(): Promise<Record<string, string>> {
  shortCache ??= names().then((all) => {
    const out: Record<string, string> = {};
    for (const [code, name] of all) {
      const short = shortName(code, name);
      if (short !== name) out[code] = short;
    }
    return out;
  });
  return shortCache;
}

/** The indicator's series view file (a redrawable trend reads it in the browser); every trend chart has one. */
export function seriesViewOf(indicator: string): { path: string; bytes: number } {
  const view = getCatalog().indicators.find((d) => d.id === indicator)?.views.series;
  if (!view) throw new Error(`${indicator}: a trend chart for an indicator with no series view file`);
  return { path: view.path, bytes: view.bytes };
}

/** Years an indicator's sources cover only in part, from the catalog. */
export function partialOf(indicator: string): { year: number; note: string }[] {
  return getCatalog().indicators.find((i) => i.id === indicator)?.partial_periods ?? [];
}

export async function series(indicator: string, geoCodes: string[], years: [number, number], slice: Slice = TOTAL_SLICE) {
  if (geoCodes.length === 0) return [];
  return toSeries(await run(seriesQuery(indicator, geoCodes, years, slice)), await names());
}

/**
 * Where each place's series of the indicator's totals breaks (src/lib/series-breaks.ts), over all its years, by place
 * code; only places with a break. A redrawable trend carries this for every place its picker offers, so that a view
 * the reader chooses is marked as the build marks the default one, whatever years it shows.
 */
export async function trendBreaks(indicator: string, geoCodes: string[]): Promise<Record<string, BreakMark[]>> {
  if (geoCodes.length === 0) return {};
  const rows = await run(seriesQuery(indicator, geoCodes, yearsOf(indicator), TOTAL_SLICE, true));
  return Object.fromEntries(breaksBySeries(toSeries(rows, new Map())));
}

/** Latest values for the map: countries and Kosovo only (src/lib/map-places.ts). */
export async function mapValues(indicator: string, years: [number, number], slice: Slice = TOTAL_SLICE) {
  const g = await geos();
  const rows = (await run(latestQuery(indicator, years, slice))).filter((r) => {
    const info = g.get(String(r['geo']));
    return info !== undefined && drawnOnMap(info);
  });
  return toMapValues(rows, await names());
}

export async function latestBars(indicator: string, years: [number, number], slice: Slice = TOTAL_SLICE, keep: (geo: string) => boolean = () => true) {
  const rows = (await run(latestQuery(indicator, years, slice))).filter((r) => keep(String(r['geo'])));
  return toBars(rows, await names());
}

/**
 * The parts of one breakdown of one geography by year: a dimension's categories, or the totals' sex or age parts;
 * with `notes`, each row's note and source id too (for series breaks).
 */
export function partRows(indicator: string, geo: string, years: [number, number], by: PartsBy, notes = false): Promise<Row[]> {
  return run('dimension' in by ? breakdownQuery(indicator, geo, years, by.dimension, notes) : sexAgeQuery(indicator, geo, years, by.axis, notes));
}

export type PartsBy = { dimension: string } | { axis: 'sex' | 'age' };

/** Whether a breakdown's parts exclude each other (the catalog's word for a dimension; sex and age groups always do). */
export function exclusiveOf(indicator: string, by: PartsBy): boolean {
  if (!('dimension' in by)) return true;
  return getCatalog().indicators.find((i) => i.id === indicator)?.dimensions.find((d) => d.name === by.dimension)?.exclusive === true;
}

/** Whether a place dimension's flows leave the reporting country (the catalog's `outward`: where a seizure was going). */
export function outwardOf(indicator: string, dimension: string): boolean {
  return getCatalog().indicators.find((i) => i.id === indicator)?.dimensions.find((d) => d.name === dimension)?.outward === true;
}

/**
 * One breakdown of one place as its charts (parts-chart.ts): the parts, the place's own totals drawn beside them, and
 * the years the source covers only in part.
 */
export async function breakdownCharts(indicator: string, geo: string, years: [number, number], by: PartsBy, options: Pick<PartsChartOptions, 'id' | 'title' | 'categoryLabel'>, locale: Locale): Promise<PartsChart[]> {
  const [rows, totals] = await Promise.all([partRows(indicator, geo, years, by, true), run(seriesQuery(indicator, [geo], years))]);
  return partsCharts(rows, { ...options, exclusive: exclusiveOf(indicator, by), yearDomain: years, totals, partial: partialOf(indicator) }, locale);
}

/** The geography that reports a breakdown most often, with how many values it has there; null when none does. */
export async function bestCovered(indicator: string, by: PartsBy): Promise<{ geo: string; n: number } | null> {
  const [row] = await run('dimension' in by ? bestCoveredQuery(indicator, by.dimension) : bestCoveredSexAgeQuery(indicator, by.axis));
  return row ? { geo: String(row['geo']), n: Number(row['n']) } : null;
}

export async function flows(indicator: string, years: [number, number], dimension: string, geo: string | null = null) {
  return toFlows(await run(flowsQuery(indicator, years, dimension, { geo, outward: outwardOf(indicator, dimension) })), await names());
}

export async function categoryRanking(indicator: string, geo: string, year: number, dimension: string) {
  return toBars(await run(categoryRankingQuery(indicator, geo, year, dimension)), new Map(), 'key');
}

/** Years an indicator covers, from the catalog. */
export function yearsOf(indicator: string): [number, number] {
  const c = getCatalog().indicators.find((i) => i.id === indicator)?.coverage;
  return c && c.year_min !== null && c.year_max !== null ? [c.year_min, c.year_max] : [2000, 2024];
}
