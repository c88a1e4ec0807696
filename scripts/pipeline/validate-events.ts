/**
 * Event tables are written with typed columns; a value the type cannot hold (a count beyond the INTEGER range, a
 * text in a number column) would otherwise fail deep in the Parquet writer without saying where it came from. Each is
 * named here by the publisher's row it came from (source_ref) and the released column.
 */
import type { ColumnDef, EventTable } from './model.ts';
import { PipelineError } from './errors.ts';
import { sourceRefLocation } from './source-ref-location.ts';

const INT32_MAX = 2 ** 31 - 1;

function problem(col: ColumnDef, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  switch (col.type) {
    case 'INTEGER':
      if (typeof v !== 'number' || !Number.isInteger(v)) return 'expected a whole number';
      return Math.abs(v) > INT32_MAX ? `beyond the column's whole-number range (±${INT32_MAX})` : null;
    case 'DOUBLE':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'expected a finite number';
    case 'BOOLEAN':
      return typeof v === 'boolean' ? null : 'expected true or false';
    case 'DATE':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'expected a date YYYY-MM-DD';
    case 'VARCHAR':
      return null;
  }
}

export function validateEventTables(events: EventTable[]): void {
  for (const t of events) {
    for (const row of t.rows) {
      for (const col of t.columns) {
        const p = problem(col, row[col.name]);
        if (p) throw new PipelineError(sourceRefLocation(String(row['source_ref']), col.name), `${p} in released table ${t.name}, found ${JSON.stringify(row[col.name])}`);
      }
    }
  }
}
