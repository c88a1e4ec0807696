/**
 * Which of the site's charts fits a query's result, if any: a line chart when it has a year column and a number
 * (one line per value of its first text column, at most MAX_SERIES), a ranked bar chart when it has a text column and
 * a number (the first MAX_BARS rows). A `censored` column with `value_min`/`value_max` is honoured: such a row is
 * drawn as a range, never as 0. Pure: columns and rows in, chart input out.
 */
import type { BarDatum, SeriesPoint } from '../charts/types.ts';

export const MAX_SERIES = 8;
export const MAX_BARS = 40;

export interface ColumnKind {
  name: string;
  kind: 'number' | 'text' | 'other';
}

export type ResultChart =
  | { kind: 'line'; value: string; points: SeriesPoint[]; seriesLeftOut: number }
  | { kind: 'bar'; value: string; bars: BarDatum[]; rowsLeftOut: number }
  | { kind: 'none'; reason: 'no-number' | 'no-label' | 'no-rows' };

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function valueOf(row: Record<string, unknown>, value: string, hasBounds: boolean) {
  const v = num(row[value]);
  const censored = hasBounds ? str(row['censored']) : null;
  return {
    value: censored === null ? v : null,
    censored,
    min: censored === null ? null : num(row['value_min']),
    max: censored === null ? null : num(row['value_max']),
  };
}

export function resultChart(columns: readonly ColumnKind[], rows: readonly Record<string, unknown>[]): ResultChart {
  if (rows.length === 0) return { kind: 'none', reason: 'no-rows' };
  const year = columns.find((c) => c.kind === 'number' && c.name.toLowerCase() === 'year');
  const skip = new Set(['year', 'value_min', 'value_max']);
  const value = columns.find((c) => c.kind === 'number' && !skip.has(c.name.toLowerCase()));
  if (!value) return { kind: 'none', reason: 'no-number' };
  const label = columns.find((c) => c.kind === 'text' && c.name.toLowerCase() !== 'censored');
  const hasBounds = columns.some((c) => c.name === 'censored') && columns.some((c) => c.name === 'value_min');
  if (year) {
    const names: string[] = [];
    for (const r of rows) {
      const s = label ? str(r[label.name]) ?? '—' : value.name;
      if (!names.includes(s)) names.push(s);
    }
    const kept = new Set(names.slice(0, MAX_SERIES));
    const points: SeriesPoint[] = rows
      .filter((r) => num(r[year.name]) !== null && kept.has(label ? str(r[label.name]) ?? '—' : value.name))
      .map((r) => ({ series: label ? str(r[label.name]) ?? '—' : value.name, year: num(r[year.name])!, ...valueOf(r, value.name, hasBounds) }));
    return { kind: 'line', value: value.name, points, seriesLeftOut: names.length - kept.size };
  }
  if (!label) return { kind: 'none', reason: 'no-label' };
  const bars: BarDatum[] = rows.slice(0, MAX_BARS).map((r, i) => {
    const l = str(r[label.name]) ?? '—';
    return { label: l, key: `${i}:${l}`, ...valueOf(r, value.name, hasBounds) };
  });
  return { kind: 'bar', value: value.name, bars, rowsLeftOut: Math.max(0, rows.length - MAX_BARS) };
}
