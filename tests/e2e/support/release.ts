/**
 * What a redrawn chart must show, computed in Node from the same Parquet bytes the built site serves: the same shared
 * query (src/data/queries.ts) run by DuckDB, shaped and tabulated by the same chart code, formatted as the figure's
 * data table formats cells. A browser redraw is right when its table equals this one.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seriesQuery } from '../../../src/data/queries.ts';
import { toSeries } from '../../../src/data/shape.ts';
import { lineChart } from '../../../src/charts/line-chart.ts';
import { makeLocale } from '../../../src/i18n/locale.ts';
import { distRelease } from './server.ts';

let connection: Promise<DuckDBConnection> | undefined;

async function open(): Promise<DuckDBConnection> {
  const { dir } = distRelease();
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  for (const table of ['observations', 'geo']) {
    const path = join(dir, `${table}.parquet`).replaceAll("'", "''");
    await conn.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet('${path}')`);
  }
  return conn;
}

export async function sql(text: string, params: DuckDBValue[] = []): Promise<Record<string, unknown>[]> {
  connection ??= open();
  const reader = await (await connection).runAndReadAll(text, params);
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}

/** Geographies with at least `min` reported or censored national-total values of `indicator` in `years`, most first. */
export async function geosWithData(indicator: string, years: [number, number], min = 2): Promise<string[]> {
  const rows = await sql(
    `SELECT geo, count(*) AS n FROM observations
      WHERE indicator = ? AND sex = 'total' AND age = 'total' AND dimension = 'total' AND category = 'total' AND counterpart IS NULL
        AND year BETWEEN ? AND ? AND (value IS NOT NULL OR censored IS NOT NULL)
      GROUP BY geo HAVING count(*) >= ? ORDER BY n DESC, geo`,
    [indicator, years[0], years[1], min],
  );
  return rows.map((r) => String(r['geo']));
}

/** The figure's data table for a trend view, as text: header row, then one row per year (as src/charts/figure.ts writes it). */
export async function expectedTable(indicator: string, geos: string[], years: [number, number]): Promise<string[][]> {
  const locale = makeLocale('en');
  const q = seriesQuery(indicator, geos, years);
  const rows = await sql(q.sql, q.params as DuckDBValue[]);
  const names = new Map((await sql('SELECT geo, name FROM geo')).map((r) => [String(r['geo']), String(r['name'])]));
  // The years the release's catalog says are partial are marked in the redrawn table too (a Note column).
  const catalog = JSON.parse(readFileSync(join(distRelease().dir, 'catalog.json'), 'utf8')) as { indicators: { id: string; partial_periods: { year: number; note: string }[] }[] };
  const partial = catalog.indicators.find((i) => i.id === indicator)?.partial_periods ?? [];
  const { table } = lineChart(toSeries(rows, names), { id: 'expected', title: '', unit: '', yearDomain: years, partial }, locale);
  const cell = (v: string | number | null) => (v === null ? locale.t('chart.noData') : typeof v === 'number' ? locale.number(v) : v);
  return [table.columns.map((c) => c.label), ...table.rows.map((r) => table.columns.map((c) => cell(r[c.key] ?? null)))];
}
