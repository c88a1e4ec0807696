/**
 * What the vertical and the ranked bar charts share: their options, the description, the table, the marks' labels
 * and the hatching of censored values.
 */
import { el } from './svg.ts';
import { categorical } from './palette.ts';
import type { BarDatum, DataTable, Locale, PartialPeriod, Size } from './types.ts';
import { tableCell, valueKind, valueLabel, valueText } from './scales.ts';
import { yearLabel } from './axis.ts';
import { categoricalLegend, hatchPattern } from './legend-categorical.ts';
import { differingYears, withYear, yearColumn, yearsDifferSentence } from './mixed-years.ts';
import { noteCell, noteColumn, partialMarkLabel, partialSentences } from './partial-periods.ts';
import { rowRefs, tableRefs } from './table-refs.ts';

export interface BarChartOptions {
  /** Unique on the page; every id inside the SVG is derived from it. */
  id: string;
  /** The chart's accessible name, and the first sentence of its description. */
  title: string;
  /** Unit of the values, e.g. "Victims per 100,000 population"; shown above the value axis. */
  unit: string;
  /** Size of the wide layout in viewBox units (layout.ts). Default 560 wide; 340 high for vertical bars, and for
   * ranked bars as high as the rows need. */
  size?: Size;
  /** `key` of a bar to emphasise: outlined, with its label in bold. */
  highlight?: string;
  /** Heading of the table's first column (default "Category"). */
  categoryLabel?: string;
  /** Bars over years only: years whose figure covers part of the year; matched on a bar's `year`, or on a key that
   * is the year itself ("2024"). Drawn lighter with a label, and noted in the table and description. */
  partial?: PartialPeriod[];
}

export const BAR_COLOR = categorical(0);
/** A censored range next to a large maximum can be under a pixel; it is drawn at least this long so it stays visible. */
export const MIN_RANGE_PX = 3;

/** The year a bar stands for: its `year`, or its key when the key is a year. */
export function yearOf(d: BarDatum): number | undefined {
  return d.year ?? (/^\d{4}$/.test(d.key) ? Number(d.key) : undefined);
}

/** Highest and lowest reported values, differing years, which bars are suppressed and which have no data, partial periods, and the unit. */
export function describeBars(data: BarDatum[], partial: ReadonlyMap<number, string>, options: BarChartOptions, locale: Locale): string {
  const known = data.filter((d) => valueKind(d) === 'value');
  const sentences: string[] = [];
  if (known.length === 0) {
    sentences.push(locale.t('chart.bar.noValues', { title: options.title, n: data.length }));
  } else {
    // The first of equal values wins, so that the text matches the ranked chart's top row.
    const top = known.reduce((a, b) => (b.value! > a.value! ? b : a));
    const bottom = known.reduce((a, b) => (b.value! < a.value! ? b : a));
    sentences.push(
      locale.t('chart.bar.description', {
        title: options.title,
        n: data.length,
        top: withYear(top.label, top.year, locale),
        topValue: valueText(top, locale),
        bottom: withYear(bottom.label, bottom.year, locale),
        bottomValue: valueText(bottom, locale),
      }),
    );
  }
  const span = differingYears(data.map((d) => d.year));
  if (span) sentences.push(yearsDifferSentence(span, locale));
  const censored = data.filter((d) => valueKind(d) === 'censored');
  if (censored.length > 0) sentences.push(locale.t('chart.bar.suppressedList', { items: censored.map((d) => `${d.label} (${d.censored})`).join(', ') }));
  const missing = data.filter((d) => valueKind(d) === 'missing');
  if (missing.length > 0) sentences.push(locale.t('chart.bar.noDataList', { items: missing.map((d) => d.label).join(', ') }));
  sentences.push(...partialSentences(partial, locale));
  sentences.push(`${locale.t('chart.unit', { unit: options.unit })}.`);
  return sentences.join(' ');
}

/** One row per bar in drawing order, with its year when bars carry one; values stay numbers, censored cells say
 * "suppressed (<5)", missing are null; a partial period's note in its own column. */
export function barTable(data: BarDatum[], partial: ReadonlyMap<number, string>, options: BarChartOptions, locale: Locale): DataTable {
  const years = yearColumn(
    data.map((d) => d.year),
    locale,
  );
  return {
    columns: [
      { key: 'label', label: options.categoryLabel ?? locale.t('chart.category') },
      ...years,
      { key: 'value', label: locale.t('chart.valueIn', { unit: options.unit }), numeric: true },
      ...noteColumn(partial, locale),
    ],
    rows: data.map((d) => ({
      label: d.label,
      ...(years.length ? { year: d.year === undefined ? '' : yearLabel(d.year) } : {}),
      value: tableCell(d, locale),
      ...noteCell(partial, yearOf(d)),
    })),
    ...tableRefs(data.map((d) => rowRefs({ value: d }))),
  };
}

/** "Kenya · 2018: 283", with the partial note when the bar's year is partial: the hover and screen-reader text. */
export function barMarkLabel(d: BarDatum, partial: ReadonlyMap<number, string>, locale: Locale): string {
  const y = yearOf(d);
  const label = locale.t('chart.markLabel', { label: withYear(d.label, d.year, locale), value: valueLabel(d, locale) });
  return partialMarkLabel(label, y === undefined ? undefined : partial.get(y), locale);
}

export function censoredLegend(data: BarDatum[], patternId: string, locale: Locale, width: number) {
  const any = data.some((d) => valueKind(d) === 'censored');
  return categoricalLegend(any ? [{ label: locale.t('chart.censoredLegend'), symbol: { kind: 'hatch', color: BAR_COLOR, patternId } }] : [], 8, 0, width - 16);
}

/** The hatch pattern, only when a censored bar needs it. */
export function censoredDefs(data: BarDatum[], patternId: string): string | null {
  return data.some((d) => valueKind(d) === 'censored') ? el('defs', {}, hatchPattern(patternId, BAR_COLOR)) : null;
}
