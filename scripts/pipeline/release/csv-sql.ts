/**
 * The rules of csv-field.ts, spelled in DuckDB SQL, so a table of tens of millions of rows is written as CSV by
 * DuckDB's COPY in one pass instead of crossing into JavaScript row by row (23 M rows: minutes of row objects).
 * The bytes must equal what write-csv.ts writes for the same rows; tests/pipeline/csv-sql.test.ts compares the two
 * on hand-made and random values.
 *
 * COPY writes one VARCHAR column per row, already a whole CSV line, with quoting switched off (QUOTE ''), so
 * DuckDB adds nothing of its own; the header line is that column's name.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnDef } from '../model.ts';
import { formatCsvHeader } from './write-csv.ts';

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
const text = (s: string) => `'${s.replaceAll("'", "''")}'`;

// csv-field.ts's patterns in RE2 syntax (DuckDB's regexp functions); without flags ^ and $ are the text's ends.
const FORMULA_START = text('^[=+\\-@\\t\\r]');
const PLAIN_NUMBER = text('^[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?$');
const NEEDS_QUOTES = text('[",\\r\\n]');

/**
 * Macros, so each step names its inputs once. A double's text: DuckDB writes the same shortest round-trip digits
 * as JavaScript but lays them out its own way (1e-05, 3e+20, 100.0). csv_num takes the digits d and the exponent n
 * (|x| = 0.d × 10^n) from DuckDB's text and lays them out as ECMAScript's Number::toString does: plain up to 21
 * integer digits, 0.000ddd down to 1e-7, an exponent otherwise.
 */
const MACROS = [
  `csv_quote(s) AS CASE WHEN regexp_matches(s, ${NEEDS_QUOTES}) THEN '"' || replace(s, '"', '""') || '"' ELSE s END`,
  `csv_text_careful(s) AS csv_quote(CASE WHEN regexp_matches(s, ${FORMULA_START}) AND NOT regexp_matches(s, ${PLAIN_NUMBER}) THEN '''' || s ELSE s END)`,
  // Most cells need neither; a first character and four substring searches settle that at about half the cost of one
  // regular expression (3 M rows × 25 columns: 5.8 s against 10 s).
  `csv_text(s) AS CASE WHEN s[1] IN ('=', '+', '-', '@', chr(9), chr(13)) OR contains(s, '"') OR contains(s, ',') OR contains(s, chr(13)) OR contains(s, chr(10))
      THEN csv_text_careful(s) ELSE s END`,
  `csv_num_layout(d, n) AS CASE
      WHEN d = '' THEN '0'
      WHEN length(d) <= n AND n <= 21 THEN d || repeat('0', n - length(d))
      WHEN 0 < n AND n <= 21 THEN d[1:n] || '.' || d[n + 1:]
      WHEN -6 < n AND n <= 0 THEN '0.' || repeat('0', -n) || d
      ELSE d[1:1] || CASE WHEN length(d) > 1 THEN '.' || d[2:] ELSE '' END || 'e' || CASE WHEN n >= 1 THEN '+' ELSE '-' END || CAST(abs(n - 1) AS VARCHAR)
    END`,
  // ds: the digits without the point; pt: where the point falls in ds once the exponent is applied.
  `csv_num_digits(ds, pt) AS csv_num_layout(rtrim(ltrim(ds, '0'), '0'), pt - (length(ds) - length(ltrim(ds, '0'))))`,
  `csv_num_parts(m, e) AS csv_num_digits(split_part(m, '.', 1) || split_part(m, '.', 2), length(split_part(m, '.', 1)) + e)`,
  `csv_num_text(s) AS csv_num_parts(regexp_extract(s, '^[0-9.]+'), coalesce(TRY_CAST(regexp_extract(s, 'e([-+]?[0-9]+)$', 1) AS INTEGER), 0))`,
  // Without an exponent DuckDB's layout is JavaScript's but for a trailing '.0' on whole numbers: that common case
  // skips the digit surgery (DuckDB runs a CASE branch only for the rows that take it).
  `csv_num_plain(s) AS CASE WHEN suffix(s, '.0') THEN s[1:-3] ELSE s END`,
  `csv_num_abs(s) AS CASE WHEN contains(s, 'e') THEN csv_num_text(s) ELSE csv_num_plain(s) END`,
  `csv_num(x) AS CASE WHEN x < 0 THEN '-' ELSE '' END || csv_num_abs(CAST(abs(x) AS VARCHAR))`,
];

/** Defines the macros on a connection; copyCsvSql's statement needs them. */
export async function defineCsvMacros(conn: DuckDBConnection): Promise<void> {
  for (const m of MACROS) await conn.run(`CREATE OR REPLACE TEMP MACRO ${m}`);
}

/** One field of a column, as write-csv.ts writes it: '' for NULL; a number that is not finite stops the COPY. */
export function csvFieldSql(col: ColumnDef): string {
  const x = ident(col.name);
  if (col.type === 'DOUBLE') {
    const refuse = `error(${text(`CSV column ${col.name}: expected a finite number, got `)} || CAST(${x} AS VARCHAR))`;
    return `CASE WHEN ${x} IS NULL THEN '' WHEN isnan(${x}) OR isinf(${x}) THEN ${refuse} ELSE csv_num(${x}) END`;
  }
  if (col.type === 'INTEGER') return `coalesce(CAST(${x} AS VARCHAR), '')`;
  return `coalesce(csv_text(CAST(${x} AS VARCHAR)), '')`;
}

/** SQL: each row's CSV line for `columns`, without its CRLF (one concat: a chain of || copies the line at every step). */
export function csvLineSql(columns: readonly ColumnDef[]): string {
  return `concat(${columns.map(csvFieldSql).join(`, ',', `)})`;
}

/**
 * The COPY statement writing lines made by csvLineSql (`fromSql` yields them as its column `line`), after the header
 * line of `columns` unless `header` is false. Planning the line expression costs about 0.3 s a statement, so lines
 * made once for many files (write-downloads.ts) are copied by this.
 */
export function copyLinesSql(fromSql: string, columns: readonly ColumnDef[], path: string, header = true): string {
  const names = formatCsvHeader(columns).replace(/\r\n$/, '');
  return `COPY (SELECT line AS ${ident(names)} FROM (${fromSql})) TO ${text(path)} (FORMAT csv, HEADER ${header}, QUOTE '', ESCAPE '', NEW_LINE '\r\n')`;
}

/**
 * The COPY statement writing `fromSql`'s rows as the CSV write-csv.ts would write for `columns`: the header line
 * (unless `header` is false), then one CRLF-ended line per row. Rows keep their order only on one thread: DuckDB's
 * parallel COPY reorders chunks for some expressions even with preserve_insertion_order (csv-sql.test.ts), so the
 * caller runs it single-threaded (csv-slices.ts).
 */
export function copyCsvSql(fromSql: string, columns: readonly ColumnDef[], path: string, header = true): string {
  return copyLinesSql(`SELECT ${csvLineSql(columns)} AS line FROM (${fromSql})`, columns, path, header);
}
