import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import module from '../../scripts/pipeline/normalizers/iddo-mq-literature-surveyor.ts';
import type { Observation } from '../../scripts/pipeline/model.ts';
import { loadManifests } from '../../scripts/pipeline/manifest.ts';
import { resolveSource } from '../../scripts/pipeline/resolve-files.ts';
import { runSource } from '../../scripts/pipeline/run-source.ts';
import { loadReference } from '../../scripts/pipeline/reference/load-reference.ts';
import { csvBytes, headerOf, projectAliases, realManifest, ROOT, runFixture, tempDir } from '../support/fixtures.ts';

const FILE = 'publications.csv';
const HEADER = headerOf(module.id);
const ref = (rows: string) => `${FILE}::${rows}`;

// IDDO's export: every cell text, "NULL" for missing, "-1" for an unknown count, dates dd/mm/yyyy.
const BASE: Record<string, string> = {
  type: 'Antimalarial', publication_id: '8', doi: '10.1186/1475-2875-0-00', title: 'Quality of antimalarials in Kenya', first_author: 'Doe, J.',
  year: '2010', publisher: 'Malaria Journal', publication_type: '1', publication_type_name: 'Original research article', url: 'http://example.org/a',
  inn_drug_id: '23', short_name: 'AM-LUM', drug_name: 'Artemether-Lumefantrine', countryId: '116', countryName: 'Kenya', lat: '-1.277298',
  lon: '36.806261', id: '143', location_name: 'Nairobi', latitude: '-1.28', longitude: '36.82', survey_data_id: '1', outlet_type_id: '80',
  outlet_type_name: 'Private pharmacy', sampling_type_id: '3', sampling_type_name: 'Random survey', drug_quality_category_id: 'NULL',
  drug_quality_category_name: 'NULL', failure_rate: 'NULL', starting_date: '01/03/2008', ending_date: '30/06/2008', samples_total: '40', name: 'ACT',
  sdq_id: '1', sdq_num_sample: '30', sdq_category: 'Good quality', samples_total_unit: 'NULL',
};

function row(o: Record<string, string>): string[] {
  for (const k of Object.keys(o)) if (!HEADER.includes(k)) throw new Error(`fixture column ${k} is not in the header`);
  return HEADER.map((c) => o[c] ?? BASE[c]!);
}

const CONVENIENCE = { sampling_type_id: '1', sampling_type_name: 'Convenience survey' };
const CQ = { inn_drug_id: '6', short_name: 'CQ', drug_name: 'Chloroquine', name: 'Non-artemisinins' };
const NO_SDQ = { sdq_id: 'NULL', sdq_num_sample: 'NULL', sdq_category: 'NULL' };

const ROWS = [
  row({}), // 2: record 1, random, ACT, good 30
  row({ sdq_id: '2', sdq_num_sample: '10', sdq_category: 'Substandard or falsified' }), // 3: record 1, SF 10
  row({ ...CONVENIENCE, ...CQ, survey_data_id: '2', starting_date: '15/07/2008', ending_date: 'NULL', samples_total: '20', sdq_id: '3', sdq_num_sample: '5', sdq_category: 'Falsified' }), // 4
  row({ ...CONVENIENCE, ...CQ, survey_data_id: '2', starting_date: '15/07/2008', ending_date: 'NULL', samples_total: '20', sdq_id: '4', sdq_num_sample: '15' }), // 5
  row({ sampling_type_id: '19', sampling_type_name: 'Seizure', survey_data_id: '3', samples_total: '57600', samples_total_unit: 'pack', sdq_id: '5', sdq_num_sample: '57600', sdq_category: 'Falsified' }), // 6
  row({ ...CONVENIENCE, ...NO_SDQ, survey_data_id: '4', samples_total: '9', drug_quality_category_id: '1', drug_quality_category_name: 'Falsified', failure_rate: '100' }), // 7
  row({ ...CONVENIENCE, survey_data_id: '5', starting_date: 'NULL', ending_date: 'NULL', samples_total: '12', sdq_id: '6', sdq_num_sample: '12' }), // 8
  row({ ...CONVENIENCE, survey_data_id: '6', countryId: 'NULL', countryName: 'NULL', lat: 'NULL', lon: 'NULL', latitude: 'NULL', longitude: 'NULL', location_name: 'Unknown', samples_total: '11', sdq_id: '7', sdq_num_sample: '11' }), // 9
  row({ survey_data_id: '7', countryId: '38', countryName: 'Cambodia', doi: '-1', url: '-1', samples_total: '-1', sdq_id: '8', sdq_num_sample: '-1' }), // 10
  row({ sampling_type_id: '12', sampling_type_name: 'Control quality - routine', countryName: 'Tanzania', survey_data_id: '8', starting_date: '31/12/2011', ending_date: 'NULL', name: 'Antimalarials,unspecified', samples_total: '8', sdq_id: '9', sdq_num_sample: '3', sdq_category: 'Substandard' }), // 11
  row({ sampling_type_id: '12', sampling_type_name: 'Control quality - routine', countryName: 'Tanzania', survey_data_id: '8', starting_date: '31/12/2011', ending_date: 'NULL', name: 'Antimalarials,unspecified', samples_total: '8', sdq_id: '10', sdq_num_sample: '4' }), // 12
  row({ countryName: 'Ghana', survey_data_id: '9', samples_total: '9', sdq_id: '11', sdq_num_sample: '5' }), // 13
  row({ countryName: 'Ghana', survey_data_id: '9', samples_total: '9', ...NO_SDQ }), // 14
];

const run = (rows: string[][] = ROWS) => runFixture(module, { [FILE]: csvBytes([HEADER, ...rows]) });

function obs(indicator: string, geo: string, year: number, category: string, value: number, rows: string, note: string | null = null): Observation {
  return {
    domain: 'falsified-medicines', indicator, geo, year, sex: 'total', age: 'total', dimension: category === 'total' ? 'total' : 'medicine class', category, counterpart: null, value,
    unit: indicator.includes('prevalence') ? 'percent' : 'samples', censored: null, value_min: null, value_max: null,
    source: 'iddo-mq-literature-surveyor', source_ref: ref(rows), note,
  };
}

const brief = (o: Observation) => [o.indicator, o.geo, o.year, o.category, o.value, o.source_ref.split('::')[1]];

describe('iddo-mq-literature-surveyor: golden', () => {
  it('sums sdq_num_sample by quality category (never samples_total) for market surveys with a country and start year', async () => {
    const res = await run();
    const o = res.output.observations;
    expect(o.slice(0, 3)).toEqual([
      obs('med_survey_samples', 'KEN', 2008, 'total', 60, '2-5'),
      obs('med_survey_sf_samples', 'KEN', 2008, 'total', 15, '2-5'),
      obs('med_survey_sf_prevalence', 'KEN', 2008, 'total', 25, '2-5', 'computed by the observatory: 15 substandard or falsified ÷ 60 samples × 100, from 2 survey records'),
    ]);
    expect(o.map(brief)).toEqual([
      ['med_survey_samples', 'KEN', 2008, 'total', 60, '2-5'],
      ['med_survey_sf_samples', 'KEN', 2008, 'total', 15, '2-5'],
      ['med_survey_sf_prevalence', 'KEN', 2008, 'total', 25, '2-5'],
      ['med_survey_samples', 'KEN', 2008, 'ACT', 40, '2-3'],
      ['med_survey_sf_samples', 'KEN', 2008, 'ACT', 10, '2-3'],
      ['med_survey_sf_prevalence', 'KEN', 2008, 'ACT', 25, '2-3'],
      ['med_survey_samples', 'KEN', 2008, 'Non-artemisinins', 20, '4-5'],
      ['med_survey_sf_samples', 'KEN', 2008, 'Non-artemisinins', 5, '4-5'],
      ['med_survey_sf_prevalence', 'KEN', 2008, 'Non-artemisinins', 25, '4-5'],
      ['med_survey_samples', 'TZA', 2011, 'total', 7, '11-12'],
      ['med_survey_sf_samples', 'TZA', 2011, 'total', 3, '11-12'],
      ['med_survey_sf_prevalence', 'TZA', 2011, 'total', 42.86, '11-12'],
      ['med_survey_samples', 'TZA', 2011, 'Antimalarials, unspecified', 7, '11-12'],
      ['med_survey_sf_samples', 'TZA', 2011, 'Antimalarials, unspecified', 3, '11-12'],
      ['med_survey_sf_prevalence', 'TZA', 2011, 'Antimalarials, unspecified', 42.86, '11-12'],
      // Random surveys only: record 1.
      ['med_survey_samples_random', 'KEN', 2008, 'total', 40, '2-3'],
      ['med_survey_sf_samples_random', 'KEN', 2008, 'total', 10, '2-3'],
      ['med_survey_sf_prevalence_random', 'KEN', 2008, 'total', 25, '2-3'],
      ['med_survey_samples_random', 'KEN', 2008, 'ACT', 40, '2-3'],
      ['med_survey_sf_samples_random', 'KEN', 2008, 'ACT', 10, '2-3'],
      ['med_survey_sf_prevalence_random', 'KEN', 2008, 'ACT', 25, '2-3'],
    ]);
  });

  it('writes every row to the event table, typed, with the reason a row is not in the prevalence', async () => {
    const res = await run();
    const [table] = res.output.events;
    expect(table!.name).toBe('medicine_quality_surveys');
    expect(table!.columns.map((c) => c.name)).toEqual(Object.keys(table!.rows[0]!));
    expect(table!.rows[0]).toEqual({
      medicine_type: 'Antimalarial', publication_id: 8, doi: '10.1186/1475-2875-0-00', title: 'Quality of antimalarials in Kenya', first_author: 'Doe, J.',
      publication_year: 2010, publisher: 'Malaria Journal', publication_type_id: 1, publication_type: 'Original research article', url: 'http://example.org/a',
      inn_drug_id: 23, drug_short_name: 'AM-LUM', drug_name: 'Artemether-Lumefantrine', medicine_class: 'ACT', country_id: 116, country: 'Kenya', geo: 'KEN',
      country_lat: -1.277298, country_lon: 36.806261, location_id: 143, location_name: 'Nairobi', latitude: -1.28, longitude: 36.82, survey_data_id: 1,
      outlet_type_id: 80, outlet_type: 'Private pharmacy', sampling_type_id: 3, sampling_type: 'Random survey', drug_quality_category_id: null,
      drug_quality_category: null, failure_rate: null, starting_date: '2008-03-01', ending_date: '2008-06-30', samples_total: 40, samples_total_unit: null,
      sdq_id: 1, sdq_num_sample: 30, sdq_category: 'Good quality', excluded_from_prevalence: null, source: 'iddo-mq-literature-surveyor', source_ref: ref('2'),
    });
    expect(table!.rows.map((r) => [r['source_ref'], r['excluded_from_prevalence']])).toEqual([
      [ref('2'), null],
      [ref('3'), null],
      [ref('4'), null],
      [ref('5'), null],
      [ref('6'), 'sampling type "Seizure" is not a market survey'],
      [ref('7'), 'no sample count by quality category'],
      [ref('8'), 'no survey start date'],
      [ref('9'), 'no country (multi-country or unspecified record)'],
      [ref('10'), 'no sample count by quality category'],
      [ref('11'), null],
      [ref('12'), null],
      [ref('13'), 'another quality category of the same survey record has no sample count'],
      [ref('14'), 'no sample count by quality category'],
    ]);
    expect(table!.rows[5]).toMatchObject({ sdq_id: null, sdq_num_sample: null, sdq_category: null, drug_quality_category: 'Falsified', failure_rate: 100 });
    expect(table!.rows[7]).toMatchObject({ country: null, geo: null, country_lat: null, starting_date: '2008-03-01' });
    expect(table!.rows[8]).toMatchObject({ geo: 'KHM', doi: null, url: null, samples_total: null, sdq_num_sample: null, sdq_category: 'Good quality' });
  });

  it('accounts for every row (none is unusable: all are events)', async () => {
    const res = await run();
    expect(res.accounts).toEqual([{ source: module.id, file: FILE, sheet: null, read: 13, emitted: 13, quarantined: 0 }]);
  });

  it('notes category counts that do not add up to samples_total, and surveys that end before they start', async () => {
    const res = await run([...ROWS, row({ survey_data_id: '10', starting_date: '04/11/2004', ending_date: '03/11/2004', samples_total: '30', sdq_id: '12' })]);
    expect(res.output.quality).toEqual([
      { source: module.id, source_ref: ref('15'), check: 'survey ends before it starts', message: 'starting_date 2004-11-04, ending_date 2004-11-03' },
      { source: module.id, source_ref: ref('11-12'), check: 'category counts do not add up to samples_total', message: 'survey record 8: samples_total 8, categories add up to 7' },
    ]);
  });
});

describe('iddo-mq-literature-surveyor: bad input', () => {
  it('stops on a changed header', async () => {
    const header = [...HEADER];
    header[34] = 'num_sample';
    await expect(runFixture(module, { [FILE]: csvBytes([header, ROWS[0]!]) })).rejects.toThrow(
      `file ${FILE}, row 1, column sdq_num_sample: header changed: expected column 35 to be "sdq_num_sample", found "num_sample"`,
    );
  });

  it('stops on an unparseable count', async () => {
    await expect(run([row({ sdq_num_sample: '12a' })])).rejects.toThrow(`file ${FILE}, row 2, column sdq_num_sample: unparseable count, found "12a"`);
  });

  it('stops on a negative count other than the documented -1', async () => {
    await expect(run([row({ sdq_num_sample: '-3' })])).rejects.toThrow(`file ${FILE}, row 2, column sdq_num_sample: negative count, found "-3"`);
  });

  it('stops on an unknown quality category or sampling type', async () => {
    await expect(run([row({ sdq_category: 'Degraded' })])).rejects.toThrow(
      `file ${FILE}, row 2, column sdq_category: unknown label "Degraded"; classify it in iddo-mq-literature-surveyor.ts`,
    );
    await expect(run([row({ sampling_type_name: 'Mystery shopper' })])).rejects.toThrow(
      `file ${FILE}, row 2, column sampling_type_name: unknown label "Mystery shopper"; classify it in iddo-mq-literature-surveyor.ts`,
    );
  });

  it('stops on an unknown country name', async () => {
    await expect(run([row({ countryName: 'Atlantis' })])).rejects.toThrow(
      `file ${FILE}, row 2, column countryName: unknown geography name "Atlantis"; add it to data/reference/aliases/iddo-mq-literature-surveyor.csv`,
    );
  });

  it('stops on an unparseable date', async () => {
    await expect(run([row({ starting_date: '2008-03-01' })])).rejects.toThrow(
      `file ${FILE}, row 2, column starting_date: expected a date dd/mm/yyyy, found "2008-03-01"`,
    );
  });

  it('quarantines an exact duplicate row', async () => {
    const res = await run([ROWS[0]!, ROWS[1]!, ROWS[0]!]);
    expect(res.accounts[0]).toMatchObject({ read: 3, emitted: 2, quarantined: 1 });
    expect(res.quarantine.map((q) => [q.row, q.reason])).toEqual([[4, 'exact duplicate of row 2']]);
    expect(res.output.observations.find((o) => o.indicator === 'med_survey_samples' && o.category === 'total')?.value).toBe(40);
  });

  it('stops on a repeated sdq_id with conflicting values', async () => {
    await expect(run([ROWS[0]!, row({ sdq_num_sample: '31' })])).rejects.toThrow(
      `file ${FILE}, row 3, column sdq_id: duplicate key with conflicting values: sdq_id 1 also on row 2 with other values`,
    );
  });
});

const MIRROR = process.env['SOURCES_DIR'] ?? join(ROOT, '..', 'shared', 'sources');
const MIRROR_FILE = join(MIRROR, 'falsified-medicines', module.id, FILE);

describe.skipIf(!existsSync(MIRROR_FILE))('iddo-mq-literature-surveyor: real mirror', () => {
  it('accounts for the 1,553 rows PROVENANCE.md states, and checks values computed independently with python csv', async () => {
    const opts = { sourcesDir: MIRROR, downloadDir: join(tempDir('cto-iddo-'), 'raw') };
    const reference = await loadReference(opts, loadManifests(join(ROOT, 'data', 'sources')), ROOT);
    const manifest = realManifest(module.id);
    const res = await runSource(module, manifest, await resolveSource(opts, manifest), reference.geo, projectAliases(module.id));
    expect(res.accounts).toEqual([{ source: module.id, file: FILE, sheet: null, read: 1_553, emitted: 1_553, quarantined: 0 }]);
    const events = res.output.events[0]!.rows;
    expect(events).toHaveLength(1_553);
    // PROVENANCE.md: sdq_category NULL on 268 rows; 19 more rows carry -1 (unknown) as their count.
    expect(events.filter((e) => e['sdq_category'] === null)).toHaveLength(268);
    expect(events.filter((e) => e['excluded_from_prevalence'] === 'no sample count by quality category')).toHaveLength(287);

    const get = (indicator: string, geo: string, year: number, category: string) =>
      res.output.observations.filter((o) => o.indicator === indicator && o.geo === geo && o.year === year && o.category === category).map((o) => [o.value, o.source_ref]);
    // Sums of sdq_num_sample computed with python3's csv module (market surveys with a country, a start date and counts).
    expect(get('med_survey_samples', 'KEN', 2008, 'total')).toEqual([[44, ref('71-72,80,992,997')]]);
    expect(get('med_survey_sf_samples', 'KEN', 2008, 'total')).toEqual([[2, ref('71-72,80,992,997')]]);
    expect(get('med_survey_sf_prevalence', 'KEN', 2008, 'total')).toEqual([[4.55, ref('71-72,80,992,997')]]);
    expect(get('med_survey_samples', 'TZA', 2011, 'total')).toEqual([[1444, ref('1103-1111')]]);
    expect(get('med_survey_sf_samples', 'TZA', 2011, 'total')).toEqual([[27, ref('1103-1111')]]);
    expect(get('med_survey_samples', 'LAO', 2003, 'total').map((x) => x[0])).toEqual([217]);
    expect(get('med_survey_sf_samples_random', 'LAO', 2003, 'total')).toEqual([[27, ref('519-543')]]);
    expect(get('med_survey_samples_random', 'LAO', 2003, 'total').map((x) => x[0])).toEqual([30]);
    expect(get('med_survey_sf_prevalence_random', 'KHM', 2010, 'total').map((x) => x[0])).toEqual([68.97]);
    expect(get('med_survey_samples_random', 'GAB', 2014, 'ACT').map((x) => x[0])).toEqual([338]);

    // The seizure of 57,600 falsified packs (row 1225) is an event, never a prevalence.
    expect(events.find((e) => e['source_ref'] === ref('1225'))).toMatchObject({
      country: 'Nigeria', sdq_num_sample: 57_600, sdq_category: 'Falsified', excluded_from_prevalence: 'sampling type "Seizure" is not a market survey',
    });
    expect(res.output.observations.filter((o) => o.indicator.startsWith('med_survey_samples') && o.geo === 'NGA' && o.year === 2000)).toEqual([]);
  });
});
