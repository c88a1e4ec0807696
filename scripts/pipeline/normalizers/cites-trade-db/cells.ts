/**
 * The published columns of the Trade Database bulk files (trade_db_<n>.csv) and the cells the SQL works with, under
 * names SQL can use without quoting. An empty cell is already NULL (csv-source.ts). Codes, numbers and the columns
 * observations are grouped by are trimmed and an all-space cell is NULL, as values.ts reads a cell; free text (ids,
 * taxon names, permit ids) is kept as published: trimming 23 million long strings costs as much as the rest of the
 * classification, and a padded name is still the name.
 */
import { sqlName } from '../../stream/duckdb-session.ts';

/** Internal name → published column. */
export const PUBLISHED = {
  id: 'Id',
  year_text: 'Year',
  appendix: 'Appendix',
  taxon: 'Taxon',
  class: 'Class',
  taxon_order: 'Order',
  family: 'Family',
  genus: 'Genus',
  term: 'Term',
  quantity_text: 'Quantity',
  unit: 'Unit',
  importer: 'Importer',
  exporter: 'Exporter',
  origin: 'Origin',
  purpose: 'Purpose',
  source_code: 'Source',
  reporter_code: 'Reporter.type',
  import_permit_randomid: 'Import.permit.RandomID',
  export_permit_randomid: 'Export.permit.RandomID',
  origin_permit_randomid: 'Origin.permit.RandomID',
} as const;
export type Cell = keyof typeof PUBLISHED;

export const READS: readonly string[] = Object.values(PUBLISHED);

const CELLS = Object.keys(PUBLISHED) as Cell[];

const TRIMMED = new Set<Cell>(['year_text', 'appendix', 'term', 'quantity_text', 'unit', 'importer', 'exporter', 'origin', 'purpose', 'source_code', 'reporter_code']);

/** Numbered raw records (csv-source.ts) → cells. */
export function cellsSql(numbered: string): string {
  const cell = (c: Cell) => (TRIMMED.has(c) ? `NULLIF(trim(${sqlName(PUBLISHED[c])}), '')` : sqlName(PUBLISHED[c]));
  return `SELECT file_no, file, line, shape,\n  ${CELLS.map((c) => `${cell(c)} AS ${c}`).join(',\n  ')}\nFROM (${numbered})`;
}

/** SQL: the cell is missing (an untrimmed cell may hold only spaces). */
export function missingSql(c: Cell): string {
  return TRIMMED.has(c) ? `${c} IS NULL` : `(${c} IS NULL OR trim(${c}) = '')`;
}

export const blankSql = `coalesce(${CELLS.join(', ')}) IS NULL`;
