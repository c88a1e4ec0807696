import type { NormalizeInput } from '../../source-module.ts';
import type { RawRow, RawTable } from '../../read-table.ts';
import type { GeoResolution } from '../../reference/geo-index.ts';
import { text } from '../../values.ts';
import { lookupPlace, unknownPlace } from './lookup-place.ts';

/** The countries a route cell names, and notes for the names that are documented as no country. */
export interface Places {
  codes: string[];
  notes: string[];
}

/**
 * The cell is looked up whole first, because some names contain a comma ("Accra, Ghana" is an alias); otherwise it
 * is a list: split on ';' and ' and ', then on commas, and every part must be a known name.
 */
export function routePlaces(input: NormalizeInput, t: RawTable, r: RawRow, column: string): Places {
  const raw = text(t, r, column);
  const out: Places = { codes: [], notes: [] };
  if (raw === null) return out;
  const add = (res: GeoResolution) => {
    if ('geo' in res) {
      if (!out.codes.includes(res.geo)) out.codes.push(res.geo);
    } else out.notes.push(`${column} ${JSON.stringify(raw)}: ${res.reason}`);
  };
  const whole = lookupPlace(input, t, r, column, raw);
  if (whole) {
    add(whole);
    return out;
  }
  for (const piece of raw.split(/;|\s+and\s+/).map((p) => p.trim()).filter((p) => p !== '')) {
    const res = lookupPlace(input, t, r, column, piece);
    if (res) {
      add(res);
      continue;
    }
    for (const part of piece.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
      add(lookupPlace(input, t, r, column, part) ?? unknownPlace(t, r, column, part, raw));
    }
  }
  return out;
}
