/**
 * Series breaks on a line chart (the rule: src/lib/series-breaks.ts). Each break drawn gets a number, in series then
 * year order; the point is ringed in ink (not a colour: read the same by every viewer) with its number beside it, its
 * label (tooltip and screen reader) says why and quotes the release's note, the table has a "Series breaks" column
 * and the description one sentence per break. The line itself is drawn as it is: nothing smoothed, nothing removed.
 */
import { el, text } from './svg.ts';
import { INK } from './palette.ts';
import { valueRange } from './scales.ts';
import { yearLabel } from './axis.ts';
import type { Locale, TableColumn } from './types.ts';
import type { BreakMark, BreakReason } from '../lib/series-breaks.ts';
import type { Plot, Series } from './line-marks.ts';

/** A break as one chart draws it: its series and its number on this chart. */
export interface DrawnBreak {
  series: Series;
  mark: BreakMark;
  n: number;
}

/** The breaks that fall on the years drawn, numbered; marks of series or years the chart does not draw are left out. */
export function drawnBreaks(series: Series[], breaks: ReadonlyMap<string, readonly BreakMark[]> | undefined, years: number[]): DrawnBreak[] {
  if (!breaks) return [];
  const drawnYears = new Set(years);
  const out: DrawnBreak[] = [];
  for (const s of series) {
    for (const mark of [...(breaks.get(s.name) ?? [])].sort((a, b) => a.year - b.year)) {
      if (drawnYears.has(mark.year) && s.byYear.has(mark.year)) out.push({ series: s, mark, n: out.length + 1 });
    }
  }
  return out;
}

function reasonText(r: BreakReason, mark: BreakMark, locale: Locale): string {
  const { t } = locale;
  switch (r.kind) {
    case 'jump': {
      const params = { factor: locale.number(Math.round(r.factor)), year: yearLabel(mark.previousYear), from: locale.number(r.from) };
      return r.direction === 'up' ? t('chart.break.jumpUp', params) : t('chart.break.jumpDown', params);
    }
    case 'source changed': {
      const name = (s: string) => (s === '' ? t('chart.break.sourceEmpty') : s);
      return t('chart.break.source', { from: name(r.from), to: name(r.to) });
    }
    case 'note changed':
      return r.to === null ? t('chart.break.noteEnded', { from: r.from ?? '' }) : t('chart.break.noteNew');
  }
}

/** "a rise to 39 times the 2017 value (2,284). Note: UNODC Source column: IAFQ/SOF": why, how far back, the note. */
export function breakText(mark: BreakMark, locale: Locale): string {
  const { t } = locale;
  const reasons = mark.reasons.map((r) => reasonText(r, mark, locale)).join('; ');
  const gap = mark.gap === 0 ? '' : ` ${mark.gap === 1 ? t('chart.break.gapOne', { year: yearLabel(mark.previousYear) }) : t('chart.break.gap', { n: mark.gap, year: yearLabel(mark.previousYear) })}`;
  const note = mark.note ? ` ${t('chart.break.note', { note: mark.note })}` : '';
  return `${reasons}.${gap}${note}`;
}

/** A value mark's label with its break: what the tooltip shows and a screen reader reads. */
export function breakMarkLabel(label: string, drawn: DrawnBreak | undefined, locale: Locale): string {
  return drawn ? locale.t('chart.break.mark', { label, n: drawn.n, text: breakText(drawn.mark, locale) }) : label;
}

/** One sentence per break for the chart's description. */
export function breakSentences(drawn: DrawnBreak[], locale: Locale): string[] {
  if (drawn.length === 0) return [];
  const items = drawn.map((d) => locale.t('chart.break.item', { n: d.n, series: d.series.name, year: yearLabel(d.mark.year), text: breakText(d.mark, locale) }));
  return [locale.t('chart.break.sentence', { n: drawn.length }), ...items];
}

/** The table's "Series breaks" column, present only when a break is drawn. */
export function breakColumn(drawn: DrawnBreak[], locale: Locale): TableColumn[] {
  return drawn.length > 0 ? [{ key: 'breaks', label: locale.t('chart.break.column') }] : [];
}

/** A year's cell: each series' break that year, numbered as on the chart; '' (not null, which reads "No data") when none. */
export function breakCell(drawn: DrawnBreak[], year: number, locale: Locale): Record<string, string> {
  if (drawn.length === 0) return {};
  const items = drawn.filter((d) => d.mark.year === year).map((d) => locale.t('chart.break.cell', { n: d.n, series: d.series.name, text: breakText(d.mark, locale) }));
  return { breaks: items.join(' ') };
}

/**
 * A ring around each broken point and its number above it, with a white halo so the number reads over lines. Hidden
 * from assistive technology: the point's own label says it.
 */
export function breakRings(drawn: DrawnBreak[], plot: Plot): string {
  const parts: string[] = [];
  for (const { series, mark, n } of drawn) {
    const p = series.byYear.get(mark.year);
    const range = p ? valueRange(p) : null;
    if (!range) continue;
    const cx = plot.x(mark.year);
    const cy = plot.y((range[0] + range[1]) / 2);
    const top = plot.y(range[1]);
    parts.push(
      el('circle', { cx, cy, r: 7.5, fill: 'none', stroke: INK, 'stroke-width': 1.5 }),
      el('text', { x: cx + 7, y: top - 8, fill: INK, 'font-weight': 'bold', stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke' }, text(String(n))),
    );
  }
  return parts.length > 0 ? el('g', { 'aria-hidden': 'true', 'pointer-events': 'none' }, parts) : '';
}
