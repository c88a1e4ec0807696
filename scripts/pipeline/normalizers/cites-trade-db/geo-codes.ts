/**
 * ISO alpha-2 → geo inside DuckDB, without a join: a join would give up the file order the event table is written
 * in. The codes the geography table knows become an ENUM type; a cast to it finds a code (or NULL), and the code's
 * position picks its geo from a list.
 */
import { sqlText, type DuckSession } from '../../stream/duckdb-session.ts';
import type { GeoIndex } from '../../reference/geo-index.ts';
import { iso2Index } from '../cites-codes.ts';
import { ISO2_TYPE, isoCell, type Place } from './checks.ts';

export interface GeoCodes {
  /** SQL: the geo of a place (NULL for XX, SU, a blank or an unknown code), from its ENUM value (checks.ts). */
  geoOf(cell: Place): string;
}

export async function createGeoCodes(session: DuckSession, geo: GeoIndex): Promise<GeoCodes> {
  const pairs = [...iso2Index(geo)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (pairs.length === 0) throw new Error('the geography table has no ISO alpha-2 codes');
  await session.run(`CREATE TYPE ${ISO2_TYPE} AS ENUM (${pairs.map(([iso2]) => sqlText(iso2)).join(', ')})`);
  const geos = `[${pairs.map(([, g]) => sqlText(g)).join(', ')}]`;
  return { geoOf: (cell) => `${geos}[enum_code(${isoCell(cell)}) + 1]` };
}
