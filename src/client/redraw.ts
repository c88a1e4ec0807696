/**
 * The part of the browser code loaded only on interaction (a dynamic import from main.ts), with the chart code and
 * the view-file reader: `drawTrend` reads a view through a SeriesSource and returns the HTML of the figure and of the
 * Table tab, identical to what the build renders for the same rows. It never touches the DOM (the controller paints).
 */
import type { Locale, PartialPeriod } from '../charts/types.ts';
import { lineChart } from '../charts/line-chart.ts';
import { figureHtml, subtitleOf, yearsText, type Frame } from '../charts/figure.ts';
import { seriesTableHtml } from '../charts/series-table.ts';
import { makeLocale } from '../i18n/locale.ts';
import { toSeries, type Row } from '../data/shape.ts';
import { breaksByName, breaksBySeries, type BreakMark } from '../lib/series-breaks.ts';
import type { ViewState } from '../state/url-state.ts';
import type { View } from './chart-phase.ts';
import type { ReadOptions, SeriesSource } from './series-source.ts';

export { viewSeries } from './view-series.ts';
export { absentTrend } from './absent-release.ts';

/** How a page describes a redrawable chart, in the host's `data-chart` attribute (written by Figure.astro). */
export interface ChartSpec {
  kind: 'line';
  indicator: string;
  /** The chart's id inside the figure (ids in the SVG derive from it); default: the frame id without "-figure". */
  chartId?: string;
  defaults: { geo: string[]; years: [number, number] };
  unit: string;
  frame: Frame;
  /** Years the source covers only in part: a redrawn chart marks them as the build did. */
  partial?: PartialPeriod[];
  /**
   * Where each offered place's series breaks, by place code, over all its years (src/data/load.ts trendBreaks): the
   * view files hold no notes, so the page carries the marks the build read from the release's notes. Only for the
   * page's own release; without it (a view of a cited release) only jumps are marked, read from the rows drawn.
   */
  breaks?: Record<string, BreakMark[]>;
  /** The indicator's series view file, inside the release folder, and its size (the first read goes straight to its footer). */
  view: { path: string; bytes: number };
}

const EN = makeLocale('en');

/** The frame of the redrawn figure: as the build frames it (src/lib/frames.ts), with the years of the view. */
export function trendFrame(spec: ChartSpec, years: [number, number], href?: string): Frame {
  const { id, title, source, version, caveat } = spec.frame;
  return { id, title, subtitle: subtitleOf(spec.unit, years), source, version, caveat, ...(href ? { href } : {}) };
}

/**
 * The figure's HTML for query rows: identical to what the build renders for the same rows and years
 * (and the default view gets no permalink, exactly as at build time).
 */
export function trendHtml(rows: Row[], spec: ChartSpec, state: Pick<ViewState, 'years'>, names: ReadonlyMap<string, string>, href?: string, locale: Locale = EN): string {
  const chartId = spec.chartId ?? spec.frame.id.replace(/-figure$/, '');
  const points = toSeries(rows, names);
  const breaks = spec.breaks ? breaksByName(spec.breaks, names) : breaksBySeries(points);
  const chart = lineChart(points, { id: chartId, title: spec.frame.title, unit: spec.unit, yearDomain: state.years, partial: spec.partial ?? [], breaks }, locale);
  return figureHtml(chart, trendFrame(spec, state.years, href), locale);
}

/** Places keep their codes in the table's points; the table names them itself. */
const BY_CODE: ReadonlyMap<string, string> = new Map();

/** The Table tab for query rows: the view's places × years, as the build renders the default view. */
export function trendTableHtml(rows: Row[], spec: ChartSpec, view: View, names: ReadonlyMap<string, string>, hrefs: ReadonlyMap<string, string>, locale: Locale = EN): string {
  return seriesTableHtml(toSeries(rows, BY_CODE), names, {
    title: spec.frame.title,
    unit: spec.unit,
    geos: view.geo,
    years: [view.years[0], view.years[1]],
    href: (geo) => hrefs.get(geo) ?? null,
  }, locale);
}

/** "Updated: 3 countries, 2010–2020 (query 12 ms)". */
export function updatedText(geos: number, years: [number, number], queryMs: number, locale: Locale = EN): string {
  const params = { n: locale.number(geos), years: yearsText(years), ms: locale.number(Math.max(0, Math.round(queryMs)), 0) };
  return geos === 1 ? locale.t('status.updated.one', params) : locale.t('status.updated.other', params);
}

export interface TrendContext {
  names: ReadonlyMap<string, string>;
  /** Pages of the places that have one (the Table tab links them). */
  hrefs: ReadonlyMap<string, string>;
  locale: Locale;
  /** Permalink for the figure's source line; omitted for the default view. */
  href?: string;
  /** Whether the page has a Table tab to redraw. */
  table: boolean;
}

export interface DrawnTrend {
  figure: string;
  table: string | null;
  /** The status line's "Updated: …" sentence. */
  summary: string;
}

/** Reads `view` and returns the HTML that shows it. */
export async function drawTrend(source: SeriesSource, spec: ChartSpec, view: View, ctx: TrendContext, io: ReadOptions = {}): Promise<DrawnTrend> {
  const years: [number, number] = [view.years[0], view.years[1]];
  const { rows, queryMs } = await source.read({ indicator: spec.indicator, geo: view.geo, years }, io);
  return {
    figure: trendHtml(rows, spec, { years }, ctx.names, ctx.href, ctx.locale),
    table: ctx.table ? trendTableHtml(rows, spec, view, ctx.names, ctx.hrefs, ctx.locale) : null,
    summary: updatedText(view.geo.length, years, queryMs, ctx.locale),
  };
}
