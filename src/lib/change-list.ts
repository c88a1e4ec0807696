/**
 * A release diff (scripts/archive/diff-releases.ts) in words for the what-changed pages: a value as a reader sees it
 * (a number, a suppressed count's mark, or no value), the breakdown a value belongs to, and the rows of the tables.
 */
import type { ValueCell, ValueChange } from '../../scripts/archive/diff-releases.ts';
import type { Locale } from '../charts/types.ts';

/** "1,234", "<5 (1–4)", or "no value" (missing, never 0). */
export function valueText(cell: ValueCell | null, locale: Locale): string {
  if (!cell) return '—';
  if (cell.value !== null) return locale.number(cell.value);
  if (cell.censored !== null) {
    const range = cell.value_min !== null ? ` (${locale.number(cell.value_min)}–${cell.value_max === null ? '' : locale.number(cell.value_max)})` : '';
    return `${cell.censored}${range}`;
  }
  return locale.t('chart.noData');
}

/** The breakdown of a value ("female, 0-17, form of exploitation: forced labour, from KEN"), or "total". */
export function breakdownText(c: ValueChange, names: ReadonlyMap<string, string>, locale: Locale): string {
  const parts: string[] = [];
  if (c.sex !== 'total') parts.push(c.sex);
  if (c.age !== 'total') parts.push(c.age);
  if (c.dimension !== 'total') parts.push(`${c.dimension}: ${c.category}`);
  if (c.counterpart !== null) parts.push(locale.t('changes.counterpart', { place: names.get(c.counterpart) ?? c.counterpart }));
  return parts.length > 0 ? parts.join(', ') : locale.t('changes.total');
}

export interface ChangeRow {
  place: string;
  year: number;
  breakdown: string;
  unit: string;
  before: string;
  after: string;
  sourceRef: string;
}

export function changeRow(c: ValueChange, names: ReadonlyMap<string, string>, locale: Locale): ChangeRow {
  return {
    place: names.get(c.geo) ?? c.geo,
    year: c.year,
    breakdown: breakdownText(c, names, locale),
    unit: c.unit,
    before: valueText(c.before, locale),
    after: valueText(c.after, locale),
    sourceRef: c.sourceRef,
  };
}

/** Rows a page lists of one kind before it says how many more there are (issue 7: a page's first HTML stays small). */
export const LISTED_PER_KIND = 200;
/** A release page lists its changes itself when there are at most this many; otherwise its indicators' pages do. */
export const LISTED_ON_RELEASE_PAGE = 100;
