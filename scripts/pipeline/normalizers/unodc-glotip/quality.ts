import type { QualityNote } from '../../source-module.ts';
import type { Placed } from './normalize-row.ts';
import { partsExceedTotal } from './parts-exceed-total.ts';
import { FLOW_INDICATORS } from './series.ts';

/** Totals smaller than their parts, on each axis; flows are left out, as they have no total row to compare with. */
export function qualityNotes(placed: Placed[], file: string, sheet: string | undefined): QualityNote[] {
  const base = placed.filter((p) => !FLOW_INDICATORS.has(p.obs.indicator));
  return (['sex', 'age', 'category'] as const).flatMap((axis) => partsExceedTotal(base, axis, file, sheet));
}
