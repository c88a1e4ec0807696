/**
 * Coverage of a dataset or an indicator: how many countries have data in each year, one column per year. What is
 * drawn for each year:
 * - countries with at least one reported value: a solid column from 0;
 * - countries whose every value that year is censored ("<5"): a hatched segment on top, because they have data, but
 *   only a range, and a reader adding up a column would otherwise miss that they hold no number;
 * - a year no country covers: no column, the words "None" on the baseline, and 0 in the table (a count of countries
 *   is a true zero; the values of that year are missing, never 0).
 * Years a source covers only in part are labelled "2021 partial" above their column, since fewer countries there is
 * a reporting lag, not a fall in coverage.
 */
import { scaleLinear, type ScaleBand, type ScaleLinear } from 'd3-scale';
import { el, text } from './svg.ts';
import { MUTED } from './palette.ts';
import type { ChartOutput, DataTable, LayoutName, Locale, PartialPeriod, Size } from './types.ts';
import { bandScale, tickCount, yearsIn } from './scales.ts';
import { chartId, chartRoot, emptyNote, focusableMark, leftAxis, textWidth, unitLabel, yearLabel, yearTicks } from './axis.ts';
import { allLayouts } from './layout.ts';
import { categoricalLegend, hatchPattern, type LegendItem } from './legend-categorical.ts';
import { BAR_COLOR } from './bar-common.ts';
import { noteCell, noteColumn, PARTIAL_OPACITY, partialLabelRow, partialNotes, partialSentences } from './partial-periods.ts';
import { yearRanges } from './line-chart.ts';

/** One year of coverage, as the release counts it. */
export interface CoverageYear {
  year: number;
  /** Countries with at least one value or censored value in the year. */
  countries: number;
  /** Of those, the countries whose values in the year are all censored (no exact number). */
  censoredOnly: number;
}

export interface CoverageChartOptions {
  /** Unique on the page; every id inside the SVG is derived from it. */
  id: string;
  /** The chart's accessible name, and the first sentence of its description. */
  title: string;
  /** Years on the x axis, inclusive; a year inside without an entry is a year no country covers. */
  yearDomain: [number, number];
  partial?: PartialPeriod[];
}

/** A small chart: wide 560 × 200 (full 880 × 314); narrow 320 × 220, its legend below. */
const WIDE_SMALL: Size = { width: 560, height: 200 };
const NARROW_HEIGHT = 220;
const MARGIN_TOP = 24;
const PARTIAL_ROW = 14;
/** Widest column step, in viewBox units. */
const MAX_COLUMN = 48;

interface View {
  years: CoverageYear[];
  partial: ReadonlyMap<number, string>;
  options: CoverageChartOptions;
  description: string;
}

/** Pure: the same years, options and locale always give the same SVGs, text and table. */
export function coverageChart(data: CoverageYear[], options: CoverageChartOptions, locale: Locale): ChartOutput {
  const byYear = new Map(data.map((d) => [d.year, d]));
  // Every year of the domain, so that a year no country covers is a visible gap with a 0 in the table.
  const years = yearsIn(options.yearDomain).map((year) => byYear.get(year) ?? { year, countries: 0, censoredOnly: 0 });
  const partial = partialNotes(options.partial, years.map((y) => y.year));
  const description = describe(years, partial, options, locale);
  const view: View = { years, partial, options, description };
  const layouts = allLayouts(options.id, WIDE_SMALL, (id, size, name) => draw(view, id, sizeFor(size, name), locale));
  return { ...layouts, description, table: { ...tableOf(years, partial, locale), derived: locale.t('coverage.derived') } };
}

function sizeFor(size: Size, name: LayoutName): Size {
  return name === 'narrow' ? { width: size.width, height: NARROW_HEIGHT } : size;
}

function describe(years: CoverageYear[], partial: ReadonlyMap<number, string>, options: CoverageChartOptions, locale: Locale): string {
  const covered = years.filter((y) => y.countries > 0);
  const from = yearLabel(options.yearDomain[0]);
  const to = yearLabel(options.yearDomain[1]);
  if (covered.length === 0) return locale.t('chart.coverage.empty', { title: options.title, from, to });
  // Ties go to the earliest year: the sentence names one year, the table has them all.
  const most = covered.reduce((a, b) => (b.countries > a.countries ? b : a));
  const fewest = covered.reduce((a, b) => (b.countries < a.countries ? b : a));
  const sentences = [
    locale.t('chart.coverage.description', { title: options.title, from, to, most: locale.number(most.countries), mostYear: yearLabel(most.year), fewest: locale.number(fewest.countries), fewestYear: yearLabel(fewest.year) }),
  ];
  const none = years.filter((y) => y.countries === 0).map((y) => y.year);
  if (none.length > 0) sentences.push(locale.t('chart.coverage.noneYears', { n: none.length, years: yearRanges(none) }));
  const censored = years.filter((y) => y.censoredOnly > 0).map((y) => y.year);
  if (censored.length > 0) sentences.push(locale.t('chart.coverage.censoredYears', { n: censored.length, years: yearRanges(censored) }));
  sentences.push(...partialSentences(partial, locale));
  return sentences.join(' ');
}

function tableOf(years: CoverageYear[], partial: ReadonlyMap<number, string>, locale: Locale): DataTable {
  return {
    columns: [
      { key: 'year', label: locale.t('chart.year') },
      { key: 'countries', label: locale.t('chart.coverage.countries'), numeric: true },
      { key: 'censoredOnly', label: locale.t('chart.coverage.censoredOnly'), numeric: true },
      ...noteColumn(partial, locale),
    ],
    rows: years.map((y) => ({ year: yearLabel(y.year), countries: y.countries, censoredOnly: y.censoredOnly, ...noteCell(partial, y.year) })),
  };
}

interface Plot {
  x: ScaleBand<string>;
  y: ScaleLinear<number, number>;
  patternId: string;
}

/** "2010: 120 countries, 3 of them with censored values only". */
function markLabel(d: CoverageYear, partial: ReadonlyMap<number, string>, locale: Locale): string {
  const base =
    d.censoredOnly > 0
      ? locale.t('chart.coverage.markCensored', { year: yearLabel(d.year), n: locale.number(d.countries), censored: locale.number(d.censoredOnly) })
      : locale.t('chart.coverage.mark', { year: yearLabel(d.year), n: locale.number(d.countries) });
  const note = partial.get(d.year);
  return note === undefined ? base : locale.t('chart.partial.mark', { label: base, note });
}

function column(d: CoverageYear, p: Plot, partial: ReadonlyMap<number, string>, locale: Locale): string {
  const key = String(d.year);
  const bx = p.x(key) ?? 0;
  const w = p.x.bandwidth();
  const label = markLabel(d, partial, locale);
  if (d.countries === 0) {
    const words = locale.t('chart.coverage.none');
    const cx = bx + w / 2;
    const base = p.y(0) - 6;
    // Across the band when it fits, else reading upwards from the baseline.
    const note = textWidth(words) <= w
      ? el('text', { x: cx, y: base, 'text-anchor': 'middle', fill: MUTED, 'font-style': 'italic' }, text(words))
      : el('text', { x: cx, y: base, dy: '0.32em', transform: `rotate(-90 ${cx} ${base})`, fill: MUTED, 'font-style': 'italic' }, text(words));
    return focusableMark('g', {}, key, label, note);
  }
  const exact = d.countries - d.censoredOnly;
  const [y0, y1, y2] = [p.y(0), p.y(exact), p.y(d.countries)];
  // A partial year is lighter with a solid outline, as in the bar chart: its count is not comparable with the others.
  const paint = partial.has(d.year) ? { 'fill-opacity': PARTIAL_OPACITY, stroke: BAR_COLOR, 'stroke-width': 1.5 } : {};
  return focusableMark(
    'g',
    {},
    key,
    label,
    exact > 0 ? el('rect', { x: bx, y: y1, width: w, height: y0 - y1, fill: BAR_COLOR, ...paint }) : null,
    d.censoredOnly > 0 ? el('rect', { x: bx, y: y2, width: w, height: y1 - y2, fill: `url(#${p.patternId})`, stroke: BAR_COLOR, 'stroke-dasharray': '3 2' }) : null,
  );
}

/** Year labels under the columns: round years only, as many as fit. */
function yearLabels(x: ScaleBand<string>, domain: [number, number], y: number): string {
  const [r0, r1] = x.range();
  const ticks = yearTicks(domain, Math.floor(Math.abs(r1 - r0) / 48) + 1);
  return el(
    'g',
    { 'aria-hidden': 'true', fill: MUTED, 'text-anchor': 'middle' },
    ticks.map((t) => el('text', { x: (x(String(t)) ?? 0) + x.bandwidth() / 2, y: y + 16 }, text(yearLabel(t)))),
  );
}

function draw(view: View, id: string, size: Size, locale: Locale): string {
  const { years, partial, options } = view;
  const patternId = chartId(id, 'censored');
  const anyCensored = years.some((y) => y.censoredOnly > 0);
  const items: LegendItem[] = anyCensored
    ? [
        { label: locale.t('chart.coverage.legendExact'), symbol: { kind: 'swatch', color: BAR_COLOR } },
        { label: locale.t('chart.coverage.legendCensored'), symbol: { kind: 'hatch', color: BAR_COLOR, patternId } },
      ]
    : [];
  const legend = categoricalLegend(items, 8, 0, size.width - 16);
  const height = size.height + legend.height;
  const top = MARGIN_TOP + (partial.size > 0 ? PARTIAL_ROW : 0);
  const bottom = height - 28 - legend.height;
  const max = Math.max(1, ...years.map((y) => y.countries));
  const range: [number, number] = [bottom, top];
  // Whole countries only: a tick of 2.5 countries means nothing.
  const y = scaleLinear().domain([0, max]).range(range).nice(Math.min(max, tickCount(range)));
  const left = Math.ceil(Math.max(...y.ticks(Math.min(max, tickCount(range))).map((t) => textWidth(locale.number(t))))) + 10;
  // A column is at most MAX_COLUMN wide, so that one or two years do not fill the plot with a slab.
  const right = Math.min(size.width - 8, left + years.length * MAX_COLUMN);
  const x = bandScale(years.map((d) => String(d.year)), [left, right], 0.15);
  const spans = years.flatMap((d) => {
    const bx = x(String(d.year)) ?? 0;
    return partial.has(d.year) ? [{ year: d.year, span: [bx, bx + x.bandwidth()] as [number, number], centre: bx + x.bandwidth() / 2 }] : [];
  });
  const hasData = years.some((d) => d.countries > 0);
  return chartRoot(
    { id, title: options.title, description: view.description, size: { width: size.width, height } },
    anyCensored ? el('defs', {}, hatchPattern(patternId, BAR_COLOR)) : null,
    unitLabel(4, 14, locale.t('chart.coverage.unit'), locale),
    leftAxis(integerTicks(y), left, right, locale),
    partialLabelRow(spans, left, right, top - 6, locale),
    hasData ? el('g', {}, years.map((d) => column(d, { x, y, patternId }, partial, locale))) : emptyNote((left + right) / 2, (top + bottom) / 2, locale),
    el('line', { x1: left, x2: right, y1: y(0), y2: y(0), stroke: MUTED, 'aria-hidden': 'true' }),
    yearLabels(x, options.yearDomain, bottom),
    legend.svg ? el('g', { transform: `translate(0,${bottom + 28})` }, legend.svg) : null,
  );
}

/**
 * The scale with its ticks cut to whole numbers: leftAxis asks the scale for its ticks by the plot's height, which on
 * a domain of 0–2 countries would label 0.5.
 */
function integerTicks(y: ScaleLinear<number, number>): ScaleLinear<number, number> {
  const whole = y.copy();
  const ticks = y.ticks.bind(y);
  whole.ticks = (count?: number) => ticks(count).filter((t) => Number.isInteger(t));
  return whole;
}
