/**
 * Every year a map can show, as one table: what a reader without JavaScript (or with a screen reader, or a
 * spreadsheet) reads instead of stepping the map's year control. Printed on a page of its own (a map's "every year"
 * page), each value with the publisher's row it comes from.
 */
import { tableCell } from './scales.ts';
import { rowRefs, tableRefs } from './table-refs.ts';
import type { DataTable, Locale, Value } from './types.ts';
import type { FlowDatum } from './flow-map-draw.ts';
import { byValue, type MapPoint } from './point-map-draw.ts';
import { compareNames } from './name-order.ts';

export interface PlaceYearValue extends Value {
  geo: string;
  year: number;
}

/**
 * One row per place (by name), one column per year: a number, a suppression text ("suppressed (<5)") or No data.
 * Places are those given, even a place with no value in any of the years (it then reads No data throughout).
 */
export function placeYearsTable(values: readonly PlaceYearValue[], places: ReadonlyMap<string, string>, years: readonly number[], locale: Locale): DataTable {
  const byCell = new Map(values.map((v) => [`${v.geo}|${v.year}`, v]));
  const geos = [...places.keys()].sort((a, b) => compareNames(places.get(a)!, places.get(b)!) || (a < b ? -1 : 1));
  const rows = geos.map((geo) => {
    const cells: Record<string, Value | undefined> = Object.fromEntries(years.map((y) => [String(y), byCell.get(`${geo}|${y}`)]));
    return {
      row: { name: places.get(geo)!, ...Object.fromEntries(years.map((y) => { const v = cells[String(y)]; return [String(y), v ? tableCell(v, locale) : null]; })) },
      refs: rowRefs(cells),
    };
  });
  return {
    columns: [{ key: 'name', label: locale.t('chart.country') }, ...years.map((y) => ({ key: String(y), label: String(y), numeric: true }))],
    rows: rows.map((r) => r.row),
    ...tableRefs(rows.map((r) => r.refs)),
  };
}

/** Each year's flows, a row each, the year's largest first: as the flow map of that year lists them. */
export function flowYearsTable(byYear: readonly { year: number; flows: readonly FlowDatum[] }[], names: ReadonlyMap<string, string>, unit: string, locale: Locale): DataTable {
  const name = (code: string) => names.get(code) ?? code;
  const rows = byYear.flatMap(({ year, flows }) =>
    flows.map((f) => ({
      row: { year: String(year), origin: name(f.from), destination: name(f.to), value: tableCell({ value: f.value, censored: f.censored ?? null, min: f.min ?? null, max: f.max ?? null }, locale) },
      refs: f.source_ref ? { value: f.source_ref } : null,
    })),
  );
  return {
    columns: [
      { key: 'year', label: locale.t('chart.year') },
      { key: 'origin', label: locale.t('map.flow.origin') },
      { key: 'destination', label: locale.t('map.flow.destination') },
      { key: 'value', label: locale.t('chart.valueIn', { unit }), numeric: true },
    ],
    rows: rows.map((r) => r.row),
    ...tableRefs(rows.map((r) => r.refs)),
  };
}

/**
 * Each year's points, a row each, the year's largest first (as the point map of that year draws and tables them),
 * then the events without a single year, whose year cell says so.
 */
export function pointYearsTable(byYear: readonly { year: number; points: readonly MapPoint[] }[], undated: readonly MapPoint[], unit: string, locale: Locale): DataTable {
  const noYear = locale.t('map.points.noYear');
  const rows = [...byYear.map((y) => ({ year: String(y.year), points: y.points })), { year: noYear, points: undated }].flatMap(({ year, points }) =>
    [...points].sort(byValue).map((p) => ({ row: { year, label: p.label, value: p.value, lat: p.lat, lon: p.lon }, refs: p.source_ref ? { value: p.source_ref } : null })),
  );
  return {
    columns: [
      { key: 'year', label: locale.t('chart.year') },
      { key: 'label', label: locale.t('map.points.label') },
      { key: 'value', label: locale.t('chart.valueIn', { unit }), numeric: true },
      { key: 'lat', label: locale.t('map.points.lat'), numeric: true, identifies: true },
      { key: 'lon', label: locale.t('map.points.lon'), numeric: true, identifies: true },
    ],
    rows: rows.map((r) => r.row),
    ...tableRefs(rows.map((r) => r.refs)),
  };
}
