import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3';
import { formatCsv, neutralise } from '../../scripts/pipeline/release/write-csv.ts';
import { column } from '../../scripts/pipeline/model.ts';

const COLUMNS = [column('row', 'INTEGER', ''), column('value', 'VARCHAR', ''), column('share', 'DOUBLE', '')];

describe('neutralise', () => {
  it.each([
    ['=HYPERLINK("http://x.example","click")', `'=HYPERLINK("http://x.example","click")`],
    ['+cmd|" /C calc"!A0', `'+cmd|" /C calc"!A0`],
    ['-2+3+cmd|" /C calc"!A0', `'-2+3+cmd|" /C calc"!A0`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['- 5', `'- 5`],
  ])('writes %j as text a spreadsheet will not run', (input, want) => {
    expect(neutralise(input)).toBe(want);
  });

  it.each(['-4', '+1.5', '-0.25', '-1e3', 'Kenya', 'a=b', '<5', ''])('leaves %j as it is', (input) => {
    expect(neutralise(input)).toBe(input);
  });
});

describe('formatCsv', () => {
  it('writes RFC 4180: CRLF line ends, quotes around commas, quotes and line breaks, quotes doubled', () => {
    const text = formatCsv(COLUMNS, [
      { row: 2, value: 'a,b', share: 0.5 },
      { row: 3, value: 'say "hi"', share: null },
      { row: 4, value: 'two\nlines', share: -4 },
    ]);
    expect(text).toBe('row,value,share\r\n2,"a,b",0.5\r\n3,"say ""hi""",\r\n4,"two\nlines",-4\r\n');
  });

  it('writes a negative number in a numeric column as a number, and formula text with an apostrophe', () => {
    const text = formatCsv(COLUMNS, [{ row: 5, value: '=1+1', share: -4 }, { row: 6, value: '-4', share: -0.5 }, { row: 7, value: '\r=1+1', share: 1 }]);
    expect(text).toBe(`row,value,share\r\n5,'=1+1,-4\r\n6,-4,-0.5\r\n7,"'\r=1+1",1\r\n`);
    // An independent RFC 4180 reader gets the neutralised text back, field for field.
    expect(csvParse(text).map((r) => r['value'])).toEqual(["'=1+1", '-4', "'\r=1+1"]);
  });

  it('refuses text in a numeric column rather than writing it unneutralised', () => {
    expect(() => formatCsv(COLUMNS, [{ row: 1, value: 'x', share: '=1+1' }])).toThrow('CSV column share: expected a finite number, got "=1+1"');
  });
});
