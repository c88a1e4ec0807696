import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import glotip, { REASONS } from '../../scripts/pipeline/normalizers/unodc-glotip/index.ts';
import type { Observation } from '../../scripts/pipeline/model.ts';
import { loadManifests } from '../../scripts/pipeline/manifest.ts';
import { resolveSource } from '../../scripts/pipeline/resolve-files.ts';
import { runSource } from '../../scripts/pipeline/run-source.ts';
import { loadReference } from '../../scripts/pipeline/reference/load-reference.ts';
import { loadAliases } from '../../scripts/pipeline/reference/geo-index.ts';
import { ROOT, headerOf, runFixture, xlsxBytes, type FixtureCell } from '../support/fixtures.ts';
import { labelsByRow } from '../support/unodc-labels.ts';

const FILE = 'data_glotip.xlsx';
const SHEET = 'data_glotip_1';
const ref = (row: number | string) => `${FILE}:${SHEET}:${row}`;

const VICTIMS = 'Detected trafficking victims';
const CONVICTED = 'Persons convicted';
const PLACES: Record<string, [string, string, string]> = {
  NGA: ['Nigeria', 'Africa', 'Sub-Saharan Africa'],
  BOL: ['Bolivia (Plurinational State of)', 'Americas', 'Latin America and the Caribbean'],
  ALB: ['Albania', 'Europe', 'Southern Europe'],
};

/** One data row in UNODC's layout: text everywhere except Year, which the publisher stores as a number. */
function row(iso: string, indicator: string, dimension: string, category: string | null, sex: string, age: string, y: number, value: string): FixtureCell[] {
  const [country, region, subregion] = PLACES[iso] ?? [null, null, null];
  return [iso, country, region, subregion, indicator, dimension, category, sex, age, y, 'Counts', value, 'GLOTIP'];
}
const total = (iso: string, indicator: string, y: number, value: string, sex = 'Total', age = 'Total') => row(iso, indicator, 'Total', 'Total', sex, age, y, value);
const cit = (iso: string, label: string | null, y: number, value: string, indicator = VICTIMS) => row(iso, indicator, 'by citizenship', label, 'Total', 'Total', y, value);

async function workbook(rows: FixtureCell[][], header: FixtureCell[] = headerOf('unodc-glotip')): Promise<Buffer> {
  return xlsxBytes(SHEET, [['UNODC', 'unodc_ddds@un.org'], ['30/05/2023'], header, ...rows]);
}
const run = async (rows: FixtureCell[][]) => runFixture(glotip, { [FILE]: await workbook(rows) });

const FLOW_DIMENSION: Record<string, string> = {
  tip_victims_by_citizenship: 'citizenship',
  tip_persons_convicted_by_citizenship: 'citizenship',
  tip_victims_repatriated_from: 'country of repatriation',
};

/** A flow to a country has that country as category and counterpart; other categories are labels of their dimension. */
function obs(partial: Partial<Observation> & Pick<Observation, 'indicator' | 'geo' | 'year' | 'source_ref'>): Observation {
  const category = partial.category ?? partial.counterpart ?? 'total';
  const dimension = category === 'total' ? 'total' : (FLOW_DIMENSION[partial.indicator] ?? 'form of exploitation');
  return {
    domain: 'trafficking-in-persons', sex: 'total', age: 'total', dimension, category, counterpart: null, value: null, unit: 'persons',
    censored: null, value_min: null, value_max: null, source: 'unodc-glotip', note: null,
    // The labels are checked cell by cell against the fixture in "keeps each row's dataUNODC labels".
    publisher: expect.any(Object),
    ...partial,
  };
}
const LT5 = { value: null, censored: '<5', value_min: 1, value_max: 4 } as const;

describe('unodc-glotip: golden', () => {
  const rows = [
    total('NGA', VICTIMS, 2019, '1,757'), // 4
    total('NGA', VICTIMS, 2019, '<5', 'Female', '0 to 17 years'), // 5
    row('NGA', VICTIMS, 'by form of exploitation', 'Sexual exploitation', 'Total', 'Total', 2019, '27'), // 6
    cit('NGA', 'Nationals', 2019, '1,500'), // 7
    cit('NGA', 'Gana', 2019, '<5'), // 8
    row('NGA', VICTIMS, 'by country of repatriation', 'Abroad', 'Total', 'Total', 2019, '12'), // 9
    row('NGA', VICTIMS, 'by country of repatriation', 'Nationals', 'Total', 'Total', 2019, '<5'), // 10
    total('NGA', CONVICTED, 2019, '5'), // 11
    total('NGA', 'Persons prosecuted', 2019, '9'), // 12
    total('NGA', 'Persons brought into formal contact', 2019, '14'), // 13
    total('NGA', 'Offences of trafficking in persons', 2019, '3'), // 14
    cit('NGA', 'Chino', 2019, '6', CONVICTED), // 15
    total('CAR', VICTIMS, 2019, '40'), // 16: UNODC regional grouping code with empty country fields: a geography of its own
    cit('NGA', null, 2019, '2,020'), // 17: empty Category
    cit('NGA', 'DESCONOCIDA', 2019, '7'), // 18
    cit('NGA', '0', 2019, '<5'), // 19: placeholder label
  ];

  it('turns rows into observations with the right indicator, breakdown, counterpart, censoring and source_ref', async () => {
    const { output } = await run(rows);
    expect(output.observations).toEqual([
      obs({ indicator: 'tip_victims_detected', geo: 'NGA', year: 2019, value: 1757, source_ref: ref(4) }),
      obs({ indicator: 'tip_victims_detected', geo: 'NGA', year: 2019, sex: 'female', age: '0-17', ...LT5, source_ref: ref(5) }),
      obs({ indicator: 'tip_victims_detected', geo: 'NGA', year: 2019, category: 'Sexual exploitation', value: 27, source_ref: ref(6) }),
      obs({ indicator: 'tip_victims_by_citizenship', geo: 'NGA', year: 2019, category: 'Nationals', counterpart: 'NGA', value: 1500, source_ref: ref(7) }),
      obs({ indicator: 'tip_victims_by_citizenship', geo: 'NGA', year: 2019, counterpart: 'GHA', ...LT5, source_ref: ref(8), note: 'published label "Gana"' }),
      obs({ indicator: 'tip_victims_repatriated_from', geo: 'NGA', year: 2019, category: 'Abroad', value: 12, source_ref: ref(9) }),
      // "Nationals" means the reporting country only by citizenship; as a country of repatriation it stays a label.
      obs({ indicator: 'tip_victims_repatriated_from', geo: 'NGA', year: 2019, category: 'Nationals', ...LT5, source_ref: ref(10) }),
      obs({ indicator: 'tip_persons_convicted', geo: 'NGA', year: 2019, value: 5, source_ref: ref(11) }),
      obs({ indicator: 'tip_persons_prosecuted', geo: 'NGA', year: 2019, value: 9, source_ref: ref(12) }),
      obs({ indicator: 'tip_persons_formal_contact', geo: 'NGA', year: 2019, value: 14, source_ref: ref(13) }),
      obs({ indicator: 'tip_offences', geo: 'NGA', year: 2019, value: 3, unit: 'offences', source_ref: ref(14) }),
      obs({ indicator: 'tip_persons_convicted_by_citizenship', geo: 'NGA', year: 2019, counterpart: 'CHN', value: 6, source_ref: ref(15), note: 'published label "Chino"' }),
      // The grouping's own figure, under its code: never attributed to a country.
      obs({ indicator: 'tip_victims_detected', geo: 'CAR', year: 2019, value: 40, source_ref: ref(16) }),
      obs({ indicator: 'tip_victims_by_citizenship', geo: 'NGA', year: 2019, category: 'Unknown', value: 7, source_ref: ref(18), note: 'published label "DESCONOCIDA"' }),
    ]);
    expect(output.events).toEqual([]);
    expect(output.quality).toEqual([]);
  });

  it("keeps each row's dataUNODC labels exactly as its cells are published (Gana, DESCONOCIDA, Total…)", async () => {
    const { output } = await run(rows);
    expect(output.observations).toHaveLength(14);
    const { got, want } = labelsByRow(output.observations, headerOf('unodc-glotip'), rows, 4);
    expect(got).toEqual(want);
  });

  it('accounts for every row: read = emitted + quarantined, with the documented reasons', async () => {
    const { accounts, quarantine } = await run(rows);
    expect(accounts).toEqual([{ source: 'unodc-glotip', file: FILE, sheet: SHEET, read: 16, emitted: 14, quarantined: 2 }]);
    expect(quarantine.map((q) => [q.row, q.column, q.value, q.reason])).toEqual([
      [17, 'Category', null, REASONS.emptyCategory],
      [19, 'Category', '0', "Category is the placeholder '0', not a citizenship or country label: the value cannot be attributed to any citizenship or country"],
    ]);
  });

  it('publishes nothing for an empty value (missing is not zero) and says so in the quarantine', async () => {
    const { output, quarantine } = await run([total('NGA', VICTIMS, 2019, '5'), total('NGA', CONVICTED, 2019, '')]);
    expect(output.observations.map((o) => o.source_ref)).toEqual([ref(4)]);
    expect(quarantine.map((q) => [q.row, q.column, q.reason])).toEqual([[5, 'txtVALUE', REASONS.noValue]]);
  });

  it('declares every indicator it emits, with unit, definition and caveat', () => {
    const ids = glotip.indicators.map((d) => d.id);
    expect(ids).toEqual([
      'tip_victims_detected', 'tip_persons_convicted', 'tip_persons_prosecuted', 'tip_persons_formal_contact', 'tip_offences',
      'tip_victims_by_citizenship', 'tip_persons_convicted_by_citizenship', 'tip_victims_repatriated_from',
    ]);
    for (const d of glotip.indicators) {
      expect(d.caveat).toMatch(/"<5"/);
      expect(d.sources).toEqual(['unodc-glotip']);
    }
    expect(glotip.indicators[0]!.caveat).toMatch(/not prevalence/);
  });
});

describe('unodc-glotip: repeated keys', () => {
  it('quarantines every row of a key repeated in the appended blocks (unsummed parts), and publishes the single ones', async () => {
    const { output, accounts, quarantine } = await run([
      total('BOL', VICTIMS, 2017, '43', 'Female', '0 to 17 years'), // 4
      total('BOL', VICTIMS, 2017, '62', 'Female', '18 years or over'), // 5
      total('BOL', VICTIMS, 2017, '62', 'Female', 'Total'), // 6: the 18+ value under Age = Total
      total('BOL', VICTIMS, 2017, '43', 'Female', 'Total'), // 7: the 0–17 value under Age = Total
      total('BOL', VICTIMS, 2017, '98', 'Male', 'Total'), // 8: once only
      row('ALB', VICTIMS, 'by form of exploitation', 'Other forms of exploitation', 'Total', 'Total', 2017, '<5'), // 9
      row('ALB', VICTIMS, 'by form of exploitation', 'Other forms of exploitation', 'Total', 'Total', 2017, '<5'), // 10: same value, still a part
      row('ALB', VICTIMS, 'by form of exploitation', 'Other forms of exploitation', 'Total', 'Total', 2018, '27'), // 11: once only
    ]);
    expect(output.observations.map((o) => [o.source_ref, o.sex, o.age, o.category, o.value])).toEqual([
      [ref(4), 'female', '0-17', 'total', 43],
      [ref(5), 'female', '18+', 'total', 62],
      [ref(8), 'male', 'total', 'total', 98],
      [ref(11), 'total', 'total', 'Other forms of exploitation', 27],
    ]);
    expect(accounts[0]).toMatchObject({ read: 8, emitted: 4, quarantined: 4 });
    expect(quarantine.map((q) => [q.row, q.reason])).toEqual([
      [6, REASONS.sexBlockParts],
      [7, REASONS.sexBlockParts],
      [9, REASONS.otherFormsParts],
      [10, REASONS.otherFormsParts],
    ]);
  });

  it('quarantines an exact repeat elsewhere as a duplicate of the first row', async () => {
    const { output, quarantine } = await run([total('NGA', VICTIMS, 2019, '7'), total('NGA', VICTIMS, 2019, '7')]);
    expect(output.observations.map((o) => o.source_ref)).toEqual([ref(4)]);
    expect(quarantine.map((q) => [q.row, q.reason])).toEqual([[5, 'exact duplicate of row 4']]);
  });

  it('stops on a repeated key with a conflicting value', async () => {
    await expect(run([total('NGA', VICTIMS, 2019, '7'), total('NGA', VICTIMS, 2019, '8')])).rejects.toThrow(
      'file data_glotip.xlsx, sheet data_glotip_1, row 5, column txtVALUE: duplicate key with conflicting values: 8 here, 7 on row 4 ' +
        '(tip_victims_detected, NGA, 2019, sex total, age total, category total)',
    );
  });

  it('stops when two spellings of one country carry different values', async () => {
    await expect(run([cit('NGA', 'Brazil', 2019, '7'), cit('NGA', 'Brasil', 2019, '9')])).rejects.toThrow(
      'file data_glotip.xlsx, sheet data_glotip_1, row 5, column txtVALUE: duplicate key with conflicting values: 9 here, 7 on row 4 ' +
        '(tip_victims_by_citizenship, NGA, 2019, sex total, age total, category BRA, counterpart BRA)',
    );
  });
});

describe('unodc-glotip: bad input stops the build, naming the cell', () => {
  const at = (row: number, column: string) => `file data_glotip.xlsx, sheet data_glotip_1, row ${row}, column ${column}: `;

  it('a changed header', async () => {
    const header = headerOf('unodc-glotip').map((c) => (c === 'txtVALUE' ? 'VALUE' : c));
    await expect(runFixture(glotip, { [FILE]: await workbook([total('NGA', VICTIMS, 2019, '5')], header) })).rejects.toThrow(
      'file data_glotip.xlsx, sheet data_glotip_1, row 3, column txtVALUE: header changed: expected column 12 to be "txtVALUE", found "VALUE"',
    );
  });

  it('an unparseable value', async () => {
    await expect(run([total('NGA', VICTIMS, 2019, '1.757')])).rejects.toThrow(at(4, 'txtVALUE') + 'unparseable count, found "1.757"');
  });

  it('a negative count', async () => {
    await expect(run([total('NGA', VICTIMS, 2019, '-3')])).rejects.toThrow(at(4, 'txtVALUE') + 'negative count, found "-3"');
  });

  it('an unknown geography code', async () => {
    await expect(run([total('XYZ', VICTIMS, 2019, '5')])).rejects.toThrow(
      at(4, 'Iso3_code') + 'unknown geography code "XYZ" (country null); add it to data/reference/non-iso-codes.csv with a treatment and reason',
    );
  });

  it('an unknown citizenship label', async () => {
    await expect(run([cit('NGA', 'Atlantis', 2019, '5')])).rejects.toThrow(
      at(4, 'Category') +
        'unknown by citizenship label "Atlantis": add it to data/reference/aliases/unodc-glotip.csv or, if it names no country, to NON_COUNTRY_LABELS',
    );
  });

  it('an unknown dimension, form of exploitation or indicator', async () => {
    await expect(run([row('NGA', VICTIMS, 'by region', 'Africa', 'Total', 'Total', 2019, '5')])).rejects.toThrow(
      at(4, 'Dimension') + 'expected one of "Total", "by form of exploitation", "by citizenship", "by country of repatriation", found "by region"',
    );
    await expect(run([row('NGA', VICTIMS, 'by form of exploitation', 'Organ removal', 'Total', 'Total', 2019, '5')])).rejects.toThrow(
      at(4, 'Category') + 'expected one of "Sexual exploitation", "Forced labour", "Other forms of exploitation", found "Organ removal"',
    );
    await expect(run([total('NGA', 'Persons arrested', 2019, '5')])).rejects.toThrow(at(4, 'Indicator') + 'unknown indicator "Persons arrested"');
  });

  it('a flow breakdown the indicator is not published with', async () => {
    await expect(run([cit('NGA', 'Ghana', 2019, '5', 'Persons prosecuted')])).rejects.toThrow(
      at(4, 'Dimension') + 'dimension "by citizenship" is not expected for indicator "Persons prosecuted"',
    );
  });
});

describe('unodc-glotip: quality report (totals smaller than their parts)', () => {
  it('publishes the values as they are and flags each contradiction, counting "<5" as at least 1 (part) or at most 4 (total)', async () => {
    const { output } = await run([
      total('NGA', VICTIMS, 2019, '10', 'Total', '0 to 17 years'), // 4  sex 0–17: 8 + <5 ≥ 9 ≤ 10, fine
      total('NGA', VICTIMS, 2019, '8', 'Female', '0 to 17 years'), // 5
      total('NGA', VICTIMS, 2019, '<5', 'Male', '0 to 17 years'), // 6
      total('NGA', VICTIMS, 2019, '10', 'Total', '18 years or over'), // 7  sex 18+: 8 + 3 = 11 > 10
      total('NGA', VICTIMS, 2019, '8', 'Female', '18 years or over'), // 8
      total('NGA', VICTIMS, 2019, '3', 'Male', '18 years or over'), // 9
      total('NGA', VICTIMS, 2019, '15', 'Female', 'Total'), // 10 age, female: 8 + 8 = 16 > 15
      total('NGA', VICTIMS, 2019, '20'), // 11 forms: 15 + <5 + 5 ≥ 21 > 20
      row('NGA', VICTIMS, 'by form of exploitation', 'Sexual exploitation', 'Total', 'Total', 2019, '15'), // 12
      row('NGA', VICTIMS, 'by form of exploitation', 'Forced labour', 'Total', 'Total', 2019, '<5'), // 13
      row('NGA', VICTIMS, 'by form of exploitation', 'Other forms of exploitation', 'Total', 'Total', 2019, '5'), // 14
      total('NGA', CONVICTED, 2019, '<5'), // 15 sex, age total: <5 + 4 ≥ 5 > at most 4
      total('NGA', CONVICTED, 2019, '<5', 'Female', 'Total'), // 16
      total('NGA', CONVICTED, 2019, '4', 'Male', 'Total'), // 17
      total('NGA', CONVICTED, 2018, '<5'), // 18 sex, age total: <5 + 3 ≥ 4, can still fit in 4: fine
      total('NGA', CONVICTED, 2018, '<5', 'Female', 'Total'), // 19
      total('NGA', CONVICTED, 2018, '3', 'Male', 'Total'), // 20
    ]);
    expect(output.observations).toHaveLength(17);
    expect(output.observations.find((o) => o.source_ref === ref(7))?.value).toBe(10);
    expect(output.quality).toEqual([
      {
        source: 'unodc-glotip', source_ref: ref('7-9'), check: 'sex-parts-exceed-total',
        message: 'total 10 is smaller than the sum of its parts (11: female 8, male 3) — tip_victims_detected, NGA, 2019, age 18+, category total',
      },
      {
        source: 'unodc-glotip', source_ref: ref('15-17'), check: 'sex-parts-exceed-total',
        message: 'total <5 is smaller than the sum of its parts (at least 5: female <5, male 4) — tip_persons_convicted, NGA, 2019, age total, category total',
      },
      {
        source: 'unodc-glotip', source_ref: ref('5,8,10'), check: 'age-parts-exceed-total',
        message: 'total 15 is smaller than the sum of its parts (16: 0-17 8, 18+ 8) — tip_victims_detected, NGA, 2019, sex female, category total',
      },
      {
        source: 'unodc-glotip', source_ref: ref('11-14'), check: 'forms-exceed-total',
        message:
          'total 20 is smaller than the sum of its parts (at least 21: Sexual exploitation 15, Forced labour <5, Other forms of exploitation 5) — ' +
          'tip_victims_detected, NGA, 2019, sex total, age total; UNODC notes that one victim may suffer several forms of exploitation',
      },
    ]);
  });
});

const SOURCES_DIR = process.env['SOURCES_DIR'] ?? join(ROOT, '..', 'shared', 'sources');
const MIRROR = join(SOURCES_DIR, 'trafficking-in-persons', 'unodc-glotip', FILE);

/**
 * Rows per UNODC grouping code, counted by PROVENANCE.md (CAR 161, CAS 129, EEU 129, MCA 88, MCN 40, SAF 204, SAM 205 =
 * 956) and here recounted with exceljs, a reader the pipeline does not use.
 */
const GROUPING_ROWS = { CAR: 161, CAS: 129, EEU: 129, MCA: 88, MCN: 40, SAF: 204, SAM: 205 };
/**
 * Grouping rows that become observations: all 956. None is a repeated key of UNODC's appended blocks (unsummed parts,
 * which would be quarantined as for a country; appended-blocks.ts), nor an exact duplicate.
 */
const PUBLISHED_GROUPING_ROWS = 956;

/** The spreadsheet rows of each grouping code, read with exceljs: column A is Iso3_code, Country (B) is empty. */
async function groupingRowsOf(path: string): Promise<Map<string, number[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, number[]>();
  wb.getWorksheet(SHEET)!.eachRow((r, n) => {
    const code = r.getCell(1).text;
    if (n > 3 && code in GROUPING_ROWS && r.getCell(2).text === '') out.set(code, [...(out.get(code) ?? []), n]);
  });
  return out;
}

describe.skipIf(!existsSync(MIRROR))('unodc-glotip: the real mirror file', () => {
  it('accounts for all 46,556 rows and carries values read independently from the raw file', async () => {
    const opts = { sourcesDir: SOURCES_DIR, downloadDir: join(ROOT, 'data', 'raw') };
    const manifests = loadManifests(join(ROOT, 'data', 'sources'));
    const reference = await loadReference(opts, manifests, ROOT);
    const manifest = manifests.find((m) => m.id === 'unodc-glotip')!;
    const res = await runSource(glotip, manifest, await resolveSource(opts, manifest), reference.geo, loadAliases(join(ROOT, 'data', 'reference', 'aliases'), 'unodc-glotip'));

    // Release 3f1ff1e44745 quarantined 1,925 rows, 956 of them for their UNODC grouping code alone; those are now published.
    const groupings = await groupingRowsOf(MIRROR);
    expect(Object.fromEntries([...groupings].map(([code, rows]) => [code, rows.length]))).toEqual(GROUPING_ROWS);
    const publishedGrouping = res.output.observations.filter((o) => groupings.has(o.geo));
    for (const [code, rows] of groupings) {
      // Every grouping row is published under its code, or quarantined for a reason a country's row would have too.
      const emitted = publishedGrouping.filter((o) => o.geo === code).map((o) => Number(o.source_ref.split(':').pop()));
      const held = res.quarantine.filter((q) => rows.includes(q.row));
      expect(held.filter((q) => /grouping/i.test(q.reason)), code).toEqual([]);
      expect([...emitted, ...held.map((q) => q.row)].sort((a, b) => a - b), code).toEqual(rows);
    }
    const published = publishedGrouping.length;
    expect(published).toBe(PUBLISHED_GROUPING_ROWS);
    expect(res.accounts).toEqual([{ source: 'unodc-glotip', file: FILE, sheet: SHEET, read: 46556, emitted: 44631 + published, quarantined: 1925 - published }]);
    const reasons = new Map<string, number>();
    for (const q of res.quarantine) reasons.set(q.reason, (reasons.get(q.reason) ?? 0) + 1);
    expect(reasons.get(REASONS.sexBlockParts)).toBe(118);
    expect(reasons.get(REASONS.otherFormsParts)).toBe(742);
    expect(reasons.get(REASONS.emptyCategory)).toBe(75);
    expect([...reasons.keys()].some((r) => r.startsWith('exact duplicate'))).toBe(false);

    // Values read from the xlsx with python3 (zipfile + xml), not with this project's reader.
    const byRef = new Map(res.output.observations.map((o) => [o.source_ref, o]));
    expect(byRef.get(ref(16787))).toMatchObject({ indicator: 'tip_persons_prosecuted', geo: 'IND', year: 2006, value: 25844, censored: null });
    expect(byRef.get(ref(4896))).toMatchObject({ indicator: 'tip_victims_detected', geo: 'BOL', year: 2017, sex: 'total', age: 'total', category: 'total', value: 397 });
    expect(byRef.get(ref(4))).toMatchObject({ indicator: 'tip_victims_repatriated_from', geo: 'ABW', year: 2010, counterpart: 'UKR', censored: '<5', value_min: 1, value_max: 4 });
    expect(byRef.get(ref(25476))).toMatchObject({ indicator: 'tip_victims_by_citizenship', geo: 'NGA', year: 2018, counterpart: 'BEN', value: 30 });
    expect(byRef.get(ref(12064))).toMatchObject({ indicator: 'tip_victims_by_citizenship', geo: 'ESP', year: 2017, category: 'Nationals', counterpart: 'ESP', value: 15 });
    expect(byRef.get(ref(2067))).toMatchObject({ indicator: 'tip_victims_by_citizenship', geo: 'AUT', year: 2012, counterpart: 'TUR', censored: '<5' });
    // A grouping's own figure, under its code (exceljs read row 6006: CAR, offences, Total, 2017, "12"; row 6034: "<5").
    expect(byRef.get(ref(6006))).toMatchObject({ indicator: 'tip_offences', geo: 'CAR', year: 2017, category: 'total', value: 12 });
    expect(byRef.get(ref(6034))).toMatchObject({ indicator: 'tip_offences', geo: 'CAR', year: 2018, censored: '<5', value: null });
    // Bolivia 2017, female: the 18+ value (62) repeated under Age = Total, next to the 0–17 value (43).
    expect(res.quarantine.find((q) => q.row === 38374)).toMatchObject({ value: '62', reason: REASONS.sexBlockParts });
    expect(res.quarantine.find((q) => q.row === 321)).toMatchObject({ reason: REASONS.emptyCategory });
  }, 120_000);
});
