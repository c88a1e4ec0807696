/**
 * The part of a point map's year control loaded on its first use (a dynamic import from map-figure.ts): fetches the
 * year's view file the build wrote (src/data/point-figures.ts: the year's events binned on their own and already
 * placed on the drawing; a few kilobytes) and draws it with the build's own code (point-map-draw.ts) on the base map
 * read back from the page (map-shapes.ts), every year on the one scale the spec gives. No atlas, no projection, no
 * Parquet reader, no query engine. Returns HTML; the caller puts it on the page.
 */
import { figureHtml, subtitleOf, type Frame } from '../charts/figure.ts';
import { drawPoints } from '../charts/point-map-draw.ts';
import { yearNotes } from '../charts/point-notes.ts';
import type { PointControl, PointYearFile } from '../data/map-control.ts';
import type { MapChoice } from '../state/map-state.ts';
import type { DrawnMap, MapContext } from './map-redraw.ts';
import { basemapShapes, geometry } from './map-shapes.ts';
import { failureOf, ReadFailure } from './read-failure.ts';
import type { ReadOptions } from './series-source.ts';

/** A year's view file, whole (its name changes with its content, so the browser may keep it). */
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

/** Reads and draws the year `choice` of the point map `spec` shown in `host` (its all-years view is the page's own). */
export async function drawPointView(host: HTMLElement, spec: PointControl, choice: MapChoice, ctx: MapContext, io: ReadOptions = {}): Promise<DrawnMap> {
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
