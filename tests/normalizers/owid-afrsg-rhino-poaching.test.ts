import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import module from '../../scripts/pipeline/normalizers/owid-afrsg-rhino-poaching.ts';
import type { Observation } from '../../scripts/pipeline/model.ts';
import { loadManifests } from '../../scripts/pipeline/manifest.ts';
import { resolveSource } from '../../scripts/pipeline/resolve-files.ts';
import { runSource } from '../../scripts/pipeline/run-source.ts';
import { loadReference } from '../../scripts/pipeline/reference/load-reference.ts';
import { csvBytes, headerOf, projectAliases, realManifest, ROOT, runFixture, tempDir, type FixtureCell } from '../support/fixtures.ts';

const FILE = 'Rhino poaching rates (AfRSG, 2019).csv';
const HEADER = headerOf(module.id);
const run = (rows: FixtureCell[][]) => runFixture(module, { [FILE]: csvBytes([HEADER, ...rows]) });
const ref = (row: number) => `${FILE}::${row}`;

function obs(indicator: string, geo: string, year: number, value: number, unit: string, row: number, note: string | null = null): Observation {
  return {
    domain: 'wildlife', indicator, geo, year, sex: 'total', age: 'total', dimension: 'total', category: 'total', counterpart: null, value, unit,
    censored: null, value_min: null, value_max: null, source: 'owid-afrsg-rhino-poaching', source_ref: ref(row), note,
  };
}

const KG = 'kg (cumulative 2009–Sep 2018)';
const HORNS = 'horns and pieces (cumulative 2009–Sep 2018)';
const SEIZURE_NOTE = 'Cumulative total for 2009 – September 2018, stored by OWID under Year 2018; not an annual 2018 value.';

// OWID's layout: Entity, Year, poached, poached/day, horn weight, horn count; numbers as CSV text, empty when absent.
const GOLDEN: FixtureCell[][] = [
  ['Africa', '2016', '30', '0.08', null, null], // row 2
  ['Africa', '2017', '50', '0.14', null, null], // row 3
  ['Kenya', '2016', '10', null, null, null], // row 4
  ['Kenya', '2017', '9', null, null, null], // row 5
  ['South Africa', '2016', '25', '0.07', null, null], // row 6
  ['South Africa', '2017', '41', '0.11', null, null], // row 7
  ['South Africa', '2018', '778', '2.13', '2994', '1055'], // row 8
  ['Swaziland', '2017', '0', null, null, null], // row 9
  ['Vietnam', '2018', null, null, '1757', '761'], // row 10
  ['World', '2018', null, null, '11281', '4858'], // row 11
  ['Other', '2018', null, null, '534', '329'], // row 12
  ['Uganda', '2016', null, null, null, null], // row 13
];

describe('owid-afrsg-rhino-poaching: golden', () => {
  it('publishes annual poaching counts and the cumulative seizure totals, with aliases and regions', async () => {
    const res = await run(GOLDEN);
    expect(res.output.observations).toEqual([
      obs('wl_rhinos_poached', '002', 2016, 30, 'animals', 2),
      obs('wl_rhinos_poached', '002', 2017, 50, 'animals', 3),
      obs('wl_rhinos_poached', 'KEN', 2016, 10, 'animals', 4),
      obs('wl_rhinos_poached', 'KEN', 2017, 9, 'animals', 5),
      obs('wl_rhinos_poached', 'ZAF', 2016, 25, 'animals', 6),
      obs('wl_rhinos_poached', 'ZAF', 2017, 41, 'animals', 7),
      obs('wl_rhinos_poached', 'ZAF', 2018, 778, 'animals', 8),
      obs('wl_rhino_horn_seized_kg', 'ZAF', 2018, 2994, KG, 8, SEIZURE_NOTE),
      obs('wl_rhino_horns_seized', 'ZAF', 2018, 1055, HORNS, 8, SEIZURE_NOTE),
      obs('wl_rhinos_poached', 'SWZ', 2017, 0, 'animals', 9),
      obs('wl_rhino_horn_seized_kg', 'VNM', 2018, 1757, KG, 10, SEIZURE_NOTE),
      obs('wl_rhino_horns_seized', 'VNM', 2018, 761, HORNS, 10, SEIZURE_NOTE),
      obs('wl_rhino_horn_seized_kg', '001', 2018, 11281, KG, 11, SEIZURE_NOTE),
      obs('wl_rhino_horns_seized', '001', 2018, 4858, HORNS, 11, SEIZURE_NOTE),
    ]);
    expect(res.output.events).toEqual([]);
  });

  it('never publishes the per-day column', async () => {
    const res = await run(GOLDEN);
    expect(res.output.observations.some((o) => !Number.isInteger(o.value))).toBe(false);
    expect(module.indicators.map((i) => i.id)).toEqual(['wl_rhinos_poached', 'wl_rhino_horn_seized_kg', 'wl_rhino_horns_seized']);
  });

  it('says "cumulative 2009–Sep 2018" in the seizure indicators\' title, unit and definition', () => {
    for (const def of module.indicators.filter((i) => i.id !== 'wl_rhinos_poached')) {
      for (const text of [def.title, def.unit, def.definition]) expect(text).toContain('cumulative 2009–Sep 2018');
    }
  });

  it('accounts for every row: "Other" is not a place, a row without values is quarantined', async () => {
    const res = await run(GOLDEN);
    expect(res.accounts).toEqual([{ source: module.id, file: FILE, sheet: null, read: 12, emitted: 10, quarantined: 2 }]);
    expect(res.quarantine.map((q) => [q.row, q.reason, q.column, q.value])).toEqual([
      [12, 'Seizures in countries the report does not list separately (OWID entity "Other"): not a place, cannot be attributed to a geography', 'Entity', 'Other'],
      [13, 'no values', null, null],
    ]);
  });

  it('flags an Africa total that differs from the sum of its range states', async () => {
    const res = await run(GOLDEN);
    expect(res.output.quality).toEqual([
      {
        source: module.id,
        source_ref: ref(2),
        check: 'Africa total differs from the sum of the African range states',
        message: 'Africa 2016: 30 rhinos poached, but the 2 African countries listed for that year add up to 35',
      },
    ]);
  });

  it('flags a per-day rate that is not the annual count ÷ 365', async () => {
    const res = await run([['Kenya', '2016', '365', '2.00', null, null]]);
    expect(res.output.quality).toEqual([
      { source: module.id, source_ref: ref(2), check: 'per-day rate is not the annual count ÷ 365', message: 'Rhinos Poached/day (AfRSG, 2019) is 2, but 365 ÷ 365 = 1.000' },
    ]);
  });
});

describe('owid-afrsg-rhino-poaching: bad input', () => {
  it('stops on a changed header', async () => {
    const header = [...HEADER];
    header[2] = 'Rhinos poached';
    await expect(runFixture(module, { [FILE]: csvBytes([header, ['Kenya', '2017', '9', null, null, null]]) })).rejects.toThrow(
      `file ${FILE}, row 1, column Rhinos Poached (AfRSG, 2019): header changed: expected column 3 to be "Rhinos Poached (AfRSG, 2019)", found "Rhinos poached"`,
    );
  });

  it('stops on an unparseable value', async () => {
    await expect(run([['Kenya', '2017', '9a', null, null, null]])).rejects.toThrow(
      `file ${FILE}, row 2, column Rhinos Poached (AfRSG, 2019): unparseable count, found "9a"`,
    );
  });

  it('stops on a negative count', async () => {
    await expect(run([['Kenya', '2018', null, null, '12', '-3']])).rejects.toThrow(
      `file ${FILE}, row 2, column Number of seized rhino horns and pieces (AfRSG, 2019): negative count, found "-3"`,
    );
  });

  it('stops on a negative weight', async () => {
    await expect(run([['Kenya', '2018', null, null, '-12', '3']])).rejects.toThrow(
      `file ${FILE}, row 2, column Weight of seized rhino horns (AfRSG, 2019): negative value, found "-12"`,
    );
  });

  it('stops on a per-day rate without an annual count', async () => {
    await expect(run([['Kenya', '2017', null, '0.02', null, null]])).rejects.toThrow(
      `file ${FILE}, row 2, column Rhinos Poached/day (AfRSG, 2019): per-day rate without an annual count, found "0.02"`,
    );
  });

  it('stops on a duplicate key with conflicting values', async () => {
    await expect(run([['Kenya', '2017', '9', null, null, null], ['Kenya', '2017', '10', null, null, null]])).rejects.toThrow(
      `file ${FILE}, row 3, column Rhinos Poached (AfRSG, 2019): duplicate key with conflicting values: 10 here, 9 on row 2 (wl_rhinos_poached, KEN, 2017, sex total, age total, category total)`,
    );
  });

  it('quarantines an exact duplicate row', async () => {
    const res = await run([['Kenya', '2017', '9', null, null, null], ['Kenya', '2017', '9', null, null, null]]);
    expect(res.output.observations).toHaveLength(1);
    expect(res.accounts[0]).toMatchObject({ read: 2, emitted: 1, quarantined: 1 });
    expect(res.quarantine.map((q) => [q.row, q.reason])).toEqual([[3, 'exact duplicate of row 2']]);
  });

  it('stops on an unknown geography name', async () => {
    await expect(run([['Atlantis', '2017', '9', null, null, null]])).rejects.toThrow(
      `file ${FILE}, row 2, column Entity: unknown geography name "Atlantis"; add it to data/reference/aliases/owid-afrsg-rhino-poaching.csv`,
    );
  });

  it('stops on a year that is not a year', async () => {
    await expect(run([['Kenya', '2017-18', '9', null, null, null]])).rejects.toThrow(
      `file ${FILE}, row 2, column Year: expected a four-digit year, found "2017-18"`,
    );
  });
});

const MIRROR = process.env['SOURCES_DIR'] ?? join(ROOT, '..', 'shared', 'sources');
const MIRROR_FILE = join(MIRROR, 'wildlife', module.id, FILE);

describe.skipIf(!existsSync(MIRROR_FILE))('owid-afrsg-rhino-poaching: real mirror', () => {
  async function runMirror() {
    const opts = { sourcesDir: MIRROR, downloadDir: join(tempDir('cto-rhino-'), 'raw') };
    const reference = await loadReference(opts, loadManifests(join(ROOT, 'data', 'sources')), ROOT);
    const manifest = realManifest(module.id);
    return runSource(module, manifest, await resolveSource(opts, manifest), reference.geo, projectAliases(module.id));
  }

  it('accounts for the 234 rows PROVENANCE.md states, and checks values read independently with python csv', async () => {
    const res = await runMirror();
    expect(res.accounts).toEqual([{ source: module.id, file: FILE, sheet: null, read: 234, emitted: 233, quarantined: 1 }]);
    expect(res.quarantine.map((q) => [q.row, q.value])).toEqual([[119, 'Other']]);

    const find = (indicator: string, geo: string, year: number) =>
      res.output.observations.filter((o) => o.indicator === indicator && o.geo === geo && o.year === year).map((o) => [o.value, o.source_ref]);
    // Values below were read with python3's csv module from the mirror file (row = line number, header = 1).
    expect(find('wl_rhinos_poached', 'ZAF', 2018)).toEqual([[778, ref(151)]]);
    expect(find('wl_rhino_horn_seized_kg', 'ZAF', 2018)).toEqual([[2994, ref(151)]]);
    expect(find('wl_rhino_horns_seized', 'VNM', 2018)).toEqual([[761, ref(194)]]);
    expect(find('wl_rhino_horn_seized_kg', '001', 2018)).toEqual([[11281, ref(195)]]);
    expect(find('wl_rhinos_poached', 'ZWE', 1986)).toEqual([[159, ref(215)]]);
    expect(find('wl_rhinos_poached', 'SWZ', 2011)).toEqual([[2, ref(157)]]);
  });
});
