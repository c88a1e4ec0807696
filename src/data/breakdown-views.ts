/**
 * Build-time loader: every breakdown of one indicator as the figure that fits it (see parts-chart.ts), for the
 * indicator page. Place dimensions (citizenship, exporter, route countries) become a flow map and a ranking of one
 * reporting country; other dimensions, and the sex and age parts, one chart per unit for the best-covered country.
 */
import { rankedBarChart } from '../charts/bar-chart.ts';
import type { Frame } from '../charts/figure.ts';
import type { ChartOutput, Locale } from '../charts/types.ts';
import type { Catalog } from '../lib/release.ts';
import { bestCovered, breakdownCharts, categoryRanking, names, outwardOf, partRows, type PartsBy } from './load.ts';
import { flowsWithYears, type MapControl, type YearsPage } from './map-figures.ts';

type IndicatorEntry = Catalog['indicators'][number];

export interface BreakdownView {
  /** Unique on the page. */
  id: string;
  title: string;
  /** Years the figure covers, and the unit of its values (one unit per figure), for its subtitle. */
  years: [number, number];
  unit: string;
  chart: ChartOutput;
  /** Sentences printed under the figure: which country is shown, what was left out. */
  notes: string[];
  /** A flow map's own frame, year control and years page (src/data/map-figures.ts). */
  frame?: Frame;
  control?: MapControl | null;
  pages?: YearsPage[];
}

async function placeView(def: IndicatorEntry, dimension: string, years: [number, number], locale: Locale, i: number, pagePath: string): Promise<BreakdownView[]> {
  const { t } = locale;
  const nameMap = await names();
  const label = (code: string) => nameMap.get(code) ?? code;
  const views: BreakdownView[] = [];
  // Which way the arrows run: into the reporting country (origins, citizenships), or out of it (where a seizure was going).
  const outward = outwardOf(def.id, dimension);
  const span = { title: def.title, dimension, years: `${years[0]}–${years[1]}` };
  const title = outward ? t('indicator.flowsOutTitle', span) : t('indicator.flowsTitle', span);
  const oneYear = { title: def.title, dimension, year: '{year}' };
  const flows = await flowsWithYears({
    indicator: def.id,
    dimension,
    chartId: `flows-${i}`,
    figureId: `breakdown-flows-${i}`,
    titles: { whole: title, year: outward ? t('indicator.flowsOutYearTitle', oneYear) : t('indicator.flowsYearTitle', oneYear) },
    pagePath,
  });
  if (flows.figure.chart.table.rows.length > 0) {
    views.push({
      id: `flows-${i}`, title, years, unit: def.unit,
      chart: flows.figure.chart,
      notes: [outward ? t('indicator.flowsOutNote', { dimension }) : t('indicator.flowsNote', { dimension })],
      frame: flows.figure.frame,
      control: flows.control,
      pages: flows.pages,
    });
  }
  const best = await bestCovered(def.id, { dimension });
  if (best) {
    const rows = await partRows(def.id, best.geo, years, { dimension });
    const year = Math.max(...rows.map((r) => Number(r['year'])));
    const bars = (await categoryRanking(def.id, best.geo, year, dimension)).map((b) => ({ ...b, label: label(b.key) }));
    const title = t('indicator.rankingTitle', { title: def.title, dimension, place: label(best.geo), year });
    views.push({
      id: `ranking-${i}`, title, years: [year, year], unit: def.unit,
      chart: rankedBarChart(bars, { id: `ranking-${i}`, title, unit: def.unit, categoryLabel: dimension }, locale),
      notes: [t('indicator.example', { place: label(best.geo), n: locale.number(best.n) })],
    });
  }
  return views;
}

async function partsView(def: IndicatorEntry, by: PartsBy, years: [number, number], locale: Locale, i: number): Promise<BreakdownView[]> {
  const { t } = locale;
  const best = await bestCovered(def.id, by);
  if (!best) return [];
  const place = (await names()).get(best.geo) ?? best.geo;
  const dimension = 'dimension' in by ? by.dimension : by.axis === 'sex' ? t('indicator.axis.sex') : t('indicator.axis.age');
  const title = t('indicator.breakdownTitle', { title: def.title, dimension, place });
  const charts = await breakdownCharts(def.id, best.geo, years, by, { id: `parts-${i}`, title, categoryLabel: t('chart.year') }, locale);
  return charts.map((c, k) => ({
    id: `${i}-${k}`,
    title: charts.length > 1 ? `${title} (${c.unit})` : title,
    years,
    unit: c.unit,
    chart: c.chart,
    notes: [t('indicator.example', { place, n: locale.number(best.n) }), ...(c.shown < c.total ? [t('indicator.partsShown', { shown: c.shown, total: c.total })] : [])],
  }));
}

/** Every breakdown the indicator has data for, in the catalog's order, then sex and age. */
export async function breakdownViews(def: IndicatorEntry, years: [number, number], locale: Locale, pagePath: string): Promise<BreakdownView[]> {
  const withData = def.dimensions.filter((d) => (def.coverage?.dimensions[d.name] ?? 0) > 0);
  const views: BreakdownView[] = [];
  for (const [i, d] of withData.entries()) {
    views.push(...(d.geo ? await placeView(def, d.name, years, locale, i, pagePath) : await partsView(def, { dimension: d.name }, years, locale, i)));
  }
  for (const axis of ['sex', 'age'] as const) {
    // 'unknown' is a part like the others.
    if (def.breakdowns.includes(axis)) views.push(...(await partsView(def, { axis }, years, locale, withData.length + (axis === 'sex' ? 0 : 1))));
  }
  return views;
}
