/** The workbench's states in words, and result cells as text. Pure: state and locale in, text out. */
import type { Locale } from '../../charts/types.ts';
import type { GuardProblem } from '../../explore/sql-guard.ts';
import { lineColumn, type QueryError } from '../../explore/sql-error.ts';
import type { ResultColumn } from './session.ts';

export type LoadStep = { stage: 'engine' | 'table'; name?: string; loaded: number; total: number | null };

const mb = (n: number, locale: Locale) => locale.number(Math.round(n / 1e5) / 10, 1);
const kb = (n: number, locale: Locale) => locale.number(Math.round(n / 1e3));

export function loadText(step: LoadStep, locale: Locale): string {
  if (step.stage === 'table') return locale.t('explore.state.table', { name: step.name ?? '', loaded: kb(step.loaded, locale), total: kb(step.total ?? 0, locale) });
  return step.total
    ? locale.t('explore.state.engine', { loaded: mb(step.loaded, locale), total: mb(step.total, locale) })
    : locale.t('explore.state.engineUnknown', { loaded: mb(step.loaded, locale) });
}

export function guardText(p: GuardProblem, sql: string, locale: Locale): string {
  if (p.reason === 'empty') return locale.t('explore.guard.empty');
  const { line, column } = lineColumn(sql, p.at);
  if (p.reason === 'several-statements') return locale.t('explore.guard.several', { line, column });
  return locale.t(p.reason === 'writes' ? 'explore.guard.writes' : 'explore.guard.notQuery', { word: p.word, line, column });
}

export function queryErrorText(e: QueryError, locale: Locale): string {
  return e.line !== null && e.column !== null
    ? locale.t('explore.error.at', { kind: e.kind, line: e.line, column: e.column, message: e.message })
    : locale.t('explore.error.plain', { kind: e.kind, message: e.message });
}

export function columnKind(c: ResultColumn): 'number' | 'text' | 'other' {
  if (/^(Int|Uint|Float|Decimal)/.test(c.type)) return 'number';
  if (/Utf8/.test(c.type)) return 'text';
  return 'other';
}

/** A cell as the table shows it: exact (no rounding, no grouping), dates as ISO, missing as an empty cell. */
export function cellText(v: unknown, c: ResultColumn): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && /^Date/.test(c.type)) return new Date(v).toISOString().slice(0, 10);
  if (typeof v === 'number' && /^Timestamp/.test(c.type)) return new Date(v).toISOString();
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'object') return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x));
  return String(v);
}
