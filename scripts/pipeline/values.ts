import { PipelineError } from './errors.ts';
import type { Cell, RawRow, RawTable } from './read-table.ts';

/** A count as released: exact, or censored with bounds (never a number to be summed). */
export interface CountValue {
  value: number | null;
  censored: string | null;
  value_min: number | null;
  value_max: number | null;
}

const PLAIN_INT = /^\d+$/;
const THOUSANDS_INT = /^\d{1,3}(,\d{3})+$/;
const CENSORED_BELOW = /^<\s*(\d+)$/;

/** Stops the build on a cell that does not read as expected, naming the cell and quoting what it holds. */
export function fail(t: RawTable, r: RawRow, column: string, cell: Cell, what: string): never {
  throw new PipelineError(t.at(r, column), `${what}, found ${JSON.stringify(cell instanceof Date ? cell.toISOString() : cell)}`);
}

export function isEmpty(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

export function text(t: RawTable, r: RawRow, column: string): string | null {
  const c = t.get(r, column);
  if (isEmpty(c)) return null;
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
}

export function requiredText(t: RawTable, r: RawRow, column: string): string {
  const v = text(t, r, column);
  if (v === null) fail(t, r, column, t.get(r, column), 'expected a value');
  return v;
}

/**
 * A non-negative whole count. Accepts numbers and text such as "27" or "1,757"; rejects negatives,
 * fractions and anything else, naming the cell.
 */
export function count(t: RawTable, r: RawRow, column: string): number | null {
  const c = t.get(r, column);
  if (isEmpty(c)) return null;
  let n: number;
  if (typeof c === 'number') n = c;
  else if (typeof c === 'string') {
    const s = c.trim();
    if (PLAIN_INT.test(s)) n = Number(s);
    else if (THOUSANDS_INT.test(s)) n = Number(s.replaceAll(',', ''));
    else if (/^-\s*[\d,]+(\.\d+)?$/.test(s)) fail(t, r, column, c, 'negative count');
    else fail(t, r, column, c, 'unparseable count');
  } else fail(t, r, column, c, 'unparseable count');
  if (!Number.isFinite(n)) fail(t, r, column, c, 'unparseable count');
  if (n < 0) fail(t, r, column, c, 'negative count');
  if (!Number.isInteger(n)) fail(t, r, column, c, 'count is not a whole number');
  // Beyond 2^53 a double no longer holds every whole number: such a "count" is a damaged cell, not a tally.
  if (n > Number.MAX_SAFE_INTEGER) fail(t, r, column, c, 'count too large to be exact');
  return n;
}

/** A count that may be censored as "<N": kept as a flag with bounds 1..N-1, never as 0. */
export function censoredCount(t: RawTable, r: RawRow, column: string): CountValue | null {
  const c = t.get(r, column);
  if (typeof c === 'string') {
    const m = CENSORED_BELOW.exec(c.trim());
    if (m) {
      const n = Number(m[1]);
      if (n < 2) fail(t, r, column, c, 'censoring bound leaves no possible count');
      return { value: null, censored: `<${n}`, value_min: 1, value_max: n - 1 };
    }
  }
  const n = count(t, r, column);
  return n === null ? null : { value: n, censored: null, value_min: null, value_max: null };
}

/** A real number (rates, weights, coordinates). Text numbers must be plain decimals. */
export function decimal(t: RawTable, r: RawRow, column: string, opts: { min?: number } = {}): number | null {
  const c = t.get(r, column);
  if (isEmpty(c)) return null;
  let n: number;
  if (typeof c === 'number') n = c;
  else if (typeof c === 'string' && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(c.trim())) n = Number(c.trim());
  else if (typeof c === 'string' && /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(c.trim())) n = Number(c.trim().replaceAll(',', ''));
  else fail(t, r, column, c, 'unparseable number');
  if (!Number.isFinite(n)) fail(t, r, column, c, 'unparseable number');
  if (opts.min !== undefined && n < opts.min) fail(t, r, column, c, n < 0 ? 'negative value' : `value below ${opts.min}`);
  return n;
}

/**
 * A calendar year, as a number or text; range-checked so that a misplaced column is caught, and never later than
 * the file's own publication (a year 2099 in a count file cannot be real).
 */
export function year(t: RawTable, r: RawRow, column: string): number {
  const c = t.get(r, column);
  const s = typeof c === 'number' ? String(c) : typeof c === 'string' ? c.trim() : '';
  if (!/^\d{4}$/.test(s)) fail(t, r, column, c, 'expected a four-digit year');
  const y = Number(s);
  if (y < 1900 || y > 2100) fail(t, r, column, c, 'year out of range 1900–2100');
  if (y > Number(t.published.slice(0, 4))) fail(t, r, column, c, `year later than the file's own publication on ${t.published}`);
  return y;
}

export function oneOf<T extends string>(t: RawTable, r: RawRow, column: string, allowed: Record<string, T>): T {
  const c = t.get(r, column);
  const key = typeof c === 'string' ? c.trim() : String(c);
  const v = allowed[key];
  if (v === undefined) fail(t, r, column, c, `expected one of ${Object.keys(allowed).map((k) => JSON.stringify(k)).join(', ')}`);
  return v;
}

/** dd/mm/yyyy → ISO date, rejecting impossible dates (31/02/2010) rather than rolling them over, and dates after the file's publication. */
export function dayMonthYear(t: RawTable, r: RawRow, column: string, s: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  const iso = m ? `${m[3]}-${m[2]}-${m[1]}` : '';
  const d = new Date(`${iso}T00:00:00Z`);
  if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    throw new PipelineError(t.at(r, column), `expected a date dd/mm/yyyy, found ${JSON.stringify(s)}`);
  }
  if (iso > t.published) throw new PipelineError(t.at(r, column), `date later than the file's own publication on ${t.published}, found ${JSON.stringify(s)}`);
  return iso;
}
