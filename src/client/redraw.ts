/**
 * Redraws a trend chart from the release in the browser: DuckDB-WASM loads the indicator's rows, the shared SQL runs
 * with bound parameters, and the same chart and figure functions the build used turn the rows into the figure's HTML.
 * Loaded only on interaction (a dynamic import from main.ts), together with the chart code and the engine.
 */
import type { Locale } from '../charts/types.ts';
import { lineChart } from '../charts/line-chart.ts';
import { figureHtml, subtitleOf, yearsText, type Frame } from '../charts/figure.ts';
import { makeLocale } from '../i18n/locale.ts';
import { seriesQuery } from '../data/queries.ts';
import { toSeries, type Row } from '../data/shape.ts';
import type { ViewState } from '../state/url-state.ts';
import { createEngine, type Engine, type ParquetSource, type Progress } from './engine.ts';

/** How a page describes a redrawable chart, in the host's `data-chart` attribute (written by Figure.astro). */
export interface ChartSpec {
  kind: 'line';
  indicator: string;
  /** The chart's id inside the figure (ids in the SVG derive from it); default: the frame id without "-figure". */
  chartId?: string;
  defaults: { geo: string[]; years: [number, number] };
  unit: string;
  frame: Frame;
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
  const chart = lineChart(toSeries(rows, names), { id: chartId, title: spec.frame.title, unit: spec.unit, yearDomain: state.years }, locale);
  return figureHtml(chart, trendFrame(spec, state.years, href), locale);
}

/** "Updated: 3 countries, 2010–2020 (query 12 ms)". */
export function updatedText(geos: number, years: [number, number], queryMs: number, locale: Locale = EN): string {
  const params = { n: locale.number(geos), years: yearsText(years), ms: locale.number(Math.max(0, Math.round(queryMs)), 0) };
  return geos === 1 ? locale.t('status.updated.one', params) : locale.t('status.updated.other', params);
}

const engines = new Map<string, Engine>();

function engineFor(source: ParquetSource): Engine {
  let e = engines.get(source.url);
  if (!e) engines.set(source.url, (e = createEngine(source)));
  return e;
}

/** Starts the engine and reads an indicator ahead of a redraw (on a first sign of intent), without any UI. */
export function prepare(source: ParquetSource, indicator: string): Promise<void> {
  return engineFor(source).load([indicator]);
}

export interface RedrawOptions {
  source: ParquetSource;
  names: ReadonlyMap<string, string>;
  /** The page's language; the figure is drawn as the build drew it in that language. Default: English. */
  locale?: Locale;
  /** Permalink for the figure's source line; omitted for the default view. */
  href?: string;
  progress?: Progress;
  /** Checked before the DOM is touched: a newer request wins. */
  isCurrent?: () => boolean;
}

export interface RedrawResult {
  queryMs: number;
  rows: number;
  applied: boolean;
}

/** Queries the release for `state` and replaces the figure inside `host`. */
export async function redraw(host: HTMLElement, spec: ChartSpec, state: ViewState, opts: RedrawOptions): Promise<RedrawResult> {
  const engine = engineFor(opts.source);
  await engine.load([spec.indicator], opts.progress);
  opts.progress?.('query', 0, null);
  const q = seriesQuery(spec.indicator, state.geo, state.years);
  const t0 = performance.now();
  const rows = await engine.query(q.sql, q.params);
  const queryMs = performance.now() - t0;
  if (opts.isCurrent && !opts.isCurrent()) return { queryMs, rows: rows.length, applied: false };
  // figureHtml escapes every text and attribute it writes (src/charts/svg.ts), so names and values cannot inject markup.
  host.innerHTML = trendHtml(rows, spec, state, opts.names, opts.href, opts.locale);
  return { queryMs, rows: rows.length, applied: true };
}
