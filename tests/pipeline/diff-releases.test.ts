/**
 * The release diff on small tables written by hand: each row's fate below is read off the two tables, not computed.
 */
import { describe, expect, it } from 'vitest';
import { diffObservations } from '../../scripts/archive/diff-releases.ts';

type Cell = string | number | null;
/** An observation with the columns the diff reads; `ref` is the publisher's row. */
function obs(indicator: string, geo: string, year: number, value: number | null, ref: string, extra: Record<string, Cell> = {}) {
  return {
    indicator, geo, year, sex: 'total', age: 'total', dimension: 'total', category: 'total', counterpart: null, unit: 'persons',
    value, censored: null, value_min: null, value_max: null, source: 'src-a', source_ref: ref, note: null, ...extra,
  };
}
const censored = { censored: '<5', value_min: 1, value_max: 4 };

const BEFORE = [
  obs('ind_a', 'KEN', 2019, 10, 'f.csv::2'), // unchanged
  obs('ind_a', 'KEN', 2020, 12, 'f.csv::3'), // revised 12 → 15
  obs('ind_a', 'NGA', 2020, null, 'f.csv::4', censored), // censored → 3
  obs('ind_a', 'UGA', 2020, 7, 'f.csv::5'), // 7 → censored
  obs('ind_a', 'TZA', 2020, 4, 'f.csv::6'), // removed
  obs('ind_a', 'KEN', 2020, 5, 'f.csv::7', { sex: 'female' }), // unchanged, moved to another row of the file
  obs('ind_b', 'KEN', 2020, 1, 'g.csv::2', { source: 'src-b', note: 'old note' }), // only the note changes: unchanged
];
const AFTER = [
  obs('ind_a', 'KEN', 2019, 10, 'f.csv::2'),
  obs('ind_a', 'KEN', 2020, 15, 'f.csv::3'),
  obs('ind_a', 'NGA', 2020, 3, 'f.csv::4'),
  obs('ind_a', 'UGA', 2020, null, 'f.csv::5', censored),
  obs('ind_a', 'KEN', 2020, 5, 'f.csv::9', { sex: 'female' }),
  obs('ind_b', 'KEN', 2020, 1, 'g.csv::2', { source: 'src-b', note: 'new note' }),
  obs('ind_b', 'KEN', 2021, 0, 'g.csv::3', { source: 'src-b' }), // added (a zero is a value)
];

describe('release diff', () => {
  const d = diffObservations(BEFORE, AFTER);

  it('counts values added, revised and removed; the rest is unchanged', () => {
    expect(d.counts).toEqual({ added: 1, revised: 3, removed: 1 });
    expect(d.unchanged).toBe(3);
  });

  it('lists each change with the value before and after, censoring included', () => {
    const brief = d.changes.map((c) => [c.kind, c.indicator, c.geo, c.year, c.before?.value ?? c.before?.censored ?? null, c.after?.value ?? c.after?.censored ?? null]);
    expect(brief).toEqual([
      ['revised', 'ind_a', 'KEN', 2020, 12, 15],
      ['revised', 'ind_a', 'NGA', 2020, '<5', 3],
      ['revised', 'ind_a', 'UGA', 2020, 7, '<5'],
      ['removed', 'ind_a', 'TZA', 2020, 4, null],
      ['added', 'ind_b', 'KEN', 2021, null, 0],
    ]);
    expect(d.changes[1]!.before).toEqual({ value: null, censored: '<5', value_min: 1, value_max: 4 });
  });

  it('groups the counts per indicator and source', () => {
    expect(d.groups).toEqual([
      { indicator: 'ind_a', source: 'src-a', added: 0, revised: 3, removed: 1 },
      { indicator: 'ind_b', source: 'src-b', added: 1, revised: 0, removed: 0 },
    ]);
  });

  it('tells a breakdown apart from the total of the same place and year', () => {
    const e = diffObservations([obs('ind_a', 'KEN', 2020, 5, 'f::2', { sex: 'male' })], [obs('ind_a', 'KEN', 2020, 5, 'f::2', { sex: 'female' })]);
    expect(e.counts).toEqual({ added: 1, revised: 0, removed: 1 });
  });

  it('finds nothing between a release and itself', () => {
    expect(diffObservations(AFTER, AFTER)).toMatchObject({ counts: { added: 0, revised: 0, removed: 0 }, changes: [], unchanged: AFTER.length });
  });
});
