/**
 * What an area's countries reported, year by year, where no publisher gives the area's own figure. Pure.
 *
 * The sum is of exact values only. A suppressed value ("<5": somewhere from 1 to 4) is never added, as if it were a
 * number, nor dropped silently: each year counts the values left out. The number of countries reporting is given
 * for every year, because a sum over the countries that happened to report rises and falls with them: it is not the
 * area's total and is never labelled as one.
 */
import { refOfSum } from '../charts/summed-ref.ts';

export interface MemberValue {
  geo: string;
  year: number;
  value: number | null;
  censored: string | null;
  /** The publisher's row(s) of the value. */
  source_ref?: string | null;
}

export interface YearSum {
  year: number;
  /** Sum of the exact values; null when every report of the year is suppressed. */
  sum: number | null;
  /** Countries with a value or a suppressed value that year. */
  reporting: number;
  /** Of those, the countries whose value is suppressed: not in the sum. */
  suppressed: number;
  /** Every publisher's row the sum adds (summed-ref.ts); null when nothing is summed or a summed value has no row. */
  source_ref: string | null;
}

/** One entry per year with at least one report, in year order. A row with neither value nor mark is no report. */
export function reportingSums(rows: readonly MemberValue[]): YearSum[] {
  const byYear = new Map<number, { sum: number; exact: Set<string>; suppressed: Set<string>; refs: (string | null)[] }>();
  for (const r of rows) {
    if (r.value === null && r.censored === null) continue;
    let y = byYear.get(r.year);
    if (!y) byYear.set(r.year, (y = { sum: 0, exact: new Set(), suppressed: new Set(), refs: [] }));
    if (y.exact.has(r.geo) || y.suppressed.has(r.geo)) throw new Error(`reportingSums: ${r.geo} reports twice for ${r.year}`);
    if (r.value !== null) {
      y.sum += r.value;
      y.exact.add(r.geo);
      y.refs.push(r.source_ref ?? null);
    } else y.suppressed.add(r.geo);
  }
  return [...byYear]
    .sort((a, b) => a[0] - b[0])
    .map(([year, y]) => ({ year, sum: y.exact.size > 0 ? y.sum : null, reporting: y.exact.size + y.suppressed.size, suppressed: y.suppressed.size, source_ref: refOfSum(y.refs) }));
}

/**
 * The year an area's countries are compared in: the latest year in which at least half as many of them reported as
 * in their best-covered year. The very latest year is often one that few have reported yet (GLOTIP's 2021), and a
 * ranking of two countries is no comparison of an area; an older year with the area's countries in it is.
 * Null when nobody reported.
 */
export function comparisonYear(rows: readonly MemberValue[]): number | null {
  const sums = reportingSums(rows);
  const most = Math.max(0, ...sums.map((s) => s.reporting));
  const enough = sums.filter((s) => s.reporting * 2 >= most);
  return enough.length > 0 ? enough[enough.length - 1]!.year : null;
}
