/**
 * The ink of a line chart's series: the line, its marks, the faded segments into partial periods, the shaded band and
 * label of each partial period, and the direct labels at the lines' ends (wide layout only).
 */
import { line } from 'd3-shape';
import type { ScaleLinear } from 'd3-scale';
import { el, num, text } from './svg.ts';
import type { Locale, SeriesPoint } from './types.ts';
import { valueKind, valueLabel, valueRange } from './scales.ts';
import { focusableMark, textWidth, truncate, yearLabel } from './axis.ts';
import { rangeGlyph, type SeriesStyle } from './legend-categorical.ts';
import { PARTIAL_OPACITY, partialLabelRow, partialMarkLabel } from './partial-periods.ts';
import { breakMarkLabel, type DrawnBreak } from './break-marks.ts';

export interface Series {
  /** Full name: table heading and marks' labels. */
  name: string;
  /** Short name: direct labels and legend. */
  label: string;
  style: SeriesStyle;
  /** One point per year (the first given, if the input repeats a year). */
  byYear: Map<number, SeriesPoint>;
}

export interface Plot {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Space between the plot and the direct labels. */
export const LABEL_GAP = 14;
/** Light enough that gridlines and lines read through it. */
const BAND_FILL = '#ececec';

function reported(s: Series, yr: number): boolean {
  const p = s.byYear.get(yr);
  return p !== undefined && valueKind(p) === 'value';
}

/** The line through full periods; it breaks at missing, suppressed and partial years (partial ones get their own segments). */
export function seriesPath(s: Series, years: number[], partial: ReadonlyMap<number, string>, plot: Plot, emphasis: boolean): string {
  const d = line<number>()
    .defined((yr) => reported(s, yr) && !partial.has(yr))
    .x((yr) => plot.x(yr))
    .y((yr) => plot.y(s.byYear.get(yr)!.value!))
    .digits(1)(years);
  if (!d) return '';
  const { color, dash } = s.style;
  return el('path', { d, fill: 'none', stroke: color, 'stroke-width': emphasis ? 3 : 2, 'stroke-dasharray': dash || null, 'stroke-linejoin': 'round' });
}

/** Faded segments between consecutive reported years when either is partial: the drop into a partial year is not a trend. */
export function partialSegments(s: Series, years: number[], partial: ReadonlyMap<number, string>, plot: Plot, emphasis: boolean): string {
  let d = '';
  for (let i = 0; i + 1 < years.length; i++) {
    const [a, b] = [years[i]!, years[i + 1]!];
    if (!(partial.has(a) || partial.has(b)) || !reported(s, a) || !reported(s, b)) continue;
    d += `M${num(plot.x(a))},${num(plot.y(s.byYear.get(a)!.value!))}L${num(plot.x(b))},${num(plot.y(s.byYear.get(b)!.value!))}`;
  }
  if (!d) return '';
  const { color, dash } = s.style;
  return el('path', { d, fill: 'none', stroke: color, 'stroke-opacity': PARTIAL_OPACITY, 'stroke-width': emphasis ? 3 : 2, 'stroke-dasharray': dash || null });
}

/**
 * A point for every observed year: filled, hollow in a partial year; a censored year gets the range glyph instead.
 * A point where the series breaks says so in its label (the ring is drawn by break-marks.ts).
 */
export function seriesMarks(s: Series, years: number[], partial: ReadonlyMap<number, string>, plot: Plot, locale: Locale, breaks: readonly DrawnBreak[] = []): string[] {
  const out: string[] = [];
  for (const yr of years) {
    const p = s.byYear.get(yr);
    const range = p ? valueRange(p) : null;
    if (!p || !range) continue;
    const key = `${s.name}|${yr}`;
    const name = locale.t('chart.markLabel', { label: locale.t('chart.line.pointKey', { series: s.name, year: yearLabel(yr) }), value: valueLabel(p, locale) });
    const label = breakMarkLabel(partialMarkLabel(name, partial.get(yr), locale), breaks.find((b) => b.series === s && b.mark.year === yr), locale);
    const cx = plot.x(yr);
    if (valueKind(p) !== 'value') {
      out.push(focusableMark('g', {}, key, label, rangeGlyph(cx, plot.y(range[0]), plot.y(range[1]), s.style.color)));
    } else if (partial.has(yr)) {
      out.push(focusableMark('circle', { cx, cy: plot.y(p.value!), r: 4, fill: '#fff', stroke: s.style.color, 'stroke-width': 2 }, key, label));
    } else {
      out.push(focusableMark('circle', { cx, cy: plot.y(p.value!), r: 3.5, fill: s.style.color, stroke: '#fff', 'stroke-width': 1 }, key, label));
    }
  }
  return out;
}

/** Half the distance to the neighbouring year on each side, within the plot. */
function bandOf(yr: number, plot: Plot): [number, number] {
  const half = Math.abs(plot.x(yr + 1) - plot.x(yr)) / 2;
  return [Math.max(plot.left, plot.x(yr) - half), Math.min(plot.right, plot.x(yr) + half)];
}

/** A shaded band behind each partial year, drawn under the gridlines and lines. */
export function partialBands(partial: ReadonlyMap<number, string>, plot: Plot): string {
  if (partial.size === 0) return '';
  const bands = [...partial.keys()].map((yr) => {
    const [a, b] = bandOf(yr, plot);
    return el('rect', { x: a, y: plot.top, width: Math.max(0, b - a), height: plot.bottom - plot.top, fill: BAND_FILL });
  });
  return el('g', { 'aria-hidden': 'true' }, bands);
}

/** "2024 partial" above each partial year's band (see partial-periods.ts). */
export function partialLabels(partial: ReadonlyMap<number, string>, plot: Plot, locale: Locale): string {
  const spans = [...partial.keys()].map((year) => ({ year, span: bandOf(year, plot), centre: plot.x(year) }));
  return partialLabelRow(spans, plot.left, plot.right, plot.top - 6, locale);
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

/** Room the direct labels take at the right: a line sample, the longest short name, within 30 % of the width. */
export function directLabelWidth(series: Series[], width: number): number {
  return Math.min(width * 0.3, Math.max(0, ...series.map((s) => textWidth(s.label))) + 26);
}

/** A short line sample (colour and dash) before each name, so the label matches its line by more than colour. */
export function directLabels(series: Series[], years: number[], plot: Plot, width: number, emphasised: Series | undefined): string {
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
      el('text', { x: x + 20, y: ys[i]!, dy: '0.32em', 'font-weight': s === emphasised ? 'bold' : null }, text(truncate(s.label, width - x - 22))),
    ]),
  );
}
