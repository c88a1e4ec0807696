import type { RawTable } from '../../read-table.ts';
import type { FileLedger } from '../../ledger.ts';

/** A row repeated cell for cell is one incident typed twice: quarantined, so it is not counted twice. */
export function exactDuplicates(t: RawTable, ledger: FileLedger): Set<number> {
  const seen = new Map<string, number>();
  const dup = new Set<number>();
  for (const r of t.rows) {
    const key = JSON.stringify(r.cells.map((c) => (c instanceof Date ? c.toISOString() : c)));
    const first = seen.get(key);
    if (first === undefined) seen.set(key, r.row);
    else {
      ledger.quarantine(r, `exact duplicate of row ${first}`);
      dup.add(r.row);
    }
  }
  return dup;
}
