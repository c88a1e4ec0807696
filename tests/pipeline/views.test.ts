/**
 * View files: row groups that end where a place ends, and a reader that fetches only the groups holding the places
 * asked for. Expected sizes and rows are worked out by hand below.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rowGroupSizes, SERIES_VIEW, viewPath } from '../../scripts/pipeline/release/views.ts';
import { viewFileBytes } from '../../scripts/pipeline/release/write-views.ts';
import { coalesce } from '../../src/client/row-groups.ts';
import { readPlaces } from '../../src/client/view-read.ts';
import { compareText } from '../../src/data/text-order.ts';
import { openLocalView } from '../support/local-view.ts';

describe('rowGroupSizes', () => {
  it('closes a group before a place that would overflow it', () => {
    expect(rowGroupSizes(['A', 'A', 'B', 'B', 'B', 'C'], 4)).toEqual([2, 4]);
  });
  it('cuts a place larger than the target into full groups', () => {
    expect(rowGroupSizes(Array(10).fill('A'), 4)).toEqual([4, 4, 2]);
    expect(rowGroupSizes(['A', ...Array(9).fill('B'), 'C'], 4)).toEqual([1, 4, 4, 2]);
  });
  it('has no group for no rows', () => {
    expect(rowGroupSizes([], 4)).toEqual([]);
  });
});

describe('viewPath', () => {
  it('names files only for indicator ids', () => {
    expect(viewPath('series', 'tip_victims_detected')).toBe('views/series/tip_victims_detected.parquet');
    expect(() => viewPath('series', '../catalog')).toThrow();
  });
});

describe('coalesce', () => {
  it('merges ranges within the gap and keeps the rest apart', () => {
    expect(coalesce([{ start: 100, end: 110 }, { start: 0, end: 10 }, { start: 20, end: 30 }], 10)).toEqual([{ start: 0, end: 30 }, { start: 100, end: 110 }]);
  });
});

describe('compareText', () => {
  it('orders by code point, as DuckDB and Parquet statistics do', () => {
    expect(compareText('AGO', 'AFG')).toBeGreaterThan(0);
    expect(compareText('AB', 'ABC')).toBeLessThan(0);
    // U+FF21 (fullwidth A) is one code unit above a surrogate pair's in UTF-16, but below U+1F600 in code points.
    expect(compareText('\uFF21', '\u{1F600}')).toBeLessThan(0);
    expect('\uFF21' < '\u{1F600}').toBe(false);
  });
});

describe('a view file read for a few places', () => {
  // 3 places × 2 years, groups of at most 2 rows: one group per place.
  const rows = ['AGO', 'KEN', 'NGA'].flatMap((geo, i) => [2019, 2020].map((year, j) => ({
    geo, year, value: i * 10 + j, censored: null, value_min: null, value_max: null, source_ref: `f.csv:${i * 2 + j + 2}`,
  })));
  const dir = mkdtempSync(join(tmpdir(), 'cto-view-'));
  const path = join(dir, 'v.parquet');
  const { bytes, rowGroups } = viewFileBytes({ ...SERIES_VIEW, rowGroupRows: 2 }, rows);
  writeFileSync(path, bytes);

  it('writes one group per place', () => {
    expect(rowGroups).toBe(3);
  });

  it('returns the rows of the groups holding the places asked for, and reads only those', async () => {
    const v = await openLocalView(path, 64); // a tail too small to hold the data: every group is a real read
    const footerOnly = v.bytesRead();
    const got = await readPlaces(v, ['KEN']);
    expect(got).toEqual([
      { geo: 'KEN', year: 2019, value: 10, censored: null, value_min: null, value_max: null, source_ref: 'f.csv:4' },
      { geo: 'KEN', year: 2020, value: 11, censored: null, value_min: null, value_max: null, source_ref: 'f.csv:5' },
    ]);
    const oneGroup = v.bytesRead() - footerOnly;
    expect(oneGroup).toBeGreaterThan(0);
    expect(oneGroup).toBeLessThan(bytes.length / 3);
    // Read again: decoded once, nothing fetched.
    await readPlaces(v, ['KEN']);
    expect(v.bytesRead() - footerOnly).toBe(oneGroup);
    expect((await readPlaces(v, null)).map((r) => r['geo'])).toEqual(['AGO', 'AGO', 'KEN', 'KEN', 'NGA', 'NGA']);
    v.close();
  });
});
