import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import source from '../../scripts/pipeline/normalizers/iom-missing-migrants/index.ts';
import { loadManifests } from '../../scripts/pipeline/manifest.ts';
import { resolveSource } from '../../scripts/pipeline/resolve-files.ts';
import { runSource, type SourceRun } from '../../scripts/pipeline/run-source.ts';
import { loadReference } from '../../scripts/pipeline/reference/load-reference.ts';
import { nameKey, type GeoResolution } from '../../scripts/pipeline/reference/geo-index.ts';
import type { Observation } from '../../scripts/pipeline/model.ts';
import {
  ROOT, fixtureGeo, fixtureMirror, headerOf, projectAliases, realManifest, runFixture, xlsxBytes, type FixtureCell,
} from '../support/fixtures.ts';

const FILE = 'Missing_Migrants_Global_Figures_allData.xlsx';
const SHEET = 'Worksheet';
const HEADER = headerOf(source.id);
const ref = (rows: string) => `${FILE}:${SHEET}:${rows}`;

/** One record in the publisher's layout: ids, dates and coordinates are text cells, counts and year are numbers. */
function rec(cells: Record<string, FixtureCell>): FixtureCell[] {
  for (const k of Object.keys(cells)) if (!HEADER.includes(k)) throw new Error(`fixture uses unknown column ${k}`);
  return HEADER.map((h) => cells[h] ?? null);
}

const BASE: Record<string, FixtureCell> = {
  'Main ID': '2019.MMP00001',
  'Incident ID': '2019.MMP00001',
  'Incident Type': 'Incident',
  'Region of Incident': 'Mediterranean',
  'Incident Date': '2019-01-05',
  'Incident Year': 2019,
  Month: 'January',
  'Number of Dead': 3,
  'Minimum Estimated Number of Missing': 10,
  'Total Number of Dead and Missing': 13,
  'Number of Survivors': 20,
  'Number of Males': 3,
  'Country of Origin': 'Unknown',
  'Region of Origin': 'Unknown',
  'Cause of Death': 'Drowning',
  'Country of Incident': 'Libya',
  'Migration Route': 'Central Mediterranean',
  'Location of Incident': 'Off Zuwara, Libya ',
  Coordinates: '33.0, 12.1',
  'UNSD Geographical Grouping': 'Uncategorized',
  'Information Source': 'IOM Libya',
  URL: 'https://example.org/a',
  'Source Quality': 4,
};

/** Rows 2–9 of the fixture sheet. */
const RECORDS: FixtureCell[][] = [
  rec(BASE),
  rec({
    ...BASE, 'Main ID': '2019.MMP00002', 'Incident ID': '2019.MMP00002', 'Region of Incident': 'North America',
    'Incident Date': '2019-03-10', Month: 'March', 'Number of Dead': 1, 'Minimum Estimated Number of Missing': null,
    'Total Number of Dead and Missing': 1, 'Number of Survivors': null, 'Number of Males': 1, 'Country of Origin': 'Mexico',
    'Region of Origin': 'Central America', 'Cause of Death': 'Harsh environmental conditions / lack of adequate shelter, food, water',
    'Country of Incident': 'United States of America', 'Migration Route': 'US-Mexico border crossing', 'Location of Incident': 'Pima County',
    Coordinates: '32.1, -111.9', 'UNSD Geographical Grouping': 'Northern America', URL: null, 'Source Quality': 5,
  }),
  // A split incident: one part with the dead left blank (all 5 missing)…
  rec({
    ...BASE, 'Main ID': '2019.MMP00003', 'Incident ID': '2019.MMP0000345', 'Incident Type': 'Split Incident', 'Incident Date': '2019-03-12',
    Month: 'March', 'Number of Dead': null, 'Minimum Estimated Number of Missing': 5, 'Total Number of Dead and Missing': 5,
    'Number of Survivors': null, 'Number of Males': null, Coordinates: '32.9, 13.2',
  }),
  // …and a correction record: two of the missing found dead, killed by violence (another cause than the first part).
  rec({
    ...BASE, 'Main ID': '2019.MMP00003', 'Incident ID': '2019.MMP0000346', 'Incident Type': 'Split Incident', 'Incident Date': '2019-03-14',
    Month: 'March', 'Number of Dead': 2, 'Minimum Estimated Number of Missing': -2, 'Total Number of Dead and Missing': 0,
    'Number of Survivors': null, 'Number of Males': null, 'Cause of Death': 'Violence', Coordinates: '32.9, 13.2',
  }),
  rec({
    ...BASE, 'Main ID': '2020.MMP00010', 'Incident ID': '2020.MMP00010', 'Region of Incident': 'Europe', 'Incident Date': '2020-06-01',
    'Incident Year': 2020, Month: 'June', 'Number of Dead': 1, 'Minimum Estimated Number of Missing': null, 'Total Number of Dead and Missing': 1,
    'Number of Survivors': null, 'Cause of Death': 'Mixed or unknown', 'Country of Incident': 'Netherlands', 'Migration Route': null,
    'Location of Incident': 'Port of Rotterdam', Coordinates: '51.9, 4.1', 'UNSD Geographical Grouping': 'Western Europe', 'Source Quality': 3,
  }),
  // Day and month swapped in the date: kept, reported.
  rec({
    ...BASE, 'Main ID': '2020.MMP00011', 'Incident ID': '2020.MMP00011', 'Region of Incident': 'Central America', 'Incident Date': '2020-08-02',
    'Incident Year': 2020, Month: 'February', 'Number of Dead': 2, 'Minimum Estimated Number of Missing': null, 'Total Number of Dead and Missing': 2,
    'Number of Survivors': null, 'Cause of Death': 'Vehicle accident / death linked to hazardous transport', 'Country of Incident': 'Mexico',
    'Migration Route': null, Coordinates: '16.7, -93.1', 'UNSD Geographical Grouping': 'Central America', 'Source Quality': 5,
  }),
  // No date and no coordinates.
  rec({
    ...BASE, 'Main ID': '2020.MMP00012', 'Incident ID': '2020.MMP00012', 'Region of Incident': 'Central America', 'Incident Date': null,
    'Incident Year': 2020, Month: 'May', 'Number of Dead': 1, 'Minimum Estimated Number of Missing': null, 'Total Number of Dead and Missing': 1,
    'Number of Survivors': null, 'Number of Females': 1, 'Number of Males': 0, 'Number of Children': 1, 'Cause of Death': 'Mixed or unknown',
    'Country of Incident': 'Mexico', 'Migration Route': null, 'Location of Incident': 'El Ceibo', Coordinates: null,
    'UNSD Geographical Grouping': 'Central America', 'Source Quality': 5,
  }),
  rec({
    ...BASE, 'Main ID': '2024.MMP0061', 'Incident ID': '2024.MMP0061', 'Region of Incident': 'Western Africa', 'Incident Date': '2024-03-01',
    'Incident Year': 2024, Month: 'March', 'Number of Dead': null, 'Minimum Estimated Number of Missing': 4, 'Total Number of Dead and Missing': 4,
    'Number of Survivors': null, 'Country of Incident': 'Spain', 'Migration Route': 'Western Africa / Atlantic route to the Canary Islands',
    Coordinates: '27.6, -17.9', 'Source Quality': 2,
  }),
];

async function run(records: FixtureCell[][] = RECORDS, header: string[] = HEADER): Promise<SourceRun> {
  return runFixture(source, { [FILE]: await xlsxBytes(SHEET, [header, ...records]) });
}

/** Runs the production path with extra aliases, for alias cases the project's alias file does not (yet) need. */
async function runWithAliases(records: FixtureCell[][], extra: Record<string, GeoResolution>): Promise<SourceRun> {
  const { dir, manifest } = fixtureMirror(realManifest(source.id), { [FILE]: await xlsxBytes(SHEET, [HEADER, ...records]) });
  const resolved = await resolveSource({ sourcesDir: dir, downloadDir: join(dir, 'dl') }, manifest);
  const aliases = projectAliases(source.id);
  for (const [name, res] of Object.entries(extra)) aliases.set(nameKey(name), res);
  return runSource(source, manifest, resolved, await fixtureGeo(), aliases);
}

/** The tests name a cell as '<short dimension>: <category>' (e.g. 'route: Darien'), or 'total'. */
const SHORT: Record<string, string> = { route: 'migration route', cause: 'cause of death', region: 'region of incident' };
function cell(label: string): { dimension: string; category: string } {
  if (label === 'total') return { dimension: 'total', category: 'total' };
  const [short, ...rest] = label.split(': ');
  return { dimension: SHORT[short!]!, category: rest.join(': ') };
}
const labelOf = (o: Observation) => (o.dimension === 'total' ? 'total' : `${Object.entries(SHORT).find(([, d]) => d === o.dimension)![0]}: ${o.category}`);

function pick(obs: Observation[], indicator: string, geo: string, year: number, label = 'total'): Observation | undefined {
  return obs.find((o) => o.indicator === indicator && o.geo === geo && o.year === year && labelOf(o) === label);
}

function values(obs: Observation[], indicator: string): Record<string, number | null> {
  return Object.fromEntries(obs.filter((o) => o.indicator === indicator).map((o) => [`${o.geo} ${o.year} ${labelOf(o)}`, o.value]));
}

function obs(indicator: string, geo: string, year: number, label: string, value: number, rows: string, note: string | null = null): Observation {
  return {
    domain: 'migrant-smuggling', indicator, geo, year, sex: 'total', age: 'total', ...cell(label), counterpart: null, value, unit: 'persons',
    censored: null, value_min: null, value_max: null, source: 'iom-missing-migrants', source_ref: ref(rows), note,
  };
}

const row = (r: number, column: string) => `file ${FILE}, sheet ${SHEET}, row ${r}, column ${column}`;

describe('iom-missing-migrants: golden', () => {
  it('emits one typed event row per record', async () => {
    const { output } = await run();
    expect(output.events.map((e) => [e.name, e.rows.length])).toEqual([['migrant_incidents', 8]]);
    const rows = output.events[0]!.rows;
    expect(rows[0]).toEqual({
      incident_id: '2019.MMP00001', main_id: '2019.MMP00001', incident_type: 'Incident', region_of_incident: 'Mediterranean',
      incident_date: '2019-01-05', date_note: null, year: 2019, month: 1, dead: 3, missing: 10, dead_and_missing: 13, survivors: 20,
      females: null, males: 3, children: null, country_of_origin: 'Unknown', region_of_origin: 'Unknown', cause_of_death: 'Drowning',
      country_of_incident: 'Libya', geo: 'LBY', geo_note: null, migration_route: 'Central Mediterranean', location: 'Off Zuwara, Libya',
      latitude: 33, longitude: 12.1, unsd_grouping: 'Uncategorized', source_quality: 4, information_source: 'IOM Libya',
      url: 'https://example.org/a', source: 'iom-missing-migrants', source_ref: ref('2'),
    });
    expect(rows[3]).toMatchObject({ incident_id: '2019.MMP0000346', main_id: '2019.MMP00003', dead: 2, missing: -2, dead_and_missing: 0, source_ref: ref('5') });
    expect(rows[4]).toMatchObject({ country_of_incident: 'Netherlands', geo: 'NLD', migration_route: null });
    expect(rows[5]).toMatchObject({
      incident_date: '2020-08-02', month: 2,
      date_note: 'Incident Date 2020-08-02 has month 08 but the Month column says February; both kept as published',
    });
    expect(rows[6]).toEqual({
      incident_id: '2020.MMP00012', main_id: '2020.MMP00012', incident_type: 'Incident', region_of_incident: 'Central America',
      incident_date: null, date_note: 'Incident Date blank in the source; year and month from Incident Year and Month', year: 2020, month: 5,
      dead: 1, missing: null, dead_and_missing: 1, survivors: null, females: 1, males: 0, children: 1, country_of_origin: 'Unknown',
      region_of_origin: 'Unknown', cause_of_death: 'Mixed or unknown', country_of_incident: 'Mexico', geo: 'MEX', geo_note: null,
      migration_route: null, location: 'El Ceibo', latitude: null, longitude: null, unsd_grouping: 'Central America', source_quality: 5,
      information_source: 'IOM Libya', url: 'https://example.org/a', source: 'iom-missing-migrants', source_ref: ref('8'),
    });
  });

  it('aggregates dead and missing by country, world, route, cause and region per year', async () => {
    const { output } = await run();
    expect(values(output.observations, 'smg_dead_missing')).toEqual({
      '001 2019 route: Central Mediterranean': 18,
      '001 2019 cause: Drowning': 18,
      '001 2019 cause: Harsh environmental conditions / lack of adequate shelter, food, water': 1,
      '001 2019 region: Mediterranean': 18,
      '001 2019 region: North America': 1,
      '001 2019 total': 19,
      '001 2019 route: US-Mexico border crossing': 1,
      '001 2019 cause: Violence': 0,
      '001 2020 cause: Mixed or unknown': 2,
      '001 2020 region: Central America': 3,
      '001 2020 region: Europe': 1,
      '001 2020 total': 4,
      '001 2020 cause: Vehicle accident / death linked to hazardous transport': 2,
      '001 2024 cause: Drowning': 4,
      '001 2024 region: Western Africa': 4,
      '001 2024 total': 4,
      '001 2024 route: Western Africa / Atlantic route to the Canary Islands': 4,
      'ESP 2024 total': 4,
      'LBY 2019 total': 18,
      'MEX 2020 total': 3,
      'NLD 2020 total': 1,
      'USA 2019 total': 1,
    });
    const o = output.observations;
    expect(pick(o, 'smg_dead_missing', 'LBY', 2019)).toEqual(obs('smg_dead_missing', 'LBY', 2019, 'total', 18, '2,4-5'));
    // Blank dead = total − missing; the correction record's −2 nets the missing.
    expect(pick(o, 'smg_dead', 'LBY', 2019)).toEqual(obs('smg_dead', 'LBY', 2019, 'total', 5, '2,4-5'));
    expect(pick(o, 'smg_missing', 'LBY', 2019)).toEqual(obs('smg_missing', 'LBY', 2019, 'total', 13, '2,4-5'));
    expect(pick(o, 'smg_dead_missing', '001', 2019, 'region: Mediterranean')).toEqual(obs('smg_dead_missing', '001', 2019, 'region: Mediterranean', 18, '2,4-5'));
    expect(pick(o, 'smg_dead_missing', '001', 2020)).toEqual(obs('smg_dead_missing', '001', 2020, 'total', 4, '6-8'));
    expect(pick(o, 'smg_missing', 'ESP', 2024)).toEqual(
      obs('smg_missing', 'ESP', 2024, 'total', 4, '9', 'partial year: the file covers incidents to 2024-11-15'),
    );
  });

  it('does not publish a dead/missing split that a correction record makes negative, and reports it', async () => {
    const { output } = await run();
    expect(pick(output.observations, 'smg_dead', '001', 2019, 'cause: Violence')).toBeUndefined();
    expect(pick(output.observations, 'smg_missing', '001', 2019, 'cause: Violence')).toBeUndefined();
    expect(pick(output.observations, 'smg_missing', '001', 2019, 'cause: Drowning')?.value).toBe(15);
    expect(output.quality).toEqual([
      {
        source: 'iom-missing-migrants', source_ref: ref('7'), check: 'incident date vs month',
        message: 'Incident Date 2020-08-02 has month 08 but the Month column says February; both kept as published',
      },
      {
        source: 'iom-missing-migrants', source_ref: ref('5'), check: 'dead / missing split of an aggregate',
        message:
          'cause of death: Violence 2019: dead sums to 2 and missing to -2: correction records in this cell move persons from missing to dead while the original ' +
          'record counting them as missing sits in another; smg_dead and smg_missing not published for this cell (smg_dead_missing is)',
      },
    ]);
  });

  it('publishes parts that do not add up to the total as they are, and reports them', async () => {
    const bad = rec({ ...BASE, 'Number of Dead': 4 });
    const { output } = await run([bad]);
    expect(pick(output.observations, 'smg_dead', 'LBY', 2019)?.value).toBe(4);
    expect(pick(output.observations, 'smg_dead_missing', 'LBY', 2019)?.value).toBe(13);
    expect(output.quality).toEqual([
      {
        source: 'iom-missing-migrants', source_ref: ref('2'), check: 'dead + missing = total',
        message: 'Number of Dead 4 + Minimum Estimated Number of Missing 10 ≠ Total Number of Dead and Missing 13; parts summed as published',
      },
    ]);
  });

  it('keeps a record whose country of incident is documented as not a place, with geo null, in world but not country rows', async () => {
    const atSea = rec({ ...BASE, 'Country of Incident': 'Mediterranean Sea' });
    const { output, accounts } = await runWithAliases([atSea, RECORDS[1]!], { 'Mediterranean Sea': { reason: 'a sea area, not a country' } });
    expect(accounts[0]).toMatchObject({ read: 2, emitted: 2, quarantined: 0 });
    expect(output.events[0]!.rows[0]).toMatchObject({ country_of_incident: 'Mediterranean Sea', geo: null, geo_note: 'a sea area, not a country' });
    expect(values(output.observations, 'smg_dead_missing')).toMatchObject({ '001 2019 total': 14, 'USA 2019 total': 1 });
    expect(output.observations.filter((o) => o.geo !== '001' && o.geo !== 'USA')).toEqual([]);
  });
});

describe('iom-missing-migrants: accounting', () => {
  it('emits every record', async () => {
    const { accounts, quarantine } = await run();
    expect(accounts).toEqual([{ source: 'iom-missing-migrants', file: FILE, sheet: SHEET, read: 8, emitted: 8, quarantined: 0 }]);
    expect(quarantine).toEqual([]);
  });

  it('quarantines an exact repeat of a record', async () => {
    const { accounts, quarantine, output } = await run([...RECORDS, RECORDS[0]!]);
    expect(accounts[0]).toMatchObject({ read: 9, emitted: 8, quarantined: 1 });
    expect(quarantine.map((q) => [q.row, q.reason, q.column, q.value])).toEqual([[10, 'exact duplicate of row 2', 'Incident ID', '2019.MMP00001']]);
    expect(pick(output.observations, 'smg_dead_missing', '001', 2019)?.value).toBe(19);
  });
});

describe('iom-missing-migrants: bad input stops the build, naming the cell', () => {
  const one = (cells: Record<string, FixtureCell>) => run([rec({ ...BASE, ...cells })]);

  it('changed header', async () => {
    const header = HEADER.map((h) => (h === 'Coordinates' ? 'Coordinate' : h));
    await expect(run(RECORDS, header)).rejects.toThrow(
      `file ${FILE}, sheet ${SHEET}, row 1, column Coordinates: header changed: expected column 21 to be "Coordinates", found "Coordinate"`,
    );
  });

  it('blank total (the publisher always fills it; never read as 0)', async () => {
    await expect(one({ 'Total Number of Dead and Missing': null })).rejects.toThrow(
      `${row(2, 'Total Number of Dead and Missing')}: expected a value: the total of dead and missing is always filled by the publisher`,
    );
  });

  it('unparseable count', async () => {
    await expect(one({ 'Total Number of Dead and Missing': '13 (?)' })).rejects.toThrow(
      `${row(2, 'Total Number of Dead and Missing')}: unparseable count, found "13 (?)"`,
    );
  });

  it('negative count', async () => {
    await expect(one({ 'Number of Dead': -3 })).rejects.toThrow(`${row(2, 'Number of Dead')}: negative count, found -3`);
  });

  it('negative missing that is not a balanced correction record', async () => {
    await expect(one({ 'Minimum Estimated Number of Missing': -1 })).rejects.toThrow(
      `${row(2, 'Minimum Estimated Number of Missing')}: negative count that is not a balanced correction record (Number of Dead + missing must equal Total Number of Dead and Missing), found -1`,
    );
  });

  it('negative survivors beyond the dead of the record', async () => {
    await expect(one({ 'Number of Survivors': -4 })).rejects.toThrow(
      `${row(2, 'Number of Survivors')}: negative count that is not a correction record (survivors re-classified as dead cannot exceed Number of Dead), found -4`,
    );
  });

  it('date that is not YYYY-MM-DD, and a date in another year than Incident Year', async () => {
    await expect(one({ 'Incident Date': '05/01/2019' })).rejects.toThrow(`${row(2, 'Incident Date')}: expected a date YYYY-MM-DD, found "05/01/2019"`);
    await expect(one({ 'Incident Date': '2019-02-30' })).rejects.toThrow(`${row(2, 'Incident Date')}: expected a date YYYY-MM-DD, found "2019-02-30"`);
    await expect(one({ 'Incident Date': '2018-12-30' })).rejects.toThrow(
      `${row(2, 'Incident Date')}: year of the date differs from Incident Year 2019, found "2018-12-30"`,
    );
  });

  it('unknown month name', async () => {
    await expect(one({ Month: 'Janvier' })).rejects.toThrow(`${row(2, 'Month')}: expected one of "January", "February"`);
  });

  it('coordinates that do not parse or are out of range', async () => {
    await expect(one({ Coordinates: '33.0; 12.1' })).rejects.toThrow(`${row(2, 'Coordinates')}: expected "latitude, longitude", found "33.0; 12.1"`);
    await expect(one({ Coordinates: '12.1, 190.5' })).rejects.toThrow(`${row(2, 'Coordinates')}: coordinates out of range, found "12.1, 190.5"`);
  });

  it('source quality outside 1–5', async () => {
    await expect(one({ 'Source Quality': 7 })).rejects.toThrow(`${row(2, 'Source Quality')}: expected a source-quality score 1–5, found 7`);
  });

  it('unknown country name', async () => {
    await expect(one({ 'Country of Incident': 'Atlantis' })).rejects.toThrow(
      `${row(2, 'Country of Incident')}: unknown country name "Atlantis"; add it to data/reference/aliases/iom-missing-migrants.csv with a geo code or a note saying why it is not a place`,
    );
  });

  it('duplicate Incident ID with conflicting values', async () => {
    const conflicting = rec({ ...BASE, 'Total Number of Dead and Missing': 14, 'Minimum Estimated Number of Missing': 11 });
    await expect(run([rec(BASE), conflicting])).rejects.toThrow(
      `${row(3, 'Incident ID')}: duplicate key with conflicting values: Incident ID "2019.MMP00001" also on row 2 with different cells`,
    );
  });
});

const SOURCES_DIR = process.env['SOURCES_DIR'] ?? '/work/shared/sources';
const MIRROR_FILE = join(SOURCES_DIR, 'migrant-smuggling', 'iom-missing-migrants', FILE);

describe.skipIf(!existsSync(MIRROR_FILE))('iom-missing-migrants: the real mirror file', () => {
  let result: SourceRun;
  const real = async (): Promise<SourceRun> => {
    if (result) return result;
    const opts = { sourcesDir: SOURCES_DIR, downloadDir: join(ROOT, 'data', 'raw') };
    const manifests = loadManifests(join(ROOT, 'data', 'sources'));
    const reference = await loadReference(opts, manifests, ROOT);
    const manifest = manifests.find((m) => m.id === source.id)!;
    result = await runSource(source, manifest, await resolveSource(opts, manifest), reference.geo, projectAliases(source.id));
    return result;
  };

  it('accounts for all 17,474 records and emits each as an event row', async () => {
    const { accounts, output } = await real();
    expect(accounts).toEqual([{ source: 'iom-missing-migrants', file: FILE, sheet: SHEET, read: 17474, emitted: 17474, quarantined: 0 }]);
    expect(output.events[0]!.rows).toHaveLength(17474);
    expect(output.events[0]!.rows.filter((r) => r['geo'] === null)).toEqual([]);
  });

  it('sums to the PROVENANCE total of 69,340 dead and missing, and to the per-year totals read independently', async () => {
    const { output } = await real();
    const world = output.observations.filter((o) => o.indicator === 'smg_dead_missing' && o.geo === '001' && o.category === 'total');
    // Read with python3 zipfile + xml.etree from the raw sheet XML, summing column J by column F.
    expect(Object.fromEntries(world.map((o) => [o.year, o.value]))).toEqual({
      2014: 5550, 2015: 6751, 2016: 8086, 2017: 6289, 2018: 5007, 2019: 5419, 2020: 4302, 2021: 6201, 2022: 7141, 2023: 8606, 2024: 5988,
    });
    expect(world.reduce((s, o) => s + o.value!, 0)).toBe(69340);
    expect(pick(output.observations, 'smg_dead_missing', '001', 2023)?.source_ref).toBe(ref('13047-15715'));
    const countries = output.observations.filter((o) => o.indicator === 'smg_dead_missing' && o.geo !== '001');
    expect(countries.reduce((s, o) => s + o.value!, 0)).toBe(69340);
  });

  it('has cells read independently from the raw file, with their rows', async () => {
    const o = (await real()).output.observations;
    expect(pick(o, 'smg_dead_missing', 'NLD', 2018)).toEqual(obs('smg_dead_missing', 'NLD', 2018, 'total', 18, '4045'));
    expect(pick(o, 'smg_dead', 'NLD', 2018)?.value).toBe(5);
    expect(pick(o, 'smg_missing', 'NLD', 2018)?.value).toBe(13);
    expect(pick(o, 'smg_dead_missing', 'CYM', 2023)).toEqual(obs('smg_dead_missing', 'CYM', 2023, 'total', 4, '13994,14118'));
    expect(pick(o, 'smg_missing', '001', 2022, 'route: Caribbean to Central America')).toEqual(
      obs('smg_missing', '001', 2022, 'route: Caribbean to Central America', 17, '12121-12122'),
    );
    expect(pick(o, 'smg_dead_missing', '001', 2018, 'route: DRC to Uganda')).toEqual(obs('smg_dead_missing', '001', 2018, 'route: DRC to Uganda', 6, '4170,4186'));
    expect(pick(o, 'smg_dead', '001', 2023)?.value).toBe(5357);
    expect(pick(o, 'smg_missing', '001', 2023)?.value).toBe(3249);
    expect(pick(o, 'smg_dead_missing', 'MEX', 2022)?.value).toBe(288);
    expect(pick(o, 'smg_dead_missing', 'LBY', 2016)?.value).toBe(3709);
    expect(pick(o, 'smg_dead_missing', '001', 2019, 'region: Mediterranean')?.value).toBe(1885);
  });

  it('keeps the real file\'s traps visible: correction records, blank dates, month mismatches', async () => {
    const { output } = await real();
    const rows = output.events[0]!.rows;
    expect(rows.find((r) => r['source_ref'] === ref('16210'))).toMatchObject({
      incident_id: '2024.MMP04771290', main_id: '2024.MMP0477', dead: 34, missing: -33, dead_and_missing: 1, cause_of_death: 'Violence', geo: 'ITA',
    });
    expect(rows.find((r) => r['source_ref'] === ref('13038'))).toMatchObject({
      incident_id: '2022.MMP2291', geo: 'FRA', latitude: 50.933989, longitude: 2.045089, migration_route: 'English Channel to the UK',
    });
    // Main ID cells that start with U+FEFF in the raw XML (every 2,500th row) come out clean.
    expect(rows.find((r) => r['source_ref'] === ref('2502'))?.['main_id']).toBe('2016.MMP007677');
    expect(rows.filter((r) => r['incident_date'] === null)).toHaveLength(14);
    expect(rows.filter((r) => typeof r['missing'] === 'number' && r['missing'] < 0)).toHaveLength(32);
    expect(rows.filter((r) => typeof r['survivors'] === 'number' && r['survivors'] < 0)).toHaveLength(11);
    const checks = output.quality.map((q) => q.check);
    expect(checks.filter((c) => c === 'incident date vs month')).toHaveLength(13);
    expect(output.quality.filter((q) => q.check === 'dead / missing split of an aggregate').map((q) => q.message.split(': dead')[0])).toEqual(['cause of death: Violence 2024']);
  });
});
