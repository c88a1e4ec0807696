/**
 * Why a view could not be read, in terms a reader can act on: the chart code or the query engine did not load, the
 * data release could not be read, or the query failed. The page shows it in words (`failureText`) with a retry; it is never shown as
 * "no data", which would tell the reader something false about the release.
 */
import type { Locale } from '../charts/types.ts';

export type FailedPart = 'code' | 'engine' | 'data' | 'query';

export type FailureWhy =
  | { kind: 'http'; status: number }
  | { kind: 'truncated'; got: number; expected: number }
  | { kind: 'message'; message: string };

export class ReadFailure extends Error {
  readonly part: FailedPart;
  readonly why: FailureWhy;

  constructor(part: FailedPart, why: FailureWhy) {
    super(`${part}: ${why.kind === 'http' ? `HTTP ${why.status}` : why.kind === 'truncated' ? `${why.got} of ${why.expected} bytes` : why.message}`);
    this.name = 'ReadFailure';
    this.part = part;
    this.why = why;
  }
}

export const isAbort = (e: unknown): boolean => e instanceof DOMException && e.name === 'AbortError';

/** `e` as a failure of `part`, unless it already names its part (or is a cancellation, which is no failure). */
export function failureOf(part: FailedPart, e: unknown): unknown {
  if (e instanceof ReadFailure || isAbort(e)) return e;
  return new ReadFailure(part, { kind: 'message', message: e instanceof Error ? e.message : String(e) });
}

function whyText(why: FailureWhy, locale: Locale): string {
  switch (why.kind) {
    case 'http':
      return locale.t('failure.http', { status: why.status });
    case 'truncated':
      return locale.t('failure.truncated', { got: locale.number(why.got), expected: locale.number(why.expected) });
    case 'message':
      return why.message;
  }
}

/** "the data release could not be read (HTTP 416)". Errors that are not ReadFailures count as a failed query. */
export function failureText(e: unknown, locale: Locale): string {
  const f = failureOf('query', e);
  if (!(f instanceof ReadFailure)) return locale.t('failure.query', { why: String(e) });
  const why = whyText(f.why, locale);
  switch (f.part) {
    case 'code':
      return locale.t('failure.code', { why });
    case 'engine':
      return locale.t('failure.engine', { why });
    case 'data':
      return locale.t('failure.data', { why });
    case 'query':
      return locale.t('failure.query', { why });
  }
}
