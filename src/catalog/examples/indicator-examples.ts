/**
 * Code that loads one indicator from the release's Parquet files in Python (pandas, nullable dtypes through pyarrow),
 * R (arrow, dplyr, tidyr) and DuckDB SQL. Each example does the same three things, because each is where a first
 * analysis goes wrong:
 * - keeps one level of geo.kind (countries), since a region's value already counts its countries;
 * - reads one slice (dimension, sex, age), so that breakdowns are never added to totals;
 * - sums over countries only with what the sum leaves out beside it: sum() and pivot_table(aggfunc="sum") skip a
 *   censored cell (value null) as if it were 0, so the exact part, the number of censored cells and the bounds are
 *   given together. Units that do not add (rates, percentages) are counted, never summed.
 * tests/e2e/catalog-pages.test.ts runs the SQL as the built page shows it against the release and expects rows.
 */
import { lines, pyString, rString, sqlString } from './literals.ts';
import type { CodeExamples } from './types.ts';

export interface IndicatorExample {
  id: string;
  version: string;
  /** A slice in which a place, year, category and unit name one row (catalog-queries.ts exampleSliceQuery). */
  slice: { dimension: string; sex: string; age: string };
  /** The slice has country rows; false for an indicator published for regions or the world only. */
  countries: boolean;
  /** The unit adds up over places (a count, not a rate or a percentage). */
  additive: boolean;
}

function sliceWords(e: IndicatorExample): string {
  const { dimension, sex, age } = e.slice;
  return dimension === 'total' && sex === 'total' && age === 'total'
    ? "the indicator's totals: dimension, sex and age 'total'"
    : `dimension '${dimension}', sex '${sex}', age '${age}'`;
}

const FILES = (e: IndicatorExample) => `${e.id} from release ${e.version}: observations.parquet and geo.parquet in the working folder.`;
const LEVELS = [
  'geo.kind tells countries from M49 regions, sub-regions and the world: a region already counts its',
  'countries, so keep one level before adding anything up.',
];

export function indicatorExamples(e: IndicatorExample): CodeExamples {
  return { python: python(e), r: r(e), sql: sql(e) };
}

function sql(e: IndicatorExample): string {
  const from = lines(
    "FROM 'observations.parquet' AS o",
    "JOIN 'geo.parquet' AS g ON g.geo = o.geo",
    `WHERE o.indicator = ${sqlString(e.id)}`,
    `  AND o.dimension = ${sqlString(e.slice.dimension)} AND o.sex = ${sqlString(e.slice.sex)} AND o.age = ${sqlString(e.slice.age)}`,
    e.countries && "  AND g.kind = 'country'",
  );
  const keys = e.countries ? 'o.year, o.category, o.unit' : 'g.kind, o.year, o.category, o.unit';
  const first = lines(
    `-- ${FILES(e)}`,
    `-- 1. Its values, one row per ${e.countries ? 'country' : 'place'} and year (${sliceWords(e)}).`,
    ...LEVELS.map((l) => `--    ${l}`),
    `SELECT o.geo, g.name,${e.countries ? '' : ' g.kind,'} o.year, o.category, o.unit,`,
    '       o.value, o.censored, o.value_min, o.value_max',
    from,
    'ORDER BY o.geo, o.year, o.category, o.unit;',
  );
  const second = e.additive
    ? lines(
        `-- 2. Totals over ${e.countries ? 'countries' : 'places of one level'} by year. A censored cell ('<5') has value NULL: sum() skips it`,
        '--    without a word, and the total looks exact but is too small. Count the censored cells, add their bounds.',
        `SELECT ${keys},`,
        '       count(*) AS places,',
        '       sum(o.value) AS sum_of_exact_values,',
        '       count(o.censored) AS censored_cells,',
        '       sum(coalesce(o.value, o.value_min)) AS at_least,',
        "       -- NULL when a censored cell has no upper bound ('>=')",
        '       CASE WHEN bool_and(o.value IS NOT NULL OR o.value_max IS NOT NULL)',
        '            THEN sum(coalesce(o.value, o.value_max)) END AS at_most',
        from,
        `GROUP BY ${keys}`,
        `ORDER BY ${keys};`,
      )
    : lines(
        '-- 2. Rates and percentages do not add up over places: count, do not sum. Per year, how many places',
        "--    report and how many of their cells are censored (value NULL, the mark in censored).",
        `SELECT ${keys},`,
        '       count(*) AS places,',
        '       count(o.censored) AS censored_cells,',
        '       median(o.value) AS median_of_exact_values',
        from,
        `GROUP BY ${keys}`,
        `ORDER BY ${keys};`,
      );
  return `${first}\n\n${second}\n`;
}

function python(e: IndicatorExample): string {
  const level = e.countries ? 'geo[geo["kind"] == "country"]' : 'geo';
  const keys = e.countries ? '["year", "category", "unit"]' : '["kind", "year", "category", "unit"]';
  const index = e.countries ? '["geo", "name", "category", "unit"]' : '["geo", "name", "kind", "category", "unit"]';
  return lines(
    'import pandas as pd',
    '',
    `# ${FILES(e)}`,
    '# dtype_backend="numpy_nullable": a missing or censored value is <NA> (never NaN or 0), integers stay integers.',
    'obs = pd.read_parquet("observations.parquet", dtype_backend="numpy_nullable",',
    `                      filters=[("indicator", "==", ${pyString(e.id)})])`,
    'geo = pd.read_parquet("geo.parquet", dtype_backend="numpy_nullable", columns=["geo", "name", "kind"])',
    '',
    ...LEVELS.map((l) => `# ${l}`),
    `df = obs.merge(${level}, on="geo")`,
    `df = df[(df["dimension"] == ${pyString(e.slice.dimension)}) & (df["sex"] == ${pyString(e.slice.sex)}) & (df["age"] == ${pyString(e.slice.age)})]`,
    '',
    '# Wide by year. A censored cell ("<5") has value <NA>, its mark in censored and its bounds in value_min',
    '# and value_max: pivot keeps it <NA>, and the marks can be pivoted beside it.',
    `wide = df.pivot(index=${index}, columns="year", values="value")`,
    `marks = df.pivot(index=${index}, columns="year", values="censored")`,
    '',
    ...(e.additive
      ? [
          '# The trap: df.pivot_table(values="value", aggfunc="sum") adds a censored <NA> as 0, and the total',
          '# looks exact. Say what a sum leaves out instead:',
          'df = df.assign(low=df["value"].fillna(df["value_min"]), high=df["value"].fillna(df["value_max"]))',
          `totals = df.groupby(${keys}).agg(`,
          '    places=("geo", "size"),',
          '    sum_of_exact_values=("value", "sum"),  # skips <NA>: censored cells are left out',
          '    censored_cells=("censored", "count"),',
          '    at_least=("low", "sum"),',
          '    at_most=("high", lambda s: s.sum(min_count=len(s))),  # <NA> when a bound is open (">=")',
          ')',
        ]
      : [
          '# Rates and percentages do not add up over places: count, do not sum (pivot_table(aggfunc="sum") would,',
          '# and would add a censored <NA> as 0).',
          `summary = df.groupby(${keys}).agg(`,
          '    places=("geo", "size"),',
          '    censored_cells=("censored", "count"),',
          '    median_of_exact_values=("value", "median"),',
          ')',
        ]),
  ) + '\n';
}

function r(e: IndicatorExample): string {
  const level = e.countries ? 'filter(geo, kind == "country")' : 'geo';
  const keys = e.countries ? 'year, category, unit' : 'kind, year, category, unit';
  const idCols = e.countries ? 'geo, name, category, unit' : 'geo, name, kind, category, unit';
  return lines(
    'library(arrow)',
    'library(dplyr)',
    'library(tidyr)',
    '',
    `# ${FILES(e)}`,
    `obs <- read_parquet("observations.parquet") |> filter(indicator == ${rString(e.id)})`,
    'geo <- read_parquet("geo.parquet") |> select(geo, name, kind)',
    '',
    ...LEVELS.map((l) => `# ${l}`),
    'df <- obs |>',
    `  inner_join(${level}, by = "geo") |>`,
    `  filter(dimension == ${rString(e.slice.dimension)}, sex == ${rString(e.slice.sex)}, age == ${rString(e.slice.age)})`,
    '',
    '# Wide by year. A censored cell ("<5") has value NA, its mark in censored and its bounds in value_min',
    '# and value_max: pivot_wider keeps it NA.',
    `wide <- df |> select(${idCols}, year, value) |>`,
    '  pivot_wider(names_from = year, values_from = value)',
    '',
    ...(e.additive
      ? [
          '# The trap: sum(value, na.rm = TRUE) counts a censored cell as 0, and the total looks exact.',
          '# Say what it leaves out instead:',
          'totals <- df |>',
          `  group_by(${keys}) |>`,
          '  summarise(places = n(),',
          '            sum_of_exact_values = sum(value, na.rm = TRUE),',
          '            censored_cells = sum(!is.na(censored)),',
          '            at_least = sum(coalesce(value, value_min)),',
          '            at_most = sum(coalesce(value, value_max)),  # NA when a bound is open (">=")',
          '            .groups = "drop")',
        ]
      : [
          '# Rates and percentages do not add up over places: count, do not sum.',
          'summary <- df |>',
          `  group_by(${keys}) |>`,
          '  summarise(places = n(),',
          '            censored_cells = sum(!is.na(censored)),',
          '            median_of_exact_values = median(value, na.rm = TRUE),',
          '            .groups = "drop")',
        ]),
  ) + '\n';
}
