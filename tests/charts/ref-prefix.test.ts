/**
 * A data table's refs written short and read back whole. Expected values are written out by hand from refs in the
 * publishers' form (`file:sheet:row`; a sheet name may itself hold spaces, a CSV's sheet is empty).
 */
import { describe, expect, it } from 'vitest';
import { fullRef, refPrefix, shortRef } from '../../src/charts/ref-prefix.ts';

const refs = ['glotip_2023.xlsx:Country data:14', 'glotip_2023.xlsx:Country data:2051', 'other.csv::7', 'glotip_2023.xlsx:Country data:99', 'glotip_2023.xlsx:Country data:13052,13055-13058'];

describe('data-ref prefixes', () => {
  it('takes the file and sheet most refs share', () => {
    expect(refPrefix(refs)).toBe('glotip_2023.xlsx:Country data:');
    expect(refPrefix(['a.csv::1', 'b.csv::2', 'b.csv::3'])).toBe('b.csv::');
    expect(refPrefix([])).toBeNull();
  });

  it('writes the row alone under the prefix, any other ref whole, and reads both back exactly', () => {
    const prefix = 'glotip_2023.xlsx:Country data:';
    const written = ['14', '2051', 'other.csv::7', '99', '13052,13055-13058'];
    expect(refs.map((r) => shortRef(r, prefix))).toEqual(written);
    expect(written.map((w) => fullRef(w, prefix))).toEqual(refs);
    expect(shortRef('glotip_2023.xlsx:Country data:14', null)).toBe('glotip_2023.xlsx:Country data:14');
  });

  it('refuses a row number without a prefix to complete it', () => {
    expect(() => fullRef('14', null)).toThrow(/no data-ref-prefix/);
    expect(() => fullRef('13052,13055-13058', null)).toThrow(/no data-ref-prefix/);
  });
});
