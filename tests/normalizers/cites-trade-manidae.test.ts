import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import cites from '../../scripts/pipeline/normalizers/cites-trade-manidae.ts';
import { loadManifests } from '../../scripts/pipeline/manifest.ts';
import { resolveSource } from '../../scripts/pipeline/resolve-files.ts';
import { runSource, type SourceRun } from '../../scripts/pipeline/run-source.ts';
import { loadReference } from '../../scripts/pipeline/reference/load-reference.ts';
import { loadAliases, type GeoIndex } from '../../scripts/pipeline/reference/geo-index.ts';
import { indexIndicators, validateObservations } from '../../scripts/pipeline/validate.ts';
import type { Observation } from '../../scripts/pipeline/model.ts';
import { csvBytes, fixtureGeo, headerOf, ROOT, runFixture, type FixtureCell } from '../support/fixtures.ts';

const FILE = 'manidae_shipments.csv';
const ref = (rows: number | string) => `${FILE}::${rows}`;

const KEYS = [
  'id', 'year', 'appendix', 'taxon', 'class', 'ord', 'family', 'genus', 'term', 'quantity', 'unit', 'importer', 'exporter',
  'origin', 'purpose', 'source', 'reporter_type', 'import_permit_randomid', 'export_permit_randomid', 'origin_permit_randomid',
] as const;
type Key = (typeof KEYS)[number];

/** One shipment record as the extract writes it: every field text, blanks empty. */
function record(cells: Partial<Record<Key, string>>): FixtureCell[] {
  const base: Partial<Record<Key, string>> = {
    appendix: 'II', taxon: 'Manis javanica', class: 'Mammalia', ord: 'Pholidota', family: 'Manidae', genus: 'Manis',
  };
  const all = { ...base, ...cells };
  return KEYS.map((k) => all[k] ?? '');
}

function fixtureRows(): FixtureCell[][] {
  return [
    headerOf('cites-trade-manidae'),
    // rows 2–3: two importer-reported seizures of skins, US from China
    record({ id: '1001', year: '2010', term: 'skins', quantity: '12', importer: 'US', exporter: 'CN', origin: 'XX', purpose: 'T', source: 'I', reporter_type: 'I' }),
    record({ id: '1002', year: '2010', term: 'skins', quantity: '3', importer: 'US', exporter: 'CN', purpose: 'T', source: 'I', reporter_type: 'I' }),
    // rows 4–5: scales in kg: 0.1 + 0.2 must read 0.3
    record({ id: '1003', year: '2010', term: 'scales', quantity: '0.1', unit: 'kg', importer: 'US', exporter: 'CN', source: 'I', reporter_type: 'I' }),
    record({ id: '1004', year: '2010', term: 'scales', quantity: '0.2', unit: 'kg', importer: 'US', exporter: 'CN', source: 'I', reporter_type: 'I', import_permit_randomid: 'a1b2c3d4e5' }),
    // row 6: the exporter's report of a shipment: kept apart from the importer's
    record({ id: '1005', year: '2010', term: 'skins', quantity: '12', importer: 'US', exporter: 'CN', purpose: 'T', source: 'I', reporter_type: 'E' }),
    // row 7: NA is Namibia, not "missing"; exporter unknown
    record({ id: '1006', year: '2011', term: 'live', quantity: '5', importer: 'NA', exporter: 'XX', purpose: 'L', source: 'I', reporter_type: 'I' }),
    // row 8: a wild-sourced record naming the former USSR
    record({ id: '1007', year: '1992', appendix: 'II', taxon: 'Manis pentadactyla', term: 'derivatives', quantity: '50', unit: 'cartons', importer: 'SU', exporter: 'CN', purpose: 'T', source: 'W', reporter_type: 'E' }),
    // row 9: same as row 2 but for the id: a separate shipment in CITES
    record({ id: '1008', year: '2010', term: 'skins', quantity: '12', importer: 'US', exporter: 'CN', origin: 'XX', purpose: 'T', source: 'I', reporter_type: 'I' }),
    // row 10: row 2 written twice, id included
    record({ id: '1001', year: '2010', term: 'skins', quantity: '12', importer: 'US', exporter: 'CN', origin: 'XX', purpose: 'T', source: 'I', reporter_type: 'I' }),
  ];
}

async function run(rows: FixtureCell[][]): Promise<SourceRun> {
  return runFixture(cites, { [FILE]: csvBytes(rows) });
}

function withCell(row: number, key: Key, value: string): FixtureCell[][] {
  const rows = fixtureRows();
  rows[row - 1]![KEYS.indexOf(key)] = value;
  return rows;
}

const obs = (fields: Partial<Observation> & Pick<Observation, 'indicator' | 'geo' | 'year' | 'dimension' | 'category' | 'value' | 'unit' | 'source_ref'>): Observation => ({
  domain: 'wildlife',
  sex: 'total',
  age: 'total',
  counterpart: 'CHN',
  censored: null,
  value_min: null,
  value_max: null,
  source: 'cites-trade-manidae',
  note: null,
  ...fields,
});

describe('cites-trade-manidae on a fixture in the extract’s layout', () => {
  let result: SourceRun;
  let geo: GeoIndex;
  beforeAll(async () => {
    result = await run(fixtureRows());
    geo = await fixtureGeo();
  });

  it('accounts for every row: 9 read = 8 emitted + 1 exact duplicate', () => {
    expect(result.accounts).toEqual([{ source: 'cites-trade-manidae', file: FILE, sheet: null, read: 9, emitted: 8, quarantined: 1 }]);
    expect(result.quarantine).toEqual([
      { source: 'cites-trade-manidae', file: FILE, sheet: null, row: 10, column: 'id', value: '1001', reason: 'exact duplicate of row 2' },
    ]);
  });

  it('keeps each record as an event row with ISO2 as published and ISO3 beside it', () => {
    const rows = result.output.events[0]!.rows;
    expect(rows).toHaveLength(8);
    expect(rows[0]).toEqual({
      record_id: 1001, year: 2010, appendix: 'II', taxon: 'Manis javanica', genus: 'Manis', term: 'skins', quantity: 12,
      unit: null, unit_label: 'specimens',
      importer: 'US', importer_geo: 'USA', exporter: 'CN', exporter_geo: 'CHN', origin: 'XX', origin_geo: null,
      purpose: 'T', source_code: 'I', reporter_type: 'importer',
      import_permit_randomid: null, export_permit_randomid: null, origin_permit_randomid: null,
      note: 'origin XX = unknown (CITES code, not a place)',
      source: 'cites-trade-manidae', source_ref: ref(2),
    });
    expect(rows[5]).toMatchObject({ importer: 'NA', importer_geo: 'NAM', exporter: 'XX', exporter_geo: null });
    expect(rows[6]).toMatchObject({
      importer: 'SU', importer_geo: null, source_code: 'W',
      note: 'importer SU = former USSR (CITES keeps the code for reports naming it); not attributable to a current country',
    });
  });

  it('counts source-I records per importer, exporter and reporting side, never adding the two sides', () => {
    const counts = result.output.observations.filter((o) => o.indicator === 'wl_cites_confiscated_shipments');
    expect(counts).toEqual([
      obs({ indicator: 'wl_cites_confiscated_shipments', geo: 'NAM', year: 2011, counterpart: null, dimension: 'exporter (reported by importer)', category: 'exporter code XX', value: 1, unit: 'shipment records', source_ref: ref(7), note: 'exporter not known (XX)' }),
      obs({ indicator: 'wl_cites_confiscated_shipments', geo: 'USA', year: 2010, dimension: 'exporter (reported by exporter)', category: 'CHN', value: 1, unit: 'shipment records', source_ref: ref(6) }),
      obs({ indicator: 'wl_cites_confiscated_shipments', geo: 'USA', year: 2010, dimension: 'exporter (reported by importer)', category: 'CHN', value: 5, unit: 'shipment records', source_ref: ref('2-5,9') }),
    ]);
  });

  it('sums quantities within one term, unit and side, a blank unit read as specimens', () => {
    const q = result.output.observations.filter((o) => o.indicator === 'wl_cites_confiscated_quantity' && o.geo === 'USA');
    expect(q).toEqual([
      obs({ indicator: 'wl_cites_confiscated_quantity', geo: 'USA', year: 2010, dimension: 'item traded (reported by exporter)', category: 'skins', value: 12, unit: 'specimens', source_ref: ref(6) }),
      obs({ indicator: 'wl_cites_confiscated_quantity', geo: 'USA', year: 2010, dimension: 'item traded (reported by importer)', category: 'scales', value: 0.3, unit: 'kg', source_ref: ref('4-5') }),
      obs({ indicator: 'wl_cites_confiscated_quantity', geo: 'USA', year: 2010, dimension: 'item traded (reported by importer)', category: 'skins', value: 27, unit: 'specimens', source_ref: ref('2-3,9') }),
    ]);
  });

  it('passes the release contract', () => {
    expect(() => validateObservations(result.output.observations, indexIndicators(cites.indicators), geo)).not.toThrow();
  });
});

describe('cites-trade-manidae stops on bad input, naming the cell', () => {
  const at = (row: number, column: string) => `file ${FILE}, row ${row}, column ${column}`;

  it('a changed header', async () => {
    const rows = fixtureRows();
    rows[0]![16] = 'reporter';
    await expect(run(rows)).rejects.toThrow(`file ${FILE}, row 1, column reporter_type: header changed: expected column 17 to be "reporter_type", found "reporter"`);
  });

  it('an unparseable quantity', async () => {
    await expect(run(withCell(3, 'quantity', 'ten'))).rejects.toThrow(`${at(3, 'quantity')}: unparseable number, found "ten"`);
  });

  it('a negative quantity', async () => {
    await expect(run(withCell(3, 'quantity', '-4'))).rejects.toThrow(`${at(3, 'quantity')}: negative value, found "-4"`);
  });

  it('an unknown country code', async () => {
    await expect(run(withCell(3, 'exporter', 'QQ'))).rejects.toThrow(`${at(3, 'exporter')}: unknown ISO 3166-1 alpha-2 code, found "QQ"`);
  });

  it('an undocumented source code', async () => {
    await expect(run(withCell(3, 'source', 'Z'))).rejects.toThrow(`${at(3, 'source')}: expected one of "W", "R", "D", "A", "C", "F", "U", "I", "O", "X", "Y", found "Z"`);
  });

  it('a record of another family', async () => {
    await expect(run(withCell(3, 'family', 'Felidae'))).rejects.toThrow(`${at(3, 'family')}: expected one of "Manidae", found "Felidae"`);
  });

  it('a repeated id with conflicting values', async () => {
    await expect(run(withCell(10, 'quantity', '13'))).rejects.toThrow(`${at(10, 'id')}: duplicate key with conflicting values: id 1001 also on row 2 with different cells`);
  });
});

const SOURCES_DIR = process.env['SOURCES_DIR'] ?? join(ROOT, '..', 'shared', 'sources');
const MIRROR_FILE = join(SOURCES_DIR, 'wildlife', 'cites-trade-manidae', FILE);

describe.skipIf(!existsSync(MIRROR_FILE))('cites-trade-manidae on the mirrored extract', () => {
  let result: SourceRun;
  beforeAll(async () => {
    const opts = { sourcesDir: SOURCES_DIR, downloadDir: join(ROOT, 'data', 'raw') };
    const manifests = loadManifests(join(ROOT, 'data', 'sources'));
    const reference = await loadReference(opts, manifests, ROOT);
    const manifest = manifests.find((m) => m.id === 'cites-trade-manidae')!;
    const aliases = loadAliases(join(ROOT, 'data', 'reference', 'aliases'), manifest.id);
    result = await runSource(cites, manifest, await resolveSource(opts, manifest), reference.geo, aliases);
    validateObservations(result.output.observations, indexIndicators(cites.indicators), reference.geo);
  });

  it('accounts for the 3,631 records of PROVENANCE.md, all in the event table', () => {
    expect(result.accounts).toEqual([{ source: 'cites-trade-manidae', file: FILE, sheet: null, read: 3631, emitted: 3631, quarantined: 0 }]);
    expect(result.output.events[0]!.rows).toHaveLength(3631);
  });

  // Values below were counted from the CSV with python3's csv module, not with our reader.
  it('548 source-I records, per year as counted independently', () => {
    const perYear = new Map<number, number>();
    for (const o of result.output.observations) {
      if (o.indicator === 'wl_cites_confiscated_shipments') perYear.set(o.year, (perYear.get(o.year) ?? 0) + o.value!);
    }
    expect([...perYear.values()].reduce((a, b) => a + b, 0)).toBe(548);
    expect([1981, 1990, 1998, 2009, 2010, 2014, 2017].map((y) => perYear.get(y))).toEqual([3, 12, 22, 53, 62, 23, 19]);
    const sides = result.output.events[0]!.rows.filter((r) => r['source_code'] === 'I');
    expect(sides.filter((r) => r['reporter_type'] === 'importer')).toHaveLength(529);
    expect(sides.filter((r) => r['reporter_type'] === 'exporter')).toHaveLength(19);
  });

  it('US imports from China, 2009, reported by the importer: 26 records', () => {
    const o = result.output.observations.find((x) => x.indicator === 'wl_cites_confiscated_shipments' && x.geo === 'USA' && x.year === 2009 && x.counterpart === 'CHN' && x.dimension === 'exporter (reported by importer)');
    expect(o).toMatchObject({ value: 26, source_ref: ref('370,373,378-380,382,385-386,388,391-395,399-409,3160') });
  });

  it('US imports from Viet Nam, 2009: 18,338 derivatives (specimens); South Africa from Hong Kong, 2017: 27.6 kg of scales', () => {
    const q = (geo: string, year: number, counterpart: string, category: string, unit: string) =>
      result.output.observations.find(
        (x) => x.indicator === 'wl_cites_confiscated_quantity' && x.dimension === 'item traded (reported by importer)' && x.geo === geo && x.year === year && x.counterpart === counterpart && x.category === category && x.unit === unit,
      );
    expect(q('USA', 2009, 'VNM', 'derivatives', 'specimens')).toMatchObject({ value: 18338, source_ref: ref('389,3150-3156,3158-3159,3161-3162') });
    expect(q('ZAF', 2017, 'HKG', 'scales', 'kg')).toMatchObject({ value: 27.6, source_ref: ref('3628-3629') });
  });

  it('row 2: record 326704, 356 skins, US from Spain, origin unknown', () => {
    expect(result.output.events[0]!.rows[0]).toMatchObject({
      record_id: 326704, year: 1979, term: 'skins', quantity: 356, unit: null, unit_label: 'specimens', importer_geo: 'USA', exporter_geo: 'ESP', origin: 'XX', origin_geo: null, source_code: null, source_ref: ref(2),
    });
  });
});
