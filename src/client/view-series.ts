/**
 * A SeriesSource answered from the indicator's series view file (scripts/pipeline/release/views.ts): the row groups
 * of the places asked for, read by range requests, then the series question answered in JavaScript
 * (src/data/view-queries.ts, proved equal to the shared SQL by tests/site/view-queries.test.ts). No query engine:
 * a first change of a control moves the view's few kilobytes, not a 5 MB engine.
 */
import { seriesAnswer } from '../data/view-queries.ts';
import { openView, type ParquetSource } from './parquet-slice.ts';
import { failureOf } from './read-failure.ts';
import type { SeriesSource } from './series-source.ts';
import { readPlaces } from './view-read.ts';

export function viewSeries(source: ParquetSource): SeriesSource {
  return {
    async read({ geo, years }, { progress, signal } = {}) {
      let bytes = 0;
      const onBytes = (n: number) => progress?.('data', (bytes += n), null);
      progress?.('data', 0, null);
      try {
        const view = await openView(source, { onBytes, ...(signal ? { signal } : {}) });
        const rows = await readPlaces(view, geo, { onBytes, ...(signal ? { signal } : {}) });
        signal?.throwIfAborted();
        const t0 = performance.now();
        const answer = seriesAnswer(rows, geo, years);
        return { rows: answer, queryMs: performance.now() - t0 };
      } catch (e) {
        throw failureOf('data', e);
      }
    },
    async prepare() {
      await openView(source);
    },
  };
}
