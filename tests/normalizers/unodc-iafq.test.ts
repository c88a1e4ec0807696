import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import source, { AMBIGUOUS_LOCATION_TOTAL, INDICATORS, LABEL_FIXES } from '../../scripts/pipeline/normalizers/unodc-iafq.ts';
import type { Observation } from '../../scripts/pipeline/model.ts';
import { indexIndicators, validateObservations } from '../../scripts/pipeline/validate.ts';
import { SEIZED_TOTAL_NOTE } from '../../scripts/pipeline/normalizers/iafq-location-total.ts';
import { loadManifests } from '../../scripts/pipeline/manifest.ts';
import { resolveSource } from '../../scripts/pipeline/resolve-files.ts';
import { runSource } from '../../scripts/pipeline/run-source.ts';
import { loadReference } from '../../scripts/pipeline/reference/load-reference.ts';
import { fixtureGeo, headerOf, projectAliases, ROOT, runFixture, tempDir, xlsxBytes, type FixtureCell } from '../support/fixtures.ts';
import { labelsByRow } from '../support/unodc-labels.ts';

const FILE = 'data_iafq_firearms_trafficking.xlsx';
const SHEET = 'data_iafq_firearms_trafficking';
const REF = (row: number) => `${FILE}:${SHEET}:${row}`;

/** A data row in the publisher's layout: everything text except VALUE (a number), Year as text. */
function row(iso: string, country: string, indicator: string, dimension: string, category: string, sex: string, age: string, yearText: string, value: FixtureCell, src = 'IAFQ'): FixtureCell[] {
  return [iso, country, 'Europe', 'Southern Europe', indicator, dimension, category, sex, age, yearText, 'Counts', value, src];
}

/** Preamble (rows 1–2) and header (row 3) as published; data therefore starts on row 4. */
async function workbook(rows: FixtureCell[][], header: string[] = headerOf('unodc-iafq')): Promise<Buffer> {
  return xlsxBytes(SHEET, [['UNODC'], ['26/08/2024'], header, ...rows]);
}

async function run(rows: FixtureCell[][]) {
  return runFixture(source, { [FILE]: await workbook(rows) });
}

function obs(partial: Partial<Observation> & Pick<Observation, 'indicator' | 'geo' | 'year' | 'category' | 'value' | 'unit' | 'source_ref' | 'note'>): Observation {
  // The labels are checked cell by cell against the fixture in "keeps each row's dataUNODC labels".
  return { domain: 'firearms', sex: 'total', age: 'total', dimension: 'total', counterpart: null, censored: null, value_min: null, value_max: null, source: 'unodc-iafq', publisher: expect.any(Object), ...partial };
}

const GOLDEN: FixtureCell[][] = [
  /* 4 */ row('ALB', 'Albania', 'Arms seized', 'Total', 'Total', 'na', 'na', '2017', 432),
  /* 5 */ row('ALB', 'Albania', 'Arms seized', 'by type', 'rifle (Inlcuding Carbine)', 'na', 'na', '2017', 189),
  /* 6 */ row('ALB', 'Albania', 'Arms seized', 'by location', 'land borders', 'na', 'na', '2017', 0),
  /* 7 */ row('ALB', 'Albania', 'Arms seized', 'by location', 'Uniquely identifiable - tracing procedure pending', 'na', 'na', '2017', 3, 'IAFQ/SOF'),
  /* 8 */ row('ALB', 'Albania', 'Arms seized', 'by location', 'Total', 'na', 'na', '2017', 432),
  /* 9 */ row('ALB', 'Albania', 'Arms surrendered', 'by marking', 'Surrendered', 'na', 'na', '2017', 57),
  /* 10 */ row('ALB', 'Albania', 'Arms found', 'by type', 'Total', 'na', 'na', '2017', 12),
  /* 11 */ row('ALB', 'Albania', 'Arms found', 'by location', 'Total', 'na', 'na', '2017', 11),
  /* 12 */ row('COL', 'Colombia', 'Individuals convicted for illicit trafficking in weapons', 'Total', 'Total', 'Female', 'Total', '2022', 7),
  /* 13 */ row('COL', 'Colombia', 'Individuals arrested/suspected', 'by type of offences', 'Illicit trafficking andIllicit possession/use of arms', 'Total', 'Total', '2022', 25),
  /* 14 */ row('COL', 'Colombia', 'Ammunition seized', 'Total', 'Total', 'na', 'na', '2022', 27806, 'ATF'),
  /* 15 */ row('ESP', 'Spain', 'Arms seized', 'by legal justification of seizure', 'illicit posession', 'na', 'na', '2021', 326),
];

describe('unodc-iafq normalizer', () => {
  it('turns the fixture into exactly these observations (golden)', async () => {
    const { output } = await run(GOLDEN);
    expect(output.observations).toHaveLength(11);
    const byRef = new Map(output.observations.map((o) => [o.source_ref, o]));
    expect(byRef.get(REF(4))).toEqual(obs({ indicator: 'fa_arms_seized', geo: 'ALB', year: 2017, category: 'total', value: 432, unit: 'firearms', source_ref: REF(4), note: 'UNODC Source column: IAFQ' }));
    expect(byRef.get(REF(5))).toEqual(obs({ indicator: 'fa_arms_seized', geo: 'ALB', year: 2017, dimension: 'firearm type', category: 'rifle (including carbine)', value: 189, unit: 'firearms', source_ref: REF(5), note: 'UNODC Source column: IAFQ' }));
    expect(byRef.get(REF(6))).toEqual(
      obs({
        indicator: 'fa_arms_seized_by_location', geo: 'ALB', year: 2017, dimension: 'place of seizure', category: 'land borders', value: 0, unit: 'firearms', source_ref: REF(6),
        note: 'UNODC Source column: IAFQ; 0 as reported: the export does not distinguish a reported 0 from "not recorded"',
      }),
    );
    expect(byRef.get(REF(7))).toEqual(obs({ indicator: 'fa_arms_seized_by_tracing', geo: 'ALB', year: 2017, dimension: 'tracing outcome (uniquely identifiable)', category: 'Uniquely identifiable - tracing procedure pending', value: 3, unit: 'firearms', source_ref: REF(7), note: 'UNODC Source column: IAFQ/SOF' }));
    expect(byRef.get(REF(12))).toEqual(obs({ indicator: 'fa_persons_convicted', geo: 'COL', year: 2022, sex: 'female', category: 'total', value: 7, unit: 'persons', source_ref: REF(12), note: 'UNODC Source column: IAFQ' }));
    expect(byRef.get(REF(14))).toEqual(obs({ indicator: 'fa_ammunition_seized', geo: 'COL', year: 2022, category: 'total', value: 27806, unit: 'rounds of ammunition', source_ref: REF(14), note: 'UNODC Source column: ATF' }));
    // The rest, in brief: where each breakdown's own total and each corrected label goes.
    const brief = output.observations.map((o) => [o.source_ref.split(':')[2], o.indicator, o.dimension, o.category, o.value]);
    expect(brief).toEqual([
      ['4', 'fa_arms_seized', 'total', 'total', 432],
      ['5', 'fa_arms_seized', 'firearm type', 'rifle (including carbine)', 189],
      ['6', 'fa_arms_seized_by_location', 'place of seizure', 'land borders', 0],
      ['7', 'fa_arms_seized_by_tracing', 'tracing outcome (uniquely identifiable)', 'Uniquely identifiable - tracing procedure pending', 3],
      ['9', 'fa_arms_surrendered_by_marking', 'total', 'total', 57],
      ['10', 'fa_arms_found', 'total', 'total', 12],
      ['11', 'fa_arms_found_by_tracing', 'total', 'total', 11],
      ['12', 'fa_persons_convicted', 'total', 'total', 7],
      ['13', 'fa_persons_arrested_by_offence', 'offences', 'Illicit trafficking and illicit possession/use of arms', 25],
      ['14', 'fa_ammunition_seized', 'total', 'total', 27806],
      ['15', 'fa_arms_seized_by_justification', 'legal justification', 'illicit possession', 326],
    ]);
  });

  it('attributes a "by location / Total" to the table whose parts it equals, and publishes it as the total where no "Total / Total" exists', async () => {
    // Bolivia-like: no "Total / Total"; two "by location / Total" rows, one equal to the location parts (2 + 28 = 30),
    // one equal to the identifiability subtotals (5 + 0 + 2 = 7); a third equal to neither stays quarantined.
    const rows = [
      /* 4 */ row('BOL', 'Bolivia', 'Arms seized', 'by location', 'land borders', 'na', 'na', '2021', 2),
      /* 5 */ row('BOL', 'Bolivia', 'Arms seized', 'by location', 'national territory', 'na', 'na', '2021', 28),
      /* 6 */ row('BOL', 'Bolivia', 'Arms seized', 'by location', 'Total', 'na', 'na', '2021', 30),
      /* 7 */ row('BOL', 'Bolivia', 'Arms seized', 'by location', 'Uniquely identifiable - total uniquely identifiable through marking', 'na', 'na', '2021', 5),
      /* 8 */ row('BOL', 'Bolivia', 'Arms seized', 'by location', 'Total not uniquely identifiable through marking', 'na', 'na', '2021', 0),
      /* 9 */ row('BOL', 'Bolivia', 'Arms seized', 'by location', 'Unknown status regarding marking', 'na', 'na', '2021', 2),
      /* 10 */ row('BOL', 'Bolivia', 'Arms seized', 'by location', 'Uniquely identifiable - tracing procedure pending', 'na', 'na', '2021', 5),
      /* 11 */ row('BOL', 'Bolivia', 'Arms seized', 'by location', 'Total', 'na', 'na', '2021', 7),
      /* 12 */ row('BOL', 'Bolivia', 'Arms seized', 'by location', 'Total', 'na', 'na', '2021', 31),
      // Albania has a "Total / Total": its location total stays the location table's only.
      /* 13 */ row('ALB', 'Albania', 'Arms seized', 'Total', 'Total', 'na', 'na', '2017', 432),
      /* 14 */ row('ALB', 'Albania', 'Arms seized', 'by location', 'land borders', 'na', 'na', '2017', 400),
      /* 15 */ row('ALB', 'Albania', 'Arms seized', 'by location', 'Total', 'na', 'na', '2017', 400),
    ];
    const { output, accounts, quarantine } = await run(rows);
    expect(accounts[0]).toMatchObject({ read: 12, emitted: 11, quarantined: 1 });
    expect(quarantine.map((q) => [q.row, q.reason])).toEqual([[12, AMBIGUOUS_LOCATION_TOTAL]]);
    const totals = output.observations.filter((o) => o.dimension === 'total').map((o) => [o.source_ref.split(':')[2], o.indicator, o.geo, o.value]);
    expect(totals).toEqual([
      ['13', 'fa_arms_seized', 'ALB', 432],
      ['6', 'fa_arms_seized_by_location', 'BOL', 30],
      ['6', 'fa_arms_seized', 'BOL', 30],
      ['11', 'fa_arms_seized_by_tracing', 'BOL', 7],
      ['15', 'fa_arms_seized_by_location', 'ALB', 400],
    ]);
    const bolTotal = output.observations.find((o) => o.indicator === 'fa_arms_seized' && o.geo === 'BOL')!;
    expect(bolTotal.note).toBe(`UNODC Source column: IAFQ; ${SEIZED_TOTAL_NOTE}`);
    const geo = await fixtureGeo();
    expect(() => validateObservations(output.observations, indexIndicators(INDICATORS), geo)).not.toThrow();
  });

  it("keeps each row's dataUNODC labels as published: uncorrected spellings, 'na', Source codes, on both observations of an attributed total", async () => {
    const rows = [
      ...GOLDEN,
      /* 16 */ row('BOL', 'Bolivia', 'Arms seized', 'by location', 'land borders', 'na', 'na', '2021', 2),
      /* 17 */ row('BOL', 'Bolivia', 'Arms seized', 'by location', 'national territory', 'na', 'na', '2021', 28, 'IAFQ/PP'),
      /* 18 */ row('BOL', 'Bolivia', 'Arms seized', 'by location', 'Total', 'na', 'na', '2021', 30, 'SOF'),
    ];
    const { output } = await run(rows);
    expect(output.observations.filter((o) => o.source_ref === REF(18)).map((o) => o.indicator)).toEqual(['fa_arms_seized_by_location', 'fa_arms_seized']);
    const { got, want } = labelsByRow(output.observations, headerOf('unodc-iafq'), rows, 4);
    expect(got).toHaveLength(11 + 4);
    expect(got).toEqual(want);
  });

  it('accounts for every row: 12 read = 11 emitted + 1 quarantined (the ambiguous location total)', async () => {
    const { accounts, quarantine } = await run(GOLDEN);
    expect(accounts).toEqual([{ source: 'unodc-iafq', file: FILE, sheet: SHEET, read: 12, emitted: 11, quarantined: 1 }]);
    expect(quarantine).toEqual([{ source: 'unodc-iafq', file: FILE, sheet: SHEET, row: 8, column: 'Category', value: 'Total', reason: AMBIGUOUS_LOCATION_TOTAL }]);
  });

  it('quarantines both rows of a colliding label with different values, and the later of an exact repeat', async () => {
    const rows = [
      /* 4 */ row('ESP', 'Spain', 'Arms seized', 'by condition', 'otherwise illicitly manufactured', 'na', 'na', '2021', 32),
      /* 5 */ row('ESP', 'Spain', 'Arms seized', 'by condition', 'Converted arms', 'na', 'na', '2021', 4),
      /* 6 */ row('ESP', 'Spain', 'Arms seized', 'by condition', 'otherwise illicitly manufactured', 'na', 'na', '2021', 10),
      /* 7 */ row('ESP', 'Spain', 'Individuals arrested/suspected', 'by type of offences', 'Illicit trafficking of arms and other types of trafficking', 'Total', 'Total', '2021', 0),
      /* 8 */ row('ESP', 'Spain', 'Individuals arrested/suspected', 'by type of offences', 'Illicit trafficking of arms and other types of trafficking', 'Total', 'Total', '2021', 0),
    ];
    const { output, accounts, quarantine } = await run(rows);
    expect(accounts[0]).toMatchObject({ read: 5, emitted: 2, quarantined: 3 });
    expect(output.observations.map((o) => o.source_ref)).toEqual([REF(5), REF(7)]);
    const reason =
      'conflicting repeat of label "otherwise illicitly manufactured" for one country-year (rows 4, 6): the export gives two questionnaire categories this label, so neither value can be attributed';
    expect(quarantine.map((q) => [q.row, q.reason, q.value])).toEqual([
      [4, reason, '32'],
      [6, reason, '10'],
      [8, 'exact duplicate of row 7', '0'],
    ]);
  });

  it('stops on a conflicting repeat of any other label, naming both rows', async () => {
    const rows = [
      row('ALB', 'Albania', 'Arms seized', 'by type', 'pistol', 'na', 'na', '2017', 139),
      row('ALB', 'Albania', 'Arms seized', 'by type', 'pistol', 'na', 'na', '2017', 140),
    ];
    await expect(run(rows)).rejects.toThrow(
      `file ${FILE}, sheet ${SHEET}, row 5, column VALUE: duplicate key with conflicting values: 140 here, 139 on row 4 (fa_arms_seized, ALB, 2017, sex total, age total, category pistol)`,
    );
  });

  it('stops on a negative count', async () => {
    await expect(run([row('ALB', 'Albania', 'Arms seized', 'Total', 'Total', 'na', 'na', '2017', -3)])).rejects.toThrow(
      `file ${FILE}, sheet ${SHEET}, row 4, column VALUE: negative count, found -3`,
    );
  });

  it('stops on an unparseable value, even in a row that would be quarantined', async () => {
    await expect(run([row('ALB', 'Albania', 'Arms seized', 'by location', 'Total', 'na', 'na', '2017', 'n/a')])).rejects.toThrow(
      `file ${FILE}, sheet ${SHEET}, row 4, column VALUE: unparseable count, found "n/a"`,
    );
  });

  it('stops on a fractional count', async () => {
    await expect(run([row('ALB', 'Albania', 'Arms seized', 'Total', 'Total', 'na', 'na', '2017', 2.5)])).rejects.toThrow(
      `file ${FILE}, sheet ${SHEET}, row 4, column VALUE: count is not a whole number, found 2.5`,
    );
  });

  it('stops on an unknown geography code', async () => {
    await expect(run([row('ZZZ', 'Nowhere', 'Arms seized', 'Total', 'Total', 'na', 'na', '2017', 1)])).rejects.toThrow(
      `file ${FILE}, sheet ${SHEET}, row 4, column Iso3_code: unknown geography code "ZZZ" (country "Nowhere"); add it to data/reference/non-iso-codes.csv with a treatment and reason`,
    );
  });

  it('stops on a category, dimension or indicator that is not mapped', async () => {
    await expect(run([row('ALB', 'Albania', 'Arms seized', 'by type', 'flamethrower', 'na', 'na', '2017', 1)])).rejects.toThrow(
      `file ${FILE}, sheet ${SHEET}, row 4, column Category: unmapped category "flamethrower" for "Arms seized" "by type"; add it to the routes in unodc-iafq.ts`,
    );
    // A location category under "Arms found" would break the rule that its "by location / Total" is the tracing total.
    await expect(run([row('ALB', 'Albania', 'Arms found', 'by location', 'land borders', 'na', 'na', '2017', 1)])).rejects.toThrow(
      `file ${FILE}, sheet ${SHEET}, row 4, column Category: unmapped category "land borders" for "Arms found" "by location"`,
    );
    await expect(run([row('ALB', 'Albania', 'Arms seized', 'by calibre', 'Total', 'na', 'na', '2017', 1)])).rejects.toThrow(
      `file ${FILE}, sheet ${SHEET}, row 4, column Dimension: unmapped dimension "by calibre" for indicator "Arms seized"`,
    );
    await expect(run([row('ALB', 'Albania', 'Arms exported', 'Total', 'Total', 'na', 'na', '2017', 1)])).rejects.toThrow(
      `file ${FILE}, sheet ${SHEET}, row 4, column Indicator: unmapped indicator "Arms exported"`,
    );
  });

  it('stops on a changed header', async () => {
    const header = headerOf('unodc-iafq').map((c) => (c === 'VALUE' ? 'txtVALUE' : c));
    const bytes = await workbook([row('ALB', 'Albania', 'Arms seized', 'Total', 'Total', 'na', 'na', '2017', 1)], header);
    await expect(runFixture(source, { [FILE]: bytes })).rejects.toThrow(
      `file ${FILE}, sheet ${SHEET}, row 3, column VALUE: header changed: expected column 12 to be "VALUE", found "txtVALUE"`,
    );
  });

  it('corrects only these five spelling or case slips; every other label is as published', () => {
    expect(LABEL_FIXES).toEqual({
      'rifle (Inlcuding Carbine)': 'rifle (including carbine)',
      'shotgun (Including Short Carbine)': 'shotgun (including short carbine)',
      'illicit posession': 'illicit possession',
      'unknown Status On Marking': 'unknown status on marking',
      'Illicit trafficking andIllicit possession/use of arms': 'Illicit trafficking and illicit possession/use of arms',
    });
  });

  it('defines well-formed indicator ids and leaves the seized rate to the central derivation', () => {
    expect(() => indexIndicators(INDICATORS)).not.toThrow();
    expect(INDICATORS.map((d) => d.id)).toContain('fa_arms_seized');
    expect(INDICATORS.map((d) => d.id)).not.toContain('fa_arms_seized_rate'); // derived centrally, never here
  });
});

const MIRROR = process.env['SOURCES_DIR'] ?? join(ROOT, '..', 'shared', 'sources');

describe.skipIf(!existsSync(join(MIRROR, 'firearms', 'unodc-iafq', FILE)))('unodc-iafq on the real mirror', () => {
  async function runMirror() {
    const opts = { sourcesDir: MIRROR, downloadDir: join(tempDir('cto-iafq-'), 'dl') };
    const manifests = loadManifests(join(ROOT, 'data', 'sources'));
    const ref = await loadReference(opts, manifests, ROOT);
    const manifest = manifests.find((m) => m.id === 'unodc-iafq')!;
    return runSource(source, manifest, await resolveSource(opts, manifest), ref.geo, projectAliases('unodc-iafq'));
  }

  it('accounts for the 15,468 rows PROVENANCE.md states, with the documented quarantines', async () => {
    const { accounts, quarantine, output } = await runMirror();
    expect(accounts).toEqual([{ source: 'unodc-iafq', file: FILE, sheet: SHEET, read: 15_468, emitted: 15_089, quarantined: 379 }]);
    const kinds = new Map<string, number>();
    for (const q of quarantine) {
      const kind = q.reason.startsWith('exact duplicate') ? 'exact' : q.reason.startsWith('conflicting repeat') ? 'collision' : q.reason === AMBIGUOUS_LOCATION_TOTAL ? 'location total' : q.reason;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    // Of the 455 "by location / Total" rows, 20 equal the parts of neither table; 114 repeat an attributed total exactly.
    expect(Object.fromEntries(kinds)).toEqual({ 'location total': 20, collision: 208, exact: 151 });

    // Values read independently from the xlsx XML (python zipfile), not with our reader.
    const at = (row: number) => output.observations.filter((o) => o.source_ref === REF(row));
    expect(at(4)).toMatchObject([{ indicator: 'fa_ammunition_seized', geo: 'ALB', year: 2022, category: 'total', value: 27806, note: 'UNODC Source column: IAFQ' }]);
    expect(at(4788)).toMatchObject([{ indicator: 'fa_arms_seized', geo: 'ALB', year: 2017, category: 'rifle (including carbine)', value: 189 }]);
    expect(at(4810)).toMatchObject([{ indicator: 'fa_arms_seized', geo: 'ALB', year: 2017, category: 'total', value: 432 }]);
    expect(at(173)).toMatchObject([{ indicator: 'fa_arms_seized', geo: 'ARG', year: 2021, category: 'total', value: 14625, note: 'UNODC Source column: IAFQ/SOF' }]);
    expect(at(91)).toMatchObject([{ indicator: 'fa_arms_seized_by_tracing', geo: 'AND', year: 2021, category: 'Uniquely identifiable - total uniquely identifiable through marking', value: 5 }]);
    expect(at(161)).toMatchObject([{ indicator: 'fa_arms_surrendered_by_marking', geo: 'ARG', year: 2021, category: 'total', value: 2836 }]);
    expect(at(484)).toMatchObject([{ indicator: 'fa_persons_convicted', geo: 'BHS', year: 2022, sex: 'female', value: 1 }]);
    // Bolivia and Azerbaijan 2021 have no "Total / Total" row (python zipfile read: AZE rows 284-304, BOL rows 531-538).
    // AZE row 287 "by location / Total" 202 = 0 + 179 + 21 + 2 (rows 284-286, 288); row 304's 709 = 709 + 0 (rows 302-303).
    expect(at(287).map((o) => [o.indicator, o.dimension, o.value])).toEqual([['fa_arms_seized_by_location', 'total', 202], ['fa_arms_seized', 'total', 202]]);
    expect(at(304).map((o) => [o.indicator, o.value])).toEqual([['fa_arms_seized_by_tracing', 709]]);
    // BOL row 533: 30 = 2 + 28 (rows 531-532) and = 0 + 0 + 30 (rows 535, 536, 538); row 537 repeats it.
    expect(at(533).map((o) => [o.indicator, o.value])).toEqual([['fa_arms_seized_by_location', 30], ['fa_arms_seized', 30], ['fa_arms_seized_by_tracing', 30]]);
    expect(quarantine.find((q) => q.row === 537)?.reason).toBe('exact duplicate of row 533');
    // AZE 2021 has "otherwise illicitly manufactured" twice, 8 and 4: neither is published.
    expect(quarantine.filter((q) => q.row === 263 || q.row === 266).map((q) => q.value)).toEqual(['8', '4']);
  });
});
