/**
 * The first pass over the files: how many records each has and which are quarantined, with the check that decided
 * and the cell. What leaves DuckDB is small: a few numbers per file and the quarantined rows.
 */
import type { QuarantineEntry } from '../../ledger.ts';
import type { DuckSession } from '../../stream/duckdb-session.ts';
import { faultCellSql, type Check } from './checks.ts';
import { SOURCE_ID } from './shipments.ts';

export interface FileFates {
  file: string;
  read: number;
  /** The last data row's number, which must be read + header_row when rows are numbered densely. */
  lastLine: number;
  quarantined: number;
  /** The first record with fields missing or too many (csv-source.ts), if any. */
  misshapen: { row: number; shape: number } | null;
}

export async function sortFates(session: DuckSession, classified: string, list: Check[]): Promise<void> {
  await session.keepOrder(false);
  await session.run(`CREATE TEMP TABLE fates AS
SELECT file_no, any_value(file) AS file, count(*)::INTEGER AS read, max(line)::INTEGER AS last_line,
  list({line: line, fault: fault, cell: ${faultCellSql(list)}}) FILTER (WHERE fault IS NOT NULL) AS faults,
  min_by({line: line, shape: shape}, line) FILTER (WHERE shape IS NOT NULL) AS misshapen
FROM (${classified}) GROUP BY file_no`);
}

export async function fileFates(session: DuckSession): Promise<FileFates[]> {
  const rows = await session.rows(
    `SELECT file, read, last_line, coalesce(len(faults), 0)::INTEGER AS quarantined, misshapen.line::INTEGER AS bad_line, misshapen.shape::INTEGER AS bad_shape FROM fates ORDER BY file_no`,
  );
  return rows.map((r) => ({
    file: String(r['file']),
    read: Number(r['read']),
    lastLine: Number(r['last_line']),
    quarantined: Number(r['quarantined']),
    misshapen: r['bad_line'] === null ? null : { row: Number(r['bad_line']), shape: Number(r['bad_shape']) },
  }));
}

export async function quarantined(session: DuckSession, list: Check[]): Promise<QuarantineEntry[]> {
  const rows = await session.rows(`SELECT file, f.line::INTEGER AS line, f.fault::INTEGER AS fault, f.cell FROM (SELECT file, unnest(faults) AS f FROM fates) ORDER BY file, line`);
  return rows.map((r) => {
    const check = list[Number(r['fault']) - 1]!;
    return { source: SOURCE_ID, file: String(r['file']), sheet: null, row: Number(r['line']), column: check.column, value: r['cell'] === null ? null : String(r['cell']), reason: check.reason };
  });
}
