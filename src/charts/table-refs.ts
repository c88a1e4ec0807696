/**
 * The publisher's row of each value a data table shows (DataTable.refs), which the table writes as `data-ref` so a
 * chart's CSV cites each value's row (src/export/chart-csv.ts). Computed cells (a stack's summed total) have none.
 */
import type { DataTable, Value } from './types.ts';

/** The refs of one table row: column key → the value's `source_ref`, for the values that carry one. */
export function rowRefs(cells: Record<string, Value | null | undefined>): Record<string, string> | null {
  const out = Object.fromEntries(Object.entries(cells).flatMap(([key, v]) => (v?.source_ref ? [[key, v.source_ref]] : [])));
  return Object.keys(out).length > 0 ? out : null;
}

/** `refs` for a table whose rows have these refs; nothing when no value has a row to cite. */
export function tableRefs(rows: (Record<string, string> | null)[]): Pick<DataTable, 'refs'> {
  return rows.some((r) => r !== null) ? { refs: rows } : {};
}
