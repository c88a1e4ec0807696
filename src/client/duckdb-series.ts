/**
 * A SeriesSource answered by DuckDB-WASM: the indicator's rows are loaded into the engine once, then the shared
 * series query (src/data/queries.ts) runs with bound parameters. One engine per release file, shared by the page.
 */
import { seriesQuery } from '../data/queries.ts';
import { createEngine, type Engine, type ParquetSource } from './engine.ts';
import type { SeriesSource } from './series-source.ts';

const engines = new Map<string, Engine>();

function engineFor(source: ParquetSource): Engine {
  let e = engines.get(source.url);
  if (!e) engines.set(source.url, (e = createEngine(source)));
  return e;
}

export function duckdbSeries(source: ParquetSource): SeriesSource {
  const engine = engineFor(source);
  return {
    async read({ indicator, geo, years }, { progress, signal } = {}) {
      await engine.load([indicator], progress, signal);
      signal?.throwIfAborted();
      progress?.('query', 0, null);
      const q = seriesQuery(indicator, [...geo], [years[0], years[1]]);
      const t0 = performance.now();
      const rows = await engine.query(q.sql, q.params);
      return { rows, queryMs: performance.now() - t0 };
    },
    prepare: (indicator) => engine.load([indicator]),
  };
}
