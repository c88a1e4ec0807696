/**
 * Differential test: every view a dashboard or indicator page redraws without DuckDB-WASM (src/data/view-queries.ts
 * over the release's view files, read as the browser reads them: src/client/view-read.ts) returns exactly what the
 * shared SQL (src/data/queries.ts) returns in DuckDB over observations.parquet — same rows, columns, values and order.
 * Over the release the site is built from (public/data/, `npm run build`): every indicator, every place in sets of
 * eight, the full years and two sub-ranges; latest-year maps and the map of every single year; each place's
 * breakdowns and sex/age parts; and the flows of every place dimension, summed over all years and in each year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { breakdownQuery, flowsQuery, latestQuery, seriesQuery, sexAgeQuery, yearQuery } from '../../src/data/queries.ts';
import { breakdownAnswer, flowsAnswer, latestAnswer, seriesAnswer, sexAgeAnswer, yearAnswer } from '../../src/data/view-queries.ts';
import { readPlaces } from '../../src/client/view-read.ts';
import type { Catalog } from '../../scripts/pipeline/release/catalog.ts';
import { openLocalView, type CountedView } from '../support/local-view.ts';
import { releaseQuerier, type Rows } from '../support/release-query.ts';

const RELEASE_ROOT = process.env['RELEASE_DIR'] ?? 'public/data';

function currentRelease(): string {
  const pointer = join(RELEASE_ROOT, 'current.json');
  if (!existsSync(pointer)) throw new Error(`no release in ${RELEASE_ROOT}: run \`npm run build\` (or \`npm run data\`) first`);
  const { version } = JSON.parse(readFileSync(pointer, 'utf8')) as { version: string };
  return join(RELEASE_ROOT, version);
}

/** A small seeded generator, so a failure names a view that can be run again. */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function chunks<T>(xs: T[], n: number): T[][] {
  return Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
}

/** Written out here, not taken from the pipeline's view definition: the test must not share what it checks. */
const TOTALS = "dimension = 'total' AND category = 'total' AND counterpart IS NULL AND sex = 'total' AND age = 'total'";

let dir: string;
let catalog: Catalog;
let sql: (q: import('../../src/data/queries.ts').Query) => Promise<Rows>;
const opened: CountedView[] = [];

beforeAll(async () => {
  dir = currentRelease();
  catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as Catalog;
  sql = await releaseQuerier(dir);
}, 120_000);
afterAll(() => opened.forEach((v) => v.close()));

async function view(path: string): Promise<CountedView> {
  const v = await openLocalView(join(dir, path));
  opened.push(v);
  return v;
}

describe('view files answer as the shared SQL does', () => {
  it('every indicator has a series view, and its totals views match SQL', async () => {
    let compared = 0;
    for (const ind of catalog.indicators) {
      const series = ind.views.series;
      if (!series) {
        // An indicator published only in parts (e.g. by citizenship) has no totals to draw, and SQL must agree.
        const none = await sql({ sql: `SELECT count(*)::INTEGER AS n FROM observations WHERE indicator = ? AND ${TOTALS}`, params: [ind.id] });
        expect(none[0]!['n'], ind.id).toBe(0);
        continue;
      }
      const geos = (await sql({ sql: 'SELECT DISTINCT geo FROM observations WHERE indicator = ? ORDER BY geo', params: [ind.id] })).map((r) => String(r['geo']));
      const y0 = ind.coverage!.year_min!;
      const y1 = ind.coverage!.year_max!;
      const mid = Math.floor((y0 + y1) / 2);
      const rand = lcg(ind.id.length * 7919);
      const sets = [...chunks(geos, 8), geos.filter(() => rand() < 0.1).slice(0, 8), ['ZZZ'], geos.slice(0, 3).concat('ZZZ')].filter((s) => s.length > 0);
      const v = await view(series.path);
      for (const years of [[y0, y1], [y0, mid], [mid + 1, y1 + 5]] as [number, number][]) {
        for (const set of sets) {
          const got = seriesAnswer(await readPlaces(v, set), set, years);
          expect(got, `${ind.id} ${set.join(',')} ${years.join('-')}`).toEqual(await sql(seriesQuery(ind.id, set, years)));
          compared++;
        }
        expect(latestAnswer(await readPlaces(v, null), years), `${ind.id} latest ${years.join('-')}`).toEqual(await sql(latestQuery(ind.id, years)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(catalog.indicators.length * 3);
  }, 600_000);

  it("each place's breakdowns and sex/age parts match SQL", async () => {
    let compared = 0;
    for (const ind of catalog.indicators) {
      const parts = ind.views.parts;
      const dims = Object.keys(ind.coverage!.dimensions).filter((d) => d !== 'total');
      const geos = (await sql({ sql: 'SELECT DISTINCT geo FROM observations WHERE indicator = ? ORDER BY geo', params: [ind.id] })).map((r) => String(r['geo']));
      if (!parts) {
        // No file: then there is nothing to draw, and SQL must agree.
        const none = await sql({ sql: `SELECT count(*)::INTEGER AS n FROM observations WHERE indicator = ? AND NOT (${TOTALS})`, params: [ind.id] });
        expect(none[0]!['n'], ind.id).toBe(0);
        continue;
      }
      const rand = lcg(ind.id.length * 104729);
      const sample = geos.length <= 12 ? geos : geos.filter(() => rand() < 12 / geos.length);
      const years: [number, number] = [ind.coverage!.year_min!, ind.coverage!.year_max!];
      const v = await view(parts.path);
      for (const geo of sample) {
        const rows = await readPlaces(v, [geo]);
        for (const d of dims) {
          expect(breakdownAnswer(rows, geo, years, d), `${ind.id} ${geo} ${d}`).toEqual(await sql(breakdownQuery(ind.id, geo, years, d)));
          compared++;
        }
        for (const axis of ['sex', 'age'] as const) {
          expect(sexAgeAnswer(rows, geo, years, axis), `${ind.id} ${geo} ${axis}`).toEqual(await sql(sexAgeQuery(ind.id, geo, years, axis)));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  }, 600_000);

  it('the map of each single year matches SQL', async () => {
    let compared = 0;
    for (const ind of catalog.indicators) {
      const series = ind.views.series;
      if (!series || !ind.coverage) continue;
      const rows = await readPlaces(await view(series.path), null);
      // Every year of the indicator, and one before it (an empty map).
      for (let y = ind.coverage.year_min! - 1; y <= ind.coverage.year_max!; y++) {
        expect(yearAnswer(rows, y), `${ind.id} ${y}`).toEqual(await sql(yearQuery(ind.id, y)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(catalog.indicators.length * 5);
  }, 600_000);

  it('the flows of each place dimension, over all years and in each year, match SQL', async () => {
    let compared = 0;
    /** DuckDB counts in BIGINT, which the JSON rows give as text; the answer counts in numbers. */
    const counted = (rows: Rows) => rows.map((r) => ({ ...r, censored_cells: Number(r['censored_cells']) }));
    for (const ind of catalog.indicators) {
      const parts = ind.views.parts;
      const places = ind.dimensions.filter((d) => d.geo === true);
      if (!parts || places.length === 0 || !ind.coverage) continue;
      const rows = await readPlaces(await view(parts.path), null);
      // Each place dimension alone: a flow map never sums two (pangolin routes' origin and via name one seizure twice).
      for (const { name, outward = false } of places) {
        const [y0, y1] = [ind.coverage.year_min!, ind.coverage.year_max!];
        for (const years of [[y0, y1], ...Array.from({ length: y1 - y0 + 1 }, (_, k) => [y0 + k, y0 + k])] as [number, number][]) {
          expect(flowsAnswer(rows, years, name, outward), `${ind.id} ${name} ${years.join('-')}`).toEqual(counted(await sql(flowsQuery(ind.id, years, name, { outward }))));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(30);
  }, 600_000);
});
