import type { RawRow, RawTable } from '../../read-table.ts';
import { amount, type Amount } from './amount-cell.ts';
import { COL } from './headers.ts';

/** The counts and weights of one incident, each column read with only the text patterns found in it. */
export interface Amounts {
  carcass: Amount;
  live: Amount;
  whole: Amount;
  reportedKg: number | null;
  estimatedKg: number | null;
  scales: Amount;
  estimatedAnimals: number | null;
}

export function readAmounts(t: RawTable, r: RawRow): Amounts {
  return {
    carcass: amount(t, r, COL.carcass, ['present', 'censored']),
    live: amount(t, r, COL.live, ['censored']),
    whole: amount(t, r, COL.whole, ['present', 'censored']),
    reportedKg: amount(t, r, COL.reportedKg, ['kg-suffix']).value,
    estimatedKg: amount(t, r, COL.estimatedKg, []).value,
    scales: amount(t, r, COL.scalesKg, ['present']),
    estimatedAnimals: amount(t, r, COL.estimatedAnimals, []).value,
  };
}
