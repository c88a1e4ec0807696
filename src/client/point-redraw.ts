/**
 * The part of a point map's year control loaded on its first use (a dynamic import from map-figure.ts): fetches the
 * year's view file the build wrote (src/data/point-figures.ts: the year's events binned on their own and already
 * placed on the drawing; a few kilobytes) and draws it with the build's own code (point-map-draw.ts) on the base map
 * read back from the page (map-shapes.ts), every year on the one scale the spec gives. No atlas, no projection, no
 * Parquet reader, no query engine. Returns HTML; the caller puts it on the page. Each drawn year reads the years beside
 * it ahead, so the next step of the slider or of Play does not wait for the network.
 */
import { subtitleOf, type Frame } from '../charts/figure.ts';
import { drawPoints } from '../charts/point-map-draw.ts';
import { yearNotes } from '../charts/point-notes.ts';
import type { PointControl, PointYearFile } from '../data/map-control.ts';
import type { MapChoice } from '../state/map-state.ts';
import { drawnFigure, type DrawnMap } from './drawn-map.ts';
import type { MapContext } from './map-redraw.ts';
import { basemapShapes, geometry } from './map-shapes.ts';
import { failureOf, ReadFailure } from './read-failure.ts';
import type { ReadOptions } from './series-source.ts';

/**
 * Year files fetched (or being fetched) on this page, by path. The files are content-hashed, so one never changes; kept
 * parsed, a year seen before, or read ahead, is drawn without waiting for the network.
 */
const fetched = new Map<string, Promise<PointYearFile>>();

/**
 * A year's view file, whole: once per page. A failed read is forgotten, so that a retry asks again. Not cancelled with
 * the load that asked first (a few kilobytes; another may be waiting for it): each caller checks its own signal.
 */
function pointFile(ctx: MapContext, file: { path: string; bytes: number }, io: ReadOptions): Promise<PointYearFile> {
  let held = fetched.get(file.path);
  if (!held) {
    held = (async () => {
      try {
        const response = await fetch(`${ctx.origin}${file.path}`);
        if (!response.ok) throw new ReadFailure('data', { kind: 'http', status: response.status });
        const text = await response.text();
        io.progress?.('data', text.length, file.bytes);
        return JSON.parse(text) as PointYearFile;
      } catch (e) {
        throw failureOf('data', e);
      }
    })();
    fetched.set(file.path, held);
    held.catch(() => fetched.delete(file.path));
  }
  return held;
}

/** The years either side of `year` in `years`: where the slider's next step or Play goes. */
export function neighbours(years: readonly number[], year: number): number[] {
  const i = years.indexOf(year);
  return i < 0 ? [] : [years[i - 1], years[i + 1]].filter((y): y is number => y !== undefined);
}

/** Starts reading the years beside `year` (a few kilobytes each), so that a step to either draws at once. */
function readAhead(spec: PointControl, year: number, ctx: MapContext): void {
  for (const y of neighbours(spec.years, year)) {
    const file = spec.files[String(y)];
    if (file) pointFile(ctx, file, {}).catch(() => undefined);
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
  readAhead(spec, year, ctx);
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
  return { ...drawnFigure(chart, frame, locale), summary: locale.t('map.status.points', { year, n: locale.number(data.points.length), total: locale.number(total), unit: spec.unit }) };
}
