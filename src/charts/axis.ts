/**
 * The ink around the data: the SVG root with its accessible name and description, value gridlines, the year axis,
 * category labels and the unit label. Text is measured by estimate because there is no DOM at build time.
 */
import type { ScaleBand, ScaleLinear } from 'd3-scale';
import { el, num, text, type Attrs, type Child } from './svg.ts';
import { GRID, INK, MUTED } from './palette.ts';
import type { Locale, Size } from './types.ts';
import { tickCount } from './scales.ts';
import { FONT_MIN, MAX_SCALE } from './layout.ts';

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
export const FONT_SIZE = FONT_MIN;
/** Value labels along a horizontal axis are wider than tall, so they need more room than on a vertical one. */
export const HORIZONTAL_SPACING = 80;

/** Average advance of system sans-serif glyphs is ~0.55 em; 0.6 errs on the side of room. */
export function textWidth(s: string, size = FONT_SIZE): number {
  return s.length * size * 0.6;
}

/** Shortens a label to fit a width; the full text stays in the table and the mark's label. */
export function truncate(s: string, maxWidth: number, size = FONT_SIZE): string {
  if (textWidth(s, size) <= maxWidth) return s;
  const n = Math.max(1, Math.floor(maxWidth / (size * 0.6)) - 1);
  return s.slice(0, n).trimEnd() + '…';
}

/** Ids inside the SVG are global to the page, so they are derived from the chart's own id. */
export function chartId(id: string, part: string): string {
  return `${id.replace(/[^A-Za-z0-9_-]/g, '-')}-${part}`;
}

export interface RootSpec {
  id: string;
  title: string;
  description: string;
  size: Size;
  /** A drawing without text (a map) may fill any width; one with text is shown at most MAX_SCALE times its size. */
  textless?: boolean;
}

/**
 * The responsive root: viewBox, and a width that is the most it may be shown at (site.css caps it at 100 % of the
 * container), named by <title> and described by <desc> through ids.
 */
export function chartRoot(spec: RootSpec, ...body: Child[]): string {
  // Not "<id>-title": figure.ts gives the surrounding <figure> those ids.
  const titleId = chartId(spec.id, 'svg-title');
  const descId = chartId(spec.id, 'svg-desc');
  const attrs: Attrs = {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `0 0 ${spec.size.width} ${spec.size.height}`,
    width: spec.textless ? '100%' : spec.size.width * MAX_SCALE,
    // Not role="img": its children are presentational, which would hide the focusable value marks from assistive
    // technology (axe: nested-interactive). A named group keeps the marks reachable and announced.
    role: 'group',
    'aria-labelledby': titleId,
    'aria-describedby': descId,
    'font-family': FONT,
    'font-size': FONT_SIZE,
    fill: INK,
  };
  return el('svg', attrs, el('title', { id: titleId }, text(spec.title)), el('desc', { id: descId }, text(spec.description)), ...body);
}

/** A mark that carries a value: reachable by keyboard, announced by its label, and shown on hover by <title>. */
export function focusableMark(tag: string, attrs: Attrs, key: string, label: string, ...kids: Child[]): string {
  return el(tag, { ...attrs, tabindex: 0, 'data-key': key, 'aria-label': label }, el('title', {}, text(label)), ...kids);
}

/** Integer years only, on a step of 1, 2, 5, 10… so that labels never read "2015.5". */
export function yearTicks(domain: [number, number], maxTicks: number): number[] {
  const [a, b] = domain;
  const span = b - a;
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => span / s < Math.max(1, maxTicks)) ?? 100;
  const out: number[] = [];
  for (let y = Math.ceil(a / step) * step; y <= b; y += step) out.push(y);
  return out;
}

/** Years are labels, not quantities: no digit grouping ("2,015"). */
export function yearLabel(year: number): string {
  return String(year);
}

/**
 * Rules as one path per stroke: a chart's gridlines or tick marks are one element each, not one per tick (a page has
 * hundreds of ticks, and every element costs parsing and layout).
 */
function rules(segments: { d: string; stroke: string }[]): string[] {
  const byStroke = new Map<string, string>();
  for (const s of segments) byStroke.set(s.stroke, (byStroke.get(s.stroke) ?? '') + s.d);
  return [...byStroke].map(([stroke, d]) => el('path', { d, fill: 'none', stroke }));
}

/** Horizontal gridlines with labels on the left; the zero line is darker because bars and lines stand on it. */
export function leftAxis(y: ScaleLinear<number, number>, x0: number, x1: number, locale: Locale): string {
  const ticks = y.ticks(tickCount(y.range()));
  return el(
    'g',
    { 'aria-hidden': 'true' },
    rules(ticks.map((t) => ({ d: `M${num(x0)},${num(y(t))}H${num(x1)}`, stroke: t === 0 ? MUTED : GRID }))),
    el('g', { fill: MUTED, 'text-anchor': 'end' }, ticks.map((t) => el('text', { x: x0 - 6, y: y(t), dy: '0.32em' }, text(locale.number(t))))),
  );
}

/**
 * Ticks along a horizontal value axis: about one per HORIZONTAL_SPACING, fewer when their labels would not stay
 * apart (wide numbers on a short axis), and only the first when even two do not fit.
 */
export function horizontalTicks(x: ScaleLinear<number, number>, locale: Locale): number[] {
  for (let count = tickCount(x.range(), HORIZONTAL_SPACING); count >= 1; count--) {
    const ticks = x.ticks(count);
    const widest = Math.max(0, ...ticks.map((t) => textWidth(locale.number(t))));
    const step = ticks.length > 1 ? Math.abs(x(ticks[1]!) - x(ticks[0]!)) : Infinity;
    if (step >= widest + 8) return ticks;
  }
  return x.ticks(1).slice(0, 1);
}

/** Vertical gridlines with labels above the plot, for horizontal bars (the top stays visible on long lists). */
export function topAxis(x: ScaleLinear<number, number>, y0: number, y1: number, locale: Locale): string {
  const ticks = horizontalTicks(x, locale);
  return el(
    'g',
    { 'aria-hidden': 'true' },
    rules(ticks.map((t) => ({ d: `M${num(x(t))},${num(y0)}V${num(y1)}`, stroke: t === 0 ? MUTED : GRID }))),
    el('g', { fill: MUTED, 'text-anchor': 'middle' }, ticks.map((t) => el('text', { x: x(t), y: y0 - 6 }, text(locale.number(t))))),
  );
}

/** Year labels under the plot with short ticks; ~48 px per label keeps four-digit years apart. */
export function yearAxis(x: ScaleLinear<number, number>, domain: [number, number], y: number): string {
  const [r0, r1] = x.range() as [number, number];
  const ticks = yearTicks(domain, Math.floor(Math.abs(r1 - r0) / 48) + 1);
  return el(
    'g',
    { 'aria-hidden': 'true' },
    rules(ticks.map((t) => ({ d: `M${num(x(t))},${num(y)}V${num(y + 4)}`, stroke: MUTED }))),
    el('g', { fill: MUTED, 'text-anchor': 'middle' }, ticks.map((t) => el('text', { x: x(t), y: y + 16 }, text(yearLabel(t))))),
  );
}

/** Category labels under bands; when they do not fit, every k-th is shown (the table has them all). */
export function bandAxis(x: ScaleBand<string>, labels: Map<string, string>, y: number): string {
  const widest = Math.max(0, ...[...labels.values()].map((l) => textWidth(l)));
  const every = Math.max(1, Math.ceil((widest + 8) / Math.max(1, x.step())));
  return el(
    'g',
    { 'aria-hidden': 'true' },
    x.domain().map((k, i) =>
      i % every === 0
        ? el('text', { x: (x(k) ?? 0) + x.bandwidth() / 2, y: y + 16, 'text-anchor': 'middle', fill: MUTED }, text(labels.get(k) ?? k))
        : null,
    ),
  );
}

/** "Unit: …" above the value axis, so that no number is read without its unit. */
export function unitLabel(x: number, y: number, unit: string, locale: Locale): string {
  return el('text', { x, y, fill: MUTED, 'aria-hidden': 'true' }, text(locale.t('chart.unit', { unit })));
}

/** A centred note in an empty plot, so an empty chart is never mistaken for a chart of zeros. */
export function emptyNote(cx: number, cy: number, locale: Locale): string {
  return el('text', { x: cx, y: cy, 'text-anchor': 'middle', fill: MUTED, 'font-style': 'italic' }, text(locale.t('chart.noData')));
}
