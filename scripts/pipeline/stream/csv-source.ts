/**
 * DuckDB's read_csv over one publisher file, told everything (columns, all text, separator, quoting, header) so it
 * guesses nothing, and made to stop on what it would otherwise repair or skip: a ragged record, a stray quote, an
 * invalid byte. Those land in DuckDB's rejects tables (store_rejects) and come back as one error naming file, row
 * and column. Blank lines, the one thing the reader skips silently, are caught before (scan-file.ts).
 */
import { PipelineError } from '../errors.ts';
import type { DuckSession } from './duckdb-session.ts';
import { sqlName, sqlText } from './duckdb-session.ts';
import type { ScannedFile } from './scan-file.ts';

export function readCsvSql(file: ScannedFile, opts: { storeRejects: boolean }): string {
  const { columns, header_row, delimiter } = file.layout;
  const spec = columns.map((c) => `${sqlText(c)}: 'VARCHAR'`).join(', ');
  return `read_csv(${sqlText(file.path)}, columns = {${spec}}, header = true, skip = ${header_row - 1}, auto_detect = false, ` +
    `delim = ${sqlText(delimiter ?? ',')}, quote = '"', escape = '"', strict_mode = true, null_padding = false, ` +
    `encoding = 'utf-8'${opts.storeRejects ? ', store_rejects = true' : ''})`;
}

/** Each record of a file, numbered as a spreadsheet shows it (the header row counts), in file order. */
export function numberedRowsSql(file: ScannedFile, fileNo: number, opts: { storeRejects: boolean }): string {
  return `SELECT ${fileNo}::USMALLINT AS file_no, ${sqlText(file.layout.name)} AS file, ` +
    `(row_number() OVER () + ${file.layout.header_row})::INTEGER AS line, * FROM ${readCsvSql(file, opts)}`;
}

/** Every file's numbered records, one file after the other (UNION ALL and an empty OVER () keep file order). */
export function allRowsSql(files: ScannedFile[], opts: { storeRejects: boolean }): string {
  return files.map((f, i) => numberedRowsSql(f, i + 1, opts)).join('\nUNION ALL\n');
}

function rejectColumn(file: ScannedFile, errorType: string, name: string | null): string | undefined {
  if (errorType === 'TOO MANY COLUMNS') return `#${file.layout.columns.length + 1} (beyond the header)`;
  return name ?? undefined;
}

/** The first record the reader refused, as a PipelineError naming its place; null when it refused none. */
export async function firstReject(session: DuckSession, files: ScannedFile[]): Promise<PipelineError | null> {
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
    `the CSV reader cannot read this record (${String(r['error_type']).toLowerCase()}: ${String(r['error_message'])}): ${JSON.stringify(String(r['csv_line']).slice(0, 200))}`,
  );
}
