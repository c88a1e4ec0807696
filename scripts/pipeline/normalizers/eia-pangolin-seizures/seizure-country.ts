import type { NormalizeInput } from '../../source-module.ts';
import type { RawRow, RawTable } from '../../read-table.ts';
import { PipelineError } from '../../errors.ts';
import { fail, text } from '../../values.ts';
import { COL } from './headers.ts';
import { ID } from './id.ts';
import { lookupPlace } from './lookup-place.ts';

/**
 * The country of seizure. 'Various' (multi-country operations) has no country: the incident is noted and kept in
 * the event table, not dropped, since it is still a seizure EIA recorded.
 */
export function seizureCountry(input: NormalizeInput, t: RawTable, r: RawRow, notes: string[]): string | null {
  const name = text(t, r, COL.country);
  if (name === null) fail(t, r, COL.country, t.get(r, COL.country), 'expected a country');
  const res = lookupPlace(input, t, r, COL.country, name);
  if (res === null) {
    throw new PipelineError(t.at(r, COL.country), `unknown country name ${JSON.stringify(name)}; add it to data/reference/aliases/${ID}.csv`);
  }
  if ('reason' in res) {
    notes.push(`country ${JSON.stringify(name)}: ${res.reason}`);
    return null;
  }
  return res.geo;
}
