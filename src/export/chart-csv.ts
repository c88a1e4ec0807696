/**
 * The CSV of a chart: one line per value the chart draws, read from its data table (the table is the chart's
 * accessible twin, built from the same rows: src/charts/figure.ts), with the figure's sources and each value's row in
 * the publisher's file. A wide table (years × places) is written long: the table's text columns name the value, the
 * numeric column it sits in becomes `series`. Empty cells ("No data") are not values and are not written.
 * Every line cites where its value comes from: a value with no publisher's row is refused rather than written with a
 * blank `source_ref` that reads like a missing one (a value summed by the site cites every row it adds up:
 * src/charts/summed-ref.ts). Pure; escaping is the release's own (csv-field.ts).
 */
import { csvLines, numberField, textField } from '../../scripts/pipeline/release/csv-field.ts';

export interface TableCell {
  /** The text shown. */
  text: string;
  /** The value as the release has it, where the text shows it rounded or grouped. */
  value?: string;
  /** The publisher's row (`source_ref`), or the rows a summed value adds up. */
  ref?: string;
  /** "No data". */
  missing?: boolean;
}

export interface ReadTable {
  columns: { label: string; numeric: boolean }[];
  rows: TableCell[][];
  /** How the site computed the values that cite no row (DataTable.derived). */
  derived?: string;
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** A number when the cell holds one (the exact value, or a shown number with no grouping); else the text (e.g. "<5"). */
function valueOf(c: TableCell): number | string {
  const raw = c.value ?? c.text.trim();
  return PLAIN_NUMBER.test(raw) ? Number(raw) : raw;
}

export interface ChartCsv {
  csv: string;
  /** Lines after the header: the values drawn. */
  rows: number;
}

/** `sources`: the ids of the figure's sources (catalog.json `sources[].id`), joined with `;` in each line. */
export function chartCsv(table: ReadTable, sources: readonly string[]): ChartCsv {
  const keys = table.columns.flatMap((c, i) => (c.numeric ? [] : [i]));
  const values = table.columns.flatMap((c, i) => (c.numeric ? [i] : []));
  if (values.length === 0) throw new Error('chart CSV: the data table has no numeric column');
  const header = [...keys.map((i) => table.columns[i]!.label), 'series', 'value', 'source', 'source_ref'];
  const lines = [header.map(textField).join(',')];
  const source = sources.join(';');
  for (const [r, row] of table.rows.entries()) {
    for (const i of values) {
      const c = row[i];
      if (!c || c.missing) continue;
      const ref = c.ref ?? (table.derived ? `derived: ${table.derived}` : null);
      if (!ref) throw new Error(`chart CSV: the value in row ${r + 1}, column ${table.columns[i]!.label} has no source_ref`);
      const v = valueOf(c);
      lines.push([
        ...keys.map((k) => textField(row[k]?.text ?? '')),
        textField(table.columns[i]!.label),
        typeof v === 'number' ? numberField(v, `chart CSV, column ${table.columns[i]!.label}`) : textField(v),
        textField(source),
        textField(ref),
      ].join(','));
    }
  }
  return { csv: csvLines(lines), rows: lines.length - 1 };
}
