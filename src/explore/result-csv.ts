/**
 * A query result as CSV (papaparse: RFC 4180, UTF-8, header row). Cells that a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR at the start) are prefixed with a quote, as the release's own CSVs are. Missing values are
 * empty cells, never 0.
 */
import Papa from 'papaparse';

export function resultCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const data = rows.map((r) => columns.map((c) => {
    const v = r[c];
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }));
  return Papa.unparse({ fields: [...columns], data }, { escapeFormulae: true, newline: '\r\n' });
}
