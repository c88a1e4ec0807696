import { readSheet } from 'read-excel-file/node';
import type { ResolvedFile } from './resolve-files.ts';
import { PipelineError, type CellLocation } from './errors.ts';
import { xlsxErrorCells, type ErrorCell } from './xlsx-error-cells.ts';
import { checkErrorCells, checkErrorText } from './spreadsheet-errors.ts';
import { checkHeader, checkNotHeader } from './check-header.ts';
import { checkCsvRecordWidths, readCsv } from './read-csv.ts';

export type Cell = string | number | boolean | Date | null;

/** One data row of a publisher's file, addressed by column name as published. */
export interface RawRow {
  /** 1-based row number as a person sees it in a spreadsheet program. */
  row: number;
  cells: Cell[];
}

export interface RawTable {
  file: string;
  sheet: string | undefined;
  columns: string[];
  rows: RawRow[];
  /** The source's release_date (YYYY-MM-DD): no year or date in the file can be later. */
  published: string;
  /** Cell at a named column; throws if the name is not part of the published header. */
  get(row: RawRow, column: string): Cell;
  /** Where a cell is, for error messages and quarantine records. */
  at(row: RawRow, column?: string): CellLocation;
}

/**
 * Column names as published, except that a repeated name gets " (2)", " (3)"… so each can be addressed
 * (EIA's sheet has three "C/UC" columns).
 */
export function accessNames(columns: string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    return n === 1 ? c : `${c} (${n})`;
  });
}

function makeTable(file: string, sheet: string | undefined, columns: string[], rows: RawRow[], published: string): RawTable {
  const index = new Map(accessNames(columns).map((c, i) => [c, i]));
  return {
    file,
    sheet,
    columns,
    rows,
    published,
    get(row, column) {
      const i = index.get(column);
      if (i === undefined) throw new PipelineError({ file, sheet, column }, `normalizer asked for a column the header does not have`);
      return row.cells[i] ?? null;
    },
    at(row, column) {
      return { file, sheet, row: row.row, column };
    },
  };
}

function isBlank(cells: Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

function toRows(file: ResolvedFile, data: Cell[][], errorCells: ErrorCell[]): RawTable {
  const { name, sheet, header_row } = file.layout;
  checkErrorCells(file.layout, errorCells);
  const header = data[header_row - 1];
  if (!header) throw new PipelineError({ file: name, sheet, row: header_row }, 'header row not found: the file has fewer rows');
  checkHeader(file.layout, header);
  if (file.layout.format === 'csv') checkCsvRecordWidths(file.layout, data);
  const rows: RawRow[] = [];
  for (let i = header_row; i < data.length; i++) {
    const cells = data[i] ?? [];
    const extra = cells.findIndex((c, j) => j >= file.layout.columns.length && c !== null && String(c).trim() !== '');
    if (extra >= 0) {
      throw new PipelineError(
        { file: name, sheet, row: i + 1, column: `#${extra + 1} (beyond the header)` },
        `row has a value outside the published columns: ${JSON.stringify(cells[extra])}`,
      );
    }
    checkErrorText(file.layout, i + 1, cells);
    checkNotHeader(file.layout, i + 1, cells);
    rows.push({ row: i + 1, cells: cells.slice(0, file.layout.columns.length) });
  }
  // Trailing blank rows are not records (spreadsheet programs leave them); blank rows in between are kept
  // so that the ledger quarantines them visibly.
  while (rows.length > 0 && isBlank(rows[rows.length - 1]!.cells)) rows.pop();
  return makeTable(name, sheet, file.layout.columns, rows, file.published);
}

async function readXlsx(file: ResolvedFile): Promise<{ data: Cell[][]; errorCells: ErrorCell[] }> {
  try {
    const data = (await readSheet(file.bytes, file.layout.sheet, { trim: false })) as Cell[][];
    return { data, errorCells: xlsxErrorCells(file.bytes, file.layout.sheet!) };
  } catch (e) {
    const msg = (e as Error).message;
    throw new PipelineError({ file: file.layout.name, sheet: file.layout.sheet }, `cannot read the workbook or sheet: ${msg}`);
  }
}

/** The header row as the file has it (trailing empty cells dropped), to show how it differs from the manifest. */
export async function readHeader(file: ResolvedFile): Promise<string[]> {
  const data = file.layout.format === 'xlsx' ? (await readXlsx(file)).data : readCsv(file);
  const got = (data[file.layout.header_row - 1] ?? []).map((c) => (c === null ? '' : String(c)));
  while (got.length > 0 && got[got.length - 1] === '') got.pop();
  return got;
}

export async function readTable(file: ResolvedFile): Promise<RawTable> {
  const { data, errorCells } = file.layout.format === 'xlsx' ? await readXlsx(file) : { data: readCsv(file), errorCells: [] };
  return toRows(file, data, errorCells);
}

export { isBlank };
