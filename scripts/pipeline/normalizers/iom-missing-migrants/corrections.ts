/**
 * Correction records: later split records re-classify persons already counted, with a negative "Minimum Estimated
 * Number of Missing" (missing persons found dead) or a negative "Number of Survivors" (survivors who later died).
 * They are published as they are; any other negative count stops the build.
 */
import type { RawRow, RawTable } from '../../read-table.ts';
import { isEmpty } from '../../values.ts';
import { fail } from './fail.ts';
import { COL } from './headers.ts';

/** A whole number that may be negative; used only where the publisher writes correction records. */
function signedCount(t: RawTable, r: RawRow, column: string): number | null {
  const c = t.get(r, column);
  if (isEmpty(c)) return null;
  const n = typeof c === 'number' ? c : typeof c === 'string' && /^-?\d+$/.test(c.trim()) ? Number(c.trim()) : NaN;
  if (!Number.isInteger(n)) fail(t, r, column, `unparseable count, found ${JSON.stringify(c)}`);
  return n;
}

/**
 * Missing persons; negative only on a correction record, which must then balance: Dead + Missing = Total
 * (the persons taken off "missing" are among this record's dead). Anything else is a defect.
 */
export function missingCount(t: RawTable, r: RawRow, dead: number | null, total: number): number | null {
  const m = signedCount(t, r, COL.missing);
  if (m === null || m >= 0) return m;
  if (dead === null || dead + m !== total) {
    fail(t, r, COL.missing, `negative count that is not a balanced correction record (${COL.dead} + missing must equal ${COL.total}), found ${m}`);
  }
  return m;
}

/** Survivors; negative only on a correction record for survivors who later died, i.e. at most this record's dead. */
export function survivorsCount(t: RawTable, r: RawRow, dead: number | null): number | null {
  const s = signedCount(t, r, COL.survivors);
  if (s === null || s >= 0) return s;
  if (dead === null || -s > dead) {
    fail(t, r, COL.survivors, `negative count that is not a correction record (survivors re-classified as dead cannot exceed ${COL.dead}), found ${s}`);
  }
  return s;
}
