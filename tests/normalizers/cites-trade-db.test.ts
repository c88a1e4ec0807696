/**
 * The full CITES Trade Database as a streamed source, on two small files written here in the bulk download's layout
 * (trade_db_<n>.csv: header Id,Year,…,Origin.permit.RandomID; numbers bare, text quoted, "" for an empty cell; the
 * second file with CRLF line ends). Every expected value below was worked out by hand from the rows as written.
 *
 * Each file also holds 2,000 plain filler records (wild-sourced, exporter-reported: no observation comes from them)
 * so that the planted bad records stay under the 1% a file may lose to quarantine.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import tradeDb from '../../scripts/pipeline/normalizers/cites-trade-db/index.ts';
import type { SourceManifest } from '../../scripts/pipeline/manifest.ts';
import type { Observation } from '../../scripts/pipeline/model.ts';
import type { PipelineResult } from '../../scripts/pipeline/run-pipeline.ts';
import { sha256 } from '../../scripts/pipeline/resolve-files.ts';
import { miniRelease } from '../support/mini-release.ts';

const HEADER = 'Id,Year,Appendix,Taxon,Class,Order,Family,Genus,Term,Quantity,Unit,Importer,Exporter,Origin,Purpose,Source,Reporter.type,Import.permit.RandomID,Export.permit.RandomID,Origin.permit.RandomID';
const COLUMNS = HEADER.split(',');
type Col = 'Id' | 'Year' | 'Appendix' | 'Taxon' | 'Class' | 'Order' | 'Family' | 'Genus' | 'Term' | 'Quantity' | 'Unit' | 'Importer' | 'Exporter' | 'Origin' | 'Purpose' | 'Source' | 'Reporter.type' | 'Import.permit.RandomID' | 'Export.permit.RandomID' | 'Origin.permit.RandomID';
const BARE = new Set(['Id', 'Year', 'Quantity']);
/** A number with a thousands separator has to be quoted in a CSV, as any cell holding a comma. */
const needsQuotes = (v: string) => /[",\r\n]/.test(v);

const PANGOLIN: Partial<Record<Col, string>> = { Appendix: 'II', Taxon: 'Manis javanica', Class: 'Mammalia', Order: 'Pholidota', Family: 'Manidae', Genus: 'Manis' };

/** One record as the bulk download writes it. */
function line(cells: Partial<Record<Col, string>>): string {
  const all: Partial<Record<Col, string>> = { ...PANGOLIN, ...cells };
  return COLUMNS.map((c) => {
    const v = all[c as Col] ?? '';
    return BARE.has(c) && v !== '' && !needsQuotes(v) ? v : `"${v.replaceAll('"', '""')}"`;
  }).join(',');
}

const BLANK = ','.repeat(COLUMNS.length - 1);
const FILLER = Array.from({ length: 2000 }, (_, i) =>
  line({ Id: String(900000 + i), Year: '2005', Term: 'live', Quantity: '1', Importer: 'DE', Exporter: 'ID', Purpose: 'T', Source: 'W', 'Reporter.type': 'E' }),
);

function file1Lines(): string[] {
  return [
    HEADER,
    /* 2 */ line({ Id: '1001', Year: '2010', Term: 'skins', Quantity: '12', Importer: 'US', Exporter: 'CN', Origin: 'XX', Purpose: 'T', Source: 'I', 'Reporter.type': 'I', 'Import.permit.RandomID': 'a1b2c3d4e5' }),
    /* 3 */ line({ Id: '1002', Year: '2010', Term: 'skins', Quantity: '3', Importer: 'US', Exporter: 'CN', Purpose: 'T', Source: 'I', 'Reporter.type': 'I' }),
    /* 4 */ line({ Id: '1003', Year: '2010', Term: 'scales', Quantity: '0.1', Unit: 'kg', Importer: 'US', Exporter: 'CN', Source: 'I', 'Reporter.type': 'I' }),
    /* 5 */ line({ Id: '1004', Year: '2010', Term: 'scales', Quantity: '0.2', Unit: 'kg', Importer: 'US', Exporter: 'CN', Source: 'I', 'Reporter.type': 'I' }),
    /* 6 */ line({ Id: '1005', Year: '2010', Term: 'skins', Quantity: '12', Importer: 'US', Exporter: 'CN', Purpose: 'T', Source: 'I', 'Reporter.type': 'E' }),
    /* 7 */ line({ Id: '1006', Year: '2011', Term: 'live', Quantity: '5', Importer: 'NA', Exporter: 'XX', Purpose: 'L', Source: 'I', 'Reporter.type': 'I' }),
    /* 8 */ line({ Id: '1007', Year: '1992', Taxon: 'Manis pentadactyla', Term: 'derivatives', Quantity: '50', Unit: 'cartons', Importer: 'SU', Exporter: 'CN', Purpose: 'T', Source: 'W', 'Reporter.type': 'E' }),
    /* 9 */ BLANK,
    /* 10 */ line({ Id: '1009', Year: '2031', Term: 'skins', Quantity: '1', Importer: 'US', Exporter: 'CN', Source: 'I', 'Reporter.type': 'I' }),
    /* 11 */ line({ Id: '1010', Year: '2010', Term: 'skins', Quantity: '1,200', Importer: 'US', Exporter: 'CN', Source: 'I', 'Reporter.type': 'I' }),
    ...FILLER,
  ];
}

function file2Lines(): string[] {
  const bad = (Id: string, cells: Partial<Record<Col, string>>) =>
    line({ Id, Year: '2010', Term: 'skins', Quantity: '1', Importer: 'US', Exporter: 'CN', Purpose: 'T', Source: 'W', 'Reporter.type': 'I', ...cells });
  return [
    HEADER,
    /* 2 */ line({ Id: '2001', Year: '2010', Term: 'skins', Quantity: '7', Importer: 'US', Exporter: 'CN', Source: 'I', 'Reporter.type': 'I' }),
    /* 3 */ line({ Id: '2002', Year: '2012', Taxon: 'Hybrid, "unspecified"', Genus: '', Term: 'live', Quantity: '2', Importer: '  US ', Exporter: 'CN', Source: 'I', 'Reporter.type': 'I' }),
    /* 4 */ bad('2003', { Importer: 'QQ' }),
    /* 5 */ bad('2004', { Quantity: 'ten' }),
    /* 6 */ bad('2005', { Quantity: '-4' }),
    /* 7 */ bad('2006', { Source: 'Z' }),
    /* 8 */ bad('2007', { Appendix: 'IV' }),
    /* 9 */ bad('2008', { 'Reporter.type': 'X' }),
    /* 10 */ bad('2009', { Purpose: 'K' }),
    /* 11 */ bad('2010', { Taxon: '' }),
    /* 12 */ bad('', {}),
    /* 13 */ bad('2012', { Year: '19x0' }),
    /* 14 */ bad('2013', { Year: '1850' }),
    /* 15 */ bad('2014', { Term: '' }),
    /* 16 */ bad('2015', { Quantity: '' }),
    /* 17 */ bad('2016', { Exporter: 'QR' }),
    /* 18 */ bad('2017', { Origin: 'QS' }),
    ...FILLER,
  ];
}

const lf = (lines: string[]) => Buffer.from(lines.join('\n') + '\n', 'utf8');
const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');

const F1 = 'trade_db_1.csv';
const F2 = 'trade_db_2.csv';

function manifest(files: Record<string, Buffer>): SourceManifest {
  return {
    id: 'cites-trade-db', domain: 'wildlife', feeds: ['wildlife'], core: false, title: 'CITES Trade Database (test)', publisher: 'test',
    release_date: '2023-01-31', url: 'https://trade.cites.org/', licence: 'test', redistribution: { status: 'allowed', reason: 'test' }, citation: 'test', caveats: ['test'],
    files: Object.entries(files).map(([name, bytes]) => ({ name, url: null, sha256: sha256(bytes), format: 'csv' as const, header_row: 1, columns: [...COLUMNS] })),
  };
}

async function release(files: Record<string, Buffer> = { [F1]: lf(file1Lines()), [F2]: crlf(file2Lines()) }): Promise<PipelineResult> {
  return miniRelease([tradeDb], { 'cites-trade-db': files }, { 'cites-trade-db': manifest(files) }).run();
}

async function readParquet(path: string): Promise<Record<string, unknown>[]> {
  return parquetReadObjects({ file: await asyncBufferFromFile(path), compressors });
}

/** An observations.parquet row: aggregates of the Trade Database carry no publisher's labels (labels_id null). */
const obs = (fields: Partial<Observation> & Pick<Observation, 'indicator' | 'geo' | 'year' | 'dimension' | 'category' | 'value' | 'unit' | 'source_ref'>) => ({
  domain: 'wildlife', sex: 'total', age: 'total', counterpart: 'CHN', censored: null, value_min: null, value_max: null, source: 'cites-trade-db', note: null, labels_id: null, ...fields,
});

describe('cites-trade-db on two files in the bulk download’s layout', () => {
  let res: PipelineResult;
  let observations: Record<string, unknown>[];
  let events: Record<string, unknown>[];
  beforeAll(async () => {
    res = await release();
    observations = (await readParquet(join(res.dir, 'observations.parquet'))).filter((o) => o['source'] === 'cites-trade-db');
    events = await readParquet(join(res.dir, 'cites_trade_db_shipments.parquet'));
  });

  it('accounts for every record of each file: read = emitted + quarantined', () => {
    expect(res.accounts.filter((a) => a.source === 'cites-trade-db')).toEqual([
      { source: 'cites-trade-db', file: F1, sheet: null, read: 2010, emitted: 2008, quarantined: 2 },
      { source: 'cites-trade-db', file: F2, sheet: null, read: 2017, emitted: 2002, quarantined: 15 },
    ]);
  });

  it('quarantines each bad record with the column that decided, the cell and the reason', () => {
    const q = (file: string, row: number, column: string | null, value: string | null, reason: string) => ({ source: 'cites-trade-db', file, sheet: null, row, column, value, reason });
    expect(res.quarantine.filter((x) => x.source === 'cites-trade-db')).toEqual([
      q(F1, 9, null, null, 'blank row'),
      q(F1, 10, 'Year', '2031', "year later than the file's own publication on 2023-01-31"),
      q(F2, 4, 'Importer', 'QQ', 'unknown ISO 3166-1 alpha-2 code'),
      q(F2, 5, 'Quantity', 'ten', 'unparseable number'),
      q(F2, 6, 'Quantity', '-4', 'negative value'),
      q(F2, 7, 'Source', 'Z', 'expected one of "W", "R", "D", "A", "C", "F", "U", "I", "O", "X", "Y"'),
      q(F2, 8, 'Appendix', 'IV', 'expected one of "I", "II", "III"'),
      q(F2, 9, 'Reporter.type', 'X', 'expected one of "I", "E"'),
      q(F2, 10, 'Purpose', 'K', 'expected one of "T", "P", "S", "E", "Z", "L", "Q", "M", "H", "B", "G", "N"'),
      q(F2, 11, 'Taxon', null, 'expected a value'),
      q(F2, 12, 'Id', null, 'expected a value'),
      q(F2, 13, 'Year', '19x0', 'expected a four-digit year'),
      q(F2, 14, 'Year', '1850', 'year out of range 1900–2100'),
      q(F2, 15, 'Term', null, 'expected a value'),
      q(F2, 16, 'Quantity', null, 'expected a value'),
      q(F2, 17, 'Exporter', 'QR', 'unknown ISO 3166-1 alpha-2 code'),
      q(F2, 18, 'Origin', 'QS', 'unknown ISO 3166-1 alpha-2 code'),
    ]);
  });

  it('writes one event row per emitted record, in file order, with ISO2 as published and the geo beside it', () => {
    expect(events).toHaveLength(4010);
    expect(events[0]).toEqual({
      id: '1001', year: 2010, appendix: 'II', taxon: 'Manis javanica', class: 'Mammalia', taxon_order: 'Pholidota', family: 'Manidae', genus: 'Manis',
      term: 'skins', quantity: 12, unit: null, unit_label: 'specimens', importer: 'US', importer_geo: 'USA', exporter: 'CN', exporter_geo: 'CHN',
      origin: 'XX', origin_geo: null, purpose: 'T', source_code: 'I', reporter_type: 'importer',
      import_permit_randomid: 'a1b2c3d4e5', export_permit_randomid: null, origin_permit_randomid: null,
      note: 'origin XX = unknown (CITES code, not a place)', source: 'cites-trade-db', source_ref: `${F1}::2`,
    });
    expect(events.map((e) => e['source_ref']).slice(0, 10)).toEqual([2, 3, 4, 5, 6, 7, 8, 11, 12, 13].map((r) => `${F1}::${r}`));
    expect(events.at(-1)!['source_ref']).toBe(`${F2}::2018`);
    const byRef = (ref: string) => events.find((e) => e['source_ref'] === ref)!;
    expect(byRef(`${F1}::7`)).toMatchObject({ importer: 'NA', importer_geo: 'NAM', exporter: 'XX', exporter_geo: null, note: 'exporter XX = unknown (CITES code, not a place)' });
    expect(byRef(`${F1}::8`)).toMatchObject({
      importer: 'SU', importer_geo: null, unit: 'cartons', unit_label: 'cartons', reporter_type: 'exporter',
      note: 'importer SU = former USSR (CITES keeps the code for reports naming it); not attributable to a current country',
    });
    expect(byRef(`${F1}::11`)).toMatchObject({ quantity: 1200 });
    expect(byRef(`${F2}::3`)).toMatchObject({ taxon: 'Hybrid, "unspecified"', genus: null, importer: 'US', importer_geo: 'USA', year: 2012 });
  });

  it('counts source-I records per importer, exporter and reporting side, rows named file by file', () => {
    const counts = observations.filter((o) => o['indicator'] === 'wl_cites_db_confiscated_shipments');
    expect(counts).toEqual([
      obs({ indicator: 'wl_cites_db_confiscated_shipments', geo: 'NAM', year: 2011, counterpart: null, dimension: 'exporter (reported by importer)', category: 'exporter code XX', value: 1, unit: 'shipment records', source_ref: `${F1}::7`, note: 'exporter not known (XX)' }),
      obs({ indicator: 'wl_cites_db_confiscated_shipments', geo: 'USA', year: 2010, dimension: 'exporter (reported by exporter)', category: 'CHN', value: 1, unit: 'shipment records', source_ref: `${F1}::6` }),
      obs({ indicator: 'wl_cites_db_confiscated_shipments', geo: 'USA', year: 2010, dimension: 'exporter (reported by importer)', category: 'CHN', value: 6, unit: 'shipment records', source_ref: `${F1}::2-5,11; ${F2}::2` }),
      obs({ indicator: 'wl_cites_db_confiscated_shipments', geo: 'USA', year: 2012, dimension: 'exporter (reported by importer)', category: 'CHN', value: 1, unit: 'shipment records', source_ref: `${F2}::3` }),
    ]);
  });

  it('sums quantities within one term, unit and side: 0.1 + 0.2 kg is 0.3, "1,200" is 1200, a blank unit is specimens', () => {
    const q = observations.filter((o) => o['indicator'] === 'wl_cites_db_confiscated_quantity');
    expect(q).toEqual([
      obs({ indicator: 'wl_cites_db_confiscated_quantity', geo: 'NAM', year: 2011, counterpart: null, dimension: 'item traded (reported by importer)', category: 'live', value: 5, unit: 'specimens', source_ref: `${F1}::7`, note: 'exporter not known (XX)' }),
      obs({ indicator: 'wl_cites_db_confiscated_quantity', geo: 'USA', year: 2010, dimension: 'item traded (reported by exporter)', category: 'skins', value: 12, unit: 'specimens', source_ref: `${F1}::6` }),
      obs({ indicator: 'wl_cites_db_confiscated_quantity', geo: 'USA', year: 2010, dimension: 'item traded (reported by importer)', category: 'scales', value: 0.3, unit: 'kg', source_ref: `${F1}::4-5` }),
      obs({ indicator: 'wl_cites_db_confiscated_quantity', geo: 'USA', year: 2010, dimension: 'item traded (reported by importer)', category: 'skins', value: 1222, unit: 'specimens', source_ref: `${F1}::2-3,11; ${F2}::2` }),
      obs({ indicator: 'wl_cites_db_confiscated_quantity', geo: 'USA', year: 2012, dimension: 'item traded (reported by importer)', category: 'live', value: 2, unit: 'specimens', source_ref: `${F2}::3` }),
    ]);
  });

  it('lists the written table in the catalog and the data package like any other', () => {
    const catalog = JSON.parse(readFileSync(join(res.dir, 'catalog.json'), 'utf8'));
    const ds = catalog.datasets.find((d: { name: string }) => d.name === 'cites_trade_db_shipments');
    expect(ds).toMatchObject({ path: 'cites_trade_db_shipments.parquet', rows: 4010 });
    expect(ds.sha256).toBe(sha256(readFileSync(join(res.dir, 'cites_trade_db_shipments.parquet'))));
    expect(catalog.accounting.filter((a: { source: string }) => a.source === 'cites-trade-db')).toHaveLength(2);
    const dp = JSON.parse(readFileSync(join(res.dir, 'datapackage.json'), 'utf8'));
    // Resource names allow no '_'; the table's CSV, written from the streamed Parquet a batch at a time, is the tabular resource.
    const resource = dp.resources.find((r: { name: string }) => r.name === 'cites-trade-db-shipments');
    expect(resource.path).toBe('csv/cites_trade_db_shipments.csv');
    expect(resource.schema.fields.map((f: { name: string }) => f.name)).toContain('source_ref');
    expect(readFileSync(join(res.dir, resource.path), 'utf8').split('\r\n').length - 2).toBe(4010);
  });

  it('gives the same bytes for the same files', async () => {
    const again = await release();
    expect(again.version).toBe(res.version);
  });
});

describe('cites-trade-db stops on a malformed file, naming file, row and column', () => {
  const withLine = (lines: string[], row: number, text: string) => lines.map((l, i) => (i === row - 1 ? text : l));
  const run2 = (lines: string[]) => release({ [F1]: lf(file1Lines()), [F2]: crlf(lines) });

  it('a changed header', async () => {
    await expect(run2(withLine(file2Lines(), 1, HEADER.replace('Reporter.type', 'Reporter_type')))).rejects.toThrow(
      `file ${F2}, row 1, column Reporter.type: header changed: expected column 17 to be "Reporter.type", found "Reporter_type"`,
    );
  });

  it('a record with a field missing', async () => {
    const short = file2Lines()[3]!.split(',').slice(0, -1).join(',');
    await expect(run2(withLine(file2Lines(), 4, short))).rejects.toThrow(`file ${F2}, row 4, column Origin.permit.RandomID: the record has 19 fields where the header has 20`);
  });

  it('a record with a field too many, also when it is empty (the reader alone would drop it)', async () => {
    await expect(run2(withLine(file2Lines(), 5, `${file2Lines()[4]},"x"`))).rejects.toThrow(`file ${F2}, row 5, column #21 (beyond the header): the record has more fields than the header's 20`);
    await expect(run2(withLine(file2Lines(), 6, `${file2Lines()[5]},""`))).rejects.toThrow(`file ${F2}, row 6, column #21 (beyond the header)`);
    await expect(run2(withLine(file2Lines(), 7, `${file2Lines()[6]},`))).rejects.toThrow(`file ${F2}, row 7, column #21 (beyond the header)`);
  });

  it('a record with two fields too many', async () => {
    await expect(run2(withLine(file2Lines(), 8, `${file2Lines()[7]},"x","y"`))).rejects.toThrow(`file ${F2}, row 8, column #21 (beyond the header): the CSV reader cannot read this record (too many columns`);
  });

  it('a stray quote inside a quoted cell', async () => {
    const broken = file2Lines()[6]!.replace('"Manis javanica"', '"Manis "javanica"');
    await expect(run2(withLine(file2Lines(), 7, broken))).rejects.toThrow(`file ${F2}, row 7, column Taxon: the CSV reader cannot read this record`);
  });

  it('two broken files, read by two sessions at once: the first file’s error is the one reported', async () => {
    // File 1 and file 2 are each half of the bytes, so each session reads one; file 2's record breaks too.
    const short = file1Lines()[2]!.split(',').slice(0, -1).join(',');
    const broken = file2Lines()[6]!.replace('"Manis javanica"', '"Manis "javanica"');
    await expect(release({ [F1]: lf(withLine(file1Lines(), 3, short)), [F2]: crlf(withLine(file2Lines(), 7, broken)) })).rejects.toThrow(
      `file ${F1}, row 3, column Origin.permit.RandomID: the record has 19 fields where the header has 20`,
    );
  });

  it('a byte that is not UTF-8', async () => {
    const bytes = crlf(file2Lines());
    bytes[bytes.indexOf('Manis javanica', bytes.indexOf('\n2009,')) + 2] = 0xff;
    await expect(release({ [F1]: lf(file1Lines()), [F2]: bytes })).rejects.toThrow(`file ${F2}, row 10, column Taxon: the CSV reader cannot read this record (invalid encoding`);
  });

  it('a blank line among the records, which the reader would skip silently', async () => {
    const lines = file2Lines();
    lines.splice(10, 0, '');
    await expect(run2(lines)).rejects.toThrow(`file ${F2}, row 11: a blank line among the records`);
  });

  it('a file that would lose more than 1% of its records', async () => {
    const lines = file1Lines().slice(0, 200);
    await expect(release({ [F1]: lf(lines) })).rejects.toThrow(`file ${F1}: 2 of 199 records would be quarantined, more than 1%: the file is not in the layout or codes the normalizer knows (the first: row 9, column –, blank row, found null)`);
  });

  it('a file whose bytes are not the manifest’s', async () => {
    const files = { [F1]: lf(file1Lines()) };
    const mini = miniRelease([tradeDb], { 'cites-trade-db': files }, { 'cites-trade-db': manifest(files) });
    writeFileSync(join(mini.mirror, 'wildlife', 'cites-trade-db', F1), lf(file1Lines().slice(0, -1)));
    await expect(mini.run()).rejects.toThrow(`file ${join(mini.mirror, 'wildlife', 'cites-trade-db', F1)}: checksum mismatch`);
  });

  it('a changed file names its checksum, not what the normalizer made of the change', async () => {
    // The checksum pass runs beside the normalizing: a record broken by the change must not be reported as the cause.
    const files = { [F1]: lf(file1Lines()) };
    const mini = miniRelease([tradeDb], { 'cites-trade-db': files }, { 'cites-trade-db': manifest(files) });
    const short = file1Lines()[2]!.split(',').slice(0, -1).join(',');
    writeFileSync(join(mini.mirror, 'wildlife', 'cites-trade-db', F1), lf(file1Lines().map((l, i) => (i === 2 ? short : l))));
    await expect(mini.run()).rejects.toThrow(`file ${join(mini.mirror, 'wildlife', 'cites-trade-db', F1)}: checksum mismatch`);
  });
});
