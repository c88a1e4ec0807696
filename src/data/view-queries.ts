/**
 * The questions of queries.ts, answered over the rows of a view file (scripts/pipeline/release/views.ts) instead of
 * by an SQL engine: what a dashboard or indicator page redraws in the browser without DuckDB-WASM. Each function
 * returns exactly the rows, columns and order its SQL twin returns; tests/site/view-queries.test.ts proves it against
 * DuckDB over every indicator of the release.
 */
import { compareText } from './text-order.ts';
import type { Row } from './shape.ts';

const VALUE_COLUMNS = ['value', 'censored', 'value_min', 'value_max', 'source_ref'] as const;

const cell = (v: unknown) => (v === undefined ? null : v);

function pickColumns(r: Row, renamed: [string, string][]): Row {
  const out: Row = {};
  for (const [to, from] of renamed) out[to] = cell(r[from]);
  for (const c of VALUE_COLUMNS) out[c] = cell(r[c]);
  return out;
}

/** Sort keys compared as SQL compares them: numbers by value, text by code point. */
function byKeys(...keys: string[]) {
  return (a: Row, b: Row): number => {
    for (const k of keys) {
      const x = a[k];
      const y = b[k];
      const d = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
      if (d !== 0) return d;
    }
    return 0;
  };
}

const inYears = (r: Row, years: readonly [number, number]) => Number(r['year']) >= years[0] && Number(r['year']) <= years[1];

const yearIndexes = new WeakMap<readonly Row[], Map<number, Row[]>>();

/**
 * The rows of `rows` in `years`, in their order. A view's rows are kept once read, and a map's year control asks for
 * one year after another: each year's rows are found once, by an index made at the first such question.
 */
function rowsIn(rows: readonly Row[], years: readonly [number, number]): readonly Row[] {
  if (years[0] !== years[1]) return rows.filter((r) => inYears(r, years));
  let index = yearIndexes.get(rows);
  if (!index) {
    index = new Map();
    for (const r of rows) {
      const y = Number(r['year']);
      const held = index.get(y);
      if (held) held.push(r);
      else index.set(y, [r]);
    }
    yearIndexes.set(rows, index);
  }
  return index.get(years[0]) ?? [];
}

/** seriesQuery(indicator, geos, years) over the indicator's series view. */
export function seriesAnswer(series: readonly Row[], geos: readonly string[], years: readonly [number, number]): Row[] {
  const wanted = new Set(geos);
  return series
    .filter((r) => wanted.has(String(r['geo'])) && inYears(r, years))
    .map((r) => pickColumns(r, [['geo', 'geo'], ['year', 'year']]))
    .sort(byKeys('geo', 'year'));
}

/** latestQuery(indicator, years) over the series view: each place's latest year in the range. */
export function latestAnswer(series: readonly Row[], years: readonly [number, number]): Row[] {
  const latest = new Map<string, Row>();
  for (const r of series) {
    if (!inYears(r, years)) continue;
    const geo = String(r['geo']);
    const held = latest.get(geo);
    if (!held || Number(r['year']) > Number(held['year'])) latest.set(geo, r);
  }
  return [...latest.values()].map((r) => pickColumns(r, [['geo', 'geo'], ['year', 'year']])).sort(byKeys('geo'));
}

/** breakdownQuery(indicator, geo, years, dimension) over the parts view. */
export function breakdownAnswer(parts: readonly Row[], geo: string, years: readonly [number, number], dimension: string): Row[] {
  return parts
    .filter((r) => r['geo'] === geo && r['dimension'] === dimension && r['sex'] === 'total' && r['age'] === 'total' && inYears(r, years))
    .map((r) => pickColumns(r, [['year', 'year'], ['part', 'category'], ['unit', 'unit']]))
    .sort(byKeys('unit', 'year', 'part'));
}

/** sexAgeQuery(indicator, geo, years, axis) over the parts view. */
export function sexAgeAnswer(parts: readonly Row[], geo: string, years: readonly [number, number], axis: 'sex' | 'age'): Row[] {
  const other = axis === 'sex' ? 'age' : 'sex';
  return parts
    .filter((r) => r['geo'] === geo && r['dimension'] === 'total' && r['category'] === 'total' && r['counterpart'] === null
      && r[other] === 'total' && r[axis] !== 'total' && inYears(r, years))
    .map((r) => pickColumns(r, [['year', 'year'], ['part', axis], ['unit', 'unit']]))
    .sort(byKeys('year', 'part'));
}

/** yearQuery(indicator, year) over the series view: every place's value in one year (a map of that year). */
export function yearAnswer(series: readonly Row[], year: number): Row[] {
  return rowsIn(series, [year, year])
    .map((r) => pickColumns(r, [['geo', 'geo'], ['year', 'year']]))
    .sort(byKeys('geo'));
}

/**
 * flowsQuery(indicator, years, dimension, { outward }) over the parts view: each pair of places' exact values summed,
 * its censored cells counted, its years' span, and every row it sums cited (newline-separated, in text order).
 */
export function flowsAnswer(parts: readonly Row[], years: readonly [number, number], dimension: string, outward = false): Row[] {
  const groups = new Map<string, Row[]>();
  for (const r of rowsIn(parts, years)) {
    const counterpart = r['counterpart'];
    if (counterpart === null || counterpart === undefined || counterpart === r['geo'] || r['sex'] !== 'total' || r['age'] !== 'total') continue;
    const [origin, destination] = outward ? [r['geo'], counterpart] : [counterpart, r['geo']];
    if (r['dimension'] !== dimension || !inYears(r, years)) continue;
    const key = `${String(origin)}\u0000${String(destination)}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const out: Row[] = [];
  for (const rows of groups.values()) {
    const exact = rows.filter((r) => r['value'] !== null && r['value'] !== undefined);
    const refs = rows.map((r) => r['source_ref']).filter((s): s is string => typeof s === 'string').sort(compareText);
    const yearsOf = rows.map((r) => Number(r['year']));
    out.push({
      origin: rows[0]![outward ? 'geo' : 'counterpart'],
      destination: rows[0]![outward ? 'counterpart' : 'geo'],
      value: exact.length ? exact.reduce((s, r) => s + Number(r['value']), 0) : null,
      censored_cells: rows.filter((r) => r['censored'] !== null && r['censored'] !== undefined).length,
      year_min: Math.min(...yearsOf),
      year_max: Math.max(...yearsOf),
      source_refs: refs.length ? refs.join('\n') : null,
    });
  }
  // ORDER BY value DESC NULLS LAST, origin, destination
  return out.sort((a, b) => {
    const [x, y] = [a['value'] as number | null, b['value'] as number | null];
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return y - x;
    }
    return compareText(String(a['origin']), String(b['origin'])) || compareText(String(a['destination']), String(b['destination']));
  });
}

