/**
 * Build-time: a dashboard's point map (IOM Missing Migrants incidents, EIA pangolin seizures) with its year control.
 * The page draws the all-years view, as before; each year's view is written by the build as one small JSON file under
 * the release's folder (`/data/<version>/points/<table>-<year>-<hash>.json`, written by
 * src/pages/data/[version]/points/[file].json.ts): that year's events binned on their own, already placed on the
 * map's drawing, so the browser redraws circles and table from it with point-map-draw.ts and no atlas, projection or
 * query engine. Every year's circles share one scale (the largest value of any year). Events without a single year are
 * in the all-years view only, and every year's view says how many it leaves out. Every year's points are also a
 * static page, `/<page>/years/points/`.
 */
import { createHash } from 'node:crypto';
import type { FramedChart } from '../charts/figure.ts';
import { subtitleOf, yearsText } from '../charts/figure.ts';
import { binPoints, pointMap, pointProjection, type BinOptions } from '../charts/point-map.ts';
import type { MapPoint, ProjectedPoint } from '../charts/point-map-draw.ts';
import { wholeNotes } from '../charts/point-notes.ts';
import { pointYearsTable } from '../charts/years-table.ts';
import { loadWorld } from '../charts/world-node.ts';
import { makeLocale } from '../i18n/locale.ts';
import { frameFor, indicatorDef } from '../lib/frames.ts';
import { getCatalog, yearsOf } from './load.ts';
import type { MapWithYears, YearsPage } from './map-figures.ts';
import { yearsPagePath } from './map-figures.ts';
import type { PointControl, PointYearFile } from './map-control.ts';
import { pointsByYear, type DatedPoint } from './point-years.ts';
import { points, type PointTable } from './points.ts';

/** A year's view file: where the build writes it under /data/<version>/points/, and its bytes. */
export interface PointFile {
  version: string;
  /** The file's name without `.json`. */
  name: string;
  body: string;
}

export interface PointFigureOptions {
  table: PointTable;
  indicator: string;
  /** The grid the events are binned to (each year's on their own), or null to draw each event. */
  bin: BinOptions | null;
  chartId: string;
  figureId: string;
  /** The map's accessible title, and the unit of its values. */
  title: string;
  unit: string;
  pagePath: string;
}

const locale = makeLocale('en');
const { t } = locale;

/** One decimal of a viewBox unit is what the SVG writes (svg.ts num): more would only weigh. */
const round1 = (v: number) => Math.round(v * 10) / 10;

function placed(p: ProjectedPoint): ProjectedPoint {
  return { ...p, x: round1(p.x), y: round1(p.y) };
}

/** The event without its year (the all-years view draws every event alike). */
const undated = (p: DatedPoint): MapPoint => ({ key: p.key, lat: p.lat, lon: p.lon, value: p.value, label: p.label, ...(p.source_ref ? { source_ref: p.source_ref } : {}) });

export async function pointsWithYears(o: PointFigureOptions): Promise<MapWithYears & { files: PointFile[] }> {
  const span = yearsOf(o.indicator);
  const world = loadWorld('110m');
  const dated = await points(o.table, span);
  const all = dated.map(undated);
  const whole = o.bin ? binPoints(all, o.bin, locale) : all;
  const byYear = pointsByYear(dated, o.bin, locale);
  const steppable = byYear.years.length >= 2;
  const wholeMax = Math.max(0, ...whole.map((p) => p.value));
  const facts = { unit: o.unit, maxValue: byYear.maxValue, undated: byYear.undated.length, wholeMax };
  const frame = frameFor(o.indicator, o.figureId, span, undefined);
  const figure: FramedChart = {
    chart: pointMap(whole, { id: o.chartId, title: o.title, unit: o.unit, world, notes: steppable ? wholeNotes(facts, locale) : [] }, locale),
    frame,
  };
  if (!steppable) return { figure, control: null, pages: [], files: [] };

  const { place } = pointProjection({ world });
  const version = getCatalog().version;
  const files: PointFile[] = byYear.years.map(({ year, points: pts }) => {
    const file: PointYearFile = { year, points: pts.map((p) => placed(place(p))) };
    const body = JSON.stringify(file);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    return { version, name: `${o.table}-${year}-${hash}`, body };
  });
  const def = indicatorDef(o.indicator);
  const yearsHref = yearsPagePath(o.pagePath, o.chartId);
  const control: PointControl = {
    kind: 'points',
    chartId: o.chartId,
    unit: o.unit,
    titles: { chart: t('figure.yearTitle', { title: o.title, year: '{year}' }), figure: t('figure.yearTitle', { title: frame.title, year: '{year}' }) },
    frame,
    subtitleUnit: def.unit,
    years: byYear.years.map((y) => y.year),
    files: Object.fromEntries(files.map((f, i) => [String(byYear.years[i]!.year), { path: `/data/${f.version}/points/${f.name}.json`, bytes: Buffer.byteLength(f.body) }])),
    maxValue: byYear.maxValue,
    wholeMax,
    undated: byYear.undated.length,
    yearsHref,
  };
  const years: [number, number] = [control.years[0]!, control.years[control.years.length - 1]!];
  const table = pointYearsTable(byYear.years, byYear.undated, o.unit, locale);
  const datedRows = table.rows.length - byYear.undated.length;
  const description = [
    t('map.years.pointsDescription', { n: locale.number(datedRows), years: yearsText(years) }),
    ...(byYear.undated.length > 0 ? [t('map.years.pointsUndated', { n: locale.number(byYear.undated.length) })] : []),
  ].join(' ');
  const title = t('map.years.pointsTitle', { title: o.title });
  const page: YearsPage = {
    slug: o.chartId,
    figureId: o.figureId,
    figure: {
      chart: { svg: '', description, table },
      frame: { ...frameFor(o.indicator, `years-${o.chartId}`, years, title), subtitle: subtitleOf(def.unit, years) },
    },
  };
  return { figure, control, pages: [page], files };
}
