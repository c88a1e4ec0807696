/**
 * Stacked bars for breakdowns (sex × age, form of exploitation…): one bar per `key`, one part per `group`.
 *
 * What a stack shows when parts are censored: the solid stack is the sum of the REPORTED parts only, and its length
 * is that sum. Each censored part ("<5") follows the solid stack as a hatched box with a dashed outline in the part's
 * colour, as long as the part's upper bound (4 for "<5"). So the solid end is the least the total can be (less the
 * censored parts' lower bounds) and the end of the hatching the most. The total label states the reported sum and
 * the number of suppressed parts ("120 + 2 suppressed"); the table's total column is the reported sum.
 * A missing part is not drawn (and is an empty cell in the table); a bar with no reported or censored part is
 * labelled "No data". Parts are expected to be non-negative counts; a negative part is drawn with no length.
 */
import type { ScaleBand, ScaleLinear } from 'd3-scale';
import { el, text } from './svg.ts';
import { INK, MUTED } from './palette.ts';
import type { BarDatum, ChartOutput, DataTable, Locale, Size, Value } from './types.ts';
import { bandScale, tableCell, tickCount, valueKind, valueLabel, zeroBasedScale } from './scales.ts';
import { bandAxis, chartId, chartRoot, emptyNote, focusableMark, HORIZONTAL_SPACING, leftAxis, textWidth, topAxis, truncate, unitLabel } from './axis.ts';
import { categoricalLegend, hatchPattern, seriesStyle, type LegendItem } from './legend-categorical.ts';

export interface StackedBarChartOptions {
  /** Unique on the page; every id inside the SVG is derived from it. */
  id: string;
  /** The chart's accessible name, and the first sentence of its description. */
  title: string;
  /** Unit of the values, e.g. "Persons"; shown above the value axis. */
  unit: string;
  /** Drawing size in viewBox units. Default 640 wide; 360 high when vertical, as high as the rows need when horizontal. */
  size?: Size;
  /** 'horizontal' (default): one row per bar, parts from left to right; 'vertical': columns, parts from the bottom up. */
  orientation?: 'horizontal' | 'vertical';
  /** Order of the parts (their `group`), which is also their colour order; default: order of first appearance.
   * Groups not listed follow in order of appearance. */
  groups?: string[];
  /** Heading of the table's first column (default "Category"). */
  categoryLabel?: string;
}

interface Stack {
  key: string;
  label: string;
  /** The datum of each group, if the input has one. */
  parts: Map<string, BarDatum>;
}

interface Segment {
  datum: BarDatum;
  group: number;
  from: number;
  to: number;
  censored: boolean;
}

const ROW_STEP = 28;

export function stackedBarChart(data: BarDatum[], options: StackedBarChartOptions, locale: Locale): ChartOutput {
  const groups = groupOrder(data, options.groups);
  const stacks = stacksOf(data);
  const description = describe(stacks, groups, options, locale);
  const svg = draw(stacks, groups, options, description, locale);
  return { svg, description, table: tableOf(stacks, groups, options, locale) };
}

/** A datum without a group is the bar's only part; it is named "Value" in legend and table. */
function groupOf(d: BarDatum): string {
  return d.group ?? '';
}

function groupName(group: string, locale: Locale): string {
  return group === '' ? locale.t('chart.value') : group;
}

/** Table column key of a group: the group itself, or "value" for the unnamed one. */
function groupKey(group: string): string {
  return group === '' ? 'value' : group;
}

function groupOrder(data: BarDatum[], preferred: string[] = []): string[] {
  const out = [...new Set(preferred)];
  for (const d of data) if (!out.includes(groupOf(d))) out.push(groupOf(d));
  return out.filter((g) => data.some((d) => groupOf(d) === g));
}

/** Bars in order of first appearance; a repeated (key, group) keeps its first datum. */
function stacksOf(data: BarDatum[]): Stack[] {
  const byKey = new Map<string, Stack>();
  for (const d of data) {
    let s = byKey.get(d.key);
    if (!s) byKey.set(d.key, (s = { key: d.key, label: d.label, parts: new Map() }));
    if (!s.parts.has(groupOf(d))) s.parts.set(groupOf(d), d);
  }
  return [...byKey.values()];
}

/** Reported parts first, in group order; censored parts after them, each as long as its upper bound. */
function segmentsOf(stack: Stack, groups: string[]): Segment[] {
  const out: Segment[] = [];
  let end = 0;
  groups.forEach((g, i) => {
    const d = stack.parts.get(g);
    if (!d || valueKind(d) !== 'value') return;
    out.push({ datum: d, group: i, from: end, to: (end += Math.max(0, d.value!)), censored: false });
  });
  groups.forEach((g, i) => {
    const d = stack.parts.get(g);
    if (!d || valueKind(d) !== 'censored' || d.max === null) return;
    out.push({ datum: d, group: i, from: end, to: (end += d.max), censored: true });
  });
  return out;
}

/** The sum of reported parts, or null when no part is reported. */
function reportedTotal(stack: Stack): number | null {
  const known = [...stack.parts.values()].filter((d) => valueKind(d) === 'value');
  return known.length === 0 ? null : known.reduce((sum, d) => sum + d.value!, 0);
}

function suppressedCount(stack: Stack): number {
  return [...stack.parts.values()].filter((d) => valueKind(d) === 'censored').length;
}

function hasData(stack: Stack): boolean {
  return [...stack.parts.values()].some((d) => valueKind(d) !== 'missing');
}

/** Title and split, the largest reported total, how suppressed parts are drawn, bars with no data, and the unit. */
function describe(stacks: Stack[], groups: string[], options: StackedBarChartOptions, locale: Locale): string {
  const names = groups.map((g) => groupName(g, locale)).join(', ');
  const sentences = [locale.t('chart.stacked.description', { title: options.title, n: stacks.length, groups: names })];
  const totals = stacks.map((s) => ({ s, total: reportedTotal(s) })).filter((t): t is { s: Stack; total: number } => t.total !== null);
  if (totals.length > 0) {
    const top = totals.reduce((a, b) => (b.total > a.total ? b : a));
    sentences.push(locale.t('chart.stacked.largest', { label: top.s.label, total: locale.number(top.total) }));
  }
  const suppressed = stacks.reduce((n, s) => n + suppressedCount(s), 0);
  if (suppressed > 0) sentences.push(locale.t('chart.stacked.censoredNote', { n: suppressed }));
  const empty = stacks.filter((s) => !hasData(s));
  if (empty.length > 0) sentences.push(locale.t('chart.bar.noDataList', { items: empty.map((s) => s.label).join(', ') }));
  sentences.push(`${locale.t('chart.unit', { unit: options.unit })}.`);
  return sentences.join(' ');
}

/** One row per bar: each part's value (or "suppressed (<5)", or null), then the reported total. */
function tableOf(stacks: Stack[], groups: string[], options: StackedBarChartOptions, locale: Locale): DataTable {
  return {
    columns: [
      { key: 'label', label: options.categoryLabel ?? locale.t('chart.category') },
      ...groups.map((g) => ({ key: groupKey(g), label: groupName(g, locale), numeric: true })),
      { key: 'total', label: locale.t('chart.stacked.total'), numeric: true },
    ],
    rows: stacks.map((s) => {
      const row: Record<string, string | number | null> = { label: s.label };
      for (const g of groups) {
        const d = s.parts.get(g);
        row[groupKey(g)] = d ? tableCell(d, locale) : null;
      }
      row['total'] = reportedTotal(s);
      return row;
    }),
  };
}

function totalText(stack: Stack, locale: Locale): string {
  const total = locale.number(reportedTotal(stack) ?? 0);
  const n = suppressedCount(stack);
  return n === 0 ? total : locale.t('chart.stacked.totalWithSuppressed', { total, n });
}

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

function partMark(seg: Segment, stack: Stack, g: Geometry, groups: string[], options: StackedBarChartOptions, locale: Locale): string {
  const group = groups[seg.group]!;
  const color = seriesStyle(seg.group).color;
  const label = locale.t('chart.markLabel', {
    label: locale.t('chart.stacked.partKey', { label: stack.label, group: groupName(group, locale) }),
    value: valueLabel(seg.datum, locale),
  });
  const r = box(g, stack.key, seg.from, seg.to);
  const paint = seg.censored
    ? { fill: `url(#${chartId(options.id, `hatch-${seg.group}`)})`, stroke: color, 'stroke-dasharray': '3 2' }
    : { fill: color, stroke: '#fff', 'stroke-width': 0.5 };
  return focusableMark('rect', { ...r, ...paint }, `${stack.key}|${group}`, label);
}

/** The reported total after the bar's end (hatching included), or "No data" at the baseline. */
function endLabel(stack: Stack, end: number, g: Geometry, locale: Locale): string {
  const mid = (g.band(stack.key) ?? 0) + g.band.bandwidth() / 2;
  const p = g.value(end);
  if (!hasData(stack)) {
    const note = el(
      'text',
      g.horizontal ? { x: p + 4, y: mid, dy: '0.32em', fill: MUTED, 'font-style': 'italic' } : { x: mid, y: p - 6, 'text-anchor': 'middle', fill: MUTED, 'font-style': 'italic', 'font-size': 11 },
      text(locale.t('chart.noData')),
    );
    return focusableMark('g', {}, stack.key, locale.t('chart.markLabel', { label: stack.label, value: locale.t('chart.noData') }), note);
  }
  const attrs = g.horizontal ? { x: p + 4, y: mid, dy: '0.32em' } : { x: mid, y: p - 4, 'text-anchor': 'middle', 'font-size': 11 };
  return el('text', { ...attrs, fill: INK, 'aria-hidden': 'true' }, text(totalText(stack, locale)));
}

function legendFor(stacks: Stack[], groups: string[], options: StackedBarChartOptions, locale: Locale, width: number) {
  const items: LegendItem[] = groups.map((g, i) => ({ label: groupName(g, locale), symbol: { kind: 'swatch', color: seriesStyle(i).color } }));
  if (stacks.some((s) => suppressedCount(s) > 0)) {
    items.push({ label: locale.t('chart.censoredLegend'), symbol: { kind: 'hatch', color: MUTED, patternId: chartId(options.id, 'hatch-legend') } });
  }
  return categoricalLegend(items, 4, 0, width - 8);
}

function patterns(groups: string[], options: StackedBarChartOptions): string {
  return el(
    'defs',
    {},
    groups.map((_, i) => hatchPattern(chartId(options.id, `hatch-${i}`), seriesStyle(i).color)),
    hatchPattern(chartId(options.id, 'hatch-legend'), MUTED),
  );
}

function draw(stacks: Stack[], groups: string[], options: StackedBarChartOptions, description: string, locale: Locale): string {
  const horizontal = (options.orientation ?? 'horizontal') === 'horizontal';
  const width = options.size?.width ?? 640;
  const legend = legendFor(stacks, groups, options, locale, width);
  const segments = new Map(stacks.map((s) => [s.key, segmentsOf(s, groups)]));
  const ends = stacks.map((s) => segments.get(s.key)!.at(-1)?.to ?? 0);
  const maxEnd = Math.max(0, ...ends);
  const layout = (horizontal ? horizontalLayout : verticalLayout)(stacks, maxEnd, legend.height, width, options, locale);
  const g = layout.geometry;
  return chartRoot(
    { id: options.id, title: options.title, description, size: layout.size },
    patterns(groups, options),
    unitLabel(4, 14, options.unit, locale),
    el('g', { transform: 'translate(0,20)' }, legend.svg),
    layout.axes,
    stacks.map((s, i) => [segments.get(s.key)!.map((seg) => partMark(seg, s, g, groups, options, locale)), endLabel(s, ends[i]!, g, locale)]),
    stacks.length === 0 ? emptyNote(layout.size.width / 2, layout.size.height / 2, locale) : null,
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

function horizontalLayout(stacks: Stack[], maxEnd: number, legendHeight: number, width: number, options: StackedBarChartOptions, locale: Locale): Layout {
  const top = 20 + legendHeight + 24;
  const rows = Math.max(1, stacks.length) * ROW_STEP;
  const labelWidth = Math.min(width * 0.3, Math.max(0, ...stacks.map((s) => textWidth(s.label))));
  const left = Math.ceil(labelWidth) + 16;
  const endWidth = Math.max(textWidth(locale.t('chart.noData')), ...stacks.map((s) => textWidth(totalText(s, locale))));
  const value = zeroBasedScale([asValue(maxEnd)], [left, width - endWidth - 10], HORIZONTAL_SPACING);
  const band = bandScale(
    stacks.map((s) => s.key),
    [top, top + rows],
    0.3,
  );
  const names = stacks.map((s) =>
    el('text', { x: left - 8, y: (band(s.key) ?? 0) + band.bandwidth() / 2, dy: '0.32em', 'text-anchor': 'end', 'aria-hidden': 'true' }, text(truncate(s.label, labelWidth))),
  );
  const size = options.size ?? { width, height: top + rows + 8 };
  return { geometry: { band, value, horizontal: true }, size, axes: topAxis(value, top, top + rows, locale) + names.join('') };
}

function verticalLayout(stacks: Stack[], maxEnd: number, legendHeight: number, width: number, options: StackedBarChartOptions, locale: Locale): Layout {
  const size = options.size ?? { width, height: 360 };
  const top = 20 + legendHeight + 20;
  const bottom = size.height - 28;
  const value = zeroBasedScale([asValue(maxEnd)], [bottom, top]);
  const left = Math.ceil(Math.max(...value.ticks(tickCount(value.range())).map((t) => textWidth(locale.number(t))))) + 10;
  const band = bandScale(
    stacks.map((s) => s.key),
    [left, size.width - 8],
    0.3,
  );
  const labels = new Map(stacks.map((s) => [s.key, s.label]));
  return { geometry: { band, value, horizontal: false }, size, axes: leftAxis(value, left, size.width - 8, locale) + bandAxis(band, labels, bottom) };
}
