/**
 * A swatch legend for series and groups, and the small glyphs shared by legends and marks (series line styles,
 * hatching for censored parts, the censored range glyph) so that a legend always looks like what it explains.
 */
import { el, text } from './svg.ts';
import { categorical, MUTED } from './palette.ts';
import { textWidth, truncate } from './axis.ts';

/** Dash patterns for series 2+, so that lines differ by more than colour (series 1 is solid). */
export const DASHES = ['', '6 3', '2 2', '10 3 2 3', '4 4', '1 3', '12 4', '6 2 2 2'] as const;

export interface SeriesStyle {
  color: string;
  /** stroke-dasharray; '' for solid. */
  dash: string;
}

export function seriesStyle(i: number): SeriesStyle {
  return { color: categorical(i), dash: DASHES[i % DASHES.length]! };
}

/** Diagonal hatching in a colour on white: the mark for "somewhere in this range", never read as a solid value. */
export function hatchPattern(id: string, color: string): string {
  return el(
    'pattern',
    { id, patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' },
    el('rect', { width: 6, height: 6, fill: '#fff' }),
    el('rect', { width: 2, height: 6, fill: color }),
  );
}

/** A censored value: a vertical bar from min to max with caps and a hollow marker in the middle. */
export function rangeGlyph(x: number, yMin: number, yMax: number, color: string): string {
  const mid = (yMin + yMax) / 2;
  return [
    el('path', { d: `M${x - 3},${yMax}h6M${x},${yMax}V${yMin}M${x - 3},${yMin}h6`, stroke: color, 'stroke-width': 1.5, fill: 'none' }),
    el('circle', { cx: x, cy: mid, r: 3.5, fill: '#fff', stroke: color, 'stroke-width': 1.5 }),
  ].join('');
}

export type LegendSymbol =
  | { kind: 'swatch'; color: string }
  | { kind: 'line'; color: string; dash: string }
  | { kind: 'hatch'; color: string; patternId: string }
  | { kind: 'range'; color: string }
  | { kind: 'gap'; color: string }
  | { kind: 'tick'; color: string }
  | { kind: 'ring'; color: string };

export interface LegendItem {
  label: string;
  symbol: LegendSymbol;
}

const ROW_H = 18;
/** Lines need room to show their dash; a swatch is a small square. */
const SYMBOL_W: Record<LegendSymbol['kind'], number> = { swatch: 14, hatch: 15, range: 14, line: 18, gap: 20, tick: 8, ring: 16 };

function symbol(s: LegendSymbol, x: number, y: number): string {
  const cy = y - 4;
  switch (s.kind) {
    case 'swatch':
      return el('rect', { x, y: cy - 5, width: 14, height: 10, fill: s.color });
    case 'line':
      return el('line', { x1: x, x2: x + 18, y1: cy, y2: cy, stroke: s.color, 'stroke-width': 2, 'stroke-dasharray': s.dash || null });
    case 'hatch':
      return el('rect', { x: x + 0.5, y: cy - 5, width: 14, height: 10, fill: `url(#${s.patternId})`, stroke: s.color, 'stroke-dasharray': '2 1' });
    case 'range':
      return rangeGlyph(x + 6, cy + 6, cy - 6, s.color);
    case 'tick':
      // A published total: the same dark stroke that crosses the bar.
      return el('line', { x1: x + 4, x2: x + 4, y1: cy - 7, y2: cy + 7, stroke: s.color, 'stroke-width': 2.5 });
    case 'ring':
      // A series break (break-marks.ts): the ring drawn around the point, over a point of no particular series.
      return [
        el('circle', { cx: x + 8, cy, r: 2.5, fill: s.color }),
        el('circle', { cx: x + 8, cy, r: 6.5, fill: 'none', stroke: s.color, 'stroke-width': 1.5 }),
      ].join('');
    case 'gap':
      // A line that ends in a point and resumes after a blank: not to be mistaken for a dash pattern.
      return [
        el('path', { d: `M${x},${cy}h5M${x + 15},${cy}h5`, stroke: s.color, 'stroke-width': 2 }),
        el('circle', { cx: x + 5, cy, r: 2.5, fill: s.color }),
        el('circle', { cx: x + 15, cy, r: 2.5, fill: s.color }),
      ].join('');
  }
}

/**
 * Items laid out left to right, wrapping within `width`. Returns the drawing and the height it takes, so the chart
 * can make room. The legend repeats what marks say in text, so it is hidden from assistive technology.
 */
export function categoricalLegend(items: LegendItem[], x0: number, y0: number, width: number): { svg: string; height: number } {
  if (items.length === 0) return { svg: '', height: 0 };
  let x = x0;
  let y = y0 + 12;
  const parts: string[] = [];
  for (const item of items) {
    const sw = SYMBOL_W[item.symbol.kind];
    // A name longer than a whole row is cut; the table and the marks' labels keep it whole.
    const label = truncate(item.label, width - sw - 6);
    const w = sw + 6 + textWidth(label);
    if (x > x0 && x + w > x0 + width) {
      x = x0;
      y += ROW_H;
    }
    parts.push(symbol(item.symbol, x, y), el('text', { x: x + sw + 6, y, fill: MUTED }, text(label)));
    x += w + 18;
  }
  return { svg: el('g', { 'aria-hidden': 'true' }, parts), height: y - y0 + 6 };
}
