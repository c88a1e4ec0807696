/**
 * Where a redraw's rows come from: the only thing the drawing of a view asks of the data layer. The indicator's view
 * file answers it (view-series.ts); another source (an engine, for views the files do not hold) can take its place
 * without touching the chart controller, the page wiring or the chart code.
 */
import type { Row } from '../data/shape.ts';

export type Stage = 'engine' | 'data' | 'query';
export type Progress = (stage: Stage, loaded: number, total: number | null) => void;

export interface SeriesRequest {
  indicator: string;
  geo: readonly string[];
  years: readonly [number, number];
}

export interface ReadOptions {
  progress?: Progress;
  /** Cancels the read; it then rejects with an AbortError. */
  signal?: AbortSignal;
}

export interface SeriesRead {
  /** The rows of `seriesQuery` (src/data/queries.ts) for the request. */
  rows: Row[];
  queryMs: number;
}

export interface SeriesSource {
  /** The view's rows; rejects with a ReadFailure (read-failure.ts) that names what failed. */
  read(request: SeriesRequest, options?: ReadOptions): Promise<SeriesRead>;
  /** Starts what a first read needs, on a first sign of intent, with no UI. */
  prepare(indicator: string): Promise<void>;
}
