/**
 * Stacked bars for breakdowns (sex × age, form of exploitation…): one bar per `key`, one part per `group`. The parts
 * of one chart must be of one breakdown: the bar's length and its "Total reported" are their sum, nothing else.
 *
 * What a stack shows when parts are censored: the solid stack is the sum of the REPORTED parts only, and its length
 * is that sum. Each censored part ("<5") follows the solid stack as a hatched box with a dashed outline in the part's
 * colour, as long as the part's upper bound (4 for "<5"). So the solid end is the least the total can be (less the
 * censored parts' lower bounds) and the end of the hatching the most. The total label states the reported sum and
 * the number of suppressed parts ("120 + 2 suppressed"); the table's total column is the reported sum, citing
 * the rows of the parts it adds (stacks.ts reportedTotalRef).
 * A missing part is not drawn (and is an empty cell in the table); a bar with no reported or censored part is
 * labelled "No data". Parts are expected to be non-negative counts; a negative part is drawn with no length.
 * A publisher's own total (`totals`) is drawn as a dark tick across the bar and listed in its own column, so a
 * reader sees where the parts do not add up to it. A partial period (`partial`) is drawn lighter and labelled.
 * The wide layout is oriented as asked; the narrow one always has rows, where the end labels have room (layout.ts).
 */
import type { BarDatum, ChartOutput, DataTable, Locale, PartialPeriod, Size } from './types.ts';
import { tableCell } from './scales.ts';
import { rowRefs, tableRefs } from './table-refs.ts';
import { allLayouts, WIDE } from './layout.ts';
import { noteCell, noteColumn, partialNotes, partialSentences } from './partial-periods.ts';
import { drawStacked, type StackedView } from './stacked-layout.ts';
import { groupKey, groupName, groupOrder, hasData, partsDisagree, reportedTotal, reportedTotalRef, stacksOf, suppressedCount, type Stack, type StackTotal } from './stacks.ts';

export type { StackTotal } from './stacks.ts';

export interface StackedBarChartOptions {
  /** Unique on the page; every id inside the SVG is derived from it. */
  id: string;
  /** The chart's accessible name, and the first sentence of its description. */
  title: string;
  /** Unit of the values, e.g. "Persons"; shown above the value axis. */
  unit: string;
  /** Size of the wide layout in viewBox units. Default 560 wide; 340 high when vertical, as high as the rows need when
   * horizontal (a given height is kept). */
  size?: Size;
  /** 'horizontal' (default): one row per bar, parts from left to right; 'vertical': columns, parts from the bottom up. */
  orientation?: 'horizontal' | 'vertical';
  /** Order of the parts (their `group`), which is also their colour order; default: order of first appearance.
   * Groups not listed follow in order of appearance. */
  groups?: string[];
  /** Heading of the table's first column (default "Category"). */
  categoryLabel?: string;
  /** The publisher's own total of a bar, by `key`, where it has one: drawn as a tick, never added to the parts. */
  totals?: StackTotal[];
  /** Bars over years: years whose figure covers part of the year, matched on the parts' `year` or a key that is the year. */
  partial?: PartialPeriod[];
}

/** Pure: the same data, options and locale always give the same SVGs, text and table. */
export function stackedBarChart(data: BarDatum[], options: StackedBarChartOptions, locale: Locale): ChartOutput {
  const groups = groupOrder(data, options.groups);
  const stacks = stacksOf(data, options.totals);
  const partial = partialNotes(options.partial, stacks.flatMap((s) => (s.year === undefined ? [] : [s.year])));
  const description = describe(stacks, groups, partial, options, locale);
  const view: StackedView = { stacks, groups, partial, title: options.title, unit: options.unit, description };
  const wideRows = (options.orientation ?? 'horizontal') === 'horizontal';
  const layouts = allLayouts(options.id, options.size ?? WIDE, (id, size, name) => drawStacked(view, id, size, name === 'narrow' || wideRows, name !== 'narrow' && options.size !== undefined, locale));
  return { ...layouts, description, table: tableOf(stacks, groups, partial, options, locale) };
}

/** Title and split, the largest reported total, how suppressed parts are drawn, bars with no data, totals the parts
 * disagree with, partial periods, and the unit. */
function describe(stacks: Stack[], groups: string[], partial: ReadonlyMap<number, string>, options: StackedBarChartOptions, locale: Locale): string {
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
  const disagree = stacks.filter((s) => partsDisagree(s, groups));
  if (disagree.length > 0) {
    const items = disagree.map((s) => locale.t('chart.stacked.totalsItem', { label: s.label, parts: locale.number(reportedTotal(s) ?? 0), total: locale.number(s.total!.value!) }));
    sentences.push(locale.t('chart.stacked.totalsDiffer', { items: items.join(', ') }));
  }
  sentences.push(...partialSentences(partial, locale));
  sentences.push(`${locale.t('chart.unit', { unit: options.unit })}.`);
  return sentences.join(' ');
}

/** One row per bar: each part's value (or "suppressed (<5)", or null), the reported total, the publisher's total
 * when any is given, and a partial period's note. */
function tableOf(stacks: Stack[], groups: string[], partial: ReadonlyMap<number, string>, options: StackedBarChartOptions, locale: Locale): DataTable {
  const published = stacks.some((s) => s.total) ? [{ key: 'published', label: locale.t('chart.stacked.published'), numeric: true }] : [];
  return {
    columns: [
      { key: 'label', label: options.categoryLabel ?? locale.t('chart.category') },
      ...groups.map((g) => ({ key: groupKey(g), label: groupName(g, locale), numeric: true })),
      { key: 'total', label: locale.t('chart.stacked.total'), numeric: true },
      ...published,
      ...noteColumn(partial, locale),
    ],
    rows: stacks.map((s) => {
      const row: Record<string, string | number | null> = { label: s.label };
      for (const g of groups) {
        const d = s.parts.get(g);
        row[groupKey(g)] = d ? tableCell(d, locale) : null;
      }
      row['total'] = reportedTotal(s);
      if (published.length) row['published'] = s.total ? tableCell(s.total, locale) : null;
      return { ...row, ...noteCell(partial, s.year) };
    }),
    ...tableRefs(stacks.map((s) => {
      const parts = rowRefs({ ...Object.fromEntries(groups.map((g) => [groupKey(g), s.parts.get(g)])), ...(published.length ? { published: s.total } : {}) });
      const total = reportedTotalRef(s);
      return total === null ? parts : { ...parts, total };
    })),
  };
}

