/**
 * Classed sequential colour (thresholds) and its legend: the unit, a ramp of swatches with the class breaks
 * under the joins, then the "No data" hatch and, when used, the swatch for suppressed small counts.
 */
import { quantileSorted } from 'd3-array';
import { scaleThreshold, type ScaleThreshold } from 'd3-scale';
import { INK, MUTED, sequential } from './palette.ts';
import { el, text } from './svg.ts';
import type { Locale } from './types.ts';
import { textWidth } from './axis.ts';
import { wrapLines, type Block } from './map-frame.ts';

/** Rounds to two significant digits: class breaks people can read ("1,200", not "1,187.4"). */
export function niceRound(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
  return Number((Math.round(x / step) * step).toPrecision(12));
}

/**
 * Breaks at the quantiles of the data (about the same number of countries per class), rounded nicely, and to whole
 * numbers when the data are counts ("3.2 persons" is no boundary anyone can use). Breaks that rounding pushes out
 * of the data range or onto each other are dropped, so every class holds at least one value.
 */
export function quantileThresholds(values: number[], classes = 5): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const out: number[] = [];
  if (sorted.length < 2) return out;
  const [lo, hi] = [sorted[0]!, sorted[sorted.length - 1]!];
  const counts = sorted.every(Number.isInteger);
  for (let i = 1; i < classes; i++) {
    const nice = niceRound(quantileSorted(sorted, i / classes)!);
    const t = counts ? Math.round(nice) : nice;
    if (t > lo && t <= hi && (out.length === 0 || t > out[out.length - 1]!)) out.push(t);
  }
  return out;
}

/** Threshold scale onto cividis, light (low) to dark (high). */
export function thresholdScale(thresholds: number[]): ScaleThreshold<number, string> {
  const k = thresholds.length + 1;
  const colors = Array.from({ length: k }, (_, i) => sequential(k === 1 ? 0.5 : i / (k - 1)));
  return scaleThreshold<number, string>().domain(thresholds).range(colors);
}

/** A break printed with exactly the decimals it has (0.045 must not read "0.05"). */
export function formatBreak(t: number, locale: Locale): string {
  const s = String(t);
  const decimals = s.includes('e') ? 6 : (/\.(\d+)$/.exec(s)?.[1]?.length ?? 0);
  return locale.number(t, decimals);
}

/** Diagonal hatch for "no data": readable without colour, and never mistaken for a low value. */
export function noDataPattern(id: string): string {
  return el(
    'pattern',
    { id, patternUnits: 'userSpaceOnUse', width: 5, height: 5, patternTransform: 'rotate(45)' },
    el('rect', { width: 5, height: 5, fill: '#f2f2f2' }),
    el('line', { x1: 0, y1: 0, x2: 0, y2: 5, stroke: '#9a9a9a', 'stroke-width': 1.2 }),
  );
}

/** Dots for a suppressed small count: a value is known to exist, but not which one; not a colour of the ramp. */
export function censoredPattern(id: string): string {
  return el(
    'pattern',
    { id, patternUnits: 'userSpaceOnUse', width: 4, height: 4 },
    el('rect', { width: 4, height: 4, fill: '#ffffff' }),
    el('circle', { cx: 2, cy: 2, r: 0.9, fill: INK }),
  );
}

export interface SequentialLegendOptions {
  x: number;
  y: number;
  /** Width available: the ramp takes up to 300 of it; the extra swatches move to further rows when they do not fit. */
  width: number;
  unit: string;
  scale: ScaleThreshold<number, string>;
  /** Data extent, printed under a single-class ramp; null when there are no values (the ramp is left out). */
  extent: [number, number] | null;
  /** Fill of the "No data" swatch (the hatch pattern). */
  noDataFill: string;
  /** Swatch for suppressed values, when the map has any. */
  censored?: { fill: string; label: string };
  /** Swatch for zero, on a log scale (where zero has no place on the ramp): drawn first of the extra swatches. */
  zero?: { fill: string; label: string };
}

/** Zero on a log-classed map: plain white, outside the ramp (whose light end is yellow), unlike the hatch and the dots. */
export const ZERO_FILL = '#ffffff';

function swatch(x: number, y: number, fill: string, label: string, stroke: string): string {
  return (
    el('rect', { x, y, width: 16, height: 10, fill, stroke, 'stroke-width': '0.75' }) +
    el('text', { x: x + 22, y: y + 9, 'font-size': 12, fill: INK }, text(label))
  );
}

export function sequentialLegend(o: SequentialLegendOptions, locale: Locale): Block {
  const thresholds = o.scale.domain();
  const colors = o.scale.range();
  const rampWidth = o.extent ? Math.min(300, o.width) : -32;
  const box = rampWidth / colors.length;
  // A long unit wraps rather than running out of the key.
  const unitLines = wrapLines(locale.t('chart.unit', { unit: o.unit }), o.width, 12);
  const rampY = o.y + 20 + (unitLines.length - 1) * 15;
  const parts: string[] = unitLines.map((s, i) => el('text', { x: o.x, y: o.y + 12 + i * 15, 'font-size': 12, fill: INK }, text(s)));
  if (o.extent) colors.forEach((c, i) => parts.push(el('rect', { x: o.x + i * box, y: rampY, width: box, height: 10, fill: c, stroke: MUTED, 'stroke-width': 0.5 })));
  const label = (x: number, s: string) => el('text', { x, y: rampY + 24, 'font-size': 11, fill: INK, 'text-anchor': 'middle' }, text(s));
  if (o.extent) thresholds.forEach((t, i) => {
    const x = o.x + (i + 1) * box;
    parts.push(el('line', { x1: x, y1: rampY, x2: x, y2: rampY + 14, stroke: INK, 'stroke-width': '0.75' }), label(x, formatBreak(t, locale)));
  });
  if (thresholds.length === 0 && o.extent) {
    const [lo, hi] = o.extent;
    parts.push(label(o.x + box / 2, lo === hi ? locale.number(lo) : `${locale.number(lo)}–${locale.number(hi)}`));
  }
  const extras: [string, string][] = [...(o.zero ? [[o.zero.fill, o.zero.label] as [string, string]] : []), [o.noDataFill, locale.t('map.noDataLegend')]];
  if (o.censored) extras.push([o.censored.fill, o.censored.label]);
  let x = o.x + rampWidth + 32;
  let y = rampY;
  for (const [fill, s] of extras) {
    const w = 22 + textWidth(s, 12) + 20;
    // The first row of swatches beside the ramp wraps below the ramp's labels; later rows need one line each.
    if (x + w > o.x + o.width) [x, y] = [o.x, y + (y === rampY && o.extent ? 36 : 20)];
    parts.push(swatch(x, y, fill, s, fill === o.noDataFill ? MUTED : INK));
    x += w;
  }
  // Below the ramp's labels, or below the wrapped row of swatches.
  return { svg: el('g', { class: 'map-legend' }, parts), height: y > rampY || !o.extent ? y + 16 - o.y : rampY + 32 - o.y };
}
