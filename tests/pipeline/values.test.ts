import { describe, expect, it } from 'vitest';
import { censoredCount, count, dayMonthYear, decimal, year } from '../../scripts/pipeline/values.ts';
import type { Cell, RawRow, RawTable } from '../../scripts/pipeline/read-table.ts';

function one(cell: Cell): [RawTable, RawRow] {
  const row: RawRow = { row: 7, cells: [cell] };
  const table: RawTable = {
    file: 'f.xlsx', sheet: 'S', columns: ['V'], rows: [row], published: '2024-01-31',
    get: (r) => r.cells[0] ?? null,
    at: (r, column) => ({ file: 'f.xlsx', sheet: 'S', row: r.row, column }),
  };
  return [table, row];
}

describe('count', () => {
  it.each([
    ['27', 27], ['1,757', 1757], ['25,844', 25844], ['1,000,000', 1000000], [0, 0], [12, 12], [' 4 ', 4], [null, null], ['', null],
  ])('reads %j as %j', (cell, want) => {
    const [t, r] = one(cell as Cell);
    expect(count(t, r, 'V')).toBe(want);
  });

  it.each([
    ['-3', 'negative count, found "-3"'],
    [-3, 'negative count, found -3'],
    ['1,75', 'unparseable count, found "1,75"'],
    ['12a', 'unparseable count, found "12a"'],
    ['1.5', 'unparseable count, found "1.5"'],
    [2.5, 'count is not a whole number, found 2.5'],
    ['<5', 'unparseable count, found "<5"'],
    [1e300, 'count too large to be exact, found 1e+300'],
    [2 ** 53, 'count too large to be exact, found 9007199254740992'],
  ])('rejects %j naming the cell', (cell, msg) => {
    const [t, r] = one(cell as Cell);
    expect(() => count(t, r, 'V')).toThrow(`file f.xlsx, sheet S, row 7, column V: ${msg}`);
  });
});

describe('censoredCount', () => {
  it('keeps <5 as a flag with bounds 1–4, never as 0', () => {
    const [t, r] = one('<5');
    expect(censoredCount(t, r, 'V')).toEqual({ value: null, censored: '<5', value_min: 1, value_max: 4 });
  });
  it('reads a thousands-separated text count exactly', () => {
    const [t, r] = one('1,757');
    expect(censoredCount(t, r, 'V')).toEqual({ value: 1757, censored: null, value_min: null, value_max: null });
  });
  it('rejects <1, which leaves no possible count', () => {
    const [t, r] = one('<1');
    expect(() => censoredCount(t, r, 'V')).toThrow('censoring bound leaves no possible count');
  });
});

describe('decimal and year', () => {
  it('reads rates and rejects text', () => {
    expect(decimal(...one('12.5'), 'V')).toBe(12.5);
    expect(decimal(...one(0.31), 'V')).toBe(0.31);
    expect(() => decimal(...one('n/a'), 'V')).toThrow('unparseable number, found "n/a"');
    expect(() => decimal(...one(-1), 'V', { min: 0 })).toThrow('negative value, found -1');
  });
  it('reads years stored as text or numbers', () => {
    expect(year(...one('2022'), 'V')).toBe(2022);
    expect(year(...one(2003), 'V')).toBe(2003);
    expect(() => year(...one('SPLIT 2015-2016'), 'V')).toThrow('expected a four-digit year, found "SPLIT 2015-2016"');
  });
  // The fixture table was published on 2024-01-31.
  it('accepts the year of publication and stops on any later year, naming the cell', () => {
    expect(year(...one(2024), 'V')).toBe(2024);
    expect(() => year(...one('2025'), 'V')).toThrow('file f.xlsx, sheet S, row 7, column V: year later than the file\'s own publication on 2024-01-31, found "2025"');
    expect(() => year(...one(2099), 'V')).toThrow('year later than the file\'s own publication on 2024-01-31, found 2099');
  });
  it('accepts a date up to the day of publication and stops on the day after', () => {
    expect(dayMonthYear(...one(null), 'V', '31/01/2024')).toBe('2024-01-31');
    expect(() => dayMonthYear(...one(null), 'V', '01/02/2024')).toThrow('file f.xlsx, sheet S, row 7, column V: date later than the file\'s own publication on 2024-01-31, found "01/02/2024"');
  });
});
