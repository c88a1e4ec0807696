import { describe, expect, it } from 'vitest';
import { errorCellsOfSheetXml } from '../../scripts/pipeline/xlsx-error-cells.ts';

describe('errorCellsOfSheetXml', () => {
  it('finds error cells however the writer spells the XML', () => {
    const xml =
      '<x:worksheet><x:sheetData><x:row r="4">' +
      '<x:c r="A4" t="s"><x:v>3</x:v></x:c>' +
      "<x:c r='AB4' s='2' t='e'><x:f>VLOOKUP(A4,Z:Z,2)</x:f><x:v>#N/A</x:v></x:c>" +
      '<x:c r="AC4" t="e"/>' +
      '</x:row></x:sheetData></x:worksheet>';
    // AB = 26 × 1 + 2 = 28th column, index 27.
    expect(errorCellsOfSheetXml(xml)).toEqual([
      { row: 4, column: 27, error: '#N/A' },
      { row: 4, column: 28, error: '' },
    ]);
  });

  it('ignores formulas whose type attribute is not the cell type', () => {
    const xml = '<sheetData><row r="2"><c r="B2"><f t="shared" si="0">A2*2</f><v>4</v></c><c r="C2" t="str"><v>e</v></c></row></sheetData>';
    expect(errorCellsOfSheetXml(xml)).toEqual([]);
  });
});
