import type { RawRow, RawTable } from '../../read-table.ts';
import { text } from '../../values.ts';
import { fail } from './fail.ts';
import { COL } from './headers.ts';

/** "lat, lon" as one text cell, strictly two plain decimals within range; a blank cell is unknown. */
export function coordinates(t: RawTable, r: RawRow): { latitude: number; longitude: number } | null {
  const s = text(t, r, COL.coordinates);
  if (s === null) return null;
  const m = /^(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/.exec(s);
  if (!m) fail(t, r, COL.coordinates, `expected "latitude, longitude", found ${JSON.stringify(s)}`);
  const latitude = Number(m[1]);
  const longitude = Number(m[2]);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) fail(t, r, COL.coordinates, `coordinates out of range, found ${JSON.stringify(s)}`);
  return { latitude, longitude };
}
