/**
 * Every record of every file, classified (fault = the first check it fails, NULL when it passes) and typed; and the
 * event table of the records that pass, written straight from the CSV files to Parquet in file order.
 */
import { column, geoColumn, type ColumnDef } from '../../model.ts';
import { allRowsSql } from '../../stream/csv-source.ts';
import { sqlName, sqlText, type DuckSession } from '../../stream/duckdb-session.ts';
import type { StreamedFile } from '../../stream/scan-file.ts';
import type { WrittenTable } from '../../release/tables.ts';
import { extent } from '../../arrays.ts';
import { BLANK_UNIT_LABEL, NOT_A_PLACE, SEIZED_SOURCE } from '../cites-codes.ts';
import { cellsSql } from './cells.ts';
import { faultSql, TYPED_SQL, type Check } from './checks.ts';
import type { GeoCodes } from './geo-codes.ts';

export const SOURCE_ID = 'cites-trade-db';
const TABLE = 'cites_trade_db_shipments';

export function classifiedSql(files: StreamedFile[], list: Check[], geo: GeoCodes, opts: { storeRejects: boolean }): string {
  return `SELECT *,
  ${faultSql(list)} AS fault,
  ${geo.geoOf('importer')} AS importer_geo,
  ${geo.geoOf('exporter')} AS exporter_geo,
  ${geo.geoOf('origin')} AS origin_geo,
  CASE reporter_code WHEN 'I' THEN 'importer' WHEN 'E' THEN 'exporter' END AS reporter_type,
  coalesce(unit, ${sqlText(BLANK_UNIT_LABEL)}) AS unit_label
FROM (SELECT *, ${TYPED_SQL} FROM (${cellsSql(allRowsSql(files, opts))}))`;
}

/** Why a place could not be given a geo, as the pangolin extract's event table says it. */
function placeNote(cell: 'importer' | 'exporter' | 'origin'): string {
  const whens = Object.entries(NOT_A_PLACE).map(([code, why]) => `WHEN ${sqlText(code)} THEN ${sqlText(`${cell} ${why}`)}`);
  return `CASE ${cell} ${whens.join(' ')} END`;
}

const NOT_PLACES = Object.keys(NOT_A_PLACE).map(sqlText).join(', ');
/** Built only for the few records that name XX or SU: assembling text for 23 million rows would cost a second. */
const noteSql = `CASE WHEN importer IN (${NOT_PLACES}) OR exporter IN (${NOT_PLACES}) OR origin IN (${NOT_PLACES})
  THEN concat_ws('; ', ${placeNote('importer')}, ${placeNote('exporter')}, ${placeNote('origin')}) END`;

const EVENT: [ColumnDef, string][] = [
  [column('id', 'VARCHAR', 'Record id as published (Id)'), 'id'],
  [column('year', 'INTEGER', 'Year of the shipment record'), 'year'],
  [column('appendix', 'VARCHAR', 'CITES Appendix (I, II, III)'), 'appendix'],
  [column('taxon', 'VARCHAR', 'Taxon as published'), 'taxon'],
  [column('class', 'VARCHAR', 'Class; blank for plants in the Trade Database'), 'class'],
  [column('taxon_order', 'VARCHAR', 'Order (column Order)'), 'taxon_order'],
  [column('family', 'VARCHAR', 'Family'), 'family'],
  [column('genus', 'VARCHAR', 'Genus; null for higher taxa (… spp.)'), 'genus'],
  [column('term', 'VARCHAR', 'What was traded (live, skins, caviar, sawn wood…)'), 'term'],
  [column('quantity', 'DOUBLE', 'Quantity in unit'), 'quantity'],
  [column('unit', 'VARCHAR', 'Unit as published; null = number of specimens (CITES convention for a blank unit)'), 'unit'],
  [column('unit_label', 'VARCHAR', "Unit with the blank spelled out as 'specimens'"), 'unit_label'],
  [column('importer', 'VARCHAR', "Importer, ISO 3166-1 alpha-2 as published ('XX' = unknown)"), 'importer'],
  [geoColumn('importer_geo', 'Importer geo code; null for XX (unknown) and SU (former USSR)'), 'importer_geo'],
  [column('exporter', 'VARCHAR', "Exporter, ISO 3166-1 alpha-2 as published ('XX' = unknown)"), 'exporter'],
  [geoColumn('exporter_geo', 'Exporter geo code; null for XX and SU'), 'exporter_geo'],
  [column('origin', 'VARCHAR', "Country of origin as published; null = not reported, 'XX' = unknown"), 'origin'],
  [geoColumn('origin_geo', 'Country of origin geo code; null when not reported or not a place'), 'origin_geo'],
  [column('purpose', 'VARCHAR', 'CITES purpose code (T commercial, P personal, S scientific, H hunting trophy, Z zoo, …); null = not reported'), 'purpose'],
  [column('source_code', 'VARCHAR', 'CITES source code (W wild, C captive-bred, A artificially propagated, I confiscated or seized, …); null = not reported'), 'source_code'],
  [column('reporter_type', 'VARCHAR', "Which party reported the record: 'importer' or 'exporter'"), 'reporter_type'],
  [column('import_permit_randomid', 'VARCHAR', 'Anonymised import permit id'), 'import_permit_randomid'],
  [column('export_permit_randomid', 'VARCHAR', 'Anonymised export or re-export permit id'), 'export_permit_randomid'],
  [column('origin_permit_randomid', 'VARCHAR', 'Anonymised permit id of the country of origin'), 'origin_permit_randomid'],
  [column('note', 'VARCHAR', 'Why a code could not be placed (XX, SU)'), noteSql],
  [column('source', 'VARCHAR', 'Source id'), sqlText(SOURCE_ID)],
  [column('source_ref', 'VARCHAR', 'file::row in the published CSV'), `file || '::' || line`],
];

/**
 * A column chunk with more distinct values than this is written without a dictionary. The unique columns (id,
 * permit ids, source_ref) then give up on one early instead of filling one first: 13% less CPU for the whole write
 * (best of 3, 1 M records), and a smaller file, since the coded columns keep theirs.
 */
const DICTIONARY_SIZE_LIMIT = 2000;

/**
 * The records that pass every check, in file order (the query only scans, filters and projects, which DuckDB keeps
 * in order with preserve_insertion_order), so the same files give the same bytes.
 */
export function eventProjectionSql(only?: (c: ColumnDef) => boolean): string {
  return EVENT.filter(([c]) => !only || only(c)).map(([c, sql]) => `CAST(${sql} AS ${c.type}) AS ${sqlName(c.name)}`).join(',\n  ');
}

export async function writeShipments(session: DuckSession, classified: string, path: string): Promise<WrittenTable> {
  const projection = eventProjectionSql();
  await session.keepOrder(true);
  const rowCount = await session.run(
    `COPY (SELECT ${projection} FROM (${classified}) WHERE fault IS NULL) TO ${sqlText(path)} (FORMAT parquet, COMPRESSION zstd, DICTIONARY_SIZE_LIMIT ${DICTIONARY_SIZE_LIMIT})`,
  );
  return {
    name: TABLE,
    title: 'CITES Trade Database shipment records',
    description:
      'One row per shipment-level record of the CITES Trade Database bulk download. Each record is one party’s report; the same physical shipment can appear once as importer-reported and once as exporter-reported.',
    columns: EVENT.map(([c]) => c),
    rowCount,
    path,
  };
}

/** Rows per file in the written table and its latest year, read back from the Parquet file itself. */
export async function writtenCounts(session: DuckSession, path: string): Promise<{ perFile: Map<string, number>; lastYear: number | null }> {
  await session.keepOrder(false);
  const rows = await session.rows(
    `SELECT split_part(source_ref, '::', 1) AS file, count(*)::INTEGER AS n, max(year) AS last_year FROM read_parquet(${sqlText(path)}) GROUP BY 1`,
  );
  const years = rows.map((r) => r['last_year']).filter((y): y is number => typeof y === 'number');
  return { perFile: new Map(rows.map((r) => [String(r['file']), Number(r['n'])])), lastYear: extent(years)?.max ?? null };
}

/** Source-I records with an importer that is a place, from the written table: what the observations count and sum. */
export const SEIZED_TABLE = 'seized';

export async function collectSeized(session: DuckSession, path: string, files: StreamedFile[]): Promise<void> {
  const names = `[${files.map((f) => sqlText(f.layout.name)).join(', ')}]`;
  await session.run(`CREATE TEMP TABLE ${SEIZED_TABLE} AS
SELECT list_position(${names}, file) AS file_no, * FROM (
  SELECT split_part(source_ref, '::', 1) AS file, split_part(source_ref, '::', 2)::INTEGER AS line,
    reporter_type, importer_geo, year, exporter, exporter_geo, term, unit_label, quantity
  FROM read_parquet(${sqlText(path)}) WHERE source_code = ${sqlText(SEIZED_SOURCE)} AND importer_geo IS NOT NULL)`);
}
