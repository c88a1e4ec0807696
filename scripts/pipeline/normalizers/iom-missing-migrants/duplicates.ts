import type { RawRow, RawTable } from '../../read-table.ts';
import { PipelineError } from '../../errors.ts';
import { requiredText } from '../../values.ts';
import { COL } from './headers.ts';

/**
 * Incident IDs are unique: a repeated record is the row of its first occurrence if identical (to be quarantined),
 * and stops the build if it differs, since there is no telling which version is right.
 */
export function duplicateOf(t: RawTable, r: RawRow, seen: Map<string, RawRow>): number | null {
  const id = requiredText(t, r, COL.incidentId);
  const prior = seen.get(id);
  if (!prior) {
    seen.set(id, r);
    return null;
  }
  const same = t.columns.every((c) => JSON.stringify(t.get(prior, c)) === JSON.stringify(t.get(r, c)));
  if (same) return prior.row;
  throw new PipelineError(t.at(r, COL.incidentId), `duplicate key with conflicting values: Incident ID ${JSON.stringify(id)} also on row ${prior.row} with different cells`);
}
