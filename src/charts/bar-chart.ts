/**
 * Bar charts: vertical bars over categories or years in the given order (`barChart`), and horizontal bars ranked
 * from the highest value down (`rankedBarChart`). What is drawn for each kind of value:
 * - a reported value: a solid bar from 0;
 * - a censored value ("<5"): a hatched, dashed-outline box from min to max, labelled with its mark; it does not
 *   start at 0 and is never solid, because the value is only known to lie in that range;
 * - no data: no bar, the words "No data" in its place.
 * In the ranked chart, censored rows follow the reported ones and rows without data come last, both in label order.
 */
import type { ScaleBand, ScaleLinear } from 'd3-scale';
import { el, text } from './svg.ts';
import { categorical, INK, MUTED } from './palette.ts';
import type { BarDatum, ChartOutput, DataTable, Locale, Size } from './types.ts';
import { bandScale, tableCell, tickCount, valueKind, valueLabel, valueRange, valueText, zeroBasedScale } from './scales.ts';
import { bandAxis, chartId, chartRoot, emptyNote, focusableMark, HORIZONTAL_SPACING, leftAxis, textWidth, topAxis, truncate, unitLabel } from './axis.ts';
import { categoricalLegend, hatchPattern } from './legend-categorical.ts';

export interface BarChartOptions {
  /** Unique on the page; every id inside the SVG is derived from it. */
  id: string;
  /** The chart's accessible name, and the first sentence of its description. */
  title: string;
  /** Unit of the values, e.g. "Victims per 100,000 population"; shown above the value axis. */
  unit: string;
  /** Drawing size in viewBox units; the SVG scales to its container's width. Default 640 wide; 360 high for
   * vertical bars, and for ranked bars as high as the rows need. */
  size?: Size;
  /** `key` of a bar to emphasise: outlined, with its label in bold. */
  highlight?: string;
  /** Heading of the table's first column (default "Category"). */
  categoryLabel?: string;
}

const BAR_COLOR = categorical(0);
const DEFAULT_WIDTH = 640;
const ROW_STEP = 24;
const BAR_HEIGHT = 16;
/** A censored range next to a large maximum can be under a pixel; it is drawn at least this long so it stays visible. */
const MIN_RANGE_PX = 3;

/** Vertical bars in the order given (e.g. years). */
export function barChart(data: BarDatum[], options: BarChartOptions, locale: Locale): ChartOutput {
  const description = describeBars(data, options, locale);
  const svg = drawVertical(data, options, description, locale);
  return { svg, description, table: barTable(data, options, locale) };
}

/** Horizontal bars sorted by value, highest first; censored rows, then rows with no data, are placed last. */
export function rankedBarChart(data: BarDatum[], options: BarChartOptions, locale: Locale): ChartOutput {
  const ranked = rankOrder(data, locale);
  const description = describeBars(ranked, options, locale);
  const svg = drawRanked(ranked, options, description, locale);
  return { svg, description, table: barTable(ranked, options, locale) };
}

const KIND_ORDER = { value: 0, censored: 1, missing: 2 } as const;

/** Reported values descending, then censored, then missing; ties and the last two groups by label. */
export function rankOrder(data: BarDatum[], locale: Locale): BarDatum[] {
  const byLabel = (a: BarDatum, b: BarDatum) => a.label.localeCompare(b.label, locale.lang) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return [...data].sort((a, b) => {
    const ka = valueKind(a);
    const kb = valueKind(b);
    if (ka !== kb) return KIND_ORDER[ka] - KIND_ORDER[kb];
    return ka === 'value' ? b.value! - a.value! || byLabel(a, b) : byLabel(a, b);
  });
}

/** Highest and lowest reported values, which bars are suppressed and which have no data, and the unit. */
function describeBars(data: BarDatum[], options: BarChartOptions, locale: Locale): string {
  const known = data.filter((d) => valueKind(d) === 'value');
  const sentences: string[] = [];
  if (known.length === 0) {
    sentences.push(locale.t('chart.bar.noValues', { title: options.title, n: data.length }));
  } else {
    // The first of equal values wins, so that the text matches the ranked chart's top row.
    const top = known.reduce((a, b) => (b.value! > a.value! ? b : a));
    const bottom = known.reduce((a, b) => (b.value! < a.value! ? b : a));
    sentences.push(
      locale.t('chart.bar.description', {
        title: options.title,
        n: data.length,
        top: top.label,
        topValue: valueText(top, locale),
        bottom: bottom.label,
        bottomValue: valueText(bottom, locale),
      }),
    );
  }
  const censored = data.filter((d) => valueKind(d) === 'censored');
  if (censored.length > 0) sentences.push(locale.t('chart.bar.suppressedList', { items: censored.map((d) => `${d.label} (${d.censored})`).join(', ') }));
  const missing = data.filter((d) => valueKind(d) === 'missing');
  if (missing.length > 0) sentences.push(locale.t('chart.bar.noDataList', { items: missing.map((d) => d.label).join(', ') }));
  sentences.push(`${locale.t('chart.unit', { unit: options.unit })}.`);
  return sentences.join(' ');
}

/** One row per bar in drawing order; values stay numbers, censored cells say "suppressed (<5)", missing are null. */
function barTable(data: BarDatum[], options: BarChartOptions, locale: Locale): DataTable {
  return {
    columns: [
      { key: 'label', label: options.categoryLabel ?? locale.t('chart.category') },
      { key: 'value', label: locale.t('chart.valueIn', { unit: options.unit }), numeric: true },
    ],
    rows: data.map((d) => ({ label: d.label, value: tableCell(d, locale) })),
  };
}

function markLabel(d: BarDatum, locale: Locale): string {
  return locale.t('chart.markLabel', { label: d.label, value: valueLabel(d, locale) });
}

function censoredLegend(data: BarDatum[], patternId: string, locale: Locale, width: number) {
  const any = data.some((d) => valueKind(d) === 'censored');
  return categoricalLegend(any ? [{ label: locale.t('chart.censoredLegend'), symbol: { kind: 'hatch', color: BAR_COLOR, patternId } }] : [], 8, 0, width - 16);
}

/** The hatch pattern, only when a censored bar needs it. */
function censoredDefs(data: BarDatum[], patternId: string): string | null {
  return data.some((d) => valueKind(d) === 'censored') ? el('defs', {}, hatchPattern(patternId, BAR_COLOR)) : null;
}

/** Room for the widest tick label of a vertical value scale. */
function tickLabelWidth(y: ScaleLinear<number, number>, locale: Locale): number {
  return Math.max(...y.ticks(tickCount(y.range())).map((t) => textWidth(locale.number(t))));
}

/** A bar, a censored range box or a "No data" note in a vertical band. */
function verticalMark(d: BarDatum, x: ScaleBand<string>, y: ScaleLinear<number, number>, patternId: string, highlight: boolean, locale: Locale): string {
  const bx = x(d.key) ?? 0;
  const w = x.bandwidth();
  const label = markLabel(d, locale);
  const range = valueRange(d);
  const outline = highlight ? { stroke: INK, 'stroke-width': 2 } : {};
  if (valueKind(d) === 'value') {
    const y0 = y(0);
    const y1 = y(d.value!);
    return focusableMark('rect', { x: bx, y: Math.min(y0, y1), width: w, height: Math.abs(y1 - y0), fill: BAR_COLOR, ...outline }, d.key, label);
  }
  if (range) {
    // Grows upwards when too short, so that it never reaches the baseline.
    const bottom = y(range[0]);
    const top = Math.min(y(range[1]), bottom - MIN_RANGE_PX);
    return focusableMark(
      'g',
      {},
      d.key,
      label,
      el('rect', { x: bx, y: top, width: w, height: bottom - top, fill: `url(#${patternId})`, stroke: BAR_COLOR, 'stroke-dasharray': '3 2' }),
      el('text', { x: bx + w / 2, y: top - 4, 'text-anchor': 'middle', fill: MUTED, 'font-size': 11 }, text(d.censored ?? '')),
    );
  }
  return focusableMark('g', {}, d.key, label, noDataVertical(bx, w, y(0), locale));
}

/** "No data" sits on the baseline: across the band when it fits, else reading upwards. */
function noDataVertical(bx: number, w: number, base: number, locale: Locale): string {
  const words = locale.t('chart.noData');
  const cx = bx + w / 2;
  const attrs = { fill: MUTED, 'font-style': 'italic', 'font-size': 11 };
  if (textWidth(words, 11) <= w) return el('text', { ...attrs, x: cx, y: base - 6, 'text-anchor': 'middle' }, text(words));
  return el('text', { ...attrs, x: cx, y: base - 6, dy: '0.32em', transform: `rotate(-90 ${cx} ${base - 6})` }, text(words));
}

function drawVertical(data: BarDatum[], options: BarChartOptions, description: string, locale: Locale): string {
  const size = options.size ?? { width: DEFAULT_WIDTH, height: 360 };
  const patternId = chartId(options.id, 'censored');
  const legend = censoredLegend(data, patternId, locale, size.width);
  const bottom = size.height - 28 - legend.height;
  const y = zeroBasedScale(data, [bottom, 30]);
  const left = Math.ceil(tickLabelWidth(y, locale)) + 10;
  const right = size.width - 8;
  const x = bandScale(
    data.map((d) => d.key),
    [left, right],
  );
  const labels = new Map(data.map((d) => [d.key, d.label]));
  return chartRoot(
    { id: options.id, title: options.title, description, size },
    censoredDefs(data, patternId),
    unitLabel(4, 14, options.unit, locale),
    leftAxis(y, left, right, locale),
    el(
      'g',
      {},
      data.map((d) => verticalMark(d, x, y, patternId, d.key === options.highlight, locale)),
    ),
    // Redrawn over the bars so that the baseline is not hidden by them.
    el('line', { x1: left, x2: right, y1: y(0), y2: y(0), stroke: MUTED, 'aria-hidden': 'true' }),
    bandAxis(x, labels, bottom),
    data.length === 0 ? emptyNote((left + right) / 2, (bottom + 30) / 2, locale) : null,
    legend.svg ? el('g', { transform: `translate(0,${bottom + 28})` }, legend.svg) : null,
  );
}

interface RankedLayout {
  x: ScaleLinear<number, number>;
  left: number;
  top: number;
  labelWidth: number;
}

/** One horizontal row: the label, then a bar, a censored box or "No data", then the value. */
function rankedRow(d: BarDatum, i: number, L: RankedLayout, patternId: string, highlight: boolean, locale: Locale): string {
  const cy = L.top + i * ROW_STEP + ROW_STEP / 2;
  const y = cy - BAR_HEIGHT / 2;
  const weight = highlight ? 'bold' : null;
  const name = el('text', { x: L.left - 8, y: cy, dy: '0.32em', 'text-anchor': 'end', 'font-weight': weight, 'aria-hidden': 'true' }, text(truncate(d.label, L.labelWidth)));
  const range = valueRange(d);
  const x0 = L.x(0);
  let mark: string;
  if (valueKind(d) === 'value') {
    const x1 = L.x(d.value!);
    const outline = highlight ? { stroke: INK, 'stroke-width': 2 } : {};
    mark = focusableMark(
      'g',
      {},
      d.key,
      markLabel(d, locale),
      el('rect', { x: Math.min(x0, x1), y, width: Math.abs(x1 - x0), height: BAR_HEIGHT, fill: BAR_COLOR, ...outline }),
      el('text', { x: Math.max(x0, x1) + 4, y: cy, dy: '0.32em', fill: INK }, text(valueText(d, locale))),
    );
  } else if (range) {
    const a = L.x(range[0]);
    const b = L.x(range[1]);
    mark = focusableMark(
      'g',
      {},
      d.key,
      markLabel(d, locale),
      el('rect', { x: a, y, width: Math.max(MIN_RANGE_PX, b - a), height: BAR_HEIGHT, fill: `url(#${patternId})`, stroke: BAR_COLOR, 'stroke-dasharray': '3 2' }),
      el('text', { x: b + 4, y: cy, dy: '0.32em', fill: MUTED }, text(valueText(d, locale))),
    );
  } else {
    mark = focusableMark('g', {}, d.key, markLabel(d, locale), el('text', { x: x0 + 4, y: cy, dy: '0.32em', fill: MUTED, 'font-style': 'italic' }, text(valueText(d, locale))));
  }
  return name + mark;
}

function drawRanked(data: BarDatum[], options: BarChartOptions, description: string, locale: Locale): string {
  const width = options.size?.width ?? DEFAULT_WIDTH;
  const patternId = chartId(options.id, 'censored');
  const legend = censoredLegend(data, patternId, locale, width);
  const top = 46;
  const rowsHeight = Math.max(1, data.length) * ROW_STEP;
  const height = options.size?.height ?? top + rowsHeight + 12 + legend.height;
  const labelWidth = Math.min(width * 0.35, Math.max(0, ...data.map((d) => textWidth(d.label))));
  const left = Math.ceil(labelWidth) + 16;
  // Value labels follow the bars, so the value axis ends before the widest of them.
  const valueWidth = Math.max(0, ...data.map((d) => textWidth(valueText(d, locale))));
  const x = zeroBasedScale(data, [left, width - valueWidth - 12], HORIZONTAL_SPACING);
  const L: RankedLayout = { x, left, top, labelWidth };
  return chartRoot(
    { id: options.id, title: options.title, description, size: { width, height } },
    censoredDefs(data, patternId),
    unitLabel(4, 14, options.unit, locale),
    topAxis(x, top, top + rowsHeight, locale),
    data.map((d, i) => rankedRow(d, i, L, patternId, d.key === options.highlight, locale)),
    data.length === 0 ? emptyNote((left + width) / 2, top + ROW_STEP / 2 + 4, locale) : null,
    legend.svg ? el('g', { transform: `translate(0,${top + rowsHeight + 6})` }, legend.svg) : null,
  );
}
