import type { RawRow, RawTable } from '../../read-table.ts';
import { count } from '../../values.ts';
import { fail } from './fail.ts';
import { COL } from './headers.ts';

/** MMP's 1–5 score of how well a record is sourced; another value would mean the scale changed. */
export function sourceQuality(t: RawTable, r: RawRow): number {
  const q = count(t, r, COL.quality);
  if (q === null || q < 1 || q > 5) fail(t, r, COL.quality, `expected a source-quality score 1–5, found ${JSON.stringify(t.get(r, COL.quality))}`);
  return q;
}
