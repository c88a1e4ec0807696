import { sourceRef, type Observation } from '../../model.ts';
import type { NormalizeInput } from '../../source-module.ts';
import type { RawRow, RawTable } from '../../read-table.ts';
import type { FileLedger } from '../../ledger.ts';
import { censoredCount, text } from '../../values.ts';
import { unodcGeo, unodcLabels } from '../unodc-common.ts';
import { derivedBlockReason, rawKey } from './appended-blocks.ts';
import { breakdown } from './breakdown.ts';
import { ID, VALUE } from './id.ts';
import { DOMAIN } from './indicators.ts';
import { REASONS } from './reasons.ts';
import { readKey } from './row-key.ts';

/** An observation and the row it came from, which the quality report cites. */
export interface Placed {
  obs: Observation;
  row: number;
}

/** One row → one observation, or a quarantine; returns null when the row was quarantined. */
export function normalizeRow(input: NormalizeInput, t: RawTable, r: RawRow, ledger: FileLedger, repeated: Set<string>): Placed | null {
  const geo = unodcGeo(t, r, ledger, input.geo);
  if (geo === null) return null;
  const key = readKey(t, r);
  const blockReason = derivedBlockReason(key.dimension, text(t, r, 'Category'), text(t, r, 'Sex'), text(t, r, 'Age'));
  if (blockReason !== null && repeated.has(rawKey(t, r))) {
    ledger.quarantine(r, blockReason, VALUE, t.get(r, VALUE));
    return null;
  }
  const place = breakdown(input, t, r, key.dimension, geo);
  if ('reason' in place) {
    ledger.quarantine(r, place.reason, 'Category', t.get(r, 'Category'));
    return null;
  }
  const v = censoredCount(t, r, VALUE);
  if (v === null) {
    ledger.quarantine(r, REASONS.noValue, VALUE, null);
    return null;
  }
  const { indicator, year, sex, age } = key;
  const { dimension, category, counterpart, note } = place;
  const source_ref = sourceRef(t.file, t.sheet, r.row);
  const obs: Observation = { domain: DOMAIN, indicator, geo, year, sex, age, dimension, category, counterpart, ...v, unit: key.series.unit, source: ID, source_ref, note, publisher: unodcLabels(t, r) };
  return { obs, row: r.row };
}
