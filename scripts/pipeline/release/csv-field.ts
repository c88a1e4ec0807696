/**
 * The escaping rules of every CSV the project writes, with no dependency on the pipeline's model: the release's
 * writer (write-csv.ts) and the site's per-chart download (src/export/chart-csv.ts) both use them, so a CSV from the
 * site is as safe to open in a spreadsheet as one from the release.
 *
 * RFC 4180: a field with a comma, quote, CR or LF is put in double quotes, a quote doubled; lines end in CRLF.
 * Spreadsheet programs run a cell that begins with = + - @ (or a tab or CR some skip before looking) as a formula,
 * so such text gets an apostrophe in front, unless it is itself a plain number ("-4"), which a spreadsheet reads as
 * that number and nothing else.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Text as a spreadsheet must show it: never as a formula. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One field in double quotes when RFC 4180 asks for them. */
export function quote(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** A text cell: neutralised, then quoted. */
export function textField(text: string): string {
  return quote(neutralise(text));
}

/** A number cell: written plainly (so -4 stays minus four); anything but a finite number is refused. */
export function numberField(v: number, where: string): string {
  if (!Number.isFinite(v)) throw new Error(`${where}: expected a finite number, got ${JSON.stringify(v)}`);
  return String(v);
}

/** Lines joined as RFC 4180 wants them: every line, the last too, ends in CRLF. */
export function csvLines(lines: readonly string[]): string {
  return lines.map((l) => `${l}\r\n`).join('');
}
