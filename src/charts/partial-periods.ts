/**
 * Periods whose figure covers only part of the period (IOM's 2024 to 15 November, an incomplete last GLOTIP year).
 * Drawn as full periods they read as collapses, so every chart over years marks them on the drawing itself — faded
 * marks with a solid outline or a hollow point, and a short "2024 partial" label — and names the note in its table
 * and description. Shared by the line, bar and stacked bar charts.
 */
import type { Locale, PartialPeriod, TableColumn } from './types.ts';
import { el, text } from './svg.ts';
import { MUTED } from './palette.ts';
import { textWidth, yearLabel } from './axis.ts';

/** Opacity of a partial period's fill or line: visibly lighter, still the series' colour. */
export const PARTIAL_OPACITY = 0.4;

/** Year → note, for the partial periods that fall on the given years (a chart ignores periods it does not draw). */
export function partialNotes(partial: readonly PartialPeriod[] | undefined, years: Iterable<number>): Map<number, string> {
  const drawn = new Set(years);
  const out = new Map<number, string>();
  for (const p of partial ?? []) if (drawn.has(p.year) && !out.has(p.year)) out.set(p.year, p.note);
  return out;
}

/** "2024 partial": the label drawn on the chart beside the period. */
export function partialLabel(year: number, locale: Locale): string {
  return locale.t('chart.partial.label', { year: yearLabel(year) });
}

/** Where a partial period is drawn along the x axis: its span and its centre. */
export interface PartialSpan {
  year: number;
  span: [number, number];
  centre: number;
}

/**
 * "2024 partial" in a row above the plot, one per period, aligned with the outer edge of the period's span so that it
 * stays inside [left, right]. A label that would overlap one already placed (latest first) is left out: the drawing,
 * the table and the description still mark that period.
 */
export function partialLabelRow(spans: PartialSpan[], left: number, right: number, y: number, locale: Locale): string {
  const placed: [number, number][] = [];
  const out: string[] = [];
  for (const { year, span, centre } of [...spans].sort((a, b) => b.year - a.year)) {
    const words = partialLabel(year, locale);
    const w = textWidth(words);
    const x0 = Math.max(left, Math.min(right - w, centre > (left + right) / 2 ? span[1] - w : span[0]));
    if (placed.some(([a, b]) => a < x0 + w + 6 && x0 < b + 6)) continue;
    placed.push([x0, x0 + w]);
    out.push(el('text', { x: x0, y, fill: MUTED }, text(words)));
  }
  return out.length ? el('g', { 'aria-hidden': 'true' }, out) : '';
}

/** One sentence per partial period, in year order, for the description. */
export function partialSentences(notes: ReadonlyMap<number, string>, locale: Locale): string[] {
  return [...notes]
    .sort((a, b) => a[0] - b[0])
    .map(([year, note]) => locale.t('chart.partial.sentence', { year: yearLabel(year), note }));
}

/** A mark's label with its period's note, so the hover and screen-reader text say the value is partial. */
export function partialMarkLabel(label: string, note: string | undefined, locale: Locale): string {
  return note === undefined ? label : locale.t('chart.partial.mark', { label, note });
}

/** The table's note column, present only when a drawn period is partial. */
export function noteColumn(notes: ReadonlyMap<number, string>, locale: Locale): TableColumn[] {
  return notes.size > 0 ? [{ key: 'note', label: locale.t('chart.note') }] : [];
}

/** The note cell of one row: '' rather than null, since a null cell reads "No data". */
export function noteCell(notes: ReadonlyMap<number, string>, year: number | undefined): Record<string, string> {
  if (notes.size === 0) return {};
  return { note: year === undefined ? '' : (notes.get(year) ?? '') };
}
