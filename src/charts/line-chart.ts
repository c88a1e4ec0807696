/**
 * Line chart of yearly series. What is drawn for each kind of value:
 * - a reported value: a filled point on the line;
 * - a censored value ("<5"): a vertical range bar from min to max with a hollow marker, never a point at 0;
 * - a missing year: nothing. The line breaks at missing years and at suppressed values, with no connector, because
 *   a connector would suggest a value was known there; the legend and the description say so;
 * - a value in a partial period (`partial`): a hollow point on a shaded, labelled band, reached by a faded segment,
 *   so that a part-year total is not read as a fall;
 * - a point where the series breaks (`breaks`: a change of source or note, or an order-of-magnitude jump): a numbered
 *   ring, and the reason with the release's note in its label, the table and the description (break-marks.ts).
 * Series are told apart by colour, dash pattern and their short name: a direct label at the line's end in the wide
 * layout, a legend under the plot in the narrow one (layout.ts).
 */
import { el } from './svg.ts';
import { INK, MUTED } from './palette.ts';
import type { ChartOutput, DataTable, Locale, PartialPeriod, SeriesPoint, Size } from './types.ts';
import { tableCell, tickCount, valueKind, valueText, yearScale, yearsIn, zeroBasedScale } from './scales.ts';
import { chartRoot, emptyNote, leftAxis, textWidth, unitLabel, yearAxis, yearLabel } from './axis.ts';
import { categoricalLegend, seriesStyle, type LegendItem } from './legend-categorical.ts';
import { allLayouts, WIDE } from './layout.ts';
import { directLabels, directLabelWidth, LABEL_GAP, partialBands, partialLabels, partialSegments, seriesMarks, seriesPath, type Plot, type Series } from './line-marks.ts';
import { noteCell, noteColumn, partialNotes, partialSentences } from './partial-periods.ts';
import { breakCell, breakColumn, breakRings, breakSentences, drawnBreaks, type DrawnBreak } from './break-marks.ts';
import type { BreakMark } from '../lib/series-breaks.ts';

export interface LineChartOptions {
  /** Unique on the page; every id inside the SVG is derived from it. */
  id: string;
  /** The chart's accessible name, and the first sentence of its description. */
  title: string;
  /** Unit of the values, e.g. "Victims per 100,000 population"; shown above the y axis. */
  unit: string;
  /** Size of the wide layout in viewBox units (default 560 × 340); the narrow layout is 320 wide (layout.ts). */
  size?: Size;
  /** Years on the x axis, inclusive (default: the data's extent). Points outside are left out; years inside without a point count as missing. */
  yearDomain?: [number, number];
  /** A series name to emphasise: drawn thicker and on top while the others recede. */
  highlight?: string;
  /** Years whose figure covers part of the year only (e.g. to 15 November); each is marked on the chart with its note. */
  partial?: PartialPeriod[];
  /**
   * Where each series breaks, by series name (`series` of the points): the marks of src/lib/series-breaks.ts, computed
   * by the caller over the whole series (so that a mark does not depend on the years drawn, and a jump is measured
   * from the previous reported year even when that year is not drawn). Marks on years not drawn are left out.
   */
  breaks?: ReadonlyMap<string, readonly BreakMark[]>;
}

const MARGIN_TOP = 30;
/** Room above the plot for the "2024 partial" labels. */
const PARTIAL_ROW = 14;

/** Pure: the same points, options and locale always give the same SVGs, text and table. */
export function lineChart(points: SeriesPoint[], options: LineChartOptions, locale: Locale): ChartOutput {
  const domain = options.yearDomain ?? extentOfYears(points);
  const years = yearsIn(domain);
  const series = seriesOf(points, domain);
  const partial = partialNotes(options.partial, years);
  const breaks = drawnBreaks(series, options.breaks, years);
  const description = describe(series, years, partial, breaks, options, locale);
  const view: View = { series, domain, years, partial, breaks, options, description };
  const layouts = allLayouts(options.id, options.size ?? WIDE, (id, size, name) => draw(view, id, size, name === 'narrow', locale));
  return { ...layouts, description, table: tableOf(series, years, partial, breaks, locale) };
}

/** What both layouts draw. */
interface View {
  series: Series[];
  domain: [number, number] | null;
  years: number[];
  partial: ReadonlyMap<number, string>;
  breaks: DrawnBreak[];
  options: LineChartOptions;
  description: string;
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
    if (!s) bySeries.set(p.series, (s = { name: p.series, label: p.short ?? p.series, style: seriesStyle(bySeries.size), byYear: new Map() }));
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

/** Title, span, each series' first and last observation and its missing years, how gaps are drawn, partial periods, series breaks, and the unit. */
function describe(series: Series[], years: number[], partial: ReadonlyMap<number, string>, breaks: DrawnBreak[], options: LineChartOptions, locale: Locale): string {
  if (!series.some((s) => observedYears(s, years).length > 0)) return locale.t('chart.line.empty', { title: options.title });
  const sentences = series.map((s) => describeSeries(s, years, locale));
  if (series.some((s) => hasBreak(s, years))) sentences.push(locale.t('chart.line.breaks'));
  sentences.push(...partialSentences(partial, locale));
  sentences.push(...breakSentences(breaks, locale));
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

/** The publisher's row of each value in the table, where the points carry one. */
function refsOf(series: Series[], years: number[]): Pick<DataTable, 'refs'> {
  const refs = years.map((y) => {
    const row = Object.fromEntries(series.flatMap((s) => {
      const ref = s.byYear.get(y)?.source_ref;
      return ref ? [[s.name, ref]] : [];
    }));
    return Object.keys(row).length > 0 ? row : null;
  });
  return refs.some((r) => r !== null) ? { refs } : {};
}

/** One row per year of the domain (missing years included, as empty cells), one column per series, then partial periods' notes and series breaks. */
function tableOf(series: Series[], years: number[], partial: ReadonlyMap<number, string>, breaks: DrawnBreak[], locale: Locale): DataTable {
  return {
    columns: [{ key: 'year', label: locale.t('chart.year') }, ...series.map((s) => ({ key: s.name, label: s.name, numeric: true })), ...noteColumn(partial, locale), ...breakColumn(breaks, locale)],
    rows: years.map((y) => {
      const row: Record<string, string | number | null> = { year: yearLabel(y) };
      for (const s of series) {
        const p = s.byYear.get(y);
        row[s.name] = p ? tableCell(p, locale) : null;
      }
      return { ...row, ...noteCell(partial, y), ...breakCell(breaks, y, locale) };
    }),
    ...refsOf(series, years),
  };
}

/** Margins come from the widest tick label and, in the wide layout, the widest direct label, so nothing is clipped. */
function plotFor(view: View, size: Size, legendHeight: number, labelRoom: number, locale: Locale): Plot {
  const values = view.series.flatMap((s) => [...s.byYear.values()]);
  const top = MARGIN_TOP + (view.partial.size > 0 ? PARTIAL_ROW : 0);
  const bottom = size.height - 28 - legendHeight;
  const y = zeroBasedScale(values, [bottom, top]);
  const left = Math.ceil(Math.max(...y.ticks(tickCount(y.range())).map((t) => textWidth(locale.number(t))))) + 10;
  const right = size.width - (labelRoom > 0 ? labelRoom + LABEL_GAP : 8);
  return { left, right, top, bottom, x: yearScale(view.domain ?? [0, 0], [left + 8, right - 8]), y };
}

/** Symbols for censored values, gaps and series breaks; in the narrow layout the series themselves come first. */
function legendItems(view: View, narrow: boolean, locale: Locale): LegendItem[] {
  const { series, years } = view;
  const points = series.flatMap((s) => [...s.byYear.values()]);
  const items: LegendItem[] = narrow ? series.map((s) => ({ label: s.label, symbol: { kind: 'line', color: s.style.color, dash: s.style.dash } })) : [];
  if (points.some((p) => valueKind(p) === 'censored')) items.push({ label: locale.t('chart.censoredLegend'), symbol: { kind: 'range', color: MUTED } });
  if (series.some((s) => observedYears(s, years).length > 0 && hasBreak(s, years))) items.push({ label: locale.t('chart.gap'), symbol: { kind: 'gap', color: MUTED } });
  if (view.breaks.length > 0) items.push({ label: locale.t('chart.break.legend'), symbol: { kind: 'ring', color: INK } });
  return items;
}

/** One layout. The narrow one grows downwards by its legend's height, so the plot keeps its height. */
function draw(view: View, id: string, base: Size, narrow: boolean, locale: Locale): string {
  const { series, years, partial, options } = view;
  const legend = categoricalLegend(legendItems(view, narrow, locale), 8, 0, base.width - 16);
  const size = narrow ? { width: base.width, height: base.height + legend.height } : base;
  const plot = plotFor(view, size, legend.height, narrow ? 0 : directLabelWidth(series, size.width), locale);
  const hasData = series.some((s) => observedYears(s, years).length > 0);
  const emphasised = series.find((s) => s.name === options.highlight);
  // The highlighted series is drawn last so that it sits on top of the others.
  const ordered = emphasised ? [...series.filter((s) => s !== emphasised), emphasised] : series;
  return chartRoot(
    { id, title: options.title, description: view.description, size },
    unitLabel(4, 14, options.unit, locale),
    partialBands(partial, plot),
    leftAxis(plot.y, plot.left, plot.right, locale),
    view.domain ? yearAxis(plot.x, view.domain, plot.bottom) : null,
    partialLabels(partial, plot, locale),
    hasData ? null : emptyNote((plot.left + plot.right) / 2, (plot.top + plot.bottom) / 2, locale),
    ordered.map((s) =>
      el(
        'g',
        { opacity: emphasised && s !== emphasised ? 0.4 : null },
        seriesPath(s, years, partial, plot, s === emphasised),
        partialSegments(s, years, partial, plot, s === emphasised),
        seriesMarks(s, years, partial, plot, locale, view.breaks),
      ),
    ),
    breakRings(view.breaks, plot),
    narrow ? null : directLabels(series, years, plot, size.width, emphasised),
    legend.svg ? el('g', { transform: `translate(0,${plot.bottom + 28})` }, legend.svg) : null,
  );
}

