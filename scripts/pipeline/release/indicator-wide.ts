/**
 * An indicator's observations laid out wide: one row per place and breakdown, one column per year, the layout a
 * spreadsheet user pivots to first. A censored cell is written as its mark ('<5', '>=114'), never as a number, so a
 * sum over a row cannot silently count it as zero; a missing cell is empty. The long file keeps the bounds, the
 * source row and the note, which the wide one drops.
 */
import { column, geoColumn, type ColumnDef } from '../model.ts';
import type { CsvValue } from './write-csv.ts';
import { compareKeys } from '../arrays.ts';

type Cell = string | number | boolean | null;

/** What names a row of the wide file: the observation key without indicator and year, plus the unit. */
export const WIDE_KEY = ['geo', 'sex', 'age', 'dimension', 'category', 'counterpart', 'unit'] as const;

const KEY_COLUMNS: ColumnDef[] = [
  geoColumn('geo', 'Place (see the geo table)'),
  column('sex', 'VARCHAR', 'total | female | male | other | unknown'),
  column('age', 'VARCHAR', 'total | 0-17 | 18+ | unknown'),
  column('dimension', 'VARCHAR', "Which breakdown the category belongs to, or 'total'"),
  column('category', 'VARCHAR', "The value within the dimension, or 'total'"),
  geoColumn('counterpart', 'Other end of a flow; empty when not a flow'),
  column('unit', 'VARCHAR', 'Unit of every value in the row'),
];

export interface WideTable {
  columns: ColumnDef[];
  rows: Record<string, CsvValue>[];
}

function text(v: Cell): string | null {
  return v === null ? null : String(v);
}

/** `rows` are one indicator's observations (any order); the key (without unit) is unique per year, as validated. */
export function widen(rows: readonly Record<string, Cell>[]): WideTable {
  const years = [...new Set(rows.map((r) => Number(r['year'])))].sort((a, b) => a - b);
  const censored = rows.some((r) => r['censored'] !== null);
  // A year column holds marks only where the indicator has censored values; otherwise it stays numeric.
  const yearColumns = years.map((y) =>
    column(String(y), censored ? 'VARCHAR' : 'DOUBLE', censored ? `Value in ${y}; a censored value is its mark (e.g. '<5'), never a number; empty when missing` : `Value in ${y}; empty when missing`),
  );
  const byKey = new Map<string, { key: (string | null)[]; cells: Map<number, CsvValue> }>();
  for (const r of rows) {
    const key = WIDE_KEY.map((k) => text(r[k] ?? null));
    const id = JSON.stringify(key);
    let entry = byKey.get(id);
    if (!entry) byKey.set(id, (entry = { key, cells: new Map() }));
    const year = Number(r['year']);
    if (entry.cells.has(year)) throw new Error(`wide file: two values for ${id} in ${year}`);
    const mark = r['censored'] ?? null;
    const value = r['value'] ?? null;
    entry.cells.set(year, mark !== null ? String(mark) : value === null ? null : censored ? String(value) : Number(value));
  }
  const out = [...byKey.values()].sort((a, b) => compareKeys(a.key, b.key));
  return {
    columns: [...KEY_COLUMNS, ...yearColumns],
    rows: out.map(({ key, cells }) => ({
      ...Object.fromEntries(WIDE_KEY.map((k, i) => [k, key[i] ?? null])),
      ...Object.fromEntries(years.map((y) => [String(y), cells.get(y) ?? null])),
    })),
  };
}
