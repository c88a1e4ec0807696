import type { NormalizeInput } from '../../source-module.ts';
import type { RawRow, RawTable } from '../../read-table.ts';
import { requiredText } from '../../values.ts';
import { fail } from './fail.ts';
import { COL } from './headers.ts';
import { ID } from './id.ts';

/** ISO3 of the country of incident, or a documented reason why the name is not a country; an undocumented name stops the build. */
export function incidentGeo(t: RawTable, r: RawRow, input: NormalizeInput): { geo: string | null; note: string | null } {
  const name = requiredText(t, r, COL.country);
  const res = input.geo.resolveName(name, input.aliases);
  if (res === null) {
    fail(t, r, COL.country, `unknown country name ${JSON.stringify(name)}; add it to data/reference/aliases/${ID}.csv with a geo code or a note saying why it is not a place`);
  }
  return 'geo' in res ? { geo: res.geo, note: null } : { geo: null, note: res.reason };
}
