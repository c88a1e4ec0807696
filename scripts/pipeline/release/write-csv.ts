/**
 * The one CSV writer for every CSV the project publishes: RFC 4180 (comma separator, CRLF line ends, a field with a
 * comma, quote, CR or LF in double quotes, a quote doubled) in UTF-8 without a byte-order mark.
 *
 * People open these files in spreadsheet programs, which run a cell that begins with = + - @ (or a tab or CR that
 * some of them skip before looking for one) as a formula. Quarantined rows carry publishers' text verbatim, so
 * such a text cell is written with an apostrophe in front; the program then shows it as text. The Parquet copy of
 * the same table keeps the exact text.
 * Numbers are not text: a numeric column is written as a plain number, so -4 stays minus four. A text cell that is
 * itself a plain number ("-4", "+1.5") is left alone too, because a spreadsheet reads it as that number and
 * nothing else.
 */
import type { ColumnDef } from '../model.ts';

export type CsvValue = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Text as a spreadsheet must show it: never as a formula. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function quote(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

function field(col: ColumnDef, v: CsvValue): string {
  if (v === null) return '';
  if (col.type === 'DOUBLE' || col.type === 'INTEGER') {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`CSV column ${col.name}: expected a finite number, got ${JSON.stringify(v)}`);
    return String(v);
  }
  return quote(neutralise(String(v)));
}

/** The header line, ending in CRLF. */
export function formatCsvHeader(columns: readonly ColumnDef[]): string {
  return `${columns.map((c) => quote(neutralise(c.name))).join(',')}\r\n`;
}

/** One line per row, in the columns' order, each ending in CRLF: a large table is written a batch at a time. */
export function formatCsvRows(columns: readonly ColumnDef[], rows: readonly Record<string, CsvValue>[]): string {
  let out = '';
  for (const row of rows) out += `${columns.map((c) => field(c, row[c.name] ?? null)).join(',')}\r\n`;
  return out;
}

/** A header line and one line per row, in the columns' order; every line ends in CRLF. */
export function formatCsv(columns: readonly ColumnDef[], rows: readonly Record<string, CsvValue>[]): string {
  return formatCsvHeader(columns) + formatCsvRows(columns, rows);
}
