/**
 * The questions charts ask of the release, as SQL with bound parameters. The same text runs at build time
 * (DuckDB in Node) and in the browser (DuckDB-WASM), so a redraw shows exactly what the static page showed.
 */

export interface Query {
  sql: string;
  params: (string | number | null)[];
}

/** One cut of an indicator: which sex, age and category. */
export interface Slice {
  sex: string;
  age: string;
  category: string;
}

export const TOTAL_SLICE: Slice = { sex: 'total', age: 'total', category: 'total' };

/** "?, ?, ?" for n bound values; the values themselves never enter the text. */
function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

const VALUE_COLUMNS = 'value, censored, value_min, value_max, source_ref';

export function seriesQuery(indicator: string, geos: string[], years: [number, number], slice: Slice = TOTAL_SLICE): Query {
  return {
    sql: `SELECT geo, year, ${VALUE_COLUMNS} FROM observations
      WHERE indicator = ? AND sex = ? AND age = ? AND category = ? AND counterpart IS NULL
        AND year BETWEEN ? AND ? AND geo IN (${placeholders(geos.length)})
      ORDER BY geo, year`,
    params: [indicator, slice.sex, slice.age, slice.category, years[0], years[1], ...geos],
  };
}

/** The latest year each geography reported within the range: the "latest comparable figure" of a map. */
export function latestQuery(indicator: string, years: [number, number], slice: Slice = TOTAL_SLICE): Query {
  return {
    sql: `SELECT geo, year, ${VALUE_COLUMNS} FROM (
        SELECT *, row_number() OVER (PARTITION BY geo ORDER BY year DESC) AS rank FROM observations
        WHERE indicator = ? AND sex = ? AND age = ? AND category = ? AND counterpart IS NULL AND year BETWEEN ? AND ?
      ) WHERE rank = 1 ORDER BY geo`,
    params: [indicator, slice.sex, slice.age, slice.category, years[0], years[1]],
  };
}

/** Values of one breakdown axis for one geography and year range. */
export function breakdownQuery(indicator: string, geo: string, years: [number, number], axis: 'category' | 'sex' | 'age'): Query {
  const fixed = (['sex', 'age', 'category'] as const).filter((a) => a !== axis).map((a) => `${a} = 'total'`).join(' AND ');
  return {
    sql: `SELECT year, ${axis} AS part, ${VALUE_COLUMNS} FROM observations
      WHERE indicator = ? AND geo = ? AND counterpart IS NULL AND ${fixed} AND year BETWEEN ? AND ?
      ORDER BY year, part`,
    params: [indicator, geo, years[0], years[1]],
  };
}

/**
 * Flows summed over the years: exact values are added; censored cells are counted separately so that a flow with a
 * suppressed part is shown as "at least" its exact sum, never as if complete. `categories` keeps only the breakdown
 * labels whose direction is counterpart → geo (e.g. a seizure's origin and transit, not its destination).
 */
export function flowsQuery(indicator: string, years: [number, number], geo: string | null = null, categories: string[] = []): Query {
  const byCategory = categories.length > 0 ? `AND category IN (${placeholders(categories.length)})` : '';
  return {
    sql: `SELECT counterpart AS origin, geo AS destination, sum(value) AS value, count(censored) AS censored_cells,
        min(year) AS year_min, max(year) AS year_max
      FROM observations
      WHERE indicator = ? AND counterpart IS NOT NULL AND sex = 'total' AND age = 'total' AND year BETWEEN ? AND ?
        AND (? IS NULL OR geo = ? OR counterpart = ?) ${byCategory}
      GROUP BY counterpart, geo ORDER BY value DESC NULLS LAST, origin, destination`,
    params: [indicator, years[0], years[1], geo, geo, geo, ...categories],
  };
}

/** One world-level breakdown in one year, e.g. migration routes: the categories that start with `prefix`. */
export function categoryRankingQuery(indicator: string, geo: string, year: number, prefix: string): Query {
  return {
    sql: `SELECT substr(category, ?) AS key, substr(category, ?) AS label, ${VALUE_COLUMNS} FROM observations
      WHERE indicator = ? AND geo = ? AND year = ? AND sex = 'total' AND age = 'total' AND counterpart IS NULL
        AND starts_with(category, ?)
      ORDER BY key`,
    params: [prefix.length + 1, prefix.length + 1, indicator, geo, year, prefix],
  };
}

/** Everything a country profile shows for one domain: every indicator's national total series. */
export function profileQuery(geo: string): Query {
  return {
    sql: `SELECT indicator, geo, year, ${VALUE_COLUMNS} FROM observations
      WHERE geo = ? AND sex = 'total' AND age = 'total' AND category = 'total' AND counterpart IS NULL
      ORDER BY indicator, year`,
    params: [geo],
  };
}
