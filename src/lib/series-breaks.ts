/**
 * Where a series breaks: the points a chart marks so that a reader does not take a change of source, of the
 * publisher's note or an order-of-magnitude jump for a trend ("89,615 firearms seized, Brazil, 2018": 39 times 2017).
 * Pure: one series' points in, the marks out; nothing is smoothed or removed, the marks only say where to look.
 *
 * Each point is compared with the series' previous *reported* point (a value or a censored mark), however many
 * years lie between; the mark says how many years were missing in between. A missing point is not a point here.
 * - 'source changed': the release's source id, or the publisher's own source field (note-clauses.ts), differs;
 * - 'note changed': the note's lasting clauses (the publisher's note, not the per-value bookkeeping) differ;
 * - 'jump': the value is at least JUMP_FACTOR times, or at most 1 / JUMP_FACTOR of, the previous one. Never computed
 *   from a censored value (its true value is unknown: "<5" → 60 may be ×12 or ×60), nor from 0 (no ratio; and a
 *   published 0 can mean "not recorded"), nor across one: a censored point between two values stops the comparison.
 */
import { noteClauses } from './note-clauses.ts';

/** One point of a series, as the release has it. */
export interface BreakPoint {
  year: number;
  value: number | null;
  censored: string | null;
  /** The release's `note`; undefined when the reader has no notes (a view file without them): notes are not compared. */
  note?: string | null;
  /** The release's source id; undefined when unknown: not compared. */
  source?: string | null;
  source_ref?: string;
}

export type BreakReason =
  | { kind: 'source changed'; from: string; to: string }
  | { kind: 'note changed'; from: string | null; to: string | null }
  /** `factor` ≥ JUMP_FACTOR: how many times larger (up) or smaller (down) than the previous value. */
  | { kind: 'jump'; direction: 'up' | 'down'; factor: number; from: number; to: number };

export interface BreakMark {
  year: number;
  /** The previous reported year it is compared with, and how many years between them had no reported value. */
  previousYear: number;
  gap: number;
  reasons: BreakReason[];
  /** The point's full note as published in the release, for the tooltip and the table (null when it has none). */
  note: string | null;
}

/** An order of magnitude. */
export const JUMP_FACTOR = 10;

function reported(p: BreakPoint): boolean {
  return (p.value !== null && Number.isFinite(p.value)) || (p.censored !== null && p.censored !== '');
}

const exact = (p: BreakPoint): number | null => (p.value !== null && Number.isFinite(p.value) && p.censored === null ? p.value : null);

function jump(prev: BreakPoint, cur: BreakPoint): BreakReason | null {
  const a = exact(prev);
  const b = exact(cur);
  if (a === null || b === null || a <= 0 || b <= 0) return null;
  if (b / a >= JUMP_FACTOR) return { kind: 'jump', direction: 'up', factor: b / a, from: a, to: b };
  if (a / b >= JUMP_FACTOR) return { kind: 'jump', direction: 'down', factor: a / b, from: a, to: b };
  return null;
}

function sourceChange(prev: BreakPoint, cur: BreakPoint): BreakReason | null {
  if (prev.source && cur.source && prev.source !== cur.source) return { kind: 'source changed', from: prev.source, to: cur.source };
  if (prev.note === undefined || cur.note === undefined) return null;
  const a = noteClauses(prev.note).sourceField;
  const b = noteClauses(cur.note).sourceField;
  return a !== null && b !== null && a !== b ? { kind: 'source changed', from: a, to: b } : null;
}

function noteChange(prev: BreakPoint, cur: BreakPoint): BreakReason | null {
  if (prev.note === undefined || cur.note === undefined) return null;
  const a = noteClauses(prev.note).lasting.join('; ');
  const b = noteClauses(cur.note).lasting.join('; ');
  return a === b ? null : { kind: 'note changed', from: a || null, to: b || null };
}

/** The marks of one series, in year order. Points may come in any order; a repeated year keeps its first point. */
export function seriesBreaks(points: readonly BreakPoint[]): BreakMark[] {
  const byYear = new Map<number, BreakPoint>();
  for (const p of points) if (reported(p) && !byYear.has(p.year)) byYear.set(p.year, p);
  const ordered = [...byYear.values()].sort((a, b) => a.year - b.year);
  const marks: BreakMark[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1]!;
    const cur = ordered[i]!;
    const reasons = [sourceChange(prev, cur), noteChange(prev, cur), jump(prev, cur)].filter((r): r is BreakReason => r !== null);
    if (reasons.length > 0) marks.push({ year: cur.year, previousYear: prev.year, gap: cur.year - prev.year - 1, reasons, note: cur.note ?? null });
  }
  return marks;
}

/** The marks of every series in a list of points, by series name (the line chart's `breaks` option). */
export function breaksBySeries(points: readonly (BreakPoint & { series: string })[]): Map<string, BreakMark[]> {
  const bySeries = new Map<string, BreakPoint[]>();
  for (const p of points) {
    const list = bySeries.get(p.series);
    if (list) list.push(p);
    else bySeries.set(p.series, [p]);
  }
  const out = new Map<string, BreakMark[]>();
  for (const [name, pts] of bySeries) {
    const marks = seriesBreaks(pts);
    if (marks.length > 0) out.set(name, marks);
  }
  return out;
}

/** Marks by place code (a trend's, as a page carries them) as the line chart takes them: by series name. */
export function breaksByName(byGeo: Readonly<Record<string, readonly BreakMark[]>>, nameMap: ReadonlyMap<string, string>): Map<string, readonly BreakMark[]> {
  return new Map(Object.entries(byGeo).map(([geo, marks]) => [nameMap.get(geo) ?? geo, marks]));
}
