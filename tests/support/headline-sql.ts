/**
 * Each home headline series computed by SQL written here (DuckDB over the release's Parquet), not by
 * src/lib/headlines.ts: what tests/site/headlines.test.ts and tests/e2e/home.test.ts hold the module and the page to.
 */
import type { HeadlineChoice } from '../../src/lib/headlines.ts';
import type { Rows } from './release-query.ts';

export type Sql = (text: string, params?: (string | number)[]) => Promise<Rows>;

export interface ExpectedPoint {
  year: number;
  value: number | null;
  countries: number;
}

/** Written out here, not taken from the site's queries: the test must not share what it checks. */
export const TOTALS = (t: string) => `${t}.dimension = 'total' AND ${t}.category = 'total' AND ${t}.counterpart IS NULL AND ${t}.sex = 'total' AND ${t}.age = 'total'`;

export async function expectedHeadline(sql: Sql, choice: HeadlineChoice): Promise<ExpectedPoint[]> {
  if (choice.kind === 'publisher') {
    return (await sql(`SELECT o.year, o.value FROM observations o WHERE o.indicator = ? AND o.geo = ? AND ${TOTALS('o')} ORDER BY o.year`, [choice.indicator, choice.geo]))
      .map((r) => ({ year: Number(r['year']), value: r['value'] === null ? null : Number(r['value']), countries: 1 }));
  }
  if (choice.kind === 'panel') {
    const [from, to] = choice.years;
    const n = to - from + 1;
    return (await sql(
      `WITH r AS (SELECT o.geo, o.year, o.value FROM observations o JOIN geo g ON g.geo = o.geo
         WHERE o.indicator = ? AND ${TOTALS('o')} AND g.kind = 'country' AND o.year BETWEEN ? AND ?),
       members AS (SELECT geo FROM r GROUP BY geo HAVING count(*) FILTER (WHERE value IS NOT NULL) = ?)
       SELECT year, sum(value) AS value, count(*) AS countries FROM r WHERE geo IN (SELECT geo FROM members) GROUP BY year ORDER BY year`,
      [choice.indicator, from, to, n],
    )).map((r) => ({ year: Number(r['year']), value: Number(r['value']), countries: Number(r['countries']) }));
  }
  return (await sql(
    `SELECT t.year, 100 * sum(f.value) / sum(t.value) AS value, count(*) AS countries
     FROM observations t JOIN observations f ON f.geo = t.geo AND f.year = t.year JOIN geo g ON g.geo = t.geo
     WHERE t.indicator = ? AND f.indicator = ? AND g.kind = 'country' AND ${TOTALS('t')} AND ${TOTALS('f')}
       AND t.value IS NOT NULL AND f.value IS NOT NULL
     GROUP BY t.year ORDER BY t.year`,
    [choice.denominator, choice.numerator],
  )).map((r) => ({ year: Number(r['year']), value: Number(r['value']), countries: Number(r['countries']) }));
}

/** The last year with a value that the catalog does not mark as partial: the headline's big number. */
export function expectedLatest(points: ExpectedPoint[], partialYears: readonly number[]): ExpectedPoint | undefined {
  return [...points].reverse().find((p) => p.value !== null && !partialYears.includes(p.year));
}
