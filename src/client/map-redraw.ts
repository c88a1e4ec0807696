/**
 * The part of a map's year control loaded on its first use (a dynamic import from map-figure.ts): reads the view file
 * the map's spec names (a choropleth: the indicator's series view; a flow map: its parts view) by range requests,
 * answers the question of the view (src/data/view-queries.ts, held equal to the build's SQL by a differential test),
 * and draws the map with the same chart code as the build, on the shapes the page already shows: the choropleth's
 * outlines and the flow map's base map are read back from its SVG, the flows' anchors from the spec. A point map's
 * year is one small JSON file of points the build already binned and placed (src/data/point-figures.ts), drawn on its
 * base map read back the same way. No atlas, no projection, no query engine. Returns HTML; the caller puts it on the
 * page.
 */
import { drawChoropleth, type ChoroplethGeometry, type ChoroplethShape } from '../charts/choropleth-draw.ts';
import { drawFlowMap, type FlowGeometry } from '../charts/flow-map-draw.ts';
import { drawPoints, type PointGeometry } from '../charts/point-map-draw.ts';
import { yearNotes } from '../charts/point-notes.ts';
import { figureHtml, latestSubtitle, subtitleOf, type Frame } from '../charts/figure.ts';
import type { Locale, Size } from '../charts/types.ts';
import type { ChoroplethControl, FlowControl, MapControl, PointControl, PointYearFile } from '../data/map-control.ts';
import { mapValuesOf } from '../data/map-views.ts';
import { toFlows } from '../data/shape.ts';
import { flowsAnswer, latestAnswer, yearAnswer } from '../data/view-queries.ts';
import type { MapChoice } from '../state/map-state.ts';
import { openView, type ParquetSource } from './parquet-slice.ts';
import { failureOf, ReadFailure } from './read-failure.ts';
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

export interface DrawnMap {
  figure: string;
  /** The status line's sentence ("Showing 2015: 98 countries or areas with a value."). */
  summary: string;
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

function sizeOf(svg: SVGSVGElement): Size {
  const [, , width, height] = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  return { width: width!, height: height! };
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

/** The base map (land and borders, basemap.ts) of a flow or point map, as its SVG holds it. */
export function basemapShapes(svg: SVGSVGElement): PointGeometry {
  const [land, borders] = [...svg.querySelectorAll<SVGPathElement>('g.basemap > path')].map((p) => p.getAttribute('d') ?? '');
  return { size: sizeOf(svg), land: land ?? '', borders: borders ?? '' };
}

/** The flow map's base map as its SVG holds it, and the anchors and atlas names the spec carries. */
export function flowShapes(svg: SVGSVGElement, spec: FlowControl): FlowGeometry {
  return { ...basemapShapes(svg), anchors: spec.anchors, names: spec.atlasNames };
}

const shapesOf = new WeakMap<HTMLElement, ChoroplethGeometry | FlowGeometry | PointGeometry>();

/** Read once per map, from the drawing the build wrote (a redrawn map holds the same shapes). */
function geometry<G extends ChoroplethGeometry | FlowGeometry | PointGeometry>(host: HTMLElement, read: (svg: SVGSVGElement) => G): G {
  const held = shapesOf.get(host) as G | undefined;
  if (held) return held;
  const svg = host.querySelector<SVGSVGElement>('.chart-svg svg[role="group"]');
  if (!svg) throw failureOf('code', new Error('the map has no drawing to redraw'));
  const g = read(svg);
  shapesOf.set(host, g);
  return g;
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
  return { figure: figureHtml(chart, frame, locale), summary: summaryOf(year === null ? null : String(year), measure.label, n, spec.measures.length > 1, locale) };
}

async function flowView(host: HTMLElement, spec: FlowControl, choice: MapChoice, ctx: MapContext, io: ReadOptions): Promise<DrawnMap> {
  const { locale } = ctx;
  const shapes = geometry(host, (svg) => flowShapes(svg, spec));
  const rows = await viewRows(ctx, spec.view, io);
  io.signal?.throwIfAborted();
  const year = choice.year;
  if (year === null) throw failureOf('code', new Error('the summed view is the one the page was built with'));
  const flows = toFlows(flowsAnswer(rows, [year, year], spec.dimensions), new Map(Object.entries(spec.names)));
  const title = spec.titles.year.replace('{year}', String(year));
  const chart = drawFlowMap(shapes, flows, { id: spec.chartId, title, unit: spec.unit, top: spec.top, names: spec.names, shortNames: spec.shortNames, maxValue: spec.maxValue }, locale);
  const frame: Frame = { ...spec.frame, title, subtitle: subtitleOf(spec.unit, [year, year]), years: [year, year], ...(ctx.href ? { href: ctx.href } : {}) };
  return { figure: figureHtml(chart, frame, locale), summary: locale.t('map.status.flows', { year, n: locale.number(flows.length) }) };
}

/** A point map's year view file, whole (a few kilobytes; the browser's cache keeps it: the name changes with it). */
async function pointFile(ctx: MapContext, file: { path: string; bytes: number }, io: ReadOptions): Promise<PointYearFile> {
  try {
    const response = await fetch(`${ctx.origin}${file.path}`, io.signal ? { signal: io.signal } : {});
    if (!response.ok) throw new ReadFailure('data', { kind: 'http', status: response.status });
    const text = await response.text();
    io.progress?.('data', text.length, file.bytes);
    return JSON.parse(text) as PointYearFile;
  } catch (e) {
    throw failureOf('data', e);
  }
}

async function pointView(host: HTMLElement, spec: PointControl, choice: MapChoice, ctx: MapContext, io: ReadOptions): Promise<DrawnMap> {
  const { locale } = ctx;
  const year = choice.year;
  if (year === null) throw failureOf('code', new Error('the all-years view is the one the page was built with'));
  const file = spec.files[String(year)];
  if (!file) throw failureOf('code', new Error(`the map has no view of ${year}`));
  const shapes = geometry(host, basemapShapes);
  const data = await pointFile(ctx, file, io);
  io.signal?.throwIfAborted();
  const title = spec.titles.chart.replace('{year}', String(year));
  const notes = yearNotes({ unit: spec.unit, maxValue: spec.maxValue, undated: spec.undated, wholeMax: spec.wholeMax }, locale);
  const chart = drawPoints(shapes, data.points, { id: spec.chartId, title, unit: spec.unit, maxValue: spec.maxValue, notes }, locale);
  const frame: Frame = {
    ...spec.frame,
    title: spec.titles.figure.replace('{year}', String(year)),
    subtitle: subtitleOf(spec.subtitleUnit, [year, year]),
    years: [year, year],
    ...(ctx.href ? { href: ctx.href } : {}),
  };
  const total = data.points.reduce((s, p) => s + p.value, 0);
  return { figure: figureHtml(chart, frame, locale), summary: locale.t('map.status.points', { year, n: locale.number(data.points.length), total: locale.number(total), unit: spec.unit }) };
}

function summaryOf(year: string | null, measure: string, n: number, measures: boolean, locale: Locale): string {
  const view = year ?? locale.t('map.control.latest');
  const params = { view, measure, n: locale.number(n) };
  return measures ? locale.t('map.status.measure', params) : locale.t('map.status.year', params);
}

/** Reads and draws `choice` of the map `spec` shown in `host`. */
export function drawMapView(host: HTMLElement, spec: MapControl, choice: MapChoice, ctx: MapContext, io: ReadOptions = {}): Promise<DrawnMap> {
  if (spec.kind === 'points') return pointView(host, spec, choice, ctx, io);
  return spec.kind === 'choropleth' ? choroplethView(host, spec, choice, ctx, io) : flowView(host, spec, choice, ctx, io);
}
