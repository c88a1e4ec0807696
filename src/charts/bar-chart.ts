/**
 * Vertical bars over categories or years in the given order (`barChart`); the ranked horizontal bars live in
 * ranked-bar-chart.ts and are re-exported here. What is drawn for each kind of value:
 * - a reported value: a solid bar from 0; in a partial period (`partial`), a lighter bar with a solid outline and a
 *   "2024 partial" label above the plot;
 * - a censored value ("<5"): a hatched, dashed-outline box from min to max, labelled with its mark; it does not
 *   start at 0 and is never solid, because the value is only known to lie in that range;
 * - no data: no bar, the words "No data" in its place.
 */
import type { ScaleBand, ScaleLinear } from 'd3-scale';
import { el, text } from './svg.ts';
import { INK, MUTED } from './palette.ts';
import type { BarDatum, ChartOutput, Locale, Size } from './types.ts';
import { bandScale, tickCount, valueKind, valueRange, zeroBasedScale } from './scales.ts';
import { bandAxis, chartId, chartRoot, emptyNote, focusableMark, FONT_SIZE, leftAxis, textWidth, unitLabel } from './axis.ts';
import { allLayouts, WIDE } from './layout.ts';
import { BAR_COLOR, barMarkLabel, barTable, censoredDefs, censoredLegend, describeBars, MIN_RANGE_PX, yearOf, type BarChartOptions } from './bar-common.ts';
import { PARTIAL_OPACITY, partialLabelRow, partialNotes } from './partial-periods.ts';

export type { BarChartOptions } from './bar-common.ts';
export { rankedBarChart, rankOrder } from './ranked-bar-chart.ts';

const MARGIN_TOP = 30;
/** Room above the plot for the "2024 partial" labels. */
const PARTIAL_ROW = 14;

/** Vertical bars in the order given (e.g. years). */
export function barChart(data: BarDatum[], options: BarChartOptions, locale: Locale): ChartOutput {
  const partial = partialNotes(options.partial, data.map(yearOf).filter((y): y is number => y !== undefined));
  const description = describeBars(data, partial, options, locale);
  const layouts = allLayouts(options.id, options.size ?? WIDE, (id, size) => drawVertical(data, partial, { ...options, id }, size, description, locale));
  return { ...layouts, description, table: barTable(data, partial, options, locale) };
}

/** Room for the widest tick label of a vertical value scale. */
function tickLabelWidth(y: ScaleLinear<number, number>, locale: Locale): number {
  return Math.max(...y.ticks(tickCount(y.range())).map((t) => textWidth(locale.number(t))));
}

interface Column {
  x: ScaleBand<string>;
  y: ScaleLinear<number, number>;
  patternId: string;
}

/** A bar (lighter when its period is partial), a censored range box or a "No data" note in a vertical band. */
function verticalMark(d: BarDatum, c: Column, partial: ReadonlyMap<number, string>, highlight: boolean, locale: Locale): string {
  const bx = c.x(d.key) ?? 0;
  const w = c.x.bandwidth();
  const label = barMarkLabel(d, partial, locale);
  const range = valueRange(d);
  const year = yearOf(d);
  if (valueKind(d) === 'value') {
    const [y0, y1] = [c.y(0), c.y(d.value!)];
    const isPartial = year !== undefined && partial.has(year);
    const paint = isPartial ? { 'fill-opacity': PARTIAL_OPACITY, stroke: BAR_COLOR, 'stroke-width': 1.5 } : {};
    const outline = highlight ? { stroke: INK, 'stroke-width': 2 } : {};
    return focusableMark('rect', { x: bx, y: Math.min(y0, y1), width: w, height: Math.abs(y1 - y0), fill: BAR_COLOR, ...paint, ...outline }, d.key, label);
  }
  if (range) {
    // Grows upwards when too short, so that it never reaches the baseline.
    const bottom = c.y(range[0]);
    const top = Math.min(c.y(range[1]), bottom - MIN_RANGE_PX);
    return focusableMark(
      'g',
      {},
      d.key,
      label,
      el('rect', { x: bx, y: top, width: w, height: bottom - top, fill: `url(#${c.patternId})`, stroke: BAR_COLOR, 'stroke-dasharray': '3 2' }),
      textWidth(d.censored ?? '') <= c.x.step() ? el('text', { x: bx + w / 2, y: top - 4, 'text-anchor': 'middle', fill: MUTED }, text(d.censored ?? '')) : null,
    );
  }
  return focusableMark('g', {}, d.key, label, noDataVertical(bx, w, c.y(0), locale));
}

/** "No data" sits on the baseline: across the band when it fits, else reading upwards. */
function noDataVertical(bx: number, w: number, base: number, locale: Locale): string {
  const words = locale.t('chart.noData');
  const cx = bx + w / 2;
  const attrs = { fill: MUTED, 'font-style': 'italic' };
  if (textWidth(words) <= w) return el('text', { ...attrs, x: cx, y: base - 6, 'text-anchor': 'middle' }, text(words));
  return el('text', { ...attrs, x: cx, y: base - 6, dy: '0.32em', transform: `rotate(-90 ${cx} ${base - 6})` }, text(words));
}

function drawVertical(data: BarDatum[], partial: ReadonlyMap<number, string>, options: BarChartOptions, size: Size, description: string, locale: Locale): string {
  const patternId = chartId(options.id, 'censored');
  const legend = censoredLegend(data, patternId, locale, size.width);
  const top = MARGIN_TOP + (partial.size > 0 ? PARTIAL_ROW : 0);
  const bottom = size.height - 28 - legend.height;
  // Censored marks are labelled above their box: the scale leaves a line of room over the tallest one.
  const y = zeroBasedScale(data, [bottom, top + (data.some((d) => valueKind(d) === 'censored') ? FONT_SIZE : 0)]);
  const left = Math.ceil(tickLabelWidth(y, locale)) + 10;
  const right = size.width - 8;
  const x = bandScale(
    data.map((d) => d.key),
    [left, right],
  );
  const labels = new Map(data.map((d) => [d.key, d.short ?? d.label]));
  const spans = data.flatMap((d) => {
    const yr = yearOf(d);
    const bx = x(d.key) ?? 0;
    return yr !== undefined && partial.has(yr) ? [{ year: yr, span: [bx, bx + x.bandwidth()] as [number, number], centre: bx + x.bandwidth() / 2 }] : [];
  });
  return chartRoot(
    { id: options.id, title: options.title, description, size },
    censoredDefs(data, patternId),
    unitLabel(4, 14, options.unit, locale),
    leftAxis(y, left, right, locale),
    partialLabelRow(spans, left, right, top - 6, locale),
    el(
      'g',
      {},
      data.map((d) => verticalMark(d, { x, y, patternId }, partial, d.key === options.highlight, locale)),
    ),
    // Redrawn over the bars so that the baseline is not hidden by them.
    el('line', { x1: left, x2: right, y1: y(0), y2: y(0), stroke: MUTED, 'aria-hidden': 'true' }),
    bandAxis(x, labels, bottom),
    data.length === 0 ? emptyNote((left + right) / 2, (bottom + top) / 2, locale) : null,
    legend.svg ? el('g', { transform: `translate(0,${bottom + 28})` }, legend.svg) : null,
  );
}
