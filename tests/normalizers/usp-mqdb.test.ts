import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import module from '../../scripts/pipeline/normalizers/usp-mqdb.ts';
import type { Observation } from '../../scripts/pipeline/model.ts';
import { loadManifests } from '../../scripts/pipeline/manifest.ts';
import { resolveSource } from '../../scripts/pipeline/resolve-files.ts';
import { runSource } from '../../scripts/pipeline/run-source.ts';
import { loadReference } from '../../scripts/pipeline/reference/load-reference.ts';
import { csvBytes, headerOf, projectAliases, realManifest, ROOT, runFixture, tempDir, type FixtureCell } from '../support/fixtures.ts';

const FILE = 'MQD_ALL_CSV.csv';
const HEADER = headerOf(module.id);
const run = (rows: FixtureCell[][]) => runFixture(module, { [FILE]: csvBytes([HEADER, ...rows]) });

// USP's layout: 19 text columns; Year as text, dates dd/mm/yyyy, labels in the publisher's mixed case.
type Sample = [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string];
const ROWS: Sample[] = [
  ['Asia', 'Cambodia', 'Pursat ', 'Coartem', 'Antimalarial', 'Novartis', 'F1234', 'Artemether, Lumefantrine', 'Tablet', 'Yes', 'Private', 'Pharmacy', '2010', '15/03/2010', 'Pass', 'Screening', 'N/A', 'No', 'N/A'], // row 2
  ['Asia', 'Cambodia', 'Pailin', 'Artesunate', 'Antimalarials', 'Unknown', 'Missing', 'Artesunate', 'Tablet', 'Unknown', 'Private', 'Pharmacy', '2010', '16/03/2010', 'Fail', 'Compendial', 'No API', 'Yes', 'Recalled'], // row 3
  ['Asia', 'Cambodia', 'Pailin', 'Tetracyclin', 'Antibiotic', 'Unknown', 'Missing', 'Tetracycline', 'Capsule', 'No', 'Informal', 'Street Vendor', '2010', '16/03/2010', 'pass', 'Compendial', 'N/A', 'No', 'N/A'], // row 4
  ['Asia', 'Cambodia', 'Pailin', 'Tetracyclin', 'Antibiotic', 'Unknown', 'Missing', 'Tetracycline', 'Capsule', 'No', 'Informal', 'Street Vendor', '2010', '16/03/2010', 'pass', 'Compendial', 'N/A', 'No', 'N/A'], // row 5, same as 4
  ['Asia', 'Lao PDR', 'Savannakhet', 'Chloroquine', 'Missing', 'Codupha-Lao', '0912', 'Chloroquine', 'Tablet', 'Registered', 'Public', 'Hospital', '2011', '01/02/2011', 'Fail', '', '', 'yes', 'Missing'], // row 6
  ['South America', 'Bolivia', 'La Paz', 'Isoniazid', 'Antituberculosis', 'Lupin Limited', 'IS-77', 'Isoniazid', 'Tablets', 'N/A', 'Public', 'Health Center', '2009', '30/11/2009', 'Pass', 'Compendial', 'N/A', 'no', 'n/a'], // row 7
];

/** The test-type labels are the categories of dimension 'test type'; other labels are medicine classes. */
const dimensionOf = (category: string) =>
  category === 'total' ? 'total' : ['Screening test', 'Compendial test'].includes(category) ? 'test type' : 'medicine class';

function obs(indicator: string, geo: string, year: number, category: string, value: number, rows: string, note: string | null = null): Observation {
  const unit = indicator === 'med_failure_rate' ? 'percent' : 'samples';
  return {
    domain: 'falsified-medicines', indicator, geo, year, sex: 'total', age: 'total', dimension: dimensionOf(category), category, counterpart: null, value, unit,
    censored: null, value_min: null, value_max: null, source: 'usp-mqdb', source_ref: `${FILE}::${rows}`, note,
  };
}

const brief = (o: Observation) => [o.indicator, o.geo, o.year, o.category, o.value, o.source_ref.split('::')[1]];

describe('usp-mqdb: golden', () => {
  it('counts samples tested, failed and counterfeit, and the failure rate, by country × year × category', async () => {
    const res = await run(ROWS);
    const o = res.output.observations;
    expect(o.slice(12, 16)).toEqual([
      obs('med_samples_tested', 'KHM', 2010, 'total', 4, '2-5'),
      obs('med_samples_failed', 'KHM', 2010, 'total', 1, '2-5'),
      obs('med_failure_rate', 'KHM', 2010, 'total', 25, '2-5', 'computed by the observatory: 1 failed ÷ 4 tested × 100'),
      obs('med_samples_counterfeit', 'KHM', 2010, 'total', 1, '2-5'),
    ]);
    expect(o.filter((x) => x.indicator === 'med_samples_tested').map(brief)).toEqual([
      ['med_samples_tested', 'BOL', 2009, 'total', 1, '7'],
      ['med_samples_tested', 'BOL', 2009, 'Anti-tuberculosis', 1, '7'],
      ['med_samples_tested', 'BOL', 2009, 'Compendial test', 1, '7'],
      ['med_samples_tested', 'KHM', 2010, 'total', 4, '2-5'],
      ['med_samples_tested', 'KHM', 2010, 'Antibiotics', 2, '4-5'],
      ['med_samples_tested', 'KHM', 2010, 'Antimalarials', 2, '2-3'],
      ['med_samples_tested', 'KHM', 2010, 'Compendial test', 3, '3-5'],
      ['med_samples_tested', 'KHM', 2010, 'Screening test', 1, '2'],
      // A sample without class ("Missing") and without test type counts in the total only.
      ['med_samples_tested', 'LAO', 2011, 'total', 1, '6'],
    ]);
    expect(o.filter((x) => x.indicator === 'med_failure_rate' && x.geo === 'KHM').map((x) => [x.category, x.value])).toEqual([
      ['total', 25],
      ['Antibiotics', 0],
      ['Antimalarials', 50],
      ['Compendial test', 33.33],
      ['Screening test', 0],
    ]);
    expect(o.filter((x) => x.indicator === 'med_samples_counterfeit' && x.value! > 0).map(brief)).toEqual([
      ['med_samples_counterfeit', 'KHM', 2010, 'total', 1, '2-5'],
      ['med_samples_counterfeit', 'KHM', 2010, 'Antimalarials', 1, '2-3'],
      ['med_samples_counterfeit', 'KHM', 2010, 'Compendial test', 1, '3-5'],
      ['med_samples_counterfeit', 'LAO', 2011, 'total', 1, '6'],
    ]);
  });

  it('writes one typed event row per sample, keeping identical rows as samples', async () => {
    const res = await run(ROWS);
    const [table] = res.output.events;
    expect(table!.name).toBe('medicine_samples');
    expect(table!.rows).toHaveLength(6);
    expect(table!.columns.map((c) => c.name)).toEqual(Object.keys(table!.rows[0]!));
    expect(table!.rows[0]).toEqual({
      region: 'Asia', country: 'Cambodia', geo: 'KHM', province: 'Pursat', brand_name: 'Coartem', therapeutic_indication: 'Antimalarial',
      medicine_class: 'Antimalarials', manufacturer: 'Novartis', batch_lot_number: 'F1234', api: 'Artemether, Lumefantrine',
      dosage_form: 'Tablet', drug_registered: 'Yes', registered: true, facility_sector: 'Private', facility_type: 'Pharmacy',
      year: 2010, date_collected: '2010-03-15', result: 'pass', test_type: 'screening', reason_for_failure: 'N/A', counterfeit: false,
      action_taken: 'N/A', same_as_row: null, source: 'usp-mqdb', source_ref: `${FILE}::2`,
    });
    expect(table!.rows[3]).toMatchObject({ result: 'pass', test_type: 'compendial', registered: false, same_as_row: 4, source_ref: `${FILE}::5` });
    expect(table!.rows[4]).toEqual({
      region: 'Asia', country: 'Lao PDR', geo: 'LAO', province: 'Savannakhet', brand_name: 'Chloroquine', therapeutic_indication: 'Missing',
      medicine_class: null, manufacturer: 'Codupha-Lao', batch_lot_number: '0912', api: 'Chloroquine', dosage_form: 'Tablet',
      drug_registered: 'Registered', registered: true, facility_sector: 'Public', facility_type: 'Hospital', year: 2011,
      date_collected: '2011-02-01', result: 'fail', test_type: null, reason_for_failure: null, counterfeit: true, action_taken: 'Missing',
      same_as_row: null, source: 'usp-mqdb', source_ref: `${FILE}::6`,
    });
    expect(table!.rows[5]).toMatchObject({ medicine_class: 'Anti-tuberculosis', registered: null, counterfeit: false });
  });

  it('accounts for every row', async () => {
    const res = await run(ROWS);
    expect(res.accounts).toEqual([{ source: module.id, file: FILE, sheet: null, read: 6, emitted: 6, quarantined: 0 }]);
    expect(res.output.quality).toEqual([]);
  });

  it('notes a collection date outside the stated year', async () => {
    const row = [...ROWS[0]!];
    row[13] = '02/01/2011';
    const res = await run([row]);
    expect(res.output.quality).toEqual([
      { source: module.id, source_ref: `${FILE}::2`, check: 'collection date outside the stated year', message: 'Year is 2010 but Date Sample Collected is 02/01/2011; the sample is counted under Year' },
    ]);
  });
});

function withCell(column: number, value: string): string[] {
  const row = [...ROWS[0]!];
  row[column] = value;
  return row;
}

describe('usp-mqdb: bad input', () => {
  it('stops on a changed header', async () => {
    const header = [...HEADER];
    header[14] = 'Test Result';
    await expect(runFixture(module, { [FILE]: csvBytes([header, ROWS[0]!]) })).rejects.toThrow(
      `file ${FILE}, row 1, column Final Test Result: header changed: expected column 15 to be "Final Test Result", found "Test Result"`,
    );
  });

  it('stops on a test result that is neither pass nor fail', async () => {
    await expect(run([withCell(14, 'Inconclusive')])).rejects.toThrow(
      `file ${FILE}, row 2, column Final Test Result: expected one of "Pass", "pass", "Fail", found "Inconclusive"`,
    );
  });

  it('stops on an unknown type of test', async () => {
    await expect(run([withCell(15, 'HPLC')])).rejects.toThrow(
      `file ${FILE}, row 2, column Type of Test: expected one of "Screening", "Compendial", found "HPLC"`,
    );
  });

  it('stops on an unknown therapeutic indication instead of guessing a class', async () => {
    await expect(run([withCell(4, 'Antihypertensive')])).rejects.toThrow(
      `file ${FILE}, row 2, column Therapeutic Indications: unknown therapeutic indication "Antihypertensive"; classify it in usp-mqdb.ts`,
    );
  });

  it('stops on an unknown counterfeit flag', async () => {
    await expect(run([withCell(17, 'Suspected')])).rejects.toThrow(
      `file ${FILE}, row 2, column Counterfeit Medicine: expected one of "Yes", "yes", "No", "no", found "Suspected"`,
    );
  });

  it('stops on an unparseable or impossible date', async () => {
    await expect(run([withCell(13, '2010-03-15')])).rejects.toThrow(
      `file ${FILE}, row 2, column Date Sample Collected: expected a date dd/mm/yyyy, found "2010-03-15"`,
    );
    await expect(run([withCell(13, '31/02/2010')])).rejects.toThrow(
      `file ${FILE}, row 2, column Date Sample Collected: expected a date dd/mm/yyyy, found "31/02/2010"`,
    );
  });

  it('stops on an unparseable year', async () => {
    await expect(run([withCell(12, '10')])).rejects.toThrow(`file ${FILE}, row 2, column Year: expected a four-digit year, found "10"`);
  });

  it('stops on an unknown country name', async () => {
    await expect(run([withCell(1, 'Atlantis')])).rejects.toThrow(
      `file ${FILE}, row 2, column Country: unknown geography name "Atlantis"; add it to data/reference/aliases/usp-mqdb.csv`,
    );
  });

  it('stops on an unknown registration label', async () => {
    await expect(run([withCell(9, 'Pending')])).rejects.toThrow(
      `file ${FILE}, row 2, column Drug Registered: unknown registration status "Pending"; classify it in usp-mqdb.ts`,
    );
  });
});

const MIRROR = process.env['SOURCES_DIR'] ?? join(ROOT, '..', 'shared', 'sources');
const MIRROR_FILE = join(MIRROR, 'falsified-medicines', module.id, FILE);

describe.skipIf(!existsSync(MIRROR_FILE))('usp-mqdb: real mirror', () => {
  it('accounts for the 17,070 samples PROVENANCE.md states, and checks values read independently with python csv', async () => {
    const opts = { sourcesDir: MIRROR, downloadDir: join(tempDir('cto-usp-'), 'raw') };
    const reference = await loadReference(opts, loadManifests(join(ROOT, 'data', 'sources')), ROOT);
    const manifest = realManifest(module.id);
    const res = await runSource(module, manifest, await resolveSource(opts, manifest), reference.geo, projectAliases(module.id));
    expect(res.accounts).toEqual([{ source: module.id, file: FILE, sheet: null, read: 17_070, emitted: 17_070, quarantined: 0 }]);
    expect(res.output.quality).toEqual([]);

    const samples = res.output.events[0]!.rows;
    expect(samples).toHaveLength(17_070);
    // PROVENANCE.md: Pass 16,402 + "pass" 11, Fail 657; Counterfeit Yes 157 incl. lower case; 807 identical repeats.
    expect(samples.filter((s) => s['result'] === 'fail')).toHaveLength(657);
    expect(samples.filter((s) => s['counterfeit'] === true)).toHaveLength(157);
    expect(samples.filter((s) => s['same_as_row'] !== null)).toHaveLength(807);

    const get = (indicator: string, geo: string, year: number, category: string) =>
      res.output.observations.filter((o) => o.indicator === indicator && o.geo === geo && o.year === year && o.category === category).map((o) => o.value);
    // Values below were counted with python3's csv module on the mirror file.
    expect(get('med_samples_tested', 'KHM', 2010, 'total')).toEqual([325]);
    expect(get('med_samples_failed', 'KHM', 2010, 'total')).toEqual([8]);
    expect(get('med_failure_rate', 'KHM', 2010, 'total')).toEqual([2.46]);
    expect(get('med_samples_tested', 'VNM', 2008, 'Antimalarials')).toEqual([201]);
    expect(get('med_samples_failed', 'VNM', 2008, 'Antimalarials')).toEqual([10]);
    expect(get('med_samples_tested', 'GHA', 2010, 'total')).toEqual([446]);
    expect(get('med_samples_failed', 'GHA', 2010, 'total')).toEqual([74]);
    expect(get('med_samples_counterfeit', 'GHA', 2010, 'total')).toEqual([6]);
    // Cambodia 2003: 476 samples (antimalarials and antibiotics), 118 failed, all antimalarials; 74 failed at screening and 44 at a compendial test. Each
    // breakdown alone adds up to 118: the two must never be stacked (that drew 236).
    const parts = (dimension: string) =>
      res.output.observations.filter((o) => o.indicator === 'med_samples_failed' && o.geo === 'KHM' && o.year === 2003 && o.dimension === dimension).map((o) => [o.category, o.value]);
    expect(parts('total')).toEqual([['total', 118]]);
    expect(parts('medicine class')).toEqual([['Antibiotics', 0], ['Antimalarials', 118]]);
    expect(parts('test type')).toEqual([['Compendial test', 44], ['Screening test', 74]]);
    expect(get('med_samples_tested', 'KHM', 2012, 'Compendial test')).toEqual([220]);
    expect(get('med_samples_failed', 'KHM', 2012, 'Compendial test')).toEqual([2]);
    const gtm = res.output.observations.find((o) => o.indicator === 'med_samples_failed' && o.geo === 'GTM' && o.category === 'total');
    expect([gtm?.year, gtm?.value, gtm?.source_ref]).toEqual([2011, 8, `${FILE}::9506-9542`]);
    const r14671 = samples.find((s) => s['source_ref'] === `${FILE}::14671`);
    expect(r14671).toMatchObject({ country: 'Philippines', result: 'fail', test_type: null, counterfeit: true, drug_registered: 'Non-Registered', date_collected: '2015-11-18' });
  });
});
