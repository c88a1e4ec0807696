import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import eia from '../../scripts/pipeline/normalizers/eia-pangolin-seizures/index.ts';
import { loadManifests } from '../../scripts/pipeline/manifest.ts';
import { resolveSource } from '../../scripts/pipeline/resolve-files.ts';
import { runSource, type SourceRun } from '../../scripts/pipeline/run-source.ts';
import { loadReference } from '../../scripts/pipeline/reference/load-reference.ts';
import { loadAliases, type GeoIndex } from '../../scripts/pipeline/reference/geo-index.ts';
import { indexIndicators, validateObservations } from '../../scripts/pipeline/validate.ts';
import type { Observation } from '../../scripts/pipeline/model.ts';
import { fixtureGeo, headerOf, ROOT, runFixture, xlsxBytes, type FixtureCell } from '../support/fixtures.ts';

const FILE = 'Pangolin seizures_EIA_030919.xlsx';
const SHEET = 'INCIDENTS';
const ref = (row: number | string) => `${FILE}:${SHEET}:${row}`;

/** The 34 published columns in order (the three "C/UC" columns by position). */
const KEYS = [
  'reference', 'taxon', 'incidentType', 'location', 'latitude', 'longitude', 'country', 'name', 'description', 'major',
  'year', 'date', 'transit', 'moc', 'mocDescription', 'origin', 'originCuc', 'via', 'viaCuc', 'outbound', 'outboundCuc',
  'destination', 'destinationCuc', 'carcass', 'live', 'whole', 'reportedKg', 'estimatedKg', 'scalesKg', 'estimatedAnimals',
  'extraDescription', 'outcome', 'outcomeDetails', 'outcomeUpdate',
] as const;
type Key = (typeof KEYS)[number];

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** One incident row; cell types as EIA has them (numbers as numbers, hand-typed text as text, dates as dates). */
function incident(cells: Partial<Record<Key, FixtureCell>>): FixtureCell[] {
  const base: Partial<Record<Key, FixtureCell>> = {
    reference: 'Daily Test. 2016. Pangolin scales found in truck. Available from: http://example.org',
    taxon: 'Pangolin',
    incidentType: 'Seizure',
    location: 'Somewhere',
    latitude: 10.5,
    longitude: 100.25,
    name: 'Pangolin seizure',
    description: 'Customs officers found pangolin parts.',
  };
  const all = { ...base, ...cells };
  return KEYS.map((k) => all[k] ?? null);
}

/** Seven incidents typed for this test, one blank line, and one incident typed twice. */
function fixtureRows(): FixtureCell[][] {
  return [
    headerOf('eia-pangolin-seizures'),
    // row 2: China, scales, a route through two countries written as one phrase
    incident({ country: 'China', year: 2016, date: day(2016, 3, 5), transit: 'by air ', via: 'Lagos, Nigeria and Istanbul, Turkey', viaCuc: 'UC', scalesKg: 120.5, estimatedAnimals: 120 }),
    // row 3: China, same year: everything seized but nothing counted ('Y')
    incident({ country: 'China ', year: 2016, date: day(2016, 8, 1), carcass: 'Y', whole: 'Y', scalesKg: 'Y', estimatedAnimals: ' ' }),
    // row 4: Viet Nam under its common name, a censored live count, origin a continent
    incident({ country: 'Vietnam', year: 2016, date: day(2016, 1, 1), origin: 'Africa', originCuc: 'C', destination: 'China', destinationCuc: ' UC', live: '55 (possibly more)', whole: 140, estimatedKg: 700, estimatedAnimals: 140, major: 'Y' }),
    // row 5: Hong Kong, year given as a range
    incident({ country: 'China - Hong Kong', year: 'SPLIT 2015-2016', date: day(2015, 7, 1), scalesKg: 50, estimatedAnimals: 50 }),
    // row 6: a multi-country operation without coordinates
    incident({ country: 'Various', latitude: 'N/A', longitude: 'N/A', year: 2017, date: day(2017, 2, 4), whole: 10, estimatedKg: 50, estimatedAnimals: 10 }),
    // row 7: Malaysia, censored carcasses, weight typed with its unit, a coordinate with a non-breaking space
    incident({ country: 'Malaysia', latitude: '\u00a06.43183', longitude: 116.267007, year: 2017, date: day(2017, 2, 7), transit: 'By Road', carcass: '>572', live: 61, whole: 633, reportedKg: '556kg', scalesKg: 361, estimatedAnimals: 6000, outcome: 'INVESTIGATION ONGOING' }),
    [],
    // row 9: Thailand, a range of animals, a text date, a place name in a C/UC cell
    incident({ country: 'Thailand', year: 2015, date: 'SPLIT 2014-2015', carcass: 'no exact number ', whole: '60 -120', estimatedAnimals: 60, origin: 'Accra, Ghana', originCuc: 'Dubai' }),
    // row 10: row 7 typed again
    incident({ country: 'Malaysia', latitude: '\u00a06.43183', longitude: 116.267007, year: 2017, date: day(2017, 2, 7), transit: 'By Road', carcass: '>572', live: 61, whole: 633, reportedKg: '556kg', scalesKg: 361, estimatedAnimals: 6000, outcome: 'INVESTIGATION ONGOING' }),
  ];
}

async function run(rows: FixtureCell[][]): Promise<SourceRun> {
  return runFixture(eia, { [FILE]: await xlsxBytes(SHEET, rows) });
}

/** Replace one cell of one fixture row (1-based spreadsheet row number) by column key. */
function withCell(row: number, key: Key, value: FixtureCell): FixtureCell[][] {
  const rows = fixtureRows();
  rows[row - 1]![KEYS.indexOf(key)] = value;
  return rows;
}

const obs = (fields: Partial<Observation> & Pick<Observation, 'indicator' | 'geo' | 'year' | 'value' | 'unit' | 'source_ref'>): Observation => ({
  domain: 'wildlife',
  sex: 'total',
  age: 'total',
  dimension: 'total',
  category: 'total',
  counterpart: null,
  censored: null,
  value_min: null,
  value_max: null,
  source: 'eia-pangolin-seizures',
  note: null,
  ...fields,
});

describe('eia-pangolin-seizures on a fixture in EIA’s layout', () => {
  let result: SourceRun;
  let geo: GeoIndex;
  beforeAll(async () => {
    result = await run(fixtureRows());
    geo = await fixtureGeo();
  });

  it('accounts for every row: 9 read = 7 emitted + 1 blank + 1 exact duplicate', () => {
    expect(result.accounts).toEqual([
      { source: 'eia-pangolin-seizures', file: FILE, sheet: SHEET, read: 9, emitted: 7, quarantined: 2 },
    ]);
    expect(result.quarantine.map((q) => [q.row, q.reason])).toEqual([
      [8, 'blank row'],
      [10, 'exact duplicate of row 7'],
    ]);
  });

  it('keeps every incident in the event table, with censored cells marked and the published text beside codes', () => {
    const rows = result.output.events[0]!.rows;
    expect(rows.map((r) => r['source_ref'])).toEqual([2, 3, 4, 5, 6, 7, 9].map(ref));
    expect(rows[5]).toEqual({
      reference: 'Daily Test. 2016. Pangolin scales found in truck. Available from: http://example.org',
      taxon: 'Pangolin',
      incident_type: 'Seizure',
      incident_name: 'Pangolin seizure',
      description: 'Customs officers found pangolin parts.',
      location: 'Somewhere',
      latitude: 6.43183,
      longitude: 116.267007,
      country: 'Malaysia',
      geo: 'MYS',
      year: 2017,
      year_note: null,
      date: '2017-02-07',
      date_note: null,
      major_500kg: null,
      transit_type: 'By road',
      concealment_method: null,
      concealment_description: null,
      origin: null, origin_geo: null, origin_confirmed: null,
      via: null, via_geo: null, via_confirmed: null,
      outbound: null, outbound_geo: null, outbound_confirmed: null,
      destination: null, destination_geo: null, destination_confirmed: null,
      carcass_number: null,
      carcass_censored: '>572',
      carcass_unknown_number: false,
      live_number: 61,
      live_censored: null,
      whole_number: 633,
      whole_censored: null,
      whole_unknown_number: false,
      reported_weight_kg: 556,
      estimated_weight_kg: null,
      scales_weight_kg: 361,
      scales_seized_unknown_weight: false,
      estimated_pangolins: 6000,
      extra_description: null,
      outcome: 'INVESTIGATION ONGOING',
      outcome_details: null,
      outcome_update_reference: null,
      note: null,
      source: 'eia-pangolin-seizures',
      source_ref: ref(7),
    });
  });

  it('reads every documented text pattern explicitly', () => {
    const [china, chinaY, vietnam, hongKong, various, , thailand] = result.output.events[0]!.rows;
    expect(china).toMatchObject({ via_geo: 'NGA,TUR', via_confirmed: false, transit_type: 'By air', scales_weight_kg: 120.5 });
    expect(chinaY).toMatchObject({ geo: 'CHN', carcass_unknown_number: true, whole_unknown_number: true, scales_seized_unknown_weight: true, scales_weight_kg: null, estimated_pangolins: null });
    expect(vietnam).toMatchObject({ geo: 'VNM', origin_geo: '002', origin_confirmed: true, destination_geo: 'CHN', destination_confirmed: false, live_number: null, live_censored: '>=55', major_500kg: true });
    expect(hongKong).toMatchObject({ geo: 'HKG', year: null, year_note: 'SPLIT 2015-2016', date: '2015-07-01', note: 'Year is a range ("SPLIT 2015-2016"); not counted in any year' });
    expect(various).toMatchObject({
      geo: null, latitude: null, longitude: null, year: 2017,
      note: "country \"Various\": multi-country operation (INTERPOL/WCO-coordinated, Country 'Various'); not attributable to one country",
    });
    expect(thailand).toMatchObject({
      date: null, date_note: 'SPLIT 2014-2015', carcass_unknown_number: true, whole_number: null, whole_censored: '60-120',
      origin_geo: 'GHA', origin_confirmed: null,
      note: 'Date given as text ("SPLIT 2014-2015"); the origin C/UC cell holds a place name ("Dubai") instead of C or UC',
    });
  });

  it('counts incidents per country and year, leaving out year ranges and multi-country operations', () => {
    const counts = result.output.observations.filter((o) => o.indicator === 'wl_pangolin_seizures');
    expect(counts.map((o) => [o.geo, o.year, o.value])).toEqual([
      ['CHN', 2016, 2],
      ['MYS', 2017, 1],
      ['THA', 2015, 1],
      ['VNM', 2016, 1],
    ]);
    expect(counts[0]).toEqual(obs({ indicator: 'wl_pangolin_seizures', geo: 'CHN', year: 2016, value: 2, unit: 'incidents', source_ref: ref('2-3') }));
  });

  it('flags a scale weight that includes a seizure without weight as a lower bound, never summing the unknown', () => {
    const scales = result.output.observations.filter((o) => o.indicator === 'wl_pangolin_seized_kg' && o.geo === 'CHN');
    expect(scales).toEqual([
      obs({
        indicator: 'wl_pangolin_seized_kg', geo: 'CHN', year: 2016, dimension: 'product', category: 'scales', value: null, unit: 'kg',
        censored: '>=120.5', value_min: 120.5, source_ref: ref('2-3'),
        note: "1 of 2 scale seizures have no weight ('Y'); the value is the sum of the known weights",
      }),
    ]);
    const whole = result.output.observations.find((o) => o.indicator === 'wl_pangolin_seized_kg' && o.geo === 'VNM');
    expect(whole).toEqual(obs({ indicator: 'wl_pangolin_seized_kg', geo: 'VNM', year: 2016, dimension: 'product', category: 'whole pangolins (EIA estimate)', value: 700, unit: 'kg', source_ref: ref(4) }));
  });

  it('sums EIA’s animal estimates and says how many incidents had none', () => {
    const china = result.output.observations.find((o) => o.indicator === 'wl_pangolin_seized_animals' && o.geo === 'CHN');
    expect(china).toEqual(obs({
      indicator: 'wl_pangolin_seized_animals', geo: 'CHN', year: 2016, value: 120, unit: 'pangolins', source_ref: ref(2),
      note: '1 of 2 incidents have no EIA estimate and are not included',
    }));
  });

  it('turns named route places into counterpart countries, one count per role and country', () => {
    const routes = result.output.observations.filter((o) => o.indicator === 'wl_pangolin_seizure_routes');
    expect(routes.every((o) => o.category === o.counterpart)).toBe(true);
    expect(routes.map((o) => [o.geo, o.year, o.dimension, o.counterpart, o.value])).toEqual([
      ['CHN', 2016, 'via', 'NGA', 1],
      ['CHN', 2016, 'via', 'TUR', 1],
      ['THA', 2015, 'origin', 'GHA', 1],
      ['VNM', 2016, 'destination', 'CHN', 1],
      ['VNM', 2016, 'origin', '002', 1],
    ]);
    expect(routes[4]).toEqual(obs({
      indicator: 'wl_pangolin_seizure_routes', geo: 'VNM', year: 2016, dimension: 'origin', category: '002', counterpart: '002', value: 1, unit: 'incidents',
      source_ref: ref(4), note: 'confirmed 1, unconfirmed 0, not marked 0',
    }));
  });

  it('passes the release contract', () => {
    expect(() => validateObservations(result.output.observations, indexIndicators(eia.indicators), geo)).not.toThrow();
  });
});

describe('eia-pangolin-seizures stops on bad input, naming the cell', () => {
  const at = (row: number, column: string) => `file ${FILE}, sheet ${SHEET}, row ${row}, column ${column}`;
  const scalesColumn = 'Scales weight (kg). Indicate "Y" if seized, but no weight given';

  it('a changed header', async () => {
    const rows = fixtureRows();
    rows[0]![1] = 'Species';
    await expect(run(rows)).rejects.toThrow(`file ${FILE}, sheet ${SHEET}, row 1, column Taxon: header changed: expected column 2 to be "Taxon", found "Species"`);
  });

  it('an unparseable amount', async () => {
    await expect(run(withCell(2, 'scalesKg', 'about 5'))).rejects.toThrow(`${at(2, scalesColumn)}: unparseable amount, found "about 5"`);
  });

  it("a 'Y' where the column has no such convention", async () => {
    await expect(run(withCell(2, 'estimatedAnimals', 'Y'))).rejects.toThrow(/column Estimated number of pangolins .*: unparseable amount, found "Y"$/);
  });

  it('a negative count', async () => {
    await expect(run(withCell(4, 'whole', -3))).rejects.toThrow(`${at(4, 'Whole pangolins (live + dead OR reported without details)')}: negative value, found -3`);
  });

  it('a year that is neither a year nor a documented range', async () => {
    await expect(run(withCell(2, 'year', 'circa 2016'))).rejects.toThrow(`${at(2, 'Year')}: expected a four-digit year or a range such as "SPLIT 2015-2016", found "circa 2016"`);
  });

  it('an unknown country name', async () => {
    await expect(run(withCell(2, 'country', 'Atlantis'))).rejects.toThrow(
      `${at(2, 'Country')}: unknown country name "Atlantis"; add it to data/reference/aliases/eia-pangolin-seizures.csv`,
    );
  });

  it('an unknown place inside a route list', async () => {
    await expect(run(withCell(2, 'via', 'Lagos, Nigeria and Springfield'))).rejects.toThrow(
      `${at(2, 'Via (coming from, before seized)')}: unknown place name "Springfield" in "Lagos, Nigeria and Springfield"; add it to data/reference/aliases/eia-pangolin-seizures.csv`,
    );
  });

  it('a C/UC mark that is neither C, UC nor a documented misplaced place name', async () => {
    await expect(run(withCell(2, 'viaCuc', 'maybe'))).rejects.toThrow(`${at(2, 'C/UC')}: expected C or UC, found "maybe"`);
  });

  it('an unknown transit type', async () => {
    await expect(run(withCell(2, 'transit', 'By balloon'))).rejects.toThrow(`${at(2, 'Transit type')}: unknown transit type, found "By balloon"`);
  });
});

const SOURCES_DIR = process.env['SOURCES_DIR'] ?? join(ROOT, '..', 'shared', 'sources');
const MIRROR_FILE = join(SOURCES_DIR, 'wildlife', 'eia-pangolin-seizures', FILE);

describe.skipIf(!existsSync(MIRROR_FILE))('eia-pangolin-seizures on the mirrored workbook', () => {
  let result: SourceRun;
  beforeAll(async () => {
    const opts = { sourcesDir: SOURCES_DIR, downloadDir: join(ROOT, 'data', 'raw') };
    const manifests = loadManifests(join(ROOT, 'data', 'sources'));
    const reference = await loadReference(opts, manifests, ROOT);
    const manifest = manifests.find((m) => m.id === 'eia-pangolin-seizures')!;
    const aliases = loadAliases(join(ROOT, 'data', 'reference', 'aliases'), manifest.id);
    result = await runSource(eia, manifest, await resolveSource(opts, manifest), reference.geo, aliases);
    validateObservations(result.output.observations, indexIndicators(eia.indicators), reference.geo);
  });

  it('accounts for the 1,104 incidents of PROVENANCE.md, all in the event table', () => {
    expect(result.accounts).toEqual([{ source: 'eia-pangolin-seizures', file: FILE, sheet: SHEET, read: 1104, emitted: 1104, quarantined: 0 }]);
    expect(result.output.events[0]!.rows).toHaveLength(1104);
  });

  // Values below were read from the workbook's XML with python3 (zipfile + ElementTree), not with our reader.
  it('row 1037: censored carcasses, 61 live, 633 whole, 29,800 kg reported, 361 kg scales, 6,000 estimated', () => {
    const row = result.output.events[0]!.rows.find((r) => r['source_ref'] === ref(1037));
    expect(row).toMatchObject({
      geo: 'MYS', year: 2019, date: '2019-02-07', carcass_number: null, carcass_censored: '>572', live_number: 61, whole_number: 633,
      reported_weight_kg: 29800, scales_weight_kg: 361, estimated_pangolins: 6000,
    });
  });

  it("row 850: live '55 (possibly more)' kept as '>=55', scales 'Y' as a flag", () => {
    const row = result.output.events[0]!.rows.find((r) => r['source_ref'] === ref(850));
    expect(row).toMatchObject({ geo: 'MYS', date: '2017-11-16', live_number: null, live_censored: '>=55', whole_number: 140, scales_seized_unknown_weight: true, estimated_pangolins: 140 });
  });

  it('row 2: Hong Kong, 15 March 2000, 2,145 kg of scales', () => {
    const row = result.output.events[0]!.rows.find((r) => r['source_ref'] === ref(2));
    expect(row).toMatchObject({ country: 'China - Hong Kong', geo: 'HKG', year: 2000, date: '2000-03-15', scales_weight_kg: 2145, via_geo: 'IDN' });
  });

  it('yearly figures match sums taken independently from the workbook', () => {
    const find = (indicator: string, geo: string, year: number, category = 'total') =>
      result.output.observations.find((o) => o.indicator === indicator && o.geo === geo && o.year === year && o.category === category);
    expect(find('wl_pangolin_seizures', 'MYS', 2017)).toMatchObject({ value: 15, source_ref: ref('766,782,784,791,793,803,805,817-818,825,833,839,846,850-851') });
    expect(find('wl_pangolin_seized_animals', 'VNM', 2015)).toMatchObject({ value: 6810 });
    expect(find('wl_pangolin_seized_kg', 'CHN', 2014, 'scales')).toMatchObject({
      value: null, censored: '>=474.869', value_min: 474.869, value_max: null, source_ref: ref('305,310,312,314,319,332,357,370,384'),
    });
  });

  it('year counts of PROVENANCE.md (2014: 104 … 2019: 83) are in the event table', () => {
    const perYear = new Map<unknown, number>();
    for (const r of result.output.events[0]!.rows) perYear.set(r['year'], (perYear.get(r['year']) ?? 0) + 1);
    expect([2014, 2015, 2016, 2017, 2018, 2019].map((y) => perYear.get(y))).toEqual([104, 152, 180, 117, 161, 83]);
    expect(perYear.get(null)).toBe(10);
  });
});
