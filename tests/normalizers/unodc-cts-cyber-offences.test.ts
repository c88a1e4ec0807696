import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import source, { CATEGORIES, INDICATORS } from '../../scripts/pipeline/normalizers/unodc-cts-cyber-offences.ts';
import type { Observation } from '../../scripts/pipeline/model.ts';
import { indexIndicators } from '../../scripts/pipeline/validate.ts';
import { loadManifests } from '../../scripts/pipeline/manifest.ts';
import { resolveSource } from '../../scripts/pipeline/resolve-files.ts';
import { runSource } from '../../scripts/pipeline/run-source.ts';
import { loadReference } from '../../scripts/pipeline/reference/load-reference.ts';
import { headerOf, projectAliases, ROOT, runFixture, tempDir, xlsxBytes, type FixtureCell } from '../support/fixtures.ts';
import { labelsByRow } from '../support/unodc-labels.ts';

const ID = 'unodc-cts-cyber-offences';
const FILE = 'data_cts_corruption_and_economic_crime.xlsx';
const SHEET = 'data_cts_corruption_and_economi';
const REF = (row: number) => `${FILE}:${SHEET}:${row}`;
const RATE = 'Rate per 100,000 population';
const FRAUD_CY = 'Fraud: Cyber-related (Cy)';
const SPECIES = 'Trade or possession of protected or prohibited species of faune and flora';

/** A data row in the publisher's layout: text cells, except Year and VALUE which are numbers in this export. */
function row(iso: string, country: string, category: string, yearNum: FixtureCell, unit: string, value: FixtureCell, src = 'CTS', group = 'Offences'): FixtureCell[] {
  return [iso, country, 'Europe', 'Northern Europe', group, 'by type of offence', category, 'Total', 'Total', yearNum, unit, value, src];
}

async function workbook(rows: FixtureCell[][], header: string[] = headerOf(ID)): Promise<Buffer> {
  return xlsxBytes(SHEET, [['UNODC', 'unodc_ddds@un.org'], ['16/05/2024'], header, ...rows]);
}

async function run(rows: FixtureCell[][]) {
  return runFixture(source, { [FILE]: await workbook(rows) });
}

function obs(partial: Partial<Observation> & Pick<Observation, 'domain' | 'indicator' | 'geo' | 'year' | 'value' | 'unit' | 'source_ref' | 'note'>): Observation {
  // The labels are checked cell by cell against the fixture in "keeps each row's dataUNODC labels".
  return { sex: 'total', age: 'total', dimension: 'total', category: 'total', counterpart: null, censored: null, value_min: null, value_max: null, source: ID, publisher: expect.any(Object), ...partial };
}

const GOLDEN: FixtureCell[][] = [
  /* 4 */ row('SWE', 'Sweden', FRAUD_CY, 2019, 'Counts', 125480),
  /* 5 */ row('SWE', 'Sweden', FRAUD_CY, 2019, RATE, 1214.3051),
  /* 6 */ row('GBR_E_W', 'United Kingdom (England and Wales)', 'Unlawful access to a computer system', 2016, 'Counts', 2713, 'CTS/MoI'),
  /* 7 */ row('GBR_S', 'United Kingdom (Scotland)', 'Smuggling of migrants', 2014, 'Counts', 0),
  /* 8 */ row('GBR_NI', 'United Kingdom (Northern Ireland)', 'Corruption: Bribery', 2018, 'Counts', 1),
  /* 9 */ row('IRQ_C', 'Iraq (Central Iraq)', 'Corruption: Bribery', 2018, 'Counts', 164),
  /* 10 */ row('XKX', 'Kosovo under UNSCR 1244', 'Unlawful interference with a computer system or computer data', 2017, RATE, 8.8931),
  /* 11 */ row('ESP', 'Spain', SPECIES, 2015, 'Counts', 135, 'CTS', 'Acts against the environment'),
  /* 12 */ row('USA', 'United States of America', 'Burglary', 2021, 'Counts', 1144.1066),
];

describe('unodc-cts-cyber-offences normalizer', () => {
  it('turns the fixture into exactly these observations (golden)', async () => {
    const { output } = await run(GOLDEN);
    const byRef = new Map(output.observations.map((o) => [o.source_ref, o]));
    expect(byRef.get(REF(4))).toEqual(obs({ domain: 'cybercrime', indicator: 'cyb_fraud_cyber', geo: 'SWE', year: 2019, value: 125480, unit: 'offences', source_ref: REF(4), note: 'UNODC Source column: CTS' }));
    expect(byRef.get(REF(5))).toEqual(obs({ domain: 'cybercrime', indicator: 'cyb_fraud_cyber_rate', geo: 'SWE', year: 2019, value: 1214.3051, unit: 'per 100,000 population', source_ref: REF(5), note: 'UNODC Source column: CTS' }));
    expect(byRef.get(REF(6))).toEqual(obs({ domain: 'cybercrime', indicator: 'cyb_unlawful_access', geo: 'GBR_E_W', year: 2016, value: 2713, unit: 'offences', source_ref: REF(6), note: 'UNODC Source column: CTS/MoI' }));
    expect(byRef.get(REF(7))).toEqual(obs({ domain: 'migrant-smuggling', indicator: 'smg_offences_smuggling_migrants', geo: 'GBR_S', year: 2014, value: 0, unit: 'offences', source_ref: REF(7), note: 'UNODC Source column: CTS' }));
    expect(byRef.get(REF(11))).toEqual(obs({ domain: 'wildlife', indicator: 'wl_offences_protected_species', geo: 'ESP', year: 2015, value: 135, unit: 'offences', source_ref: REF(11), note: 'UNODC Source column: CTS' }));
    expect(byRef.get(REF(12))).toEqual(
      obs({
        domain: 'context', indicator: 'ctx_offences_burglary', geo: 'USA', year: 2021, value: 1144.1066, unit: 'offences', source_ref: REF(12),
        note: 'UNODC Source column: CTS; count is not a whole number in the file; published as given (probably a UNODC estimate)',
      }),
    );
    expect(output.quality).toEqual([
      { source: ID, source_ref: REF(12), check: 'count-not-whole', message: 'count 1144.1066 is not a whole number (ctx_offences_burglary, USA, 2021)' },
    ]);
  });

  it("keeps each row's dataUNODC labels as published: the group, 'by type of offence', the category, the unit and the Source code", async () => {
    const { output } = await run(GOLDEN);
    const { got, want } = labelsByRow(output.observations, headerOf(ID), GOLDEN, 4);
    expect(got).toHaveLength(GOLDEN.length);
    expect(got).toEqual(want);
  });

  it('maps the UN-CTS jurisdiction codes to their documented geo codes', async () => {
    const { output } = await run(GOLDEN);
    expect(output.observations.map((o) => [o.source_ref.split(':')[2], o.geo, o.indicator])).toEqual([
      ['4', 'SWE', 'cyb_fraud_cyber'],
      ['5', 'SWE', 'cyb_fraud_cyber_rate'],
      ['6', 'GBR_E_W', 'cyb_unlawful_access'],
      ['7', 'GBR_S', 'smg_offences_smuggling_migrants'],
      ['8', 'GBR_NI', 'ctx_offences_bribery'],
      ['9', 'IRQ_C', 'ctx_offences_bribery'],
      ['10', 'XKX', 'cyb_unlawful_interference_rate'],
      ['11', 'ESP', 'wl_offences_protected_species'],
      ['12', 'USA', 'ctx_offences_burglary'],
    ]);
  });

  it('accounts for every row: 9 read = 9 emitted; an exact repeat is quarantined', async () => {
    const { accounts } = await run(GOLDEN);
    expect(accounts).toEqual([{ source: ID, file: FILE, sheet: SHEET, read: 9, emitted: 9, quarantined: 0 }]);
    const repeat = await run([row('SWE', 'Sweden', 'Fraud', 2019, 'Counts', 7), row('SWE', 'Sweden', 'Fraud', 2019, 'Counts', 7)]);
    expect(repeat.accounts[0]).toMatchObject({ read: 2, emitted: 1, quarantined: 1 });
    expect(repeat.quarantine.map((q) => [q.row, q.reason])).toEqual([[5, 'exact duplicate of row 4']]);
  });

  it("publishes a UNODC grouping's row at the grouping itself (a geo whose membership is not published)", async () => {
    const { accounts, output } = await run([row('CAR', '', 'Fraud', 2019, 'Counts', 7)]);
    expect(accounts[0]).toMatchObject({ read: 1, emitted: 1, quarantined: 0 });
    expect(output.observations.map((o) => [o.geo, o.year, o.value])).toEqual([['CAR', 2019, 7]]);
  });

  it('stops on a conflicting repeat, naming both rows', async () => {
    await expect(run([row('SWE', 'Sweden', 'Fraud', 2019, 'Counts', 7), row('SWE', 'Sweden', 'Fraud', 2019, 'Counts', 8)])).rejects.toThrow(
      `file ${FILE}, sheet ${SHEET}, row 5, column VALUE: duplicate key with conflicting values: 8 here, 7 on row 4 (ctx_offences_fraud, SWE, 2019, sex total, age total, category total)`,
    );
  });

  it('stops on a negative value', async () => {
    await expect(run([row('SWE', 'Sweden', 'Fraud', 2019, 'Counts', -3)])).rejects.toThrow(`file ${FILE}, sheet ${SHEET}, row 4, column VALUE: negative value, found -3`);
  });

  it('stops on an unparseable value', async () => {
    await expect(run([row('SWE', 'Sweden', 'Fraud', 2019, RATE, '12,5')])).rejects.toThrow(`file ${FILE}, sheet ${SHEET}, row 4, column VALUE: unparseable number, found "12,5"`);
  });

  it('stops on a category that maps to no indicator, naming the cell', async () => {
    await expect(run([row('SWE', 'Sweden', 'Fraud: Identity-related', 2019, 'Counts', 1)])).rejects.toThrow(
      `file ${FILE}, sheet ${SHEET}, row 4, column Category: unmapped category "Fraud: Identity-related" (indicator "Offences"); add it to CATEGORIES in ${ID}.ts`,
    );
  });

  it('stops on an unknown unit or geography code', async () => {
    await expect(run([row('SWE', 'Sweden', 'Fraud', 2019, 'Rate per 1,000', 1)])).rejects.toThrow(
      `file ${FILE}, sheet ${SHEET}, row 4, column Unit of measurement: expected one of "Counts", "Rate per 100,000 population", found "Rate per 1,000"`,
    );
    await expect(run([row('GBR_W', 'United Kingdom (Wales)', 'Fraud', 2019, 'Counts', 1)])).rejects.toThrow(
      `file ${FILE}, sheet ${SHEET}, row 4, column Iso3_code: unknown geography code "GBR_W"`,
    );
  });

  it('stops on a changed header', async () => {
    const header = headerOf(ID).map((c) => (c === 'Category' ? 'Offence' : c));
    await expect(runFixture(source, { [FILE]: await workbook([row('SWE', 'Sweden', 'Fraud', 2019, 'Counts', 1)], header) })).rejects.toThrow(
      `file ${FILE}, sheet ${SHEET}, row 3, column Category: header changed: expected column 7 to be "Category", found "Offence"`,
    );
  });

  it('gives every category a count and a rate indicator with a domain prefix matching its domain', () => {
    const prefix = { cybercrime: 'cyb_', 'migrant-smuggling': 'smg_', wildlife: 'wl_', context: 'ctx_' } as Record<string, string>;
    expect(() => indexIndicators(INDICATORS)).not.toThrow();
    expect(INDICATORS).toHaveLength(CATEGORIES.length * 2);
    for (const d of INDICATORS) expect(d.id.startsWith(prefix[d.domain]!), d.id).toBe(true);
    expect(INDICATORS.filter((d) => d.id.endsWith('_rate')).every((d) => d.unit === 'per 100,000 population' && !d.derived)).toBe(true);
  });
});

const MIRROR = process.env['SOURCES_DIR'] ?? join(ROOT, '..', 'shared', 'sources');

describe.skipIf(!existsSync(join(MIRROR, 'cybercrime', ID, FILE)))('unodc-cts-cyber-offences on the real mirror', () => {
  async function runMirror() {
    const opts = { sourcesDir: MIRROR, downloadDir: join(tempDir('cto-cts-'), 'dl') };
    const manifests = loadManifests(join(ROOT, 'data', 'sources'));
    const ref = await loadReference(opts, manifests, ROOT);
    const manifest = manifests.find((m) => m.id === ID)!;
    return runSource(source, manifest, await resolveSource(opts, manifest), ref.geo, projectAliases(ID));
  }

  it('accounts for the 22,754 rows PROVENANCE.md states and keeps the published values', async () => {
    const { accounts, output } = await runMirror();
    expect(accounts).toEqual([{ source: ID, file: FILE, sheet: SHEET, read: 22_754, emitted: 22_754, quarantined: 0 }]);
    const geos = new Set(output.observations.map((o) => o.geo));
    for (const g of ['GBR_E_W', 'GBR_S', 'GBR_NI', 'IRQ_C', 'XKX']) expect(geos.has(g), g).toBe(true);

    // Values read independently from the xlsx XML (python zipfile), not with our reader.
    const at = (r: number) => output.observations.filter((o) => o.source_ref === REF(r));
    expect(at(14)).toMatchObject([{ indicator: 'ctx_offences_corruption', geo: 'GBR_S', year: 2013, value: 260 }]);
    expect(at(1912)).toMatchObject([{ indicator: 'smg_offences_smuggling_migrants', domain: 'migrant-smuggling', geo: 'GBR_NI', year: 2014, value: 7 }]);
    expect(at(955)).toMatchObject([{ indicator: 'ctx_offences_bribery', geo: 'IRQ_C', year: 2018, value: 164 }]);
    expect(at(2506)).toMatchObject([{ indicator: 'ctx_offences_burglary', geo: 'GBR_E_W', year: 2003, value: 820013 }]);
    expect(at(9374)).toMatchObject([{ indicator: 'cyb_unlawful_access', geo: 'XKX', year: 2014, value: 128 }]);
    expect(at(20867)).toMatchObject([{ indicator: 'cyb_unlawful_access_rate', geo: 'XKX', year: 2017, unit: 'per 100,000 population' }]);
    expect(at(20867)[0]!.value).toBeCloseTo(8.8931699299980504, 12);
    expect(at(10842)).toMatchObject([{ indicator: 'wl_offences_protected_species', domain: 'wildlife', geo: 'SWE', year: 2014, value: 110 }]);
    expect(at(351)).toMatchObject([{ indicator: 'ctx_offences_corruption', geo: 'BLZ', year: 2019, value: 2, note: 'UNODC Source column: CTS/MoI' }]);
    expect(output.quality.map((q) => q.source_ref.split(':')[2])).toEqual(['1236', '1805', '3374', '3466', '7049', '7148']);
  });
});
