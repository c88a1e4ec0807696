/**
 * A catalog entry's coverage figure (src/charts/coverage-chart.ts with its frame), built once for the entry's page
 * and, when its table is long (population: 65 years), for that table's own page (src/lib/table-pages.ts).
 */
import { coverageChart } from '../charts/coverage-chart.ts';
import { yearsText, type FramedChart } from '../charts/figure.ts';
import type { Coverage } from './catalog-entries.ts';
import type { Locale, PartialPeriod } from '../charts/types.ts';
import { getCatalog } from './load.ts';
import { sourceLine } from '../lib/frames.ts';
import { hasTablePage, tablePagePath } from '../lib/table-pages.ts';

export const COVERAGE_FIGURE_ID = 'coverage';

export interface CoverageFigureInput {
  coverage: Coverage;
  title: string;
  caveat: string;
  sources: string[];
  partial?: PartialPeriod[];
  /** The entry page's path: a long table links its own page under it. */
  pagePath: string;
}

/** Null when the entry covers no year. */
export function coverageFigure(o: CoverageFigureInput, locale: Locale): (FramedChart & { tableHref?: string }) | null {
  const { coverage } = o;
  if (coverage.yearMin === null || coverage.yearMax === null) return null;
  const years: [number, number] = [coverage.yearMin, coverage.yearMax];
  const figureTitle = locale.t('catalog.coverageTitle', { title: o.title });
  const chart = coverageChart(coverage.years, { id: 'coverage-chart', title: figureTitle, yearDomain: years, partial: o.partial ?? [] }, locale);
  const tableHref = hasTablePage(chart.table) ? tablePagePath(o.pagePath, COVERAGE_FIGURE_ID) : undefined;
  return {
    chart,
    frame: {
      id: COVERAGE_FIGURE_ID,
      title: figureTitle,
      subtitle: locale.t('catalog.coverageSubtitle', { years: yearsText(years) }),
      source: sourceLine(o.sources),
      version: getCatalog().version,
      caveat: o.caveat,
    },
    ...(tableHref ? { tableHref } : {}),
  };
}

/** The caveat of a table's coverage figure: which columns it counts as place and year. */
export function tableCoverageCaveat(name: string, coverage: Coverage | null, t: Locale['t']): string {
  if (name === 'observations') return t('catalog.coverageCaveatObservations');
  return coverage ? t('catalog.coverageCaveatTable', { year: coverage.columns.year, columns: coverage.columns.place.join(', ') }) : '';
}
