/**
 * Code that loads one release table in Python (pandas, nullable dtypes through pyarrow), R (arrow, dplyr) and DuckDB
 * SQL. Which example a table gets depends on what its rows are:
 * - a table with a place and a year (coverage-columns.ts): rows and countries by year, countries only, and the rows
 *   that name no country counted apart (a join drops them without a word);
 * - the geo table: its levels (geo.kind), and each country with its M49 region and sub-region;
 * - any other table: its rows, and a count by its first column.
 * Observations get the indicator examples (indicator-examples.ts) instead: one indicator at a time is how it is read.
 * tests/e2e/catalog-pages.test.ts runs the SQL as the built page shows it against the release and expects rows.
 */
import type { CoverageColumns } from '../coverage-columns.ts';
import { lines, pyString, rString } from './literals.ts';
import type { CodeExamples } from './types.ts';

export interface TableExample {
  name: string;
  version: string;
  /** Its Parquet file's name in the release (and as downloaded). */
  file: string;
  coverage: CoverageColumns | null;
  /** The column a table without a place and a year is counted by. */
  firstColumn: string;
}

export function tableExamples(t: TableExample): CodeExamples {
  if (t.name === 'geo') return geoExamples(t);
  if (t.coverage) return placeYearExamples(t, t.coverage.place[0]!, t.coverage.year);
  return plainExamples(t);
}

const header = (t: TableExample, files: string) => `${t.name} from release ${t.version}: ${files} in the working folder.`;
const LEVELS = [
  'geo.kind tells countries from M49 regions, sub-regions and the world: keep countries, and a row whose',
  'place is not one country (NULL) drops out of the join, so count those rows apart.',
];

/** SQL names are written as the schema has them: plain lower-case words, no quoting needed. */
function placeYearExamples(t: TableExample, place: string, year: string): CodeExamples {
  const files = `${t.file} and geo.parquet`;
  const other = t.coverage!.place.length > 1 ? ` (also in ${t.coverage!.place.slice(1).join(', ')})` : '';
  const sql = lines(
    `-- ${header(t, files)}`,
    `-- Rows and countries by ${year}, the country taken from ${place}${other}.`,
    ...LEVELS.map((l) => `-- ${l}`),
    `SELECT t.${year}, count(*) AS rows, count(DISTINCT t.${place}) AS countries`,
    `FROM '${t.file}' AS t`,
    `JOIN 'geo.parquet' AS g ON g.geo = t.${place}`,
    "WHERE g.kind = 'country'",
    `GROUP BY t.${year}`,
    `ORDER BY t.${year};`,
    '',
    `SELECT count(*) AS rows_without_a_country FROM '${t.file}' WHERE ${place} IS NULL;`,
  );
  const python = lines(
    'import pandas as pd',
    '',
    `# ${header(t, files)}`,
    '# dtype_backend="numpy_nullable": an empty cell is <NA> (never NaN or 0), integers stay integers.',
    `t = pd.read_parquet(${pyString(t.file)}, dtype_backend="numpy_nullable")`,
    'geo = pd.read_parquet("geo.parquet", dtype_backend="numpy_nullable", columns=["geo", "name", "kind"])',
    '',
    ...LEVELS.map((l) => `# ${l}`),
    'countries = geo[geo["kind"] == "country"].rename(columns={"geo": "country"})',
    `df = t.merge(countries, left_on=${pyString(place)}, right_on="country")`,
    `per_year = df.groupby(${pyString(year)}).agg(rows=("country", "size"), countries=("country", "nunique"))`,
    `rows_without_a_country = t[${pyString(place)}].isna().sum()`,
  );
  const r = lines(
    'library(arrow)',
    'library(dplyr)',
    '',
    `# ${header(t, files)}`,
    `t <- read_parquet(${rString(t.file)})`,
    'geo <- read_parquet("geo.parquet") |> select(geo, name, kind)',
    '',
    ...LEVELS.map((l) => `# ${l}`),
    `df <- t |> inner_join(filter(geo, kind == "country"), by = c(${place} = "geo"))`,
    `per_year <- df |> group_by(${year}) |> summarise(rows = n(), countries = n_distinct(${place}))`,
    `rows_without_a_country <- sum(is.na(t$${place}))`,
  );
  return { python: python + '\n', r: r + '\n', sql: sql + '\n' };
}

function geoExamples(t: TableExample): CodeExamples {
  const files = t.file;
  const levels = [
    'Countries and M49 regions are rows of the same table, told apart by kind. Each country names its',
    'region and sub-region: add up countries, or take a region\'s own row, never both.',
  ];
  const sql = lines(
    `-- ${header(t, files)}`,
    `-- ${levels[0]}`,
    `-- ${levels[1]}`,
    `SELECT kind, count(*) AS places FROM '${t.file}' GROUP BY kind ORDER BY places DESC;`,
    '',
    'SELECT geo, name, region_name, subregion_name, intermediate_name',
    `FROM '${t.file}'`,
    "WHERE kind = 'country'",
    'ORDER BY region_name, subregion_name, name;',
  );
  const python = lines(
    'import pandas as pd',
    '',
    `# ${header(t, files)}`,
    `geo = pd.read_parquet(${pyString(t.file)}, dtype_backend="numpy_nullable")`,
    ...levels.map((l) => `# ${l}`),
    'print(geo["kind"].value_counts())',
    'countries = geo.loc[geo["kind"] == "country", ["geo", "name", "region_name", "subregion_name", "intermediate_name"]]',
  );
  const r = lines(
    'library(arrow)',
    'library(dplyr)',
    '',
    `# ${header(t, files)}`,
    `geo <- read_parquet(${rString(t.file)})`,
    ...levels.map((l) => `# ${l}`),
    'count(geo, kind, sort = TRUE)',
    'countries <- geo |> filter(kind == "country") |> select(geo, name, region_name, subregion_name, intermediate_name)',
  );
  return { python: python + '\n', r: r + '\n', sql: sql + '\n' };
}

function plainExamples(t: TableExample): CodeExamples {
  const c = t.firstColumn;
  const sql = lines(
    `-- ${header(t, t.file)}`,
    `SELECT ${c}, count(*) AS rows FROM '${t.file}' GROUP BY ${c} ORDER BY rows DESC;`,
    '',
    `SELECT * FROM '${t.file}' LIMIT 20;`,
  );
  const python = lines(
    'import pandas as pd',
    '',
    `# ${header(t, t.file)}`,
    '# dtype_backend="numpy_nullable": an empty cell is <NA> (never NaN or 0), integers stay integers.',
    `t = pd.read_parquet(${pyString(t.file)}, dtype_backend="numpy_nullable")`,
    `print(t[${pyString(c)}].value_counts(dropna=False))`,
  );
  const r = lines(
    'library(arrow)',
    'library(dplyr)',
    '',
    `# ${header(t, t.file)}`,
    `t <- read_parquet(${rString(t.file)})`,
    `count(t, ${c}, sort = TRUE)`,
  );
  return { python: python + '\n', r: r + '\n', sql: sql + '\n' };
}
