/**
 * Values that can each be from a different year (each country's latest report): Nigeria 2021 beside Kenya 2018 must
 * never pass for one year. A chart that compares such values shows each one's year and says when the years differ.
 */
import type { Locale, TableColumn } from './types.ts';
import { yearLabel } from './axis.ts';

export interface YearSpan {
  from: number;
  to: number;
}

/** The span of the given years, or null when there are none or all are the same year. */
export function differingYears(years: Iterable<number | undefined>): YearSpan | null {
  let from = Infinity;
  let to = -Infinity;
  for (const y of years) {
    if (y === undefined) continue;
    from = Math.min(from, y);
    to = Math.max(to, y);
  }
  return from < to ? { from, to } : null;
}

/** "Kenya · 2018": a name with its year, for labels drawn when years differ. */
export function withYear(name: string, year: number | undefined, locale: Locale): string {
  return year === undefined ? name : locale.t('chart.withYear', { name, year: yearLabel(year) });
}

/** "Years differ: values from 2015 to 2021, each shown with its year." */
export function yearsDifferSentence(span: YearSpan, locale: Locale): string {
  return locale.t('chart.yearsDiffer', { from: yearLabel(span.from), to: yearLabel(span.to) });
}

/** A Year column when any value carries its year. */
export function yearColumn(years: Iterable<number | undefined>, locale: Locale): TableColumn[] {
  for (const y of years) if (y !== undefined) return [{ key: 'year', label: locale.t('chart.year') }];
  return [];
}
