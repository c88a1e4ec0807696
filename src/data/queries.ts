/**
 * The questions charts ask of the release, as SQL with bound parameters, run at build time by DuckDB in Node. The
 * browser answers the same questions over the release's view files (view-queries.ts), and a differential test
 * (tests/site/view-queries.test.ts) holds the two equal, so a redraw shows exactly what the static page showed.
 *
 * Breakdowns are asked for one `dimension` at a time: parts of two dimensions describe the same things twice, so no
 * query here ever returns categories of two dimensions together.
 */

export interface Query {
  sql: string;
  params: (string | number | null)[];
}

/** One cut of an indicator: which sex and age; the indicator's total (no breakdown). */
export interface Slice {
  sex: string;
  age: string;
}

export const TOTAL_SLICE: Slice = { sex: 'total', age: 'total' };

/** "?, ?, ?" for n bound values; the values themselves never enter the text. */
function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

const VALUE_COLUMNS = 'value, censored, value_min, value_max, source_ref';

/**
 * With `notes`, a query also returns each row's source id and note, which the build reads to mark where a series
 * breaks (src/lib/series-breaks.ts). The view files do not hold them: the browser's answers (view-queries.ts) are
 * the queries without notes.
 */
const columns = (notes: boolean) => (notes ? `${VALUE_COLUMNS}, source, note` : VALUE_COLUMNS);

/** The indicator's own totals: no breakdown, no flow. */
const TOTAL_ROWS = `dimension = 'total' AND category = 'total' AND counterpart IS NULL`;

export function seriesQuery(indicator: string, geos: string[], years: [number, number], slice: Slice = TOTAL_SLICE, notes = false): Query {
  return {
    sql: `SELECT geo, year, ${columns(notes)} FROM observations
      WHERE indicator = ? AND sex = ? AND age = ? AND ${TOTAL_ROWS}
        AND year BETWEEN ? AND ? AND geo IN (${placeholders(geos.length)})
      ORDER BY geo, year`,
    params: [indicator, slice.sex, slice.age, years[0], years[1], ...geos],
  };
}

/** The latest year each geography reported within the range: the "latest figure" of a map, with its year. */
export function latestQuery(indicator: string, years: [number, number], slice: Slice = TOTAL_SLICE): Query {
  return {
    sql: `SELECT geo, year, ${VALUE_COLUMNS} FROM (
        SELECT *, row_number() OVER (PARTITION BY geo ORDER BY year DESC) AS rank FROM observations
        WHERE indicator = ? AND sex = ? AND age = ? AND ${TOTAL_ROWS} AND year BETWEEN ? AND ?
      ) WHERE rank = 1 ORDER BY geo`,
    params: [indicator, slice.sex, slice.age, years[0], years[1]],
  };
}

/** One year of the indicator's totals, every place (regions too: a map keeps only what it can draw): a map of that year. */
export function yearQuery(indicator: string, year: number, slice: Slice = TOTAL_SLICE): Query {
  return {
    sql: `SELECT geo, year, ${VALUE_COLUMNS} FROM observations
      WHERE indicator = ? AND sex = ? AND age = ? AND ${TOTAL_ROWS} AND year = ?
      ORDER BY geo`,
    params: [indicator, slice.sex, slice.age, year],
  };
}

/**
 * The parts of one breakdown of one geography, by year, with their unit (one dimension may count in several units,
 * e.g. CITES quantities; parts in different units are never stacked). For a place dimension the category is the
 * counterpart's code.
 */
export function breakdownQuery(indicator: string, geo: string, years: [number, number], dimension: string, notes = false): Query {
  return {
    sql: `SELECT year, category AS part, unit, ${columns(notes)} FROM observations
      WHERE indicator = ? AND geo = ? AND dimension = ? AND sex = 'total' AND age = 'total' AND year BETWEEN ? AND ?
      ORDER BY unit, year, part`,
    params: [indicator, geo, dimension, years[0], years[1]],
  };
}

/** The sex or age parts of one geography's totals, by year. */
export function sexAgeQuery(indicator: string, geo: string, years: [number, number], axis: 'sex' | 'age', notes = false): Query {
  const other = axis === 'sex' ? 'age' : 'sex';
  return {
    sql: `SELECT year, ${axis} AS part, unit, ${columns(notes)} FROM observations
      WHERE indicator = ? AND geo = ? AND ${TOTAL_ROWS} AND ${other} = 'total' AND ${axis} <> 'total' AND year BETWEEN ? AND ?
      ORDER BY year, part`,
    params: [indicator, geo, years[0], years[1]],
  };
}

/**
 * The geography with the most values in one breakdown (ties: the latest year, then the code): the best-covered
 * example a page shows by default.
 */
export function bestCoveredQuery(indicator: string, dimension: string): Query {
  return {
    sql: `SELECT geo, count(*) AS n, max(year) AS year_max FROM observations
      WHERE indicator = ? AND dimension = ? AND sex = 'total' AND age = 'total' AND value IS NOT NULL
      GROUP BY geo ORDER BY n DESC, year_max DESC, geo LIMIT 1`,
    params: [indicator, dimension],
  };
}

/** The same for the sex or age parts of the totals. */
export function bestCoveredSexAgeQuery(indicator: string, axis: 'sex' | 'age'): Query {
  const other = axis === 'sex' ? 'age' : 'sex';
  return {
    sql: `SELECT geo, count(*) AS n, max(year) AS year_max FROM observations
      WHERE indicator = ? AND ${TOTAL_ROWS} AND ${axis} <> 'total' AND ${other} = 'total' AND value IS NOT NULL
      GROUP BY geo ORDER BY n DESC, year_max DESC, geo LIMIT 1`,
    params: [indicator],
  };
}

/**
 * The columns of a flow's two ends: counterpart → geo (origin of victims → country of detection; origin → country of
 * seizure), or geo → counterpart for an outward dimension (country of seizure → where the consignment was going).
 * Column names only, chosen here, never from input.
 */
function flowEnds(outward: boolean): { from: string; to: string } {
  return outward ? { from: 'geo', to: 'counterpart' } : { from: 'counterpart', to: 'geo' };
}

/**
 * Flows of one place dimension summed over the years: exact values are added; censored cells are counted separately so
 * that a flow with a suppressed part is shown as "at least" its exact sum, never as if complete. One dimension only:
 * two place dimensions of one indicator (a seizure's origin and the country it came through) can name the same
 * event twice, so their sum would count it twice. `outward`: the dimension's flows leave geo (DimensionDef.outward).
 */
export function flowsQuery(indicator: string, years: [number, number], dimension: string, options: { geo?: string | null; outward?: boolean } = {}): Query {
  const { from, to } = flowEnds(options.outward === true);
  const geo = options.geo ?? null;
  return {
    sql: `SELECT ${from} AS origin, ${to} AS destination, sum(value) AS value, count(censored) AS censored_cells,
        min(year) AS year_min, max(year) AS year_max, string_agg(source_ref, chr(10) ORDER BY source_ref) AS source_refs
      FROM observations
      WHERE indicator = ? AND counterpart IS NOT NULL AND counterpart <> geo AND sex = 'total' AND age = 'total'
        AND dimension = ? AND year BETWEEN ? AND ?
        AND (? IS NULL OR geo = ? OR counterpart = ?)
      GROUP BY ${from}, ${to} ORDER BY value DESC NULLS LAST, origin, destination`,
    params: [indicator, dimension, years[0], years[1], geo, geo, geo],
  };
}

/**
 * The flows of ONE place dimension by year, one row per pair of places and year (origin → destination, as flowsQuery
 * reads them): nothing is summed, so a censored cell stays one censored cell. With its notes (for series breaks).
 */
export function flowSeriesQuery(indicator: string, years: [number, number], dimension: string, outward = false): Query {
  const { from, to } = flowEnds(outward);
  return {
    sql: `SELECT ${from} AS origin, ${to} AS destination, year, unit, ${columns(true)} FROM observations
      WHERE indicator = ? AND counterpart IS NOT NULL AND counterpart <> geo AND sex = 'total' AND age = 'total'
        AND dimension = ? AND year BETWEEN ? AND ?
      ORDER BY unit, origin, destination, year`,
    params: [indicator, dimension, years[0], years[1]],
  };
}

/** The categories of one breakdown of one geography in one year (e.g. migration routes of the world total), ranked. */
export function categoryRankingQuery(indicator: string, geo: string, year: number, dimension: string): Query {
  return {
    sql: `SELECT category AS key, category AS label, year, ${VALUE_COLUMNS} FROM observations
      WHERE indicator = ? AND geo = ? AND year = ? AND dimension = ? AND sex = 'total' AND age = 'total'
      ORDER BY key`,
    params: [indicator, geo, year, dimension],
  };
}

/** Everything a country profile shows for one domain: every indicator's national total series. */
export function profileQuery(geo: string): Query {
  return {
    sql: `SELECT indicator, geo, year, ${VALUE_COLUMNS} FROM observations
      WHERE geo = ? AND sex = 'total' AND age = 'total' AND ${TOTAL_ROWS}
      ORDER BY indicator, year`,
    params: [geo],
  };
}

/** The same for every member of an area at once (a region page compares them): each member's national totals. */
export function membersQuery(geos: string[]): Query {
  return {
    sql: `SELECT indicator, geo, year, ${VALUE_COLUMNS} FROM observations
      WHERE geo IN (${placeholders(geos.length)}) AND sex = 'total' AND age = 'total' AND ${TOTAL_ROWS}
      ORDER BY indicator, geo, year`,
    params: [...geos],
  };
}

/** Which breakdowns a place has for each indicator: its dimensions, whether they come split by sex or age, and their years. */
export function placeBreakdownsQuery(geo: string): Query {
  return {
    sql: `SELECT indicator, dimension, bool_or(sex <> 'total') AS by_sex, bool_or(age <> 'total') AS by_age,
        min(year) AS year_min, max(year) AS year_max FROM observations
      WHERE geo = ? AND (value IS NOT NULL OR censored IS NOT NULL)
      GROUP BY indicator, dimension ORDER BY indicator, dimension`,
    params: [geo],
  };
}

/**
 * Every place the release has figures for (any indicator), with whether this indicator has any row for it and
 * whether it has the indicator's own total: what the place picker needs to tell "did not report" from "reported only
 * breakdowns" (src/data/picker-places.ts).
 */
export function placeCoverageQuery(indicator: string, slice: Slice = TOTAL_SLICE): Query {
  return {
    sql: `SELECT geo, bool_or(indicator = ?) AS reported,
        bool_or(indicator = ? AND sex = ? AND age = ? AND ${TOTAL_ROWS}) AS has_total
      FROM observations GROUP BY geo ORDER BY geo`,
    params: [indicator, indicator, slice.sex, slice.age],
  };
}

/**
 * Every total of an indicator for the given geography kinds (e.g. countries only, for a sum that must not count a
 * country twice through its region or a sub-national unit), or for one geography.
 */
export function totalsQuery(indicator: string, where: { kinds: string[] } | { geo: string }): Query {
  const byKind = 'kinds' in where;
  return {
    sql: `SELECT o.geo, o.year, o.value, o.censored, o.value_min, o.value_max, o.source_ref
      FROM observations o JOIN geo g ON g.geo = o.geo
      WHERE o.indicator = ? AND o.sex = 'total' AND o.age = 'total'
        AND o.dimension = 'total' AND o.category = 'total' AND o.counterpart IS NULL
        AND ${byKind ? `g.kind IN (${placeholders(where.kinds.length)})` : 'o.geo = ?'}
      ORDER BY o.geo, o.year`,
    params: [indicator, ...(byKind ? where.kinds : [where.geo])],
  };
}
