/**
 * Build-time: every figure of a domain dashboard, framed, computed once per build. The dashboard page draws them and
 * the table pages of its long tables (src/lib/table-pages.ts) print theirs, so a table page shows the very rows the
 * figure was drawn from.
 */
import type { FramedChart } from '../charts/figure.ts';
import { lineChart } from '../charts/line-chart.ts';
import { rankedBarChart } from '../charts/bar-chart.ts';
import { makeLocale } from '../i18n/locale.ts';
import { frameFor, indicatorDef, yearsText } from '../lib/frames.ts';
import type { DomainSpec } from './domains.ts';
import { overTimeFor } from './over-time.ts';
import { breakdownCharts, categoryRanking, names, partialOf, run, series, trendBreaks, yearsOf } from './load.ts';
import { choroplethWithYears, flowsWithYears, type MapControl, type YearsPage } from './map-figures.ts';
import { breaksByName, breaksBySeries } from '../lib/series-breaks.ts';
import { seriesQuery } from './queries.ts';
import { toSeries } from './shape.ts';
import { pointsWithYears, type PointFile } from './point-figures.ts';

/** A link from a one-year (or summed) breakdown to the page that follows it over the years (over-time.ts). */
export interface OverTimeLink {
  href: string;
  label: string;
}

/** A figure with the pages that follow its breakdown over time. */
export interface LinkedChart extends FramedChart {
  overTime: OverTimeLink[];
}

/** A map with its year control (src/data/map-figures.ts; null: fewer than two years to show). */
export interface YearMap extends FramedChart {
  control: MapControl | null;
}

/** A figure with the heading of the section it opens (rankings and comparisons each have their own). */
export interface HeadedChart extends FramedChart {
  heading: string;
  overTime?: OverTimeLink[];
}

export interface DashboardFigures {
  trend: FramedChart;
  map: YearMap;
  breakdowns: LinkedChart[];
  rankings: HeadedChart[];
  comparisons: HeadedChart[];
  flows: (LinkedChart & YearMap)[];
  /** Every year of the maps, each measure on a page of its own (`/<domain>/years/<slug>/`). */
  yearsPages: YearsPage[];
  points: YearMap | null;
  /** The point map's year views, which the build writes under the release's folder (src/data/point-figures.ts). */
  pointFiles: PointFile[];
  /** Every indicator the figures draw (for the sources a handout cites). */
  indicators: string[];
}

/** The figures in the order the page shows them. */
export function figureList(f: DashboardFigures): FramedChart[] {
  return [f.trend, f.map, ...f.breakdowns, ...f.rankings, ...f.comparisons, ...f.flows, ...(f.points ? [f.points] : [])];
}

async function compute(spec: DomainSpec): Promise<DashboardFigures> {
  const locale = makeLocale('en');
  const { t } = locale;
  const main = indicatorDef(spec.main);
  const years = yearsOf(spec.main);
  const nameMap = await names();

  const pagePath = `/${spec.slug}/`;
  const mapped = await choroplethWithYears(spec.main, pagePath);
  if (!mapped) throw new Error(`${spec.slug}: no country has a value of ${spec.main} to map`);
  const map: YearMap = { ...mapped.figure, control: mapped.control };
  const yearsPages = [...mapped.pages];
  const trendPoints = await series(spec.main, spec.trendGeos, years);
  // Breaks over each place's whole series, as the page's redraws mark them (dashboard-trend.ts).
  const trendMarks = breaksByName(await trendBreaks(spec.main, spec.trendGeos), nameMap);
  const trend: FramedChart = {
    chart: lineChart(trendPoints, { id: 'trend', title: main.title, unit: main.unit, yearDomain: years, partial: partialOf(spec.main), breaks: trendMarks }, locale),
    frame: { ...frameFor(spec.main, 'trend-figure', years, main.title), geos: [...spec.trendGeos] },
  };

  // One chart per breakdown (and per unit): stacked only where the parts exclude each other and add up.
  const breakdowns = (
    await Promise.all(
      spec.breakdowns.map(async (b, i) => {
        const y = yearsOf(b.indicator);
        const title = t(b.titleKey);
        const charts = await breakdownCharts(b.indicator, b.geo, y, b.by, { id: `breakdown-${i}`, title, categoryLabel: t('chart.year') }, locale);
        const href = overTimeFor(spec, b.indicator, b.by);
        const overTime = href ? [{ href, label: t('overTime.link', { title }) }] : [];
        return charts.map((c, k) => ({ indicator: b.indicator, geo: b.geo, y, title: k === 0 ? title : `${title} (${c.unit})`, chart: c.chart, overTime }));
      }),
    )
  )
    .flat()
    .map(({ indicator, geo, y, title, chart, overTime }, i): LinkedChart => ({ chart, frame: { ...frameFor(indicator, `breakdown-figure-${i}`, y, title), geos: [geo] }, overTime }));

  const rankings = await Promise.all(
    (spec.rankings ?? []).map(async (r, i): Promise<HeadedChart> => {
      const def = indicatorDef(r.indicator);
      const title = t(r.titleKey);
      const bars = await categoryRanking(r.indicator, r.geo, r.year, r.dimension);
      const y: [number, number] = [r.year, r.year];
      const href = overTimeFor(spec, r.indicator, { dimension: r.dimension });
      return {
        heading: title,
        overTime: href ? [{ href, label: t('overTime.link', { title }) }] : [],
        chart: rankedBarChart(bars, { id: `ranking-${i}`, title, unit: def.unit, categoryLabel: t(r.categoryKey) }, locale),
        frame: { ...frameFor(r.indicator, `ranking-figure-${i}`, y, t('figure.titleWithYears', { title, years: yearsText(y) })), geos: [r.geo] },
      };
    }),
  );

  const flowPages: YearsPage[][] = [];
  const flowCharts = await Promise.all(
    (spec.flows ?? []).map(async (f, i): Promise<LinkedChart & YearMap> => {
      const title = t(f.titleKey);
      const overTime = overTimeFor(spec, f.indicator, { dimension: f.dimension });
      const mappedFlows = await flowsWithYears({
        indicator: f.indicator,
        dimension: f.dimension,
        chartId: `flows-${i}`,
        figureId: `flow-figure-${i}`,
        titles: { whole: title, year: t('figure.titleWithYears', { title, years: '{year}' }) },
        pagePath,
      });
      flowPages[i] = mappedFlows.pages;
      return {
        ...mappedFlows.figure,
        control: mappedFlows.control,
        overTime: overTime ? [{ href: overTime, label: t('overTime.linkFlow', { dimension: f.dimension, title }) }] : [],
      };
    }),
  );

  yearsPages.push(...flowPages.flat());

  // Several indicators of one country on one chart: each series is an indicator, never summed with another.
  const comparisons = await Promise.all(
    (spec.comparisons ?? []).map(async (c, i): Promise<HeadedChart> => {
      const defs = c.indicators.map(indicatorDef);
      const y: [number, number] = [Math.min(...c.indicators.map((id) => yearsOf(id)[0])), Math.max(...c.indicators.map((id) => yearsOf(id)[1]))];
      // Read with their notes: each indicator's series is marked where it breaks.
      const pointsByIndicator = await Promise.all(c.indicators.map(async (id, k) => toSeries(await run(seriesQuery(id, [c.geo], y, undefined, true)), nameMap).map((p) => ({ ...p, series: defs[k]!.title }))));
      const title = t(c.titleKey);
      const points = pointsByIndicator.flat();
      return {
        heading: title,
        chart: lineChart(points, { id: `comparison-${i}`, title, unit: defs[0]!.unit, yearDomain: y, partial: partialOf(c.indicators[0]!), breaks: breaksBySeries(points) }, locale),
        frame: { ...frameFor(c.indicators[0]!, `comparison-figure-${i}`, y, title), geos: [c.geo] },
      };
    }),
  );

  let pointChart: YearMap | null = null;
  let pointIndicator: string[] = [];
  let pointFiles: PointFile[] = [];
  if (spec.points) {
    const migrants = spec.points === 'migrant_incidents';
    const indicator = migrants ? 'smg_dead_missing' : 'wl_pangolin_seizures';
    pointIndicator = [indicator];
    const mappedPoints = await pointsWithYears({
      table: spec.points,
      indicator,
      // Binned to a 1° grid (each year's on their own): thousands of incidents would be thousands of marks, and a
      // seizure drawn alone has the value 1, so every circle had the largest size; a cell's seizures have a number.
      bin: { cellDegrees: 1 },
      chartId: 'points',
      figureId: 'points-figure',
      title: migrants ? t('dashboard.points.migrants.title') : t('dashboard.points.pangolins.title'),
      unit: migrants ? t('dashboard.points.migrants.unit') : t('dashboard.points.pangolins.unit'),
      pagePath,
    });
    pointChart = { ...mappedPoints.figure, control: mappedPoints.control };
    yearsPages.push(...mappedPoints.pages);
    pointFiles = mappedPoints.files;
  }

  const indicators = [
    spec.main,
    ...spec.breakdowns.map((b) => b.indicator),
    ...(spec.rankings ?? []).map((r) => r.indicator),
    ...(spec.flows ?? []).map((f) => f.indicator),
    ...(spec.comparisons ?? []).flatMap((c) => c.indicators),
    ...pointIndicator,
  ];
  return { trend, map, breakdowns, rankings, comparisons, flows: flowCharts, points: pointChart, pointFiles, yearsPages, indicators: [...new Set(indicators)] };
}

const cache = new Map<string, Promise<DashboardFigures>>();

/** The dashboard's figures, computed on first asking and shared by every page of the build that shows them. */
export function dashboardFigures(spec: DomainSpec): Promise<DashboardFigures> {
  let figures = cache.get(spec.slug);
  if (!figures) cache.set(spec.slug, (figures = compute(spec)));
  return figures;
}
