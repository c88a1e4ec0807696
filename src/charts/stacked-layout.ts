/**
 * Drawing one layout of a stacked bar chart: rows (horizontal) or columns (vertical), the parts, the label at each
 * bar's end, the publisher's total as a tick, and the labels of partial periods. An end label is drawn only where it
 * fits its band, so labels never overlap or leave the drawing; what does not fit is in the mark's label and the table.
 */
import type { ScaleBand, ScaleLinear } from 'd3-scale';
import { el, text } from './svg.ts';
import { INK, MUTED } from './palette.ts';
import type { Locale, Size, Value } from './types.ts';
import { bandScale, tickCount, valueLabel, zeroBasedScale } from './scales.ts';
import { bandAxis, chartId, chartRoot, emptyNote, focusableMark, FONT_SIZE, HORIZONTAL_SPACING, leftAxis, textWidth, topAxis, truncate, unitLabel } from './axis.ts';
import { categoricalLegend, hatchPattern, seriesStyle, type LegendItem } from './legend-categorical.ts';
import { PARTIAL_OPACITY, partialLabel, partialLabelRow, partialMarkLabel } from './partial-periods.ts';
import { groupName, hasData, publishedEnd, reportedTotal, segmentsOf, suppressedCount, type Segment, type Stack } from './stacks.ts';

/** What both layouts draw. */
export interface StackedView {
  stacks: Stack[];
  groups: string[];
  partial: ReadonlyMap<number, string>;
  title: string;
  unit: string;
  description: string;
}

const ROW_STEP = 28;
/** Room above the plot for the "2024 partial" labels of columns. */
const PARTIAL_ROW = 14;

/** Band and value scales with the orientation folded in: `box` turns a [from, to] span into a rectangle. */
interface Geometry {
  band: ScaleBand<string>;
  value: ScaleLinear<number, number>;
  horizontal: boolean;
}

function box(g: Geometry, key: string, from: number, to: number) {
  const b = g.band(key) ?? 0;
  const [a, z] = [g.value(from), g.value(to)];
  return g.horizontal
    ? { x: a, y: b, width: Math.max(0, z - a), height: g.band.bandwidth() }
    : { x: b, y: z, width: g.band.bandwidth(), height: Math.max(0, a - z) };
}

function noteOf(stack: Stack, partial: ReadonlyMap<number, string>): string | undefined {
  return stack.year === undefined ? undefined : partial.get(stack.year);
}

/** "120 + 2 suppressed": the reported sum and how many parts are suppressed. */
export function totalText(stack: Stack, locale: Locale): string {
  const total = locale.number(reportedTotal(stack) ?? 0);
  const n = suppressedCount(stack);
  return n === 0 ? total : locale.t('chart.stacked.totalWithSuppressed', { total, n });
}

/** The end labels to try, longest first: the full text, then the number alone (the hatching shows what is suppressed). */
function endTexts(stack: Stack, locale: Locale): string[] {
  const full = totalText(stack, locale);
  const short = locale.number(reportedTotal(stack) ?? 0);
  return full === short ? [full] : [full, short];
}

function partMark(seg: Segment, stack: Stack, g: Geometry, view: StackedView, id: string, locale: Locale): string {
  const group = view.groups[seg.group]!;
  const color = seriesStyle(seg.group).color;
  const note = noteOf(stack, view.partial);
  const label = locale.t('chart.markLabel', {
    label: locale.t('chart.stacked.partKey', { label: stack.label, group: groupName(group, locale) }),
    value: valueLabel(seg.datum, locale),
  });
  const r = box(g, stack.key, seg.from, seg.to);
  const paint = seg.censored
    ? { fill: `url(#${chartId(id, `hatch-${seg.group}`)})`, stroke: color, 'stroke-dasharray': '3 2' }
    : { fill: color, 'fill-opacity': note === undefined ? null : PARTIAL_OPACITY, stroke: '#fff', 'stroke-width': 0.5 };
  return focusableMark('rect', { ...r, ...paint }, `${stack.key}|${group}`, partialMarkLabel(label, note, locale));
}

/** The publisher's total: a dark tick across the band, reachable by keyboard, so that parts ≠ total is visible. */
function totalTick(stack: Stack, g: Geometry, locale: Locale): string {
  const end = publishedEnd(stack);
  if (end === null || !stack.total) return '';
  const b = g.band(stack.key) ?? 0;
  const p = g.value(end);
  const [a, z] = [b - 3, b + g.band.bandwidth() + 3];
  const line = g.horizontal ? { x1: p, x2: p, y1: a, y2: z } : { x1: a, x2: z, y1: p, y2: p };
  const label = locale.t('chart.markLabel', { label: locale.t('chart.stacked.publishedKey', { label: stack.label }), value: valueLabel(stack.total, locale) });
  return focusableMark('line', { ...line, stroke: INK, 'stroke-width': 2.5 }, `${stack.key}|total`, label);
}

/** The reported total after the bar's end (hatching and published total included), or "No data" at the baseline. */
function endLabel(stack: Stack, end: number, g: Geometry, locale: Locale): string {
  const mid = (g.band(stack.key) ?? 0) + g.band.bandwidth() / 2;
  const p = g.value(end);
  // A column's label must fit its band; a row's always fits, since the value axis ends before the longest one.
  const room = g.horizontal ? Infinity : g.band.step() - 2;
  if (!hasData(stack)) {
    const words = locale.t('chart.noData');
    const upright = textWidth(words) > room;
    const attrs = g.horizontal
      ? { x: p + 4, y: mid, dy: '0.32em' }
      : upright
        ? { x: mid, y: p - 6, dy: '0.32em', transform: `rotate(-90 ${mid} ${p - 6})` }
        : { x: mid, y: p - 6, 'text-anchor': 'middle' };
    const note = el('text', { ...attrs, fill: MUTED, 'font-style': 'italic' }, text(words));
    return focusableMark('g', {}, stack.key, locale.t('chart.markLabel', { label: stack.label, value: words }), note);
  }
  const words = endTexts(stack, locale).find((s) => textWidth(s) <= room);
  if (words === undefined) return '';
  const attrs = g.horizontal ? { x: p + 4, y: mid, dy: '0.32em' } : { x: mid, y: p - 4, 'text-anchor': 'middle' };
  return el('text', { ...attrs, fill: INK, 'aria-hidden': 'true' }, text(words));
}

function legendFor(view: StackedView, id: string, width: number, locale: Locale) {
  const items: LegendItem[] = view.groups.map((g, i) => ({ label: groupName(g, locale), symbol: { kind: 'swatch', color: seriesStyle(i).color } }));
  if (view.stacks.some((s) => suppressedCount(s) > 0)) {
    items.push({ label: locale.t('chart.censoredLegend'), symbol: { kind: 'hatch', color: MUTED, patternId: chartId(id, 'hatch-legend') } });
  }
  if (view.stacks.some((s) => publishedEnd(s) !== null)) items.push({ label: locale.t('chart.stacked.published'), symbol: { kind: 'tick', color: INK } });
  return categoricalLegend(items, 4, 0, width - 8);
}

function patterns(view: StackedView, id: string): string {
  return el(
    'defs',
    {},
    view.groups.map((_, i) => hatchPattern(chartId(id, `hatch-${i}`), seriesStyle(i).color)),
    hatchPattern(chartId(id, 'hatch-legend'), MUTED),
  );
}

/** One layout: rows when `horizontal`, else columns. */
export function drawStacked(view: StackedView, id: string, base: Size, horizontal: boolean, fixedHeight: boolean, locale: Locale): string {
  const legend = legendFor(view, id, base.width, locale);
  const segments = new Map(view.stacks.map((s) => [s.key, segmentsOf(s, view.groups)]));
  const barEnds = view.stacks.map((s) => segments.get(s.key)!.at(-1)?.to ?? 0);
  // Labels follow the bar or the published total, whichever reaches further.
  const ends = view.stacks.map((s, i) => Math.max(barEnds[i]!, publishedEnd(s) ?? 0));
  const maxEnd = Math.max(0, ...ends);
  const layout = (horizontal ? rows : columns)(view, maxEnd, legend.height, base, fixedHeight, locale);
  const g = layout.geometry;
  return chartRoot(
    { id, title: view.title, description: view.description, size: layout.size },
    patterns(view, id),
    unitLabel(4, 14, view.unit, locale),
    el('g', { transform: 'translate(0,20)' }, legend.svg),
    layout.axes,
    view.stacks.map((s, i) => [
      segments.get(s.key)!.map((seg) => partMark(seg, s, g, view, id, locale)),
      totalTick(s, g, locale),
      endLabel(s, ends[i]!, g, locale),
    ]),
    view.stacks.length === 0 ? emptyNote(layout.size.width / 2, layout.size.height / 2, locale) : null,
  );
}

/** The stack's far end as a plain value, for the shared zero-based scale. */
function asValue(n: number): Value {
  return { value: n, censored: null, min: null, max: null };
}

interface Layout {
  geometry: Geometry;
  size: Size;
  axes: string;
}

/** A row's name: short, or "2024 partial" for a partial period, so the mark is named on the drawing. */
function rowName(s: Stack, view: StackedView, locale: Locale): string {
  return noteOf(s, view.partial) !== undefined ? partialLabel(s.year!, locale) : s.short;
}

function rows(view: StackedView, maxEnd: number, legendHeight: number, base: Size, fixedHeight: boolean, locale: Locale): Layout {
  const { stacks } = view;
  const width = base.width;
  const top = 20 + legendHeight + 24;
  const rowsHeight = Math.max(1, stacks.length) * ROW_STEP;
  const labelWidth = Math.min(width * 0.3, Math.max(0, ...stacks.map((s) => textWidth(rowName(s, view, locale)))));
  const left = Math.ceil(labelWidth) + 16;
  const endWidth = Math.max(textWidth(locale.t('chart.noData')), ...stacks.map((s) => textWidth(totalText(s, locale))));
  const value = zeroBasedScale([asValue(maxEnd)], [left, width - endWidth - 10], HORIZONTAL_SPACING);
  const band = bandScale(
    stacks.map((s) => s.key),
    [top, top + rowsHeight],
    0.3,
  );
  const names = stacks.map((s) =>
    el(
      'text',
      { x: left - 8, y: (band(s.key) ?? 0) + band.bandwidth() / 2, dy: '0.32em', 'text-anchor': 'end', 'aria-hidden': 'true' },
      text(truncate(rowName(s, view, locale), labelWidth)),
    ),
  );
  const size = fixedHeight ? base : { width, height: top + rowsHeight + 8 };
  return { geometry: { band, value, horizontal: true }, size, axes: topAxis(value, top, top + rowsHeight, locale) + names.join('') };
}

function columns(view: StackedView, maxEnd: number, legendHeight: number, size: Size, _fixedHeight: boolean, locale: Locale): Layout {
  const { stacks } = view;
  const top = 20 + legendHeight + 20 + (view.partial.size > 0 ? PARTIAL_ROW : 0);
  const bottom = size.height - 28;
  // A line of room over the tallest column for its end label.
  const value = zeroBasedScale([asValue(maxEnd)], [bottom, top + FONT_SIZE + 4]);
  const left = Math.ceil(Math.max(...value.ticks(tickCount(value.range())).map((t) => textWidth(locale.number(t))))) + 10;
  const band = bandScale(
    stacks.map((s) => s.key),
    [left, size.width - 8],
    0.3,
  );
  const labels = new Map(stacks.map((s) => [s.key, s.short]));
  const spans = stacks.flatMap((s) => {
    const b = band(s.key) ?? 0;
    return noteOf(s, view.partial) !== undefined ? [{ year: s.year!, span: [b, b + band.bandwidth()] as [number, number], centre: b + band.bandwidth() / 2 }] : [];
  });
  const axes = leftAxis(value, left, size.width - 8, locale) + bandAxis(band, labels, bottom) + partialLabelRow(spans, left, size.width - 8, top - 6, locale);
  return { geometry: { band, value, horizontal: false }, size, axes };
}
