/**
 * The SQL type of an uploaded CSV column, from its cells: INTEGER when every non-empty cell is a whole number that
 * fits 32 bits, DOUBLE when every one is a number, VARCHAR otherwise. Numbers are read as written in a CSV made by a
 * program (`-12`, `3.5`, `1e6`); "1,234" or "3,5" stay text rather than be guessed at. A whole number written with a
 * leading zero ("068") is a code, and stays text with its zero. An empty cell is missing, never 0. Pure, and
 * incremental: the parser feeds cells as the file streams.
 */
export type ColumnType = 'INTEGER' | 'DOUBLE' | 'VARCHAR';

const INTEGER = /^[+-]?(0|[1-9][0-9]*)$/;
const NUMBER = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
const LEADING_ZERO = /^[+-]?0[0-9]/;
const INT32_MAX = 2 ** 31 - 1;

export class ColumnTyper {
  private integer = true;
  private number = true;
  private cells = 0;

  /** One cell, as the CSV has it. */
  see(cell: string): void {
    if (!this.number) return;
    const s = cell.trim();
    if (s === '') return;
    this.cells++;
    if (!NUMBER.test(s) || LEADING_ZERO.test(s)) {
      this.integer = this.number = false;
      return;
    }
    if (this.integer && (!INTEGER.test(s) || Math.abs(Number(s)) > INT32_MAX)) this.integer = false;
  }

  /** A column with no cell filled in is text: nothing says it holds numbers. */
  get type(): ColumnType {
    if (this.cells === 0) return 'VARCHAR';
    return this.integer && this.number ? 'INTEGER' : this.number ? 'DOUBLE' : 'VARCHAR';
  }
}

/** A column's cells as values of its type: empty → null; text kept exactly as written. */
export function typedValues(cells: readonly string[], type: ColumnType): (number | string | null)[] {
  if (type === 'VARCHAR') return cells.map((c) => (c === '' ? null : c));
  return cells.map((c) => (c.trim() === '' ? null : Number(c.trim())));
}

export function columnType(cells: readonly string[]): ColumnType {
  const t = new ColumnTyper();
  for (const c of cells) t.see(c);
  return t.type;
}
