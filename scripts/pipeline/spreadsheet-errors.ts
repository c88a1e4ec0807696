/**
 * A spreadsheet error where a value should be is a broken formula in the publisher's file, not a missing value: the
 * run stops and names the cell. In an xlsx it is a cell of type "e" (which the xlsx reader would give as empty);
 * in a CSV exported from a spreadsheet, or typed as text, it is the error's own spelling.
 */
import type { FileLayout } from './manifest.ts';
import { PipelineError } from './errors.ts';
import type { ErrorCell } from './xlsx-error-cells.ts';

/** Excel's error values, as it displays and exports them. */
export const ERROR_VALUES: ReadonlySet<string> = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!',
  '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#EXTERNAL!', '#PYTHON!',
]);

const PROBLEM = 'a formula in the publisher\'s file failed here: neither a value nor an empty cell';

function columnName(layout: FileLayout, index: number): string {
  return layout.columns[index] ?? `#${index + 1} (beyond the header)`;
}

/** Stops on the first error cell at or below the header (rows above it are the publisher's preamble, not read). */
export function checkErrorCells(layout: FileLayout, cells: ErrorCell[]): void {
  const { name: file, sheet, header_row } = layout;
  for (const c of cells) {
    if (c.row !== null && c.row < header_row) continue;
    const column = c.column === null ? undefined : columnName(layout, c.column);
    throw new PipelineError({ file, sheet, row: c.row ?? undefined, column }, `spreadsheet error ${c.error || '(no code given)'}: ${PROBLEM}`);
  }
}

/** Stops on a text cell that spells a spreadsheet error; `rowNumber` is the spreadsheet row of `cells`. */
export function checkErrorText(layout: FileLayout, rowNumber: number, cells: readonly unknown[]): void {
  cells.forEach((c, i) => {
    if (typeof c === 'string' && ERROR_VALUES.has(c.trim().toUpperCase())) {
      throw new PipelineError({ file: layout.name, sheet: layout.sheet, row: rowNumber, column: columnName(layout, i) }, `spreadsheet error ${c.trim()}: ${PROBLEM}`);
    }
  });
}
