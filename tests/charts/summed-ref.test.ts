/**
 * The ref of a value the site sums: every publisher's row it adds up, in the pipeline's form for aggregates. Expected
 * refs are written out by hand from the rows listed.
 */
import { describe, expect, it } from 'vitest';
import { summedRef } from '../../src/charts/summed-ref.ts';
import { fullRef, refPrefix, shortRef } from '../../src/charts/ref-prefix.ts';

describe('summedRef', () => {
  it('lists every row once, as ranges, under its file and sheet', () => {
    expect(summedRef(['glotip.xlsx:Country data:14', 'glotip.xlsx:Country data:12', 'glotip.xlsx:Country data:13', 'glotip.xlsx:Country data:20'])).toBe('glotip.xlsx:Country data:12-14,20');
    expect(summedRef(['a.csv::3', 'a.csv::3'])).toBe('a.csv::3');
  });
  it('reads refs that already list rows, and keeps files apart in the order they first appear', () => {
    expect(summedRef(['b.csv::9', 'a.xlsx:S:4-6,10', 'b.csv::7-8', 'a.xlsx:S:7'])).toBe('b.csv::7-9; a.xlsx:S:4-7,10');
    expect(summedRef(['a.xlsx:S:1; b.csv::9', 'b.csv::8'])).toBe('a.xlsx:S:1; b.csv::8-9');
  });
  it('gives a single row as the pipeline writes rows (a flow of one year often sums one)', () => {
    expect(summedRef(['glotip.xlsx:Country data:14253'])).toBe('glotip.xlsx:Country data:14253');
    expect(summedRef(['a.csv::007'])).toBe('a.csv::7');
    expect(summedRef(['a.csv::5-5'])).toBe('a.csv::5');
    expect(summedRef(['a.csv::8,3'])).toBe('a.csv::3,8');
    expect(() => summedRef(['14253'])).toThrow(/not file:sheet:rows/);
  });
  it('is null when nothing was summed, and refuses what is not a ref', () => {
    expect(summedRef([])).toBeNull();
    expect(() => summedRef(['no rows here'])).toThrow(/not file:sheet:rows/);
    expect(() => summedRef(['a.csv::9-4'])).toThrow(/cannot read rows "9-4"/);
  });
  it('is written whole in a data table when it lists several files, and read back exactly', () => {
    const list = 'a.xlsx:S:1; b.csv::8-9';
    expect(refPrefix([list, 'b.csv::2'])).toBe('b.csv::');
    expect(shortRef(list, 'b.csv::')).toBe(list);
    expect(fullRef(shortRef(list, 'b.csv::'), 'b.csv::')).toBe(list);
  });
});
