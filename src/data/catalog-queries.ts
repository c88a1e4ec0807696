/**
 * What the catalog pages ask of the release at build time (load.ts runs them): coverage by year, and the slice of an
 * indicator its code examples load. Table and column names come from the release's own catalog, never from a
 * request, and are quoted as identifiers; values are bound.
 */
import type { Query } from './queries.ts';
import type { CoverageColumns } from '../catalog/coverage-columns.ts';

/** A name as a DuckDB identifier: in double quotes, inner quotes doubled. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Where coverage is counted: a table's place and year columns, and for observations one indicator. */
export interface CoverageSource {
  table: string;
  columns: CoverageColumns;
  /** The table has `value` and `censored` (observations): a country whose values are all censored is told apart. */
  censoring: boolean;
  indicator?: string;
}

/**
 * Country-years of a source: one row per year and country (geo kind 'country', as the catalog counts countries) with
 * any row there, and whether one of its rows has an exact value or a censored mark. A row with neither (a null
 * value without a mark) is not data. Regions, the world and sub-national units are left out: a region is not
 * one more country.
 */
function cells(s: CoverageSource): Query {
  const year = ident(s.columns.year);
  const flags = s.censoring ? 'value IS NOT NULL AS has_value, censored IS NOT NULL AS has_censored' : 'TRUE AS has_value, FALSE AS has_censored';
  const where = s.indicator === undefined ? '' : 'WHERE indicator = ?';
  const places = s.columns.place.map((p) => `SELECT ${year} AS year, ${ident(p)} AS geo, ${flags} FROM ${ident(s.table)} ${where}`).join(' UNION ALL ');
  return {
    sql: `SELECT p.year, p.geo, bool_or(p.has_value) AS has_value, bool_or(p.has_censored) AS has_censored
      FROM (${places}) AS p JOIN geo AS g ON g.geo = p.geo
      WHERE g.kind = 'country' AND p.year IS NOT NULL
      GROUP BY p.year, p.geo HAVING bool_or(p.has_value) OR bool_or(p.has_censored)`,
    params: s.indicator === undefined ? [] : s.columns.place.map(() => s.indicator!),
  };
}

/** Per year: countries with data, and of them those with only censored values. */
export function coverageByYearQuery(s: CoverageSource): Query {
  const c = cells(s);
  return {
    sql: `SELECT year, count(*) AS countries, count(*) FILTER (WHERE NOT has_value) AS censored_only
      FROM (${c.sql}) GROUP BY year ORDER BY year`,
    params: c.params,
  };
}

/** Over all years: the countries with data and the first and last year with any. */
export function coverageTotalsQuery(s: CoverageSource): Query {
  const c = cells(s);
  return { sql: `SELECT count(DISTINCT geo) AS countries, min(year) AS year_min, max(year) AS year_max FROM (${c.sql})`, params: c.params };
}

/**
 * The slice of an indicator its code examples load: a dimension, sex and age with country rows, in which a place,
 * year, category and unit name one row (so a pivot needs no aggregation). The indicator's own totals first, then
 * the slice with the most rows. `countries` is false when no slice has a country (a world-only indicator).
 */
export function exampleSliceQuery(indicator: string): Query {
  return {
    sql: `SELECT o.dimension, o.sex, o.age, bool_or(g.kind = 'country') AS countries, count(*) AS n
      FROM observations AS o JOIN geo AS g ON g.geo = o.geo
      WHERE o.indicator = ?
      GROUP BY o.dimension, o.sex, o.age
      HAVING count(*) = count(DISTINCT (o.geo, o.year, o.category, o.unit))
      ORDER BY countries DESC, (o.dimension = 'total' AND o.sex = 'total' AND o.age = 'total') DESC, n DESC, o.dimension, o.sex, o.age
      LIMIT 1`,
    params: [indicator],
  };
}
