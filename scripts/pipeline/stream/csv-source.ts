/**
 * DuckDB's read_csv over one publisher file, told everything (columns, all text, separator, quoting, header) so it
 * guesses nothing, and made to stop on what it would otherwise repair or skip:
 *   - a stray quote, an invalid byte, a record with a non-empty field too many: DuckDB's rejects (store_rejects);
 *   - a record with fields missing, or with empty fields too many (DuckDB drops those without a word): the reader
 *     is given one column more than the header (BEYOND) and pads short records, and an empty field is read as ''
 *     while a padded one is NULL, so `shape` (below) tells each case apart;
 *   - a blank line, which the reader skips: scan-file.ts, before.
 * Each comes back as one error naming file, row and column.
 */
import { PipelineError } from '../errors.ts';
import type { DuckSession } from './duckdb-session.ts';
import { sqlName, sqlText } from './duckdb-session.ts';
import type { StreamedFile } from './scan-file.ts';

/** The column after the header's last: NULL on a well-formed record. */
const BEYOND = '__beyond_the_header';
/** No cell reads as NULL by its text: only a field the record lacks is NULL. */
const NEVER_NULL = 'no cell is null by its text 7c1f';

export function readCsvSql(file: StreamedFile, opts: { storeRejects: boolean }): string {
  const { columns, header_row, delimiter } = file.layout;
  const spec = [...columns, BEYOND].map((c) => `${sqlText(c)}: 'VARCHAR'`).join(', ');
  return `read_csv(${sqlText(file.path)}, columns = {${spec}}, header = true, skip = ${header_row - 1}, auto_detect = false, ` +
    `delim = ${sqlText(delimiter ?? ',')}, quote = '"', escape = '"', strict_mode = true, null_padding = true, ` +
    `allow_quoted_nulls = false, nullstr = ${sqlText(NEVER_NULL)}, encoding = 'utf-8'${opts.storeRejects ? ', store_rejects = true' : ''})`;
}

/** SQL: 0 when the record has a field beyond the header, k when column k (1-based) is the first it lacks, else NULL. */
function shapeSql(columns: string[]): string {
  const lacks = columns.map((c, i) => `WHEN ${sqlName(c)} IS NULL THEN ${i + 1}`).join(' ');
  return `CASE WHEN ${sqlName(BEYOND)} IS NOT NULL THEN 0 ${lacks} END`;
}

/**
 * Each record of a file, numbered as a spreadsheet shows it (the header row counts), in file order, with its
 * `shape` and its cells (an empty cell as NULL).
 */
export function numberedRowsSql(file: StreamedFile, fileNo: number, opts: { storeRejects: boolean }): string {
  const { columns, header_row, name } = file.layout;
  const cells = columns.map((c) => `NULLIF(${sqlName(c)}, '') AS ${sqlName(c)}`).join(', ');
  return `SELECT ${fileNo}::USMALLINT AS file_no, ${sqlText(name)} AS file, (row_number() OVER () + ${header_row})::INTEGER AS line, ` +
    `${shapeSql(columns)} AS shape, ${cells} FROM ${readCsvSql(file, opts)}`;
}

/** The error for a record whose `shape` is not NULL. */
export function misshapen(file: StreamedFile, row: number, shape: number): PipelineError {
  const { columns, name } = file.layout;
  if (shape === 0) {
    return new PipelineError(
      { file: name, row, column: `#${columns.length + 1} (beyond the header)` },
      `the record has more fields than the header's ${columns.length} (empty ones too): a stray separator`,
    );
  }
  const n = shape - 1;
  return new PipelineError(
    { file: name, row, column: columns[n] },
    `the record has ${n} ${n === 1 ? 'field' : 'fields'} where the header has ${columns.length}: a lost separator, a stray quote or a cut line`,
  );
}

/** Every file's numbered records, one file after the other (UNION ALL and an empty OVER () keep file order). */
export function allRowsSql(files: StreamedFile[], opts: { storeRejects: boolean }): string {
  return files.map((f, i) => numberedRowsSql(f, i + 1, opts)).join('\nUNION ALL\n');
}

function rejectColumn(file: StreamedFile, errorType: string, name: string | null): string | undefined {
  if (errorType === 'TOO MANY COLUMNS') return `#${file.layout.columns.length + 1} (beyond the header)`;
  return name ?? undefined;
}

/** The first record the reader refused, as a PipelineError naming its place; null when it refused none. */
export async function firstReject(session: DuckSession, files: StreamedFile[]): Promise<PipelineError | null> {
  const rows = await session.rows(
    `SELECT s.file_path, e.line::INTEGER AS line, e.column_name, e.error_type::VARCHAR AS error_type, e.error_message, e.csv_line ` +
      `FROM reject_errors e JOIN reject_scans s ON e.scan_id = s.scan_id AND e.file_id = s.file_id ` +
      `QUALIFY row_number() OVER (PARTITION BY s.file_path ORDER BY e.line) = 1`,
  );
  const order = (path: unknown) => files.findIndex((f) => f.path === path);
  const r = rows.sort((a, b) => order(a['file_path']) - order(b['file_path']))[0];
  if (!r) return null;
  const file = files.find((f) => f.path === r['file_path']);
  const name = file?.layout.name ?? String(r['file_path']);
  const column = file ? rejectColumn(file, String(r['error_type']), r['column_name'] === null ? null : String(r['column_name'])) : undefined;
  return new PipelineError(
    { file: name, row: Number(r['line']), column },
    `the CSV reader cannot read this record (${String(r['error_type']).toLowerCase()}: ${String(r['error_message'])}): ${JSON.stringify(String(r['csv_line']).trim().slice(0, 200))}`,
  );
}
