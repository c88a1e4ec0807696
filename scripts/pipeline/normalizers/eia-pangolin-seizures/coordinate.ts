import type { RawRow, RawTable } from '../../read-table.ts';
import { decimal, fail } from '../../values.ts';

/**
 * Latitude or longitude: a number (text with non-breaking spaces accepted, as decimal() trims them), 'N/A' = not
 * given; range-checked, because a swapped pair would otherwise pass unnoticed.
 */
export function coordinate(t: RawTable, r: RawRow, column: string, limit: number): number | null {
  const cell = t.get(r, column);
  if (typeof cell === 'string' && cell.trim() === 'N/A') return null;
  const n = decimal(t, r, column);
  if (n !== null && Math.abs(n) > limit) fail(t, r, column, cell, `coordinate outside ±${limit}`);
  return n;
}
