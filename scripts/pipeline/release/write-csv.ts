/**
 * The one CSV writer for every CSV the project publishes: RFC 4180 (comma separator, CRLF line ends, a field with a
 * comma, quote, CR or LF in double quotes, a quote doubled) in UTF-8 without a byte-order mark.
 *
 * People open these files in spreadsheet programs, which run a cell that begins with = + - @ (or a tab or CR that
 * some of them skip before looking for one) as a formula. Quarantined rows carry publishers' text verbatim, so
 * such a text cell is written with an apostrophe in front; the program then shows it as text. The Parquet copy of
 * the same table keeps the exact text. The escaping itself is csv-field.ts, shared with the site's chart downloads.
 * Numbers are not text: a numeric column is written as a plain number, so -4 stays minus four. A text cell that is
 * itself a plain number ("-4", "+1.5") is left alone too, because a spreadsheet reads it as that number and
 * nothing else.
 */
import type { ColumnDef } from '../model.ts';
import { csvLines, neutralise, numberField, textField } from './csv-field.ts';

export { neutralise };

export type CsvValue = string | number | boolean | null;

function field(col: ColumnDef, v: CsvValue): string {
  if (v === null) return '';
  if (col.type === 'DOUBLE' || col.type === 'INTEGER') {
    if (typeof v !== 'number') throw new Error(`CSV column ${col.name}: expected a finite number, got ${JSON.stringify(v)}`);
    return numberField(v, `CSV column ${col.name}`);
  }
  return textField(String(v));
}

/** A header line and one line per row, in the columns' order; every line ends in CRLF. */
export function formatCsv(columns: readonly ColumnDef[], rows: readonly Record<string, CsvValue>[]): string {
  const lines = [columns.map((c) => textField(c.name)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => field(c, row[c.name] ?? null)).join(','));
  return csvLines(lines);
}
