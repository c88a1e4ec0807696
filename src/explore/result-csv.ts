/**
 * A query result as CSV (papaparse quotes it: RFC 4180, UTF-8, header row, CRLF). Formula-like text is neutralised by
 * the project's own rule (scripts/pipeline/release/csv-field.ts, as the release's CSVs are), not by papaparse's
 * escapeFormulae, which would also prefix a negative number. Missing values are empty cells, never 0.
 */
import Papa from 'papaparse';
import { neutralise } from '../../scripts/pipeline/release/csv-field.ts';

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return neutralise(typeof v === 'object' ? JSON.stringify(v) : String(v));
}

export function resultCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const data = rows.map((r) => columns.map((c) => cell(r[c])));
  return Papa.unparse({ fields: [...columns], data }, { newline: '\r\n' });
}
