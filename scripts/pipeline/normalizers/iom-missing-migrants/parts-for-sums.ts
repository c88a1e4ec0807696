import type { QualityNote } from '../../source-module.ts';
import type { RawRow, RawTable } from '../../read-table.ts';
import { COL } from './headers.ts';
import { rowNote } from './quality.ts';

export interface Parts {
  dead: number | null;
  missing: number | null;
  quality: QualityNote | null;
}

const CHECK = 'dead + missing = total';

/**
 * Dead and missing of one record for summing. "Number of Dead" or "Minimum Estimated Number of Missing" may be
 * blank, but "Total Number of Dead and Missing" is always filled and equals Dead + Missing, so a blank part is Total
 * minus the other. A record whose published parts do not add up is published as is and reported.
 */
export function partsForSums(t: RawTable, r: RawRow, dead: number | null, missing: number | null, total: number): Parts {
  if (dead !== null && missing !== null) {
    if (dead + missing === total) return { dead, missing, quality: null };
    const message = `${COL.dead} ${dead} + ${COL.missing} ${missing} ≠ ${COL.total} ${total}; parts summed as published`;
    return { dead, missing, quality: rowNote(t, r, CHECK, message) };
  }
  if (dead === null && missing === null) return total === 0 ? { dead: 0, missing: 0, quality: null } : { dead: null, missing: null, quality: null };
  const derived = total - (dead ?? missing)!;
  if (derived >= 0) return dead === null ? { dead: derived, missing, quality: null } : { dead, missing: derived, quality: null };
  const message = `${dead === null ? COL.missing : COL.dead} ${dead ?? missing} exceeds ${COL.total} ${total}; the other part cannot be derived`;
  return { dead, missing, quality: rowNote(t, r, CHECK, message) };
}
