/**
 * The data side of a stacked bar chart: bars (stacks) from data, their parts in group order, the segments drawn, and
 * the totals. The total a stack states is only ever the sum of its reported parts, the parts drawn; a publisher's
 * own total (StackTotal) is kept beside it and never mixed in.
 */
import type { BarDatum, Locale, Value } from './types.ts';
import { valueKind, valueRange } from './scales.ts';
import { summedRef } from './summed-ref.ts';

/** A publisher's total for one bar, e.g. all detected victims of a year when only some parts are broken down. */
export interface StackTotal extends Value {
  /** The `key` of the bar it is the total of. */
  key: string;
}

export interface Stack {
  key: string;
  label: string;
  /** Drawn name ("DR Congo"); the full `label` stays in the table and the marks' labels. */
  short: string;
  year: number | undefined;
  /** The datum of each group, if the input has one. */
  parts: Map<string, BarDatum>;
  /** The publisher's total, when given. */
  total: StackTotal | undefined;
}

export interface Segment {
  datum: BarDatum;
  group: number;
  from: number;
  to: number;
  censored: boolean;
}

/** A datum without a group is the bar's only part; it is named "Value" in legend and table. */
export function groupOf(d: BarDatum): string {
  return d.group ?? '';
}

export function groupName(group: string, locale: Locale): string {
  return group === '' ? locale.t('chart.value') : group;
}

/** Table column key of a group: the group itself, or "value" for the unnamed one. */
export function groupKey(group: string): string {
  return group === '' ? 'value' : group;
}

export function groupOrder(data: BarDatum[], preferred: string[] = []): string[] {
  const out = [...new Set(preferred)];
  for (const d of data) if (!out.includes(groupOf(d))) out.push(groupOf(d));
  return out.filter((g) => data.some((d) => groupOf(d) === g));
}

/** Bars in order of first appearance; a repeated (key, group) keeps its first datum. A total for no bar is ignored. */
export function stacksOf(data: BarDatum[], totals: readonly StackTotal[] = []): Stack[] {
  const byKey = new Map<string, Stack>();
  for (const d of data) {
    let s = byKey.get(d.key);
    if (!s) byKey.set(d.key, (s = { key: d.key, label: d.label, short: d.short ?? d.label, year: yearOfKey(d), parts: new Map(), total: undefined }));
    if (!s.parts.has(groupOf(d))) s.parts.set(groupOf(d), d);
  }
  for (const t of totals) {
    const s = byKey.get(t.key);
    if (s && !s.total) s.total = t;
  }
  return [...byKey.values()];
}

/** The year a bar stands for: its parts' `year`, or its key when the key is a year (stacks over years). */
function yearOfKey(d: BarDatum): number | undefined {
  return d.year ?? (/^\d{4}$/.test(d.key) ? Number(d.key) : undefined);
}

/** Reported parts first, in group order; censored parts after them, each as long as its upper bound. */
export function segmentsOf(stack: Stack, groups: string[]): Segment[] {
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
export function reportedTotal(stack: Stack): number | null {
  const known = [...stack.parts.values()].filter((d) => valueKind(d) === 'value');
  return known.length === 0 ? null : known.reduce((sum, d) => sum + d.value!, 0);
}

/**
 * Where the reported total comes from: every row of the reported parts it adds up (summed-ref.ts). Null when no part
 * is reported, or when one of them has no row to cite — a list missing a part would cite less than was summed.
 */
export function reportedTotalRef(stack: Stack): string | null {
  const known = [...stack.parts.values()].filter((d) => valueKind(d) === 'value');
  if (known.some((d) => !d.source_ref)) return null;
  return summedRef(known.map((d) => d.source_ref!));
}

export function suppressedCount(stack: Stack): number {
  return [...stack.parts.values()].filter((d) => valueKind(d) === 'censored').length;
}

export function hasData(stack: Stack): boolean {
  return [...stack.parts.values()].some((d) => valueKind(d) !== 'missing');
}

/** The publisher's total as a drawable number: a reported total, or the upper bound of a censored one. */
export function publishedEnd(stack: Stack): number | null {
  const r = stack.total ? valueRange(stack.total) : null;
  return r ? r[1] : null;
}

/**
 * Whether the parts cannot add up to the publisher's total: the total lies outside what the parts allow (the reported
 * sum plus each suppressed part's bounds). A part without a value (missing, or absent from this bar) makes any larger
 * total possible, but not a smaller one.
 */
export function partsDisagree(stack: Stack, groups: string[]): boolean {
  const total = stack.total;
  if (!total || valueKind(total) !== 'value') return false;
  let lo = 0;
  let hi = 0;
  let open = false;
  for (const g of groups) {
    const d = stack.parts.get(g);
    const r = d ? valueRange(d) : null;
    if (r) [lo, hi] = [lo + r[0], hi + r[1]];
    else open = true;
  }
  return total.value! < lo || (!open && total.value! > hi);
}
