import { describe, expect, it } from 'vitest';
import { exportFileName, type FileNameParts } from '../../src/export/file-name.ts';

const BASE: FileNameParts = { indicator: 'tip_victims_detected', geos: ['NGA', 'KEN'], years: [2010, 2021], figure: 'trend-figure', version: '8de0ceeb623b', ext: 'csv' };

describe('exportFileName', () => {
  it('names indicator, sorted places, years, figure and version', () => {
    expect(exportFileName(BASE)).toBe('cto_tip_victims_detected_KEN-NGA_2010-2021_trend_8de0ceeb623b.csv');
  });
  it('says all for a figure of every place, and counts more than five places', () => {
    expect(exportFileName({ ...BASE, geos: null, figure: 'map-figure', ext: 'png' })).toBe('cto_tip_victims_detected_all_2010-2021_map_8de0ceeb623b.png');
    expect(exportFileName({ ...BASE, geos: ['A1', 'B2', 'C3', 'D4', 'E5', 'F6'] })).toBe('cto_tip_victims_detected_6places_2010-2021_trend_8de0ceeb623b.csv');
    expect(exportFileName({ ...BASE, geos: ['A1', 'B2', 'C3', 'D4', 'E5'] })).toBe('cto_tip_victims_detected_A1-B2-C3-D4-E5_2010-2021_trend_8de0ceeb623b.csv');
  });
  it('keeps only safe characters', () => {
    expect(exportFileName({ ...BASE, indicator: 'a b/é', geos: ['gb-sct'], figure: 'fig-Côte d’Ivoire', ext: 'json' })).toBe('cto_a-b-e_GB-SCT_2010-2021_fig-co-te-d-ivoire_8de0ceeb623b.json');
  });
  it('sorts by indicator, then places, then years, then version', () => {
    const names = [
      exportFileName({ ...BASE, years: [2012, 2021] }),
      exportFileName({ ...BASE, version: '0000' }),
      exportFileName({ ...BASE, geos: ['BRA'] }),
      exportFileName({ ...BASE, indicator: 'fa_seized' }),
    ];
    expect([...names].sort()).toEqual([
      'cto_fa_seized_KEN-NGA_2010-2021_trend_8de0ceeb623b.csv',
      'cto_tip_victims_detected_BRA_2010-2021_trend_8de0ceeb623b.csv',
      'cto_tip_victims_detected_KEN-NGA_2010-2021_trend_0000.csv',
      'cto_tip_victims_detected_KEN-NGA_2012-2021_trend_8de0ceeb623b.csv',
    ]);
  });
  it('refuses a year that is not one', () => {
    expect(() => exportFileName({ ...BASE, years: [2010.5, 2021] })).toThrow(/2010.5/);
  });
});
