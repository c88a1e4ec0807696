import type { CellLocation } from './errors.ts';

/**
 * The publisher's cell behind a released row: `file:sheet:rows` (rows may be ranges, "57,90-93") and a column.
 * For an aggregate the first row is named; it is one of the rows the value came from.
 */
export function sourceRefLocation(sourceRef: string, column: string): CellLocation {
  // An aggregate over several files names each ("a.csv::1-3; b.csv::7"); the first file is named.
  const first = sourceRef.split('; ')[0]!;
  // A file name may contain ':' in theory, so the sheet and rows are split off from the right.
  const parts = first.split(':');
  const rows = parts.pop() ?? '';
  const sheet = parts.pop() ?? '';
  const row = Number(rows.split(/[,-]/)[0]);
  return { file: parts.join(':'), sheet: sheet || undefined, row: rows !== '' && Number.isInteger(row) ? row : undefined, column };
}
