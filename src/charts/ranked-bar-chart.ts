/**
 * Horizontal bars ranked from the highest value down. Each row: the name (short, and with its year when the bars'
 * years differ), then a bar, a censored box or "No data", then the value. Censored rows follow the reported ones and
 * rows without data come last, both in label order. Kinds of value are drawn as in the vertical bar chart.
 */
import type { ScaleLinear } from 'd3-scale';
import { el, text } from './svg.ts';
import { INK, MUTED } from './palette.ts';
import type { BarDatum, ChartOutput, Locale, Size } from './types.ts';
import { valueKind, valueRange, valueText, zeroBasedScale } from './scales.ts';
import { chartId, chartRoot, emptyNote, focusableMark, HORIZONTAL_SPACING, textWidth, topAxis, truncate, unitLabel } from './axis.ts';
import { allLayouts, NARROW, PRINT_MAX_HEIGHT, WIDE } from './layout.ts';
import { BAR_COLOR, barMarkLabel, barTable, censoredDefs, censoredLegend, describeBars, MIN_RANGE_PX, type BarChartOptions } from './bar-common.ts';
import { differingYears, withYear } from './mixed-years.ts';
import { nameOrder } from './name-order.ts';

/** A row's height and its bar's, in viewBox units. On screen a row is a 24-unit target for a pointer. */
interface RowPitch {
  step: number;
  bar: number;
}
const SCREEN_ROWS: RowPitch = { step: 24, bar: 16 };
/** On paper, rows no closer than this: 12-unit names one under the other, with a unit between. */
const MIN_PRINT_STEP = 13;
const NO_PARTIAL: ReadonlyMap<number, string> = new Map();
/** Above and below the rows: the unit and the value axis; the gap before the legend. */
const TOP = 46;
const BELOW_ROWS = 12;

/** Horizontal bars sorted by value, highest first; censored rows, then rows with no data, are placed last. */
export function rankedBarChart(data: BarDatum[], options: BarChartOptions, locale: Locale): ChartOutput {
  const ranked = rankOrder(data, locale);
  const description = describeBars(ranked, NO_PARTIAL, options, locale);
  const layouts = allLayouts(options.id, options.size ?? WIDE, (id, size) => drawRanked(ranked, { ...options, id }, size, description, locale, SCREEN_ROWS));
  const pitch = printPitch(ranked, options, locale);
  const paper = (name: string, size: Size) => drawRanked(ranked, { ...options, id: chartId(options.id, name) }, size, description, locale, pitch!);
  const print = pitch ? { print: { wide: paper('print', options.size ?? WIDE), narrow: paper('print-narrow', NARROW) } } : {};
  return { ...layouts, ...print, description, table: barTable(ranked, NO_PARTIAL, options, locale) };
}

/**
 * Rows close enough for the drawing to print at most PRINT_MAX_HEIGHT units high (its text at 8 pt or more), for a
 * ranking too tall for that at the screen's pitch; null when the screen layouts print well (or the height is fixed).
 */
function printPitch(data: BarDatum[], options: BarChartOptions, locale: Locale): RowPitch | null {
  if (options.size?.height !== undefined) return null;
  // The legend under the rows, at either paper width (a narrower one may wrap).
  const legend = Math.max(...[(options.size ?? WIDE).width, NARROW.width].map((w) => censoredLegend(data, 'x', locale, w).height));
  const room = PRINT_MAX_HEIGHT - TOP - BELOW_ROWS - legend;
  const rows = Math.max(1, data.length);
  if (rows * SCREEN_ROWS.step <= room) return null;
  const step = Math.max(MIN_PRINT_STEP, Math.floor(room / rows));
  return { step, bar: Math.round((step * 2) / 3) };
}

const KIND_ORDER = { value: 0, censored: 1, missing: 2 } as const;

/** Reported values descending, then censored, then missing; ties and the last two groups by label. */
export function rankOrder(data: BarDatum[], locale: Locale): BarDatum[] {
  const byText = nameOrder(locale.lang);
  const byLabel = (a: BarDatum, b: BarDatum) => byText(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return [...data].sort((a, b) => {
    const ka = valueKind(a);
    const kb = valueKind(b);
    if (ka !== kb) return KIND_ORDER[ka] - KIND_ORDER[kb];
    return ka === 'value' ? b.value! - a.value! || byLabel(a, b) : byLabel(a, b);
  });
}

/** The drawn name: short, with " · 2018" when years differ; a name too long is cut, never its year. */
function rowLabel(d: BarDatum, showYear: boolean, maxWidth: number, locale: Locale): string {
  const name = d.short ?? d.label;
  if (!showYear || d.year === undefined) return truncate(name, maxWidth);
  const suffix = textWidth(withYear('', d.year, locale));
  return withYear(truncate(name, Math.max(0, maxWidth - suffix)), d.year, locale);
}

interface RankedLayout {
  x: ScaleLinear<number, number>;
  left: number;
  top: number;
  labelWidth: number;
  showYear: boolean;
  patternId: string;
  pitch: RowPitch;
}

/** One horizontal row: the label, then a bar, a censored box or "No data", then the value. */
function rankedRow(d: BarDatum, i: number, L: RankedLayout, highlight: boolean, locale: Locale): string {
  const { step, bar } = L.pitch;
  const cy = L.top + i * step + step / 2;
  const y = cy - bar / 2;
  const weight = highlight ? 'bold' : null;
  const name = el('text', { x: L.left - 8, y: cy, dy: '0.32em', 'text-anchor': 'end', 'font-weight': weight, 'aria-hidden': 'true' }, text(rowLabel(d, L.showYear, L.labelWidth, locale)));
  const range = valueRange(d);
  const x0 = L.x(0);
  const label = barMarkLabel(d, NO_PARTIAL, locale);
  let mark: string;
  if (valueKind(d) === 'value') {
    const x1 = L.x(d.value!);
    const outline = highlight ? { stroke: INK, 'stroke-width': 2 } : {};
    mark = focusableMark(
      'g',
      {},
      d.key,
      label,
      el('rect', { x: Math.min(x0, x1), y, width: Math.abs(x1 - x0), height: bar, fill: BAR_COLOR, ...outline }),
      el('text', { x: Math.max(x0, x1) + 4, y: cy, dy: '0.32em', fill: INK }, text(valueText(d, locale))),
    );
  } else if (range) {
    const a = L.x(range[0]);
    const b = L.x(range[1]);
    mark = focusableMark(
      'g',
      {},
      d.key,
      label,
      el('rect', { x: a, y, width: Math.max(MIN_RANGE_PX, b - a), height: bar, fill: `url(#${L.patternId})`, stroke: BAR_COLOR, 'stroke-dasharray': '3 2' }),
      el('text', { x: b + 4, y: cy, dy: '0.32em', fill: MUTED }, text(valueText(d, locale))),
    );
  } else {
    mark = focusableMark('g', {}, d.key, label, el('text', { x: x0 + 4, y: cy, dy: '0.32em', fill: MUTED, 'font-style': 'italic' }, text(valueText(d, locale))));
  }
  return name + mark;
}

function drawRanked(data: BarDatum[], options: BarChartOptions, base: Size, description: string, locale: Locale, pitch: RowPitch): string {
  const width = base.width;
  const patternId = chartId(options.id, 'censored');
  const legend = censoredLegend(data, patternId, locale, width);
  const top = TOP;
  const rowsHeight = Math.max(1, data.length) * pitch.step;
  const height = options.size?.height ?? top + rowsHeight + BELOW_ROWS + legend.height;
  const showYear = differingYears(data.map((d) => d.year)) !== null;
  const labelWidth = Math.min(width * 0.35, Math.max(0, ...data.map((d) => textWidth(rowLabel(d, showYear, Infinity, locale)))));
  const left = Math.ceil(labelWidth) + 16;
  // Value labels follow the bars, so the value axis ends before the widest of them.
  const valueWidth = Math.max(0, ...data.map((d) => textWidth(valueText(d, locale))));
  const x = zeroBasedScale(data, [left, width - valueWidth - 12], HORIZONTAL_SPACING);
  const L: RankedLayout = { x, left, top, labelWidth, showYear, patternId, pitch };
  return chartRoot(
    { id: options.id, title: options.title, description, size: { width, height } },
    censoredDefs(data, patternId),
    unitLabel(4, 14, options.unit, locale),
    topAxis(x, top, top + rowsHeight, locale),
    data.map((d, i) => rankedRow(d, i, L, d.key === options.highlight, locale)),
    data.length === 0 ? emptyNote((left + width) / 2, top + pitch.step / 2 + 4, locale) : null,
    legend.svg ? el('g', { transform: `translate(0,${top + rowsHeight + 6})` }, legend.svg) : null,
  );
}
