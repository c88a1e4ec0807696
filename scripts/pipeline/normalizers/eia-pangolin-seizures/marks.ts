/** The publisher's one-word marks: C/UC, Major and the transit type. */
import type { RawRow, RawTable } from '../../read-table.ts';
import { fail, text } from '../../values.ts';
import { COL } from './headers.ts';

const CUC: Record<string, boolean> = { C: true, UC: false };
/** Two C/UC cells hold a place name instead of a mark; kept as a note rather than guessed. */
const PLACE_IN_CUC = new Set(['Dubai', 'Hanoi Noi Bai']);

/** C = confirmed, UC = unconfirmed; null when not marked. */
export function confirmed(t: RawTable, r: RawRow, column: string, role: string, notes: string[]): boolean | null {
  const s = text(t, r, column);
  if (s === null) return null;
  const flag = CUC[s];
  if (flag !== undefined) return flag;
  if (PLACE_IN_CUC.has(s)) {
    notes.push(`the ${role} C/UC cell holds a place name (${JSON.stringify(s)}) instead of C or UC`);
    return null;
  }
  fail(t, r, column, t.get(r, column), 'expected C or UC');
}

const MAJOR: Record<string, boolean | null> = { Y: true, N: false, 'N/A': null };

/** EIA's flag for seizures of 500 kg or more. */
export function major(t: RawTable, r: RawRow): boolean | null {
  const s = text(t, r, COL.major);
  if (s === null) return null;
  const v = MAJOR[s];
  if (v === undefined) fail(t, r, COL.major, t.get(r, COL.major), 'expected Y, N or N/A');
  return v;
}

/** Transit labels differ only in case and spacing ('By road', 'By Road', 'by road'); one spelling each. */
const TRANSIT = new Set(['By road', 'By sea', 'By air', 'By river', 'By rail', 'By foot', 'By post', 'In luggage', 'Posted', 'Online', 'Unknown']);

export function transitType(t: RawTable, r: RawRow): string | null {
  const s = text(t, r, COL.transit);
  if (s === null) return null;
  const label = s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  if (!TRANSIT.has(label)) fail(t, r, COL.transit, t.get(r, COL.transit), 'unknown transit type');
  return label;
}
