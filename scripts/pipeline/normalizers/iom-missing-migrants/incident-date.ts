import type { QualityNote } from '../../source-module.ts';
import type { RawRow, RawTable } from '../../read-table.ts';
import { oneOf, text } from '../../values.ts';
import { fail } from './fail.ts';
import { COL } from './headers.ts';
import { rowNote } from './quality.ts';

/** English month names as published, to month numbers (as text, because oneOf deals in labels). */
const MONTHS: Record<string, string> = {
  January: '1', February: '2', March: '3', April: '4', May: '5', June: '6',
  July: '7', August: '8', September: '9', October: '10', November: '11', December: '12',
};

/** The Month column, 1–12: filled on every record, unlike the Incident Date. */
export function incidentMonth(t: RawTable, r: RawRow): number {
  return Number(oneOf(t, r, COL.month, MONTHS));
}

export interface IncidentDate {
  date: string | null;
  note: string | null;
  quality: QualityNote | null;
}

/**
 * The Incident Date text, which is occasionally blank. Its year must be the Incident Year (the aggregates are by
 * Incident Year, so a mismatch would make the year ambiguous): that stops the build. A month that disagrees with the
 * Month column is kept as published and reported (in the 2024 download, mostly day and month swapped in one 2020 batch).
 */
export function incidentDate(t: RawTable, r: RawRow, yr: number, month: number): IncidentDate {
  const s = text(t, r, COL.date);
  if (s === null) return { date: null, note: 'Incident Date blank in the source; year and month from Incident Year and Month', quality: null };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || !isCalendarDate(s)) fail(t, r, COL.date, `expected a date YYYY-MM-DD, found ${JSON.stringify(s)}`);
  if (Number(s.slice(0, 4)) !== yr) fail(t, r, COL.date, `year of the date differs from ${COL.year} ${yr}, found ${JSON.stringify(s)}`);
  if (Number(s.slice(5, 7)) === month) return { date: s, note: null, quality: null };
  const monthName = text(t, r, COL.month);
  const msg = `Incident Date ${s} has month ${s.slice(5, 7)} but the Month column says ${monthName}; both kept as published`;
  return { date: s, note: msg, quality: rowNote(t, r, 'incident date vs month', msg) };
}

/** Rejects impossible dates (2021-02-30) that the Date constructor would roll over into the next month. */
function isCalendarDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}
