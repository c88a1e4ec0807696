/**
 * The chart that fits one breakdown of one place over the years. Pure: rows of ONE dimension (or the sex or age parts
 * of the totals) in, one chart per unit out. How the parts are drawn depends on what they are:
 * - counts whose categories exclude each other (medicine classes, places of seizure, sex): stacked bars, so the
 *   stack is the sum of the parts reported;
 * - parts that overlap (forms of exploitation of one victim, transit countries of one seizure) or values that do not
 *   add (rates, percentages): one line per category, never stacked.
 * Parts in different units (CITES quantities in kg, g, specimens…) get one chart each.
 */
import { lineChart } from '../charts/line-chart.ts';
import { stackedBarChart } from '../charts/stacked-bar-chart.ts';
import type { ChartOutput, Locale, PartialPeriod } from '../charts/types.ts';
import { toPartSeries, toStackTotals, toStacks, type Row } from './shape.ts';
import { breaksBySeries } from '../lib/series-breaks.ts';

/** Units whose values cannot be added (rates, shares): their parts are compared, never stacked. */
export function isAdditiveUnit(unit: string): boolean {
  return !/^(percent|per |share|rate)/i.test(unit.trim());
}

export interface PartsChartOptions {
  /** Chart id; a second unit's chart gets `-<n>` appended. */
  id: string;
  title: string;
  /** True when each counted thing is in at most one category (DimensionDef.exclusive; sex and age are). */
  exclusive: boolean;
  /** Display label of a category (e.g. a geo code's name). */
  partLabel?: (part: string) => string;
  yearDomain: [number, number];
  /** At most this many categories are drawn (the largest over the period); the rest are named in the note. */
  maxParts?: number;
  categoryLabel: string;
  /** The place's own totals by year (series rows, with unit): drawn beside stacked parts, never added to them. */
  totals?: Row[];
  /** Years the source covers only in part. */
  partial?: PartialPeriod[];
}

export interface PartsChart {
  unit: string;
  form: 'stacked' | 'lines';
  chart: ChartOutput;
  /** Categories drawn and categories in the data, when not all could be drawn. */
  shown: number;
  total: number;
}

/** As many as the colour-blind-safe palette has colours, so no two parts share one. */
const DEFAULT_MAX_PARTS = 8;

/** Sum of a category's exact values over the years: the order in which categories are kept when there are too many. */
function largest(rows: Row[], max: number): Set<string> {
  const sums = new Map<string, number>();
  for (const r of rows) {
    const part = String(r['part']);
    const v = r['value'] === null || r['value'] === undefined ? 0 : Number(r['value']);
    sums.set(part, (sums.get(part) ?? 0) + v);
  }
  const ranked = [...sums].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return new Set(ranked.slice(0, max).map(([p]) => p));
}

export function partsCharts(rows: Row[], options: PartsChartOptions, locale: Locale): PartsChart[] {
  const units = [...new Set(rows.map((r) => String(r['unit'])))];
  const label = options.partLabel ?? ((p: string) => p);
  return units.map((unit, i) => {
    const ofUnit = rows.filter((r) => String(r['unit']) === unit);
    const parts = new Set(ofUnit.map((r) => String(r['part'])));
    const kept = largest(ofUnit, options.maxParts ?? DEFAULT_MAX_PARTS);
    const drawn = ofUnit.filter((r) => kept.has(String(r['part'])));
    const id = i === 0 ? options.id : `${options.id}-${i + 1}`;
    const title = units.length > 1 ? `${options.title} (${unit})` : options.title;
    const stacked = options.exclusive && isAdditiveUnit(unit);
    const partial = options.partial ?? [];
    // The indicator's totals are in its one unit; where parts come in several units there is no total to draw.
    const totals = units.length === 1 ? toStackTotals(options.totals ?? []) : [];
    const lines = stacked ? [] : toPartSeries(drawn, label);
    // Where a part's series breaks (a change of note or source, an order-of-magnitude jump), from the rows' notes.
    const chart = stacked
      ? stackedBarChart(toStacks(drawn, label), { id, title, unit, orientation: 'vertical', categoryLabel: options.categoryLabel, totals, partial }, locale)
      : lineChart(lines, { id, title, unit, yearDomain: options.yearDomain, partial, breaks: breaksBySeries(lines) }, locale);
    return { unit, form: stacked ? 'stacked' : 'lines', chart, shown: kept.size, total: parts.size };
  });
}
