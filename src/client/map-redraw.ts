/**
 * The part of a map's year control loaded on its first use (a dynamic import from map-figure.ts): reads the view file
 * the map's spec names (a choropleth: the indicator's series view; a flow map: its parts view) by range requests,
 * answers the question of the view (src/data/view-queries.ts, held equal to the build's SQL by a differential test),
 * and draws the map with the same chart code as the build, on the shapes the page already shows: the choropleth's
 * outlines and the flow map's base map are read back from its SVG (map-shapes.ts), the flows' anchors from the spec.
 * No atlas, no projection, no query engine. Returns HTML; the caller puts it on the page. (A point map's year needs no
 * view file reader: point-redraw.ts.)
 */
import { drawChoropleth, type ChoroplethGeometry, type ChoroplethShape } from '../charts/choropleth-draw.ts';
import { drawFlowMap, type FlowGeometry } from '../charts/flow-map-draw.ts';
import { latestSubtitle, subtitleOf, type Frame } from '../charts/figure.ts';
import type { Locale } from '../charts/types.ts';
import type { ChoroplethControl, FlowControl, MapControl } from '../data/map-control.ts';
import { mapValuesOf } from '../data/map-views.ts';
import { toFlows } from '../data/shape.ts';
import { flowsAnswer, latestAnswer, yearAnswer } from '../data/view-queries.ts';
import type { MapChoice } from '../state/map-state.ts';
import { openView, type ParquetSource } from './parquet-slice.ts';
import { drawnFigure, type DrawnMap } from './drawn-map.ts';
import { failureOf } from './read-failure.ts';
import { basemapShapes, geometry, sizeOf } from './map-shapes.ts';
import type { ReadOptions } from './series-source.ts';
import { readPlaces, type Row } from './view-read.ts';

export interface MapContext {
  locale: Locale;
  /** The release folder the page was built from (`/data/<version>/`), on this origin. */
  release: string;
  origin: string;
  /** Permalink of the view, for the figure's source line; none for the view the build drew. */
  href?: string;
}

/** Every row of a view file: a map draws every place, so all its row groups (a few kilobytes; kept once read). */
async function viewRows(ctx: MapContext, view: { path: string; bytes: number }, io: ReadOptions): Promise<Row[]> {
  const source: ParquetSource = { url: `${ctx.origin}/data/${ctx.release}/${view.path}`, bytes: view.bytes };
  let bytes = 0;
  const onBytes = (n: number) => io.progress?.('data', (bytes += n), null);
  try {
    const opened = await openView(source, { onBytes, ...(io.signal ? { signal: io.signal } : {}) });
    return await readPlaces(opened, null, { onBytes, ...(io.signal ? { signal: io.signal } : {}) });
  } catch (e) {
    throw failureOf('data', e);
  }
}

/**
 * The choropleth's shapes as its SVG holds them: a unit with a value is a mark (`data-key`), one without says its
 * code and name (`data-geo`, `data-name`). A place the map draws is named as the spec names it, whichever it was.
 */
export function choroplethShapes(svg: SVGSVGElement, places: ReadonlyMap<string, string>): ChoroplethGeometry {
  const shapes = [...svg.querySelectorAll<SVGPathElement>('g.countries > path')].map((p): ChoroplethShape => {
    const code = p.getAttribute('data-key') ?? p.getAttribute('data-geo');
    return { code, name: (code !== null ? places.get(code) : undefined) ?? p.getAttribute('data-name') ?? code ?? '', d: p.getAttribute('d') ?? '' };
  });
  return { size: sizeOf(svg), shapes };
}

/** The flow map's base map as its SVG holds it, and the anchors and atlas names the spec carries. */
export function flowShapes(svg: SVGSVGElement, spec: FlowControl): FlowGeometry {
  return { ...basemapShapes(svg), anchors: spec.anchors, names: spec.atlasNames };
}

async function choroplethView(host: HTMLElement, spec: ChoroplethControl, choice: MapChoice, ctx: MapContext, io: ReadOptions): Promise<DrawnMap> {
  const { locale } = ctx;
  const measure = spec.measures.find((m) => m.id === choice.measure) ?? spec.measures[0]!;
  const places = new Map(Object.entries(spec.places));
  const shapes = geometry(host, (svg) => choroplethShapes(svg, places));
  const rows = await viewRows(ctx, measure.view, io);
  io.signal?.throwIfAborted();
  const year = choice.year;
  const values = mapValuesOf(year === null ? latestAnswer(rows, [0, 9999]) : yearAnswer(rows, year), places, year === null);
  const title = year === null ? measure.titles.latest : measure.titles.year.replace('{year}', String(year));
  const lastYear = measure.years[measure.years.length - 1] ?? 0;
  const subtitle = year === null ? latestSubtitle(measure.unit, values.map((d) => d.year ?? lastYear), locale.t) : subtitleOf(measure.unit, [year, year]);
  const chart = drawChoropleth(shapes, values, { id: spec.chartId, title, unit: measure.unit, scale: measure.classes }, locale);
  const frame: Frame = { ...measure.frame, title, subtitle, ...(year === null ? {} : { years: [year, year] as [number, number] }), ...(ctx.href ? { href: ctx.href } : {}) };
  const n = values.filter((v) => v.value !== null || v.censored !== null).length;
  return {
    ...drawnFigure(chart, frame, locale),
    summary: summaryOf(year === null ? null : String(year), measure.label, n, spec.measures.length > 1, locale),
  };
}

async function flowView(host: HTMLElement, spec: FlowControl, choice: MapChoice, ctx: MapContext, io: ReadOptions): Promise<DrawnMap> {
  const { locale } = ctx;
  const shapes = geometry(host, (svg) => flowShapes(svg, spec));
  const rows = await viewRows(ctx, spec.view, io);
  io.signal?.throwIfAborted();
  const year = choice.year;
  if (year === null) throw failureOf('code', new Error('the summed view is the one the page was built with'));
  const flows = toFlows(flowsAnswer(rows, [year, year], spec.dimension, spec.outward), new Map(Object.entries(spec.names)));
  const title = spec.titles.year.replace('{year}', String(year));
  const chart = drawFlowMap(shapes, flows, { id: spec.chartId, title, unit: spec.unit, top: spec.top, names: spec.names, shortNames: spec.shortNames, maxValue: spec.maxValue }, locale);
  const frame: Frame = { ...spec.frame, title, subtitle: subtitleOf(spec.unit, [year, year]), years: [year, year], ...(ctx.href ? { href: ctx.href } : {}) };
  return { ...drawnFigure(chart, frame, locale), summary: locale.t('map.status.flows', { year, n: locale.number(flows.length) }) };
}

function summaryOf(year: string | null, measure: string, n: number, measures: boolean, locale: Locale): string {
  const view = year ?? locale.t('map.control.latest');
  const params = { view, measure, n: locale.number(n) };
  return measures ? locale.t('map.status.measure', params) : locale.t('map.status.year', params);
}

/** Reads and draws `choice` of the map `spec` shown in `host`. */
export function drawMapView(host: HTMLElement, spec: MapControl, choice: MapChoice, ctx: MapContext, io: ReadOptions = {}): Promise<DrawnMap> {
  if (spec.kind === 'points') throw failureOf('code', new Error('a point map is redrawn by point-redraw.ts'));
  return spec.kind === 'choropleth' ? choroplethView(host, spec, choice, ctx, io) : flowView(host, spec, choice, ctx, io);
}
