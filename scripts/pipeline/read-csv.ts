import { dsvFormat } from 'd3';
import type { ResolvedFile } from './resolve-files.ts';
import type { FileLayout } from './manifest.ts';
import type { Cell } from './read-table.ts';
import { PipelineError } from './errors.ts';

const isBlankRecord = (r: Cell[]) => r.every((c) => c === null || String(c).trim() === '');

/** A CSV file as rows of cells (empty fields as null), one record per spreadsheet row even when a quoted field spans lines. */
export function readCsv(file: ResolvedFile): Cell[][] {
  const { name, delimiter } = file.layout;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    throw new PipelineError({ file: name }, 'not valid UTF-8');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return dsvFormat(delimiter ?? ',').parseRows(text).map((r) => r.map((c) => (c === '' ? null : c)));
}

/**
 * A data record with fewer fields than the (already checked) header is broken: a lost separator, a stray quote that
 * swallowed the rest of the line, a cut line. Its values would land in the wrong columns or go missing, so it stops
 * the run. A wholly blank line is not a record with missing fields; the ledger quarantines it.
 */
export function checkCsvRecordWidths(layout: FileLayout, records: Cell[][]): void {
  const { name, header_row, columns } = layout;
  records.forEach((r, i) => {
    if (i < header_row || r.length >= columns.length || isBlankRecord(r)) return;
    throw new PipelineError(
      { file: name, row: i + 1, column: columns[r.length] },
      `the record has ${r.length} ${r.length === 1 ? 'field' : 'fields'} where the header has ${columns.length}: a lost separator, a stray quote or a cut line`,
    );
  });
}
