import type { RawRow, RawTable } from '../../read-table.ts';
import { decimal, fail, isEmpty } from '../../values.ts';

/** How a hand-typed amount cell reads: a number, a censored number, or "present but not counted". */
export interface Amount {
  value: number | null;
  censored: string | null;
  /** 'Y' / 'no exact number': the thing was seized but the publisher gives no number. */
  unknown: boolean;
}

/** The text patterns a column may hold; each column allows only those found in it, so a new quirk stops the build. */
export type AmountPattern = 'present' | 'censored' | 'kg-suffix';

const NONE: Amount = { value: null, censored: null, unknown: false };
const PRESENT = new Set(['Y', 'no exact number']);
const WITH_KG = /^(\d+(?:\.\d+)?)\s*kg$/;

/** Reads one amount cell; `allowed` lists the documented text patterns this column may hold. */
export function amount(t: RawTable, r: RawRow, column: string, allowed: AmountPattern[]): Amount {
  const cell = t.get(r, column);
  if (isEmpty(cell)) return NONE;
  if (typeof cell === 'number') return { ...NONE, value: decimal(t, r, column, { min: 0 }) };
  if (typeof cell !== 'string') fail(t, r, column, cell, 'unparseable amount');
  const s = cell.trim();
  if (/^-?\d+(\.\d+)?$/.test(s)) return { ...NONE, value: decimal(t, r, column, { min: 0 }) };
  if (allowed.includes('present') && PRESENT.has(s)) return { ...NONE, unknown: true };
  const censored = allowed.includes('censored') ? censoredMark(s) : null;
  if (censored !== null) return { ...NONE, censored };
  const kg = allowed.includes('kg-suffix') ? WITH_KG.exec(s) : null;
  if (kg) return { ...NONE, value: Number(kg[1]) };
  fail(t, r, column, cell, 'unparseable amount');
}

const MORE_THAN = /^>\s*(\d+)$/;
const AT_LEAST = /^(\d+)\s*\(possibly more\)$/;
const RANGE = /^(\d+)\s*-\s*(\d+)$/;

/** '>572', '55 (possibly more)' and '60 -120' as the release's censoring marks ('>572', '>=55', '60-120'). */
function censoredMark(s: string): string | null {
  const more = MORE_THAN.exec(s);
  if (more) return `>${Number(more[1])}`;
  const least = AT_LEAST.exec(s);
  if (least) return `>=${Number(least[1])}`;
  const range = RANGE.exec(s);
  if (range && Number(range[1]) <= Number(range[2])) return `${Number(range[1])}-${Number(range[2])}`;
  return null;
}
