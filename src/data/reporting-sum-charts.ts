/**
 * The charts of a "sum of reporting countries" (reporting-sum.ts), drawn with the shared pure chart functions: the
 * sum as a line, labelled as a sum and never as the area's total, with how many countries reported each year and how
 * many suppressed values are left out in its table and its description; and the number of countries reporting each
 * year as bars of their own, so that a reader sees the coverage behind every point without opening a table. Pure.
 */
import { lineChart } from '../charts/line-chart.ts';
import { barChart } from '../charts/bar-chart.ts';
import { yearLabel } from '../charts/axis.ts';
import type { ChartOutput, DataTable, Locale, PartialPeriod } from '../charts/types.ts';
import type { YearSum } from './reporting-sum.ts';

export interface ReportingSumOptions {
  /** Id of the sum chart; the count chart's is `<id>-count`. */
  id: string;
  /** The sum's title (it names the sum as such); the count chart's title is `countTitle`. */
  title: string;
  countTitle: string;
  /** The series' name: what the line is ("Sum of reporting countries"), and a short one for its direct label. */
  series: string;
  short?: string;
  unit: string;
  yearDomain: [number, number];
  partial?: PartialPeriod[];
}

export interface ReportingSumCharts {
  sum: ChartOutput;
  count: ChartOutput;
}

/** The sum's table gains, per year, the countries reporting and the suppressed values the sum leaves out. */
function withCoverage(table: DataTable, sums: readonly YearSum[], locale: Locale): DataTable {
  const byYear = new Map(sums.map((s) => [yearLabel(s.year), s]));
  const [first, ...rest] = table.columns;
  return {
    ...table,
    columns: [first!, ...rest, { key: 'reporting', label: locale.t('region.sum.reportingColumn'), numeric: true }, { key: 'suppressed', label: locale.t('region.sum.suppressedColumn'), numeric: true }],
    rows: table.rows.map((r) => {
      const s = byYear.get(String(r['year']));
      return { ...r, reporting: s?.reporting ?? 0, suppressed: s?.suppressed ?? 0 };
    }),
  };
}

/** "3 to 20 countries reported a year; 14 suppressed values (<5) are not in the sum." */
function coverageSentence(sums: readonly YearSum[], locale: Locale): string {
  const counts = sums.map((s) => s.reporting);
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  const suppressed = sums.reduce((n, s) => n + s.suppressed, 0);
  const reporting = lo === hi ? locale.t('region.sum.reportingSame', { n: locale.number(lo) }) : locale.t('region.sum.reportingRange', { lo: locale.number(lo), hi: locale.number(hi) });
  return suppressed > 0 ? `${reporting} ${locale.t('region.sum.suppressedSentence', { n: locale.number(suppressed) })}` : reporting;
}

export function reportingSumCharts(sums: readonly YearSum[], o: ReportingSumOptions, locale: Locale): ReportingSumCharts {
  // A year whose every report is suppressed has no sum: it is drawn as missing, and its count still says who reported.
  const points = sums.map((s) => ({ series: o.series, ...(o.short ? { short: o.short } : {}), year: s.year, value: s.sum, censored: null, min: null, max: null, ...(s.source_ref ? { source_ref: s.source_ref } : {}) }));
  const line = lineChart(points, { id: o.id, title: o.title, unit: o.unit, yearDomain: o.yearDomain, ...(o.partial ? { partial: o.partial } : {}) }, locale);
  const derived = locale.t('region.sum.derived');
  const sum: ChartOutput = sums.length === 0 ? { ...line, table: { ...line.table, derived } } : { ...line, description: `${line.description} ${coverageSentence(sums, locale)}`, table: { ...withCoverage(line.table, sums, locale), derived } };
  // Every year of the domain gets a bar: a year nobody reported is a count of 0 countries, not a missing value.
  const byYear = new Map(sums.map((s) => [s.year, s.reporting]));
  const years = Array.from({ length: o.yearDomain[1] - o.yearDomain[0] + 1 }, (_, i) => o.yearDomain[0] + i);
  const bars = years.map((y) => ({ key: String(y), label: yearLabel(y), value: byYear.get(y) ?? 0, censored: null, min: null, max: null }));
  const count = barChart(bars, { id: `${o.id}-count`, title: o.countTitle, unit: locale.t('region.sum.countUnit'), categoryLabel: locale.t('chart.year'), ...(o.partial ? { partial: o.partial } : {}) }, locale);
  return { sum, count: { ...count, table: { ...count.table, derived: locale.t('region.count.derived') } } };
}
