/**
 * Build-time: the figures of a breakdown's over-time page (over-time.ts). For each unit the breakdown counts in (never
 * two units on one axis):
 * - an overview: the largest categories (as many as the colour-blind-safe palette has colours) as lines on one scale;
 * - small multiples: one small line chart per category, largest first, each on its own scale so that a small route
 *   can be followed as well as a large one.
 * Every line is a series of published values, one per year: nothing is added up (categories of a dimension may overlap,
 * a censored cell has no number), censored values are drawn as ranges, partial years and series breaks are marked.
 */
import type { FramedChart } from '../charts/figure.ts';
import { lineChart } from '../charts/line-chart.ts';
import type { SeriesPoint } from '../charts/types.ts';
import { makeLocale } from '../i18n/locale.ts';
import { frameFor } from '../lib/frames.ts';
import { breaksBySeries } from '../lib/series-breaks.ts';
import { names, outwardOf, partialOf, partRows, run, yearsOf } from './load.ts';
import { flowSeriesQuery } from './queries.ts';
import { toFlowSeries, toPartSeries, type Row } from './shape.ts';
import type { OverTimeSpec } from './over-time.ts';
import { CATEGORICAL } from '../charts/palette.ts';

/** Categories drawn together on the overview: one colour each. */
const OVERVIEW = CATEGORICAL.length;
/** Small charts on one page at most (a page of ~10 KB each); the rest are counted and left to the downloads. */
export const MAX_PANELS = 30;
/** A small chart: the narrow layout's width, shorter. */
const PANEL_SIZE = { width: 400, height: 220 };

export interface UnitFigures {
  unit: string;
  overview: FramedChart;
  panels: FramedChart[];
  /** Categories with data in this unit, and those drawn as panels. */
  categories: number;
  /** The series drawn, largest first, for tests and the page's list. */
  order: string[];
}

export interface OverTimeFigures {
  title: string;
  years: [number, number];
  /** The place followed, by name (parts), or null (flows: every pair). */
  place: string | null;
  byUnit: UnitFigures[];
}

/** Sum of a series' exact values: only the order in which categories are shown (censored cells have no number). */
function ranked(points: SeriesPoint[]): string[] {
  const sums = new Map<string, number>();
  for (const p of points) sums.set(p.series, (sums.get(p.series) ?? 0) + (p.censored === null && p.value !== null ? p.value : 0));
  return [...sums].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
}

async function rowsOf(spec: OverTimeSpec, years: [number, number]): Promise<Row[]> {
  if (spec.kind === 'flows') {
    const { dimension } = spec.by as { dimension: string };
    return run(flowSeriesQuery(spec.indicator, years, dimension, outwardOf(spec.indicator, dimension)));
  }
  return partRows(spec.indicator, spec.geo!, years, spec.by, true);
}

async function compute(spec: OverTimeSpec): Promise<OverTimeFigures> {
  const locale = makeLocale('en');
  const { t } = locale;
  const years = yearsOf(spec.indicator);
  const nameMap = await names();
  const title = t('overTime.title', { title: t(spec.titleKey) });
  const rows = await rowsOf(spec, years);
  const partial = partialOf(spec.indicator);
  const units = [...new Set(rows.map((r) => String(r['unit'])))];
  const byUnit = units.map((unit, u): UnitFigures => {
    const ofUnit = rows.filter((r) => String(r['unit']) === unit);
    const points = spec.kind === 'flows' ? toFlowSeries(ofUnit, nameMap) : toPartSeries(ofUnit);
    const order = ranked(points);
    const breaks = breaksBySeries(points);
    const suffix = units.length > 1 ? ` (${unit})` : '';
    const top = new Set(order.slice(0, OVERVIEW));
    const params = { title: t(spec.titleKey), n: OVERVIEW };
    const overviewTitle = (order.length > OVERVIEW ? t('overTime.overviewTop', params) : t('overTime.overviewAll', params)) + suffix;
    const overview: FramedChart = {
      // Series breaks are marked on each category's own chart below: eight series' rings crowd one plot.
      chart: lineChart(points.filter((p) => top.has(p.series)), { id: `overview-${u}`, title: overviewTitle, unit, yearDomain: years, partial }, locale),
      frame: { ...frameFor(spec.indicator, `overview-${u}-figure`, years, overviewTitle), ...(spec.geo ? { geos: [spec.geo] } : {}) },
    };
    const panels = order.slice(0, MAX_PANELS).map((name, k): FramedChart => {
      const own = points.filter((p) => p.series === name);
      return {
        chart: lineChart(own, { id: `panel-${u}-${k}`, title: name, unit, size: PANEL_SIZE, yearDomain: years, partial, breaks: new Map([[name, breaks.get(name) ?? []]]) }, locale),
        frame: frameFor(spec.indicator, `panel-${u}-${k}-figure`, years, name),
      };
    });
    return { unit, overview, panels, categories: order.length, order };
  });
  return { title, years, place: spec.geo ? (nameMap.get(spec.geo) ?? spec.geo) : null, byUnit };
}

const cache = new Map<string, Promise<OverTimeFigures>>();

/** Computed on first asking and shared by the pages of the build that show them. */
export function overTimeFigures(domain: string, spec: OverTimeSpec): Promise<OverTimeFigures> {
  const key = `${domain}/${spec.slug}`;
  let figures = cache.get(key);
  if (!figures) cache.set(key, (figures = compute(spec)));
  return figures;
}

