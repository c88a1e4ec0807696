/**
 * Legends for magnitudes drawn as size: circle area (point map) and line width (flow map). Their symbols must stay
 * the size of the marks they explain, which scale with the map, while their words keep the page's own size. So each
 * is an HTML list: the symbol is a small SVG whose CSS width is a share of the figure's width (`cqw`, the figure being
 * the size container, see site.css), the same share the mark takes of the map; the label is HTML text beside it.
 */
import { el, num, text } from './svg.ts';
import type { Locale } from './types.ts';

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

/**
 * A symbol drawn in map units (a `w` × `h` box) that scales with a map `mapWidth` units wide: its width is the same
 * share of the figure. The width attribute is its size on a map shown at 1:1, for browsers without container units.
 */
export function scaledSymbol(w: number, h: number, mapWidth: number, ...marks: string[]): string {
  const share = (100 * w) / mapWidth;
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${num(w)} ${num(h)}`, width: w, class: 'key-symbol', style: `width:${num(share)}cqw`, 'aria-hidden': 'true' }, ...marks);
}

export interface SizeLegendOptions {
  title: string;
  values: number[];
  /** The same function that sizes the marks (radius in map units). */
  size: (v: number) => number;
  color: string;
  /** Width of the map in viewBox units, which the circles scale with. */
  mapWidth: number;
}

/** Circles side by side, bottoms aligned, each labelled underneath. */
export function sizeLegend(o: SizeLegendOptions, locale: Locale): string {
  const items = o.values.map((v) => {
    const r = o.size(v);
    const d = 2 * r + 1;
    const circle = el('circle', { cx: d / 2, cy: d / 2, r, fill: o.color, 'fill-opacity': '0.45', stroke: o.color, 'stroke-width': '0.75' });
    return el('li', {}, scaledSymbol(d, d, o.mapWidth, circle), el('span', {}, text(locale.number(v))));
  });
  return el('div', { class: 'key-block' }, el('p', { class: 'key-title' }, text(o.title)), el('ul', { class: 'key-sizes' }, items));
}

export interface WidthLegendOptions {
  title: string;
  values: number[];
  /** Stroke width in map units, as the marks use it. */
  width: (v: number) => number;
  color: string;
  mapWidth: number;
  /** Extra entries after the widths, e.g. the dashed line of suppressed values. */
  extra?: { dash: string; label: string }[];
}

/** Short horizontal strokes of each width, labelled to the right. */
export function widthLegend(o: WidthLegendOptions, locale: Locale): string {
  const entry = (w: number, dash: string | null, label: string) => {
    const h = Math.max(4, w + 2);
    const line = el('line', { x1: 0, y1: h / 2, x2: 36, y2: h / 2, stroke: o.color, 'stroke-width': w, 'stroke-dasharray': dash });
    return el('li', {}, scaledSymbol(36, h, o.mapWidth, line), el('span', {}, text(label)));
  };
  const items = [...o.values.map((v) => entry(o.width(v), null, locale.number(v))), ...(o.extra ?? []).map((e) => entry(1.5, e.dash, e.label))];
  return el('div', { class: 'key-block' }, el('p', { class: 'key-title' }, text(o.title)), el('ul', { class: 'key-widths' }, items));
}
