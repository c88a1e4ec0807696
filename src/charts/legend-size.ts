/** Legends for magnitudes drawn as size: circle area (point map) and line width (flow map). */
import { INK } from './palette.ts';
import { el, text } from './svg.ts';
import { textWidth } from './axis.ts';
import type { Locale } from './types.ts';
import type { Block } from './map-frame.ts';

/**
 * Three round reference values (1-2-5 steps): the largest not above `max`, then two steps of about ×0.2 and ×0.05,
 * so the circles differ visibly. Values under `min` (e.g. 0.2 persons) are dropped.
 */
export function legendValues(max: number, min = 0): number[] {
  if (!(max > 0)) return [];
  const e = Math.floor(Math.log10(max));
  const seq: number[] = [];
  for (let k = e; k >= e - 3; k--) for (const s of [5, 2, 1]) seq.push(Number((s * 10 ** k).toPrecision(12)));
  const top = seq.findIndex((v) => v <= max);
  return [seq[top], seq[top + 2], seq[top + 4]].filter((v): v is number => v !== undefined && v >= min);
}

export interface SizeLegendOptions {
  x: number;
  y: number;
  title: string;
  values: number[];
  /** The same function that sizes the marks. */
  size: (v: number) => number;
  color: string;
}

/** Circles side by side, bottoms aligned, each labelled underneath. */
export function sizeLegend(o: SizeLegendOptions, locale: Locale): Block {
  const rMax = Math.max(0, ...o.values.map(o.size));
  const base = o.y + 20 + 2 * rMax;
  const parts = [el('text', { x: o.x, y: o.y + 12, 'font-size': 12, fill: INK }, text(o.title))];
  let x = o.x;
  for (const v of o.values) {
    const r = o.size(v);
    const label = locale.number(v);
    const cx = x + Math.max(r, textWidth(label, 11) / 2);
    parts.push(
      el('circle', { cx, cy: base - r, r, fill: o.color, 'fill-opacity': '0.45', stroke: o.color, 'stroke-width': '0.75' }),
      el('text', { x: cx, y: base + 13, 'font-size': 11, fill: INK, 'text-anchor': 'middle' }, text(label)),
    );
    x = cx + Math.max(r, textWidth(label, 11) / 2) + 14;
  }
  return { svg: el('g', { class: 'size-legend' }, parts), height: base + 18 - o.y };
}

export interface WidthLegendOptions {
  x: number;
  y: number;
  title: string;
  values: number[];
  width: (v: number) => number;
  color: string;
  /** Extra entries after the widths, e.g. the dashed line of suppressed values. */
  extra?: { dash: string; label: string }[];
}

/** Short horizontal strokes of each width, labelled to the right. */
export function widthLegend(o: WidthLegendOptions, locale: Locale): Block {
  const wMax = Math.max(1, ...o.values.map(o.width));
  const mid = o.y + 20 + wMax / 2;
  const parts = [el('text', { x: o.x, y: o.y + 12, 'font-size': 12, fill: INK }, text(o.title))];
  let x = o.x;
  const entry = (attrs: Record<string, string | number>, label: string) => {
    parts.push(
      el('line', { x1: x, y1: mid, x2: x + 36, y2: mid, stroke: o.color, ...attrs }),
      el('text', { x: x + 42, y: mid + 4, 'font-size': 11, fill: INK }, text(label)),
    );
    x += 42 + textWidth(label, 11) + 16;
  };
  for (const v of o.values) entry({ 'stroke-width': o.width(v) }, locale.number(v));
  for (const e of o.extra ?? []) entry({ 'stroke-width': 1.5, 'stroke-dasharray': e.dash }, e.label);
  return { svg: el('g', { class: 'width-legend' }, parts), height: mid + wMax / 2 + 6 - o.y };
}
