/**
 * Line chart of yearly series. What is drawn for each kind of value:
 * - a reported value: a filled point on the line;
 * - a censored value ("<5"): a vertical range bar from min to max with a hollow marker, never a point at 0;
 * - a missing year: nothing. The line breaks at missing years and at suppressed values, with no connector, because
 *   a connector would suggest a value was known there; the legend and the description say so.
 * Series are told apart by colour, dash pattern and a direct label at the line's end.
 */
import { line } from 'd3-shape';
import type { ScaleLinear } from 'd3-scale';
import { el, text } from './svg.ts';
import { MUTED } from './palette.ts';
import type { ChartOutput, DataTable, Locale, SeriesPoint, Size } from './types.ts';
import { tableCell, tickCount, valueKind, valueLabel, valueRange, valueText, yearScale, yearsIn, zeroBasedScale } from './scales.ts';
import { chartRoot, emptyNote, focusableMark, leftAxis, textWidth, truncate, unitLabel, yearAxis, yearLabel } from './axis.ts';
import { categoricalLegend, rangeGlyph, seriesStyle, type LegendItem, type SeriesStyle } from './legend-categorical.ts';

export interface LineChartOptions {
  /** Unique on the page; every id inside the SVG is derived from it. */
  id: string;
  /** The chart's accessible name, and the first sentence of its description. */
  title: string;
  /** Unit of the values, e.g. "Victims per 100,000 population"; shown above the y axis. */
  unit: string;
  /** Drawing size in viewBox units (default 640 × 360); the SVG scales to its container's width. */
  size?: Size;
  /** Years on the x axis, inclusive (default: the data's extent). Points outside are left out; years inside without a point count as missing. */
  yearDomain?: [number, number];
  /** A series name to emphasise: drawn thicker and on top while the others recede. */
  highlight?: string;
}

interface Series {
  name: string;
  style: SeriesStyle;
  /** One point per year (the first given, if the input repeats a year). */
  byYear: Map<number, SeriesPoint>;
}

const DEFAULT_SIZE: Size = { width: 640, height: 360 };
const MARGIN_TOP = 30;
const LABEL_GAP = 14;

/** Pure: the same points, options and locale always give the same SVG, text and table. */
export function lineChart(points: SeriesPoint[], options: LineChartOptions, locale: Locale): ChartOutput {
  const domain = options.yearDomain ?? extentOfYears(points);
  const years = yearsIn(domain);
  const series = seriesOf(points, domain);
  const description = describe(series, years, options, locale);
  const svg = draw(series, domain, years, options, description, locale);
  return { svg, description, table: tableOf(series, years, locale) };
}

function extentOfYears(points: SeriesPoint[]): [number, number] | null {
  if (points.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    lo = Math.min(lo, p.year);
    hi = Math.max(hi, p.year);
  }
  return [lo, hi];
}

/** Series in order of first appearance, so colours follow the caller's order (e.g. a selected country first). */
function seriesOf(points: SeriesPoint[], domain: [number, number] | null): Series[] {
  const bySeries = new Map<string, Series>();
  for (const p of points) {
    if (!domain || p.year < domain[0] || p.year > domain[1]) continue;
    let s = bySeries.get(p.series);
    if (!s) bySeries.set(p.series, (s = { name: p.series, style: seriesStyle(bySeries.size), byYear: new Map() }));
    if (!s.byYear.has(p.year)) s.byYear.set(p.year, p);
  }
  return [...bySeries.values()];
}

/** Years with a reported or a censored value; a point whose value is missing is not an observation. */
function observedYears(s: Series, years: number[]): number[] {
  return years.filter((y) => {
    const p = s.byYear.get(y);
    return p !== undefined && valueKind(p) !== 'missing';
  });
}

function missingYears(s: Series, years: number[]): number[] {
  const seen = new Set(observedYears(s, years));
  return years.filter((y) => !seen.has(y));
}

/** "2003–2005, 2009": consecutive years as ranges keep the description short. */
export function yearRanges(years: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < years.length; i++) {
    const start = years[i]!;
    while (i + 1 < years.length && years[i + 1] === years[i]! + 1) i++;
    out.push(start === years[i] ? yearLabel(start) : `${yearLabel(start)}–${yearLabel(years[i]!)}`);
  }
  return out.join(', ');
}

function describeSeries(s: Series, years: number[], locale: Locale): string {
  const seen = observedYears(s, years);
  if (seen.length === 0) return locale.t('chart.line.seriesNoData', { series: s.name });
  const first = s.byYear.get(seen[0]!)!;
  const last = s.byYear.get(seen[seen.length - 1]!)!;
  const head =
    seen.length === 1
      ? locale.t('chart.line.seriesSingle', { series: s.name, value: valueText(first, locale), year: yearLabel(first.year) })
      : locale.t('chart.line.seriesSummary', {
          series: s.name,
          first: valueText(first, locale),
          fromYear: yearLabel(first.year),
          last: valueText(last, locale),
          toYear: yearLabel(last.year),
        });
  const gaps = missingYears(s, years);
  return gaps.length === 0 ? head : `${head} ${locale.t('chart.line.missingYears', { n: gaps.length, years: yearRanges(gaps) })}`;
}

/** Title, span, each series' first and last observation and its missing years, how breaks are drawn, and the unit. */
function describe(series: Series[], years: number[], options: LineChartOptions, locale: Locale): string {
  if (!series.some((s) => observedYears(s, years).length > 0)) return locale.t('chart.line.empty', { title: options.title });
  const sentences = series.map((s) => describeSeries(s, years, locale));
  if (series.some((s) => hasBreak(s, years))) sentences.push(locale.t('chart.line.breaks'));
  sentences.push(`${locale.t('chart.unit', { unit: options.unit })}.`);
  const summary = sentences.join(' ');
  return locale.t('chart.line.description', {
    title: options.title,
    series: series.length,
    from: yearLabel(years[0]!),
    to: yearLabel(years[years.length - 1]!),
    summary,
  });
}

function hasBreak(s: Series, years: number[]): boolean {
  return years.some((y) => {
    const p = s.byYear.get(y);
    return !p || valueKind(p) !== 'value';
  });
}

/** One row per year of the domain (missing years included, as empty cells), one column per series. */
function tableOf(series: Series[], years: number[], locale: Locale): DataTable {
  return {
    columns: [{ key: 'year', label: locale.t('chart.year') }, ...series.map((s) => ({ key: s.name, label: s.name, numeric: true }))],
    rows: years.map((y) => {
      const row: Record<string, string | number | null> = { year: yearLabel(y) };
      for (const s of series) {
        const p = s.byYear.get(y);
        row[s.name] = p ? tableCell(p, locale) : null;
      }
      return row;
    }),
  };
}

interface Plot {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Margins come from the widest tick label and the widest direct label, so nothing is clipped. */
function plotFor(series: Series[], domain: [number, number], size: Size, legendHeight: number, locale: Locale): Plot {
  const values = series.flatMap((s) => [...s.byYear.values()]);
  const bottom = size.height - 28 - legendHeight;
  const y = zeroBasedScale(values, [bottom, MARGIN_TOP]);
  const left = Math.ceil(Math.max(...y.ticks(tickCount(y.range())).map((t) => textWidth(locale.number(t))))) + 10;
  const labelWidth = Math.min(size.width * 0.3, Math.max(0, ...series.map((s) => textWidth(s.name))) + 26);
  const right = size.width - labelWidth - LABEL_GAP;
  return { left, right, top: MARGIN_TOP, bottom, x: yearScale(domain, [left + 8, right - 8]), y };
}

function seriesPath(s: Series, years: number[], plot: Plot, emphasis: boolean): string {
  const known = (yr: number) => {
    const p = s.byYear.get(yr);
    return p !== undefined && valueKind(p) === 'value';
  };
  const d = line<number>()
    .defined(known)
    .x((yr) => plot.x(yr))
    .y((yr) => plot.y(s.byYear.get(yr)!.value!))
    .digits(1)(years);
  if (!d) return '';
  const { color, dash } = s.style;
  return el('path', { d, fill: 'none', stroke: color, 'stroke-width': emphasis ? 3 : 2, 'stroke-dasharray': dash || null, 'stroke-linejoin': 'round' });
}

/** A point for every observed year; a censored year gets the range glyph instead. */
function seriesMarks(s: Series, years: number[], plot: Plot, locale: Locale): string[] {
  const out: string[] = [];
  for (const yr of years) {
    const p = s.byYear.get(yr);
    const range = p ? valueRange(p) : null;
    if (!p || !range) continue;
    const key = `${s.name}|${yr}`;
    const label = locale.t('chart.markLabel', { label: locale.t('chart.line.pointKey', { series: s.name, year: yearLabel(yr) }), value: valueLabel(p, locale) });
    const cx = plot.x(yr);
    if (valueKind(p) === 'value') {
      out.push(focusableMark('circle', { cx, cy: plot.y(p.value!), r: 3.5, fill: s.style.color, stroke: '#fff', 'stroke-width': 1 }, key, label));
    } else {
      out.push(focusableMark('g', {}, key, label, rangeGlyph(cx, plot.y(range[0]), plot.y(range[1]), s.style.color)));
    }
  }
  return out;
}

/** Where the direct label points: the last drawable observation (the middle of a censored range). */
function labelTarget(s: Series, years: number[], plot: Plot): number | null {
  for (let i = years.length - 1; i >= 0; i--) {
    const p = s.byYear.get(years[i]!);
    const r = p ? valueRange(p) : null;
    if (r) return plot.y((r[0] + r[1]) / 2);
  }
  return null;
}

/** Moves labels apart (at least one line) while keeping them as close as possible to their lines' ends. */
export function dodge(targets: number[], gap: number, lo: number, hi: number): number[] {
  const order = targets.map((t, i) => [t, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const placed = new Array<number>(targets.length);
  let prev = -Infinity;
  for (const [t, i] of order) placed[i] = prev = Math.max(t, prev + gap, lo);
  let next = Infinity;
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]![1];
    placed[i] = next = Math.min(placed[i]!, next - gap, hi);
  }
  return placed;
}

/** A short line sample (colour and dash) before each name, so the label matches its line by more than colour. */
function directLabels(series: Series[], years: number[], plot: Plot, width: number, emphasised: Series | undefined): string {
  const withTarget = series.map((s) => ({ s, t: labelTarget(s, years, plot) })).filter((d): d is { s: Series; t: number } => d.t !== null);
  const ys = dodge(
    withTarget.map((d) => d.t),
    14,
    plot.top,
    plot.bottom,
  );
  const x = plot.right + LABEL_GAP;
  return el(
    'g',
    { 'aria-hidden': 'true' },
    withTarget.map(({ s }, i) => [
      el('line', { x1: x, x2: x + 16, y1: ys[i]!, y2: ys[i]!, stroke: s.style.color, 'stroke-width': 2, 'stroke-dasharray': s.style.dash || null }),
      el('text', { x: x + 20, y: ys[i]!, dy: '0.32em', 'font-weight': s === emphasised ? 'bold' : null }, text(truncate(s.name, width - x - 22))),
    ]),
  );
}

function legendItems(series: Series[], years: number[], locale: Locale): LegendItem[] {
  const points = series.flatMap((s) => [...s.byYear.values()]);
  const items: LegendItem[] = [];
  if (points.some((p) => valueKind(p) === 'censored')) items.push({ label: locale.t('chart.censoredLegend'), symbol: { kind: 'range', color: MUTED } });
  if (series.some((s) => observedYears(s, years).length > 0 && hasBreak(s, years))) items.push({ label: locale.t('chart.gap'), symbol: { kind: 'gap', color: MUTED } });
  return items;
}

function draw(series: Series[], domain: [number, number] | null, years: number[], options: LineChartOptions, description: string, locale: Locale): string {
  const size = options.size ?? DEFAULT_SIZE;
  const root = { id: options.id, title: options.title, description, size };
  const legend = categoricalLegend(legendItems(series, years, locale), 8, 0, size.width - 16);
  const plot = plotFor(series, domain ?? [0, 0], size, legend.height, locale);
  const hasData = series.some((s) => observedYears(s, years).length > 0);
  const emphasised = series.find((s) => s.name === options.highlight);
  // The highlighted series is drawn last so that it sits on top of the others.
  const ordered = emphasised ? [...series.filter((s) => s !== emphasised), emphasised] : series;
  return chartRoot(
    root,
    unitLabel(4, 14, options.unit, locale),
    leftAxis(plot.y, plot.left, plot.right, locale),
    domain ? yearAxis(plot.x, domain, plot.bottom) : null,
    hasData ? null : emptyNote((plot.left + plot.right) / 2, (plot.top + plot.bottom) / 2, locale),
    ordered.map((s) =>
      el(
        'g',
        { opacity: emphasised && s !== emphasised ? 0.4 : null },
        seriesPath(s, years, plot, s === emphasised),
        seriesMarks(s, years, plot, locale),
      ),
    ),
    directLabels(series, years, plot, size.width, emphasised),
    legend.svg ? el('g', { transform: `translate(0,${plot.bottom + 28})` }, legend.svg) : null,
  );
}
