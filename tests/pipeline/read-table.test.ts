import { describe, expect, it } from 'vitest';
import { readTable } from '../../scripts/pipeline/read-table.ts';
import type { ResolvedFile } from '../../scripts/pipeline/resolve-files.ts';
import type { FileLayout } from '../../scripts/pipeline/manifest.ts';
import { csvBytes, excelError, xlsxBytes } from '../support/fixtures.ts';

function file(bytes: Buffer, layout: Partial<FileLayout>): ResolvedFile {
  const base: FileLayout = { name: 'f.xlsx', url: null, sha256: '0'.repeat(64), format: 'xlsx', sheet: 'S', header_row: 3, columns: ['A', 'B'] };
  const full: FileLayout = { ...base, ...layout };
  if (full.format === 'csv') delete full.sheet;
  return { layout: full, sourceId: 'x', published: '2024-01-31', path: '/nowhere', bytes, sha256: full.sha256 };
}

/** A CSV layout with the header on row 1. */
const csvLayout = (columns?: string[]): Partial<FileLayout> => ({ name: 'f.csv', format: 'csv', header_row: 1, ...(columns ? { columns } : {}) });

describe('readTable', () => {
  it('numbers rows as a spreadsheet shows them, across a preamble and a blank row', async () => {
    const bytes = await xlsxBytes('S', [['UNODC'], ['30/05/2023'], ['A', 'B'], ['x', '1'], [null, null], ['y', 2]]);
    const t = await readTable(file(bytes, {}));
    expect(t.rows.map((r) => r.row)).toEqual([4, 5, 6]);
    expect(t.get(t.rows[0]!, 'B')).toBe('1');
    expect(t.get(t.rows[2]!, 'B')).toBe(2);
  });

  it('stops on a changed header, naming file, sheet, row and column', async () => {
    const bytes = await xlsxBytes('S', [['UNODC'], ['date'], ['A', 'C'], ['x', '1']]);
    await expect(readTable(file(bytes, {}))).rejects.toThrow(
      'file f.xlsx, sheet S, row 3, column B: header changed: expected column 2 to be "B", found "C"',
    );
  });

  it('stops when the sheet is missing', async () => {
    const bytes = await xlsxBytes('Other', [['A', 'B']]);
    await expect(readTable(file(bytes, { header_row: 1 }))).rejects.toThrow(/file f\.xlsx, sheet S: cannot read the workbook or sheet/);
  });

  it('stops on a value outside the published columns', async () => {
    const bytes = csvBytes([['A', 'B'], ['x', '1', 'stray']]);
    await expect(readTable(file(bytes, csvLayout()))).rejects.toThrow(
      'file f.csv, row 2, column #3 (beyond the header): row has a value outside the published columns: "stray"',
    );
  });

  it('stops on an error cell, which the xlsx reader alone would give as empty', async () => {
    const bytes = await xlsxBytes('S', [['UNODC'], ['date'], ['A', 'B'], ['x', '1'], ['y', excelError('#REF!')]]);
    await expect(readTable(file(bytes, {}))).rejects.toThrow(
      "file f.xlsx, sheet S, row 5, column B: spreadsheet error #REF!: a formula in the publisher's file failed here: neither a value nor an empty cell",
    );
  });

  it('stops on a formula whose cached result is an error', async () => {
    const bytes = await xlsxBytes('S', [['A', 'B'], ['x', { formula: '1/0', result: { error: '#DIV/0!' } } as never]]);
    await expect(readTable(file(bytes, { header_row: 1 }))).rejects.toThrow('file f.xlsx, sheet S, row 2, column B: spreadsheet error #DIV/0!');
  });

  it('stops on an error in the header row rather than calling it a changed header', async () => {
    const bytes = await xlsxBytes('S', [['UNODC'], ['date'], ['A', excelError('#NAME?')], ['x', '1']]);
    await expect(readTable(file(bytes, {}))).rejects.toThrow('file f.xlsx, sheet S, row 3, column B: spreadsheet error #NAME?');
  });

  it('ignores an error in the preamble above the header, which is not read', async () => {
    const bytes = await xlsxBytes('S', [['UNODC'], [excelError('#VALUE!')], ['A', 'B'], ['x', '1']]);
    const t = await readTable(file(bytes, {}));
    expect(t.rows.map((r) => r.cells)).toEqual([['x', '1']]);
  });

  it('stops on an error value written as text into a CSV, beyond the header too', async () => {
    const bytes = csvBytes([['A', 'B'], ['x', ' #n/a ']]);
    await expect(readTable(file(bytes, csvLayout()))).rejects.toThrow('file f.csv, row 2, column B: spreadsheet error #n/a');
  });

  it('stops on a CSV record with fewer fields than the header, naming the first missing column', async () => {
    const bytes = Buffer.from('A,B,C\nx,1,2\ny,3\n\nz,4,5\n');
    await expect(readTable(file(bytes, csvLayout(['A', 'B', 'C'])))).rejects.toThrow(
      'file f.csv, row 3, column C: the record has 2 fields where the header has 3: a lost separator, a stray quote or a cut line',
    );
  });

  it('says when a CSV header arrives in one field: another separator', async () => {
    const bytes = Buffer.from('A;B\nx;1\n');
    await expect(readTable(file(bytes, csvLayout()))).rejects.toThrow(
      'file f.csv, row 1, column A: header changed: expected column 1 to be "A", found "A;B": the file is separated by ";", not ","',
    );
  });

  it('says when a tab-separated file arrives where commas are expected, even with commas inside names', async () => {
    const bytes = Buffer.from('A\tB, b\nx\t1\n');
    await expect(readTable(file(bytes, csvLayout(['A', 'B, b'])))).rejects.toThrow(
      'header changed: expected column 1 to be "A", found "A\\tB": the file is separated by "\\t", not ","',
    );
  });

  it('says when the header has the same columns in another order', async () => {
    const bytes = csvBytes([['B', 'A'], ['1', 'x']]);
    await expect(readTable(file(bytes, csvLayout()))).rejects.toThrow(
      'file f.csv, row 1, column A: header changed: expected column 1 to be "A", found "B" (the same columns in another order)',
    );
  });

  it('stops where the header repeats among the data', async () => {
    const bytes = Buffer.from('A,B\nx,1\nA,B\nx,1\n');
    await expect(readTable(file(bytes, csvLayout()))).rejects.toThrow(
      'file f.csv, row 3: the header row repeats here: two files pasted together, or a duplicated header',
    );
  });

  it('counts a CSV record with a quoted line break as one row', async () => {
    const bytes = Buffer.from('A,B\n"two\nlines",1\nz,2\n');
    const t = await readTable(file(bytes, csvLayout()));
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('addresses repeated column names by position', async () => {
    const bytes = csvBytes([['C/UC', 'x', 'C/UC'], ['C', '1', 'UC']]);
    const t = await readTable(file(bytes, csvLayout(['C/UC', 'x', 'C/UC'])));
    expect(t.get(t.rows[0]!, 'C/UC (2)')).toBe('UC');
  });
});
