import type { RawRow, RawTable } from '../../read-table.ts';
import { fail } from '../../values.ts';
import { COL } from './headers.ts';

const YEAR_RANGE = /^(?:SPLIT )?(\d{4})-(\d{4})$/;

/** A four-digit year, or a documented range ('SPLIT 2015-2016', '2009-2015') kept as a note with no year. */
export function incidentYear(t: RawTable, r: RawRow): { year: number | null; note: string | null } {
  const cell = t.get(r, COL.year);
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 1900 && cell <= 2100) return { year: cell, note: null };
  if (typeof cell === 'string') {
    const s = cell.trim();
    if (/^\d{4}$/.test(s)) return { year: Number(s), note: null };
    const m = YEAR_RANGE.exec(s);
    if (m && Number(m[1]) < Number(m[2])) return { year: null, note: s };
  }
  fail(t, r, COL.year, cell, 'expected a four-digit year or a range such as "SPLIT 2015-2016"');
}

/** A date cell as ISO; the one documented text form ('SPLIT 2014-2015') becomes a note. */
export function incidentDate(t: RawTable, r: RawRow): { date: string | null; note: string | null } {
  const cell = t.get(r, COL.date);
  if (cell === null) return { date: null, note: null };
  if (cell instanceof Date) return { date: cell.toISOString().slice(0, 10), note: null };
  if (typeof cell === 'string' && YEAR_RANGE.test(cell.trim())) return { date: null, note: cell.trim() };
  fail(t, r, COL.date, cell, 'expected a date or a range such as "SPLIT 2014-2015"');
}
