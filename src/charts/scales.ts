/**
 * Scales and the reading of a release Value for drawing. A value is one of three kinds, and each chart draws each
 * kind differently: a reported number, a censored range ("<5": somewhere between min and max), or nothing.
 */
import { scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from 'd3-scale';
import type { Locale, Value } from './types.ts';

export type ValueKind = 'value' | 'censored' | 'missing';

/** A censored value without both bounds cannot be placed on an axis; it still counts as censored in text and tables. */
export function valueKind(v: Value): ValueKind {
  if (v.value !== null && Number.isFinite(v.value)) return 'value';
  return v.censored !== null && v.censored !== '' ? 'censored' : 'missing';
}

/** Where a value may lie: a number is its own range, a censored value its bounds; null when it cannot be drawn. */
export function valueRange(v: Value): [number, number] | null {
  const kind = valueKind(v);
  if (kind === 'value') return [v.value!, v.value!];
  if (kind === 'censored' && v.min !== null && v.max !== null) return [v.min, v.max];
  return null;
}

/**
 * A value scale that always includes 0, because bar lengths and line heights are read against zero, and whose ends
 * fall on nice ticks (`spacing`: px per tick, as the axis will draw them). Censored upper bounds are included so that range marks are never clipped. With nothing to
 * draw (or only zeros) the domain is [0, 1], so axes still render.
 */
export function zeroBasedScale(values: Value[], range: [number, number], spacing = 50): ScaleLinear<number, number> {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    const r = valueRange(v);
    if (!r) continue;
    lo = Math.min(lo, r[0]);
    hi = Math.max(hi, r[1]);
  }
  if (lo === 0 && hi === 0) hi = 1;
  return scaleLinear().domain([lo, hi]).range(range).nice(tickCount(range, spacing));
}

/** About one tick per `spacing` px. Nicing and ticking with the same count makes the top of the axis a labelled tick. */
export function tickCount(range: readonly number[], spacing = 50): number {
  return Math.max(2, Math.round(Math.abs(range[range.length - 1]! - range[0]!) / spacing));
}

/** Years on a continuous axis; a single year is centred rather than pinned to an edge. */
export function yearScale(domain: [number, number], range: [number, number]): ScaleLinear<number, number> {
  const [a, b] = domain;
  return scaleLinear().domain(a === b ? [a - 1, b + 1] : [a, b]).range(range);
}

/** Evenly spaced bands for categories (bars), in the given order. */
export function bandScale(keys: string[], range: [number, number], padding = 0.2): ScaleBand<string> {
  return scaleBand<string>().domain(keys).range(range).paddingInner(padding).paddingOuter(padding / 2);
}

/** Every year of an inclusive domain, so that years without data are visible as such. */
export function yearsIn(domain: [number, number] | null): number[] {
  if (!domain) return [];
  const out: number[] = [];
  for (let y = Math.ceil(domain[0]); y <= domain[1]; y++) out.push(y);
  return out;
}

/** A value in words for descriptions: "120", "suppressed (<5)" or "No data". */
export function valueText(v: Value, locale: Locale): string {
  const kind = valueKind(v);
  if (kind === 'value') return locale.number(v.value!);
  if (kind !== 'censored') return locale.t('chart.noData');
  // A value known only from below (unweighed seizures, flows with suppressed parts) is a floor, not a suppressed count.
  // Its digits are kept: rounding a floor could round it up past what is known.
  return v.max === null && v.min !== null
    ? locale.t('chart.atLeast', { value: locale.number(v.min, Number.isInteger(v.min) ? 0 : 3) })
    : locale.t('chart.suppressed', { mark: v.censored! });
}

/** A value for a mark's keyboard/hover label: a censored value states its bounds. */
export function valueLabel(v: Value, locale: Locale): string {
  if (valueKind(v) !== 'censored' || v.min === null || v.max === null) return valueText(v, locale);
  return locale.t('chart.censored', { mark: v.censored!, min: locale.number(v.min), max: locale.number(v.max) });
}

/** A table cell: the number itself (the table formats and sorts it), the suppression text, or null for missing. */
export function tableCell(v: Value, locale: Locale): number | string | null {
  const kind = valueKind(v);
  if (kind === 'value') return v.value;
  return kind === 'censored' ? valueText(v, locale) : null;
}
