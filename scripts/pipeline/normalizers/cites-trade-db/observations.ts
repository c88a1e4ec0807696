/**
 * Counts and quantities of source-I records by importer × exporter × year, each reporting side in its own
 * dimension, as the pangolin extract emits them (cites-trade-manidae.ts), aggregated in SQL from the source-I rows
 * of the written event table (shipments.ts).
 * Each value names the rows it came from, file by file ("trade_db_3.csv::5,9-12; trade_db_4.csv::2").
 */
import type { Observation } from '../../model.ts';
import type { DuckSession, Row } from '../../stream/duckdb-session.ts';
import { DIM, exporterCategory, exporterNote, type Reporter } from '../cites-codes.ts';
import { SEIZED_TABLE, SOURCE_ID } from './shipments.ts';

export const COUNT_ID = 'wl_cites_db_confiscated_shipments';
export const QUANTITY_ID = 'wl_cites_db_confiscated_quantity';

/** An exporter that is no place keeps its own code, so XX and SU never share a group. */
const FLOW = ['reporter_type', 'importer_geo', 'year', 'exporter_geo', 'CASE WHEN exporter_geo IS NULL THEN exporter END AS exporter_code'];
const ITEM = [...FLOW, 'term', 'unit_label'];

const names = (keys: string[]) => keys.map((k) => k.split(' AS ').at(-1)!).join(', ');

/**
 * Rows as ranges per file (gaps and islands: within a group, consecutive rows share line − rank), values summed
 * exactly: quantities as DECIMAL(38,6), which is also what tidySum rounds to, so the order of addition cannot change
 * a digit.
 */
function aggregateSql(keys: string[]): string {
  const k = names(keys);
  return `WITH grouped AS (SELECT ${keys.join(', ')}, file_no, file, line, quantity FROM ${SEIZED_TABLE}),
islands AS (SELECT *, line - row_number() OVER (PARTITION BY ${k}, file_no ORDER BY line) AS island FROM grouped),
runs AS (SELECT ${k}, file_no, any_value(file) AS file, min(line) AS lo, max(line) AS hi, count(*) AS n, sum(quantity::DECIMAL(38,6)) AS q
  FROM islands GROUP BY ${k}, file_no, island),
files AS (SELECT ${k}, file_no, any_value(file) AS file, string_agg(CASE WHEN lo = hi THEN lo::VARCHAR ELSE lo || '-' || hi END, ',' ORDER BY lo) AS rows, sum(n) AS n, sum(q) AS q
  FROM runs GROUP BY ${k}, file_no)
SELECT ${k}, string_agg(file || '::' || rows, '; ' ORDER BY file_no) AS source_ref, sum(n)::INTEGER AS n, sum(q)::DOUBLE AS q
FROM files GROUP BY ${k}`;
}

function base(r: Row): Omit<Observation, 'indicator' | 'dimension' | 'category' | 'value' | 'unit'> {
  const exporter = { code: r['exporter_code'] === null ? null : String(r['exporter_code']), geo: r['exporter_geo'] === null ? null : String(r['exporter_geo']) };
  return {
    domain: 'wildlife',
    geo: String(r['importer_geo']),
    year: Number(r['year']),
    sex: 'total',
    age: 'total',
    counterpart: exporter.geo,
    censored: null,
    value_min: null,
    value_max: null,
    source: SOURCE_ID,
    source_ref: String(r['source_ref']),
    note: exporterNote(exporter),
  };
}

const side = (r: Row) => ({ reporter: String(r['reporter_type']) as Reporter });

export async function seizedObservations(session: DuckSession): Promise<Observation[]> {
  await session.keepOrder(false);
  const counts = (await session.rows(aggregateSql(FLOW))).map((r): Observation => {
    const b = base(r);
    return { ...b, indicator: COUNT_ID, dimension: DIM.exporter(side(r)), category: exporterCategory({ code: r['exporter_code'] === null ? null : String(r['exporter_code']), geo: b.counterpart }), value: Number(r['n']), unit: 'shipment records' };
  });
  const quantities = (await session.rows(aggregateSql(ITEM))).map((r): Observation => ({
    ...base(r),
    indicator: QUANTITY_ID,
    dimension: DIM.item(side(r)),
    category: String(r['term']),
    value: Number(r['q']),
    unit: String(r['unit_label']),
  }));
  return [...counts, ...quantities];
}
