import { describe, expect, it } from 'vitest';
import { chartCsv, type ReadTable } from '../../src/export/chart-csv.ts';

// A line chart's table as the figure prints it: Year × two places, a suppressed value, a gap, a rounded rate.
const TABLE: ReadTable = {
  columns: [{ label: 'Year', numeric: false }, { label: 'Kenya', numeric: true }, { label: '=Evil, "Place"', numeric: true }],
  rows: [
    [{ text: '2019' }, { text: '1,234', value: '1234', ref: 'f.xlsx:data:12' }, { text: '0.28', value: '0.2814', ref: 'f.xlsx:data:40' }],
    [{ text: '2020' }, { text: '<5', ref: 'f.xlsx:data:13' }, { text: 'No data', missing: true }],
  ],
};

describe('chartCsv', () => {
  it('writes one line per value drawn, long, with source and source_ref, exact values, RFC 4180 and formula-safe', () => {
    const out = chartCsv(TABLE, ['unodc-glotip', 'other']);
    expect(out.rows).toBe(3);
    expect(out.csv).toBe(
      'Year,series,value,source,source_ref\r\n' +
        '2019,Kenya,1234,unodc-glotip;other,f.xlsx:data:12\r\n' +
        `2019,"'=Evil, ""Place""",0.2814,unodc-glotip;other,f.xlsx:data:40\r\n` +
        '2020,Kenya,<5,unodc-glotip;other,f.xlsx:data:13\r\n',
    );
  });
  it('cites every row a summed value adds up, as the cell gives them', () => {
    const stacked: ReadTable = {
      columns: [{ label: 'Year', numeric: false }, { label: 'Female', numeric: true }, { label: 'Total reported', numeric: true }],
      rows: [[{ text: '2020' }, { text: '3', ref: 'f.xlsx:data:7' }, { text: '10', ref: 'f.xlsx:data:7-8; g.csv::2' }]],
    };
    expect(chartCsv(stacked, ['s']).csv).toBe('Year,series,value,source,source_ref\r\n2020,Female,3,s,f.xlsx:data:7\r\n2020,Total reported,10,s,f.xlsx:data:7-8; g.csv::2\r\n');
  });
  it('refuses a value with no row to cite, rather than a blank source_ref that reads like a missing one', () => {
    const table: ReadTable = { ...TABLE, rows: [[{ text: '2021' }, { text: '7' }, { text: 'No data', missing: true }]] };
    expect(() => chartCsv(table, ['s'])).toThrow('chart CSV: the value in row 1, column Kenya has no source_ref');
  });
  it("writes a computed value's source_ref as the table's statement of how it was computed, a cited value's as its row", () => {
    const table: ReadTable = {
      columns: [{ label: 'Year', numeric: false }, { label: 'Sum', numeric: true }, { label: 'One', numeric: true }],
      rows: [[{ text: '2021' }, { text: '12' }, { text: '5', ref: 'f.csv::9' }]],
      derived: 'sum of the countries listed',
    };
    expect(chartCsv(table, ['s']).csv).toBe('Year,series,value,source,source_ref\r\n2021,Sum,12,s,derived: sum of the countries listed\r\n2021,One,5,s,f.csv::9\r\n');
  });
  it('refuses a table with nothing numeric', () => {
    expect(() => chartCsv({ columns: [{ label: 'Year', numeric: false }], rows: [] }, [])).toThrow(/no numeric column/);
  });
});
