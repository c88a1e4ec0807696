/**
 * The break-marking rule on hand-made series: every expected mark below is worked out by hand from the points
 * written next to it, not from the code under test.
 */
import { describe, expect, it } from 'vitest';
import { seriesBreaks, type BreakPoint } from '../../src/lib/series-breaks.ts';
import { noteClauses } from '../../src/lib/note-clauses.ts';

const IAFQ = 'UNODC Source column: IAFQ';
const SOF = 'UNODC Source column: IAFQ/SOF';

function v(year: number, value: number | null, note: string | null = SOF, source = 'unodc-iafq'): BreakPoint {
  return { year, value, censored: null, note, source };
}
function cens(year: number, mark = '<5', note: string | null = SOF): BreakPoint {
  return { year, value: null, censored: mark, note, source: 'unodc-iafq' };
}

describe('seriesBreaks', () => {
  it('marks an order-of-magnitude jump, with its factor (Brazil: 2,284 in 2017, 89,615 in 2018)', () => {
    const marks = seriesBreaks([v(2016, 4794), v(2017, 2284), v(2018, 89615)]);
    expect(marks).toHaveLength(1);
    const [m] = marks;
    expect(m!.year).toBe(2018);
    expect(m!.previousYear).toBe(2017);
    expect(m!.gap).toBe(0);
    expect(m!.note).toBe(SOF);
    expect(m!.reasons).toHaveLength(1);
    const r = m!.reasons[0]!;
    expect(r.kind).toBe('jump');
    if (r.kind !== 'jump') return;
    expect(r.direction).toBe('up');
    // 89615 / 2284 = 39.236…
    expect(r.factor).toBeCloseTo(39.236, 3);
    expect([r.from, r.to]).toEqual([2284, 89615]);
  });

  it('marks a fall to a tenth or less, and nothing short of ×10 either way', () => {
    // 1000 → 100 is exactly ÷10 (marked); 100 → 999 is ×9.99 (not); 999 → 101 is ÷9.89 (not).
    const marks = seriesBreaks([v(2010, 1000), v(2011, 100), v(2012, 999), v(2013, 101)]);
    expect(marks.map((m) => m.year)).toEqual([2011]);
    expect(marks[0]!.reasons[0]).toEqual({ kind: 'jump', direction: 'down', factor: 10, from: 1000, to: 100 });
  });

  it('compares with the previous reported year across missing years, and says the gap', () => {
    // 2013: 13,048; 2014–2015 missing (one point has no value at all, the other no row); 2016: 1,000 → ÷13.048.
    const marks = seriesBreaks([v(2013, 13048), v(2014, null, null), v(2016, 1000)]);
    expect(marks).toHaveLength(1);
    expect(marks[0]!.year).toBe(2016);
    expect(marks[0]!.previousYear).toBe(2013);
    expect(marks[0]!.gap).toBe(2);
  });

  it('never computes a jump from or to a censored value, nor across one', () => {
    // 2 → "<5" → 600: the censored year could be anything from 1 to 4, and 2 → 600 is not compared across it.
    expect(seriesBreaks([v(2010, 2), cens(2011), v(2012, 600)])).toEqual([]);
    // A floor ("at least 475 kg") is censored too: 40 → ≥475 → 60 has no jump.
    expect(seriesBreaks([v(2010, 40), { year: 2011, value: null, censored: '>=475', note: SOF, source: 'unodc-iafq' }, v(2012, 60)])).toEqual([]);
  });

  it('still marks a change of note or source at a censored point', () => {
    const marks = seriesBreaks([v(2010, 7, IAFQ), cens(2011, '<5', SOF)]);
    expect(marks).toEqual([{ year: 2011, previousYear: 2010, gap: 0, reasons: [{ kind: 'source changed', from: 'IAFQ', to: 'IAFQ/SOF' }], note: SOF }]);
  });

  it('takes no ratio from zero: 0 → 50 is not an order of magnitude of anything', () => {
    expect(seriesBreaks([v(2010, 0), v(2011, 50), v(2012, 0)])).toEqual([]);
  });

  it("marks a change of the publisher's source field, and of the release's source id", () => {
    const marks = seriesBreaks([v(2018, 10, IAFQ), v(2019, 11, SOF), v(2020, 12, SOF, 'unodc-cts')]);
    expect(marks.map((m) => [m.year, m.reasons])).toEqual([
      [2019, [{ kind: 'source changed', from: 'IAFQ', to: 'IAFQ/SOF' }]],
      [2020, [{ kind: 'source changed', from: 'unodc-iafq', to: 'unodc-cts' }]],
    ]);
  });

  it("marks where the publisher's note begins and ends, with the note of the marked point", () => {
    const cumulative = 'Cumulative total for 2009 – September 2018, stored by OWID under Year 2018; not an annual 2018 value.';
    const marks = seriesBreaks([v(2016, 1054, null), v(2017, 1028, null), v(2018, 7245, cumulative), v(2019, 594, null)]);
    expect(marks.map((m) => ({ year: m.year, reasons: m.reasons.map((r) => r.kind), note: m.note }))).toEqual([
      { year: 2018, reasons: ['note changed'], note: cumulative },
      { year: 2019, reasons: ['note changed', 'jump'], note: null },
    ]);
    expect(marks[0]!.reasons[0]).toEqual({ kind: 'note changed', from: null, to: cumulative });
  });

  it("does not mark the observatory's per-value bookkeeping (a zero caveat, arithmetic, counts), which changes by nature", () => {
    const zero = `${IAFQ}; 0 as reported: the export does not distinguish a reported 0 from "not recorded"`;
    expect(seriesBreaks([v(2010, 3, IAFQ), v(2011, 0, zero), v(2012, 4, IAFQ)])).toEqual([]);
    const rate = (n: number, row: number) => ({ year: 2010 + n, value: 2 + n, censored: null, note: `derived: ${n} / 1000 × 100,000; population from population-worldbank population.csv::${row}` });
    expect(seriesBreaks([rate(0, 311), rate(1, 312), rate(2, 313)])).toEqual([]);
    const weights = (n: number) => `${n} of 9 scale seizures have no weight ('Y'); the value is the sum of the known weights`;
    expect(seriesBreaks([v(2010, 5, null), v(2011, 6, weights(1)), v(2012, 7, weights(2)), v(2013, 8, null)])).toEqual([]);
  });

  it('compares no notes when the reader has none (undefined), but still marks jumps', () => {
    const bare = (year: number, value: number): BreakPoint => ({ year, value, censored: null });
    const marks = seriesBreaks([bare(2017, 2284), bare(2018, 89615)]);
    expect(marks.map((m) => [m.year, m.reasons.map((r) => r.kind), m.note])).toEqual([[2018, ['jump'], null]]);
  });

  it('orders points by year, keeps the first of a repeated year, and marks nothing on the first point', () => {
    expect(seriesBreaks([v(2012, 500), v(2011, 5), v(2011, 400)]).map((m) => m.year)).toEqual([2012]);
    expect(seriesBreaks([v(2011, 5)])).toEqual([]);
    expect(seriesBreaks([])).toEqual([]);
  });
});

describe('noteClauses', () => {
  it("separates the publisher's source field, lasting clauses and per-value bookkeeping", () => {
    expect(noteClauses(`${SOF}; 0 as reported: the export does not distinguish a reported 0 from "not recorded"`)).toEqual({ sourceField: 'IAFQ/SOF', lasting: [] });
    expect(noteClauses('UNODC Source column empty')).toEqual({ sourceField: '', lasting: [] });
    expect(noteClauses(`${IAFQ}; count is not a whole number in the file; published as given (probably a UNODC estimate)`)).toEqual({
      sourceField: 'IAFQ',
      lasting: ['count is not a whole number in the file', 'published as given (probably a UNODC estimate)'],
    });
    expect(noteClauses(`${IAFQ}; published as "by location / Total"; attributed to the tracing table because it equals the sum of its identifiability subtotals`)).toEqual({ sourceField: 'IAFQ', lasting: [] });
    expect(noteClauses('computed by the observatory: 4 failed ÷ 30 tested × 100')).toEqual({ sourceField: null, lasting: [] });
    expect(noteClauses('partial year: the file covers incidents to 2024-11-15')).toEqual({ sourceField: null, lasting: [] });
    expect(noteClauses(null)).toEqual({ sourceField: null, lasting: [] });
  });
});
