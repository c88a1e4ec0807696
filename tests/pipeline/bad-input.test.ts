/**
 * Damaged publishers' files through the whole pipeline (`npm run data`'s path): each stops the run with a message
 * naming file, sheet, row and column, and no release is left behind. Fixtures are typed here in each publisher's
 * layout; the expected messages are written by hand from the fixture.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import iafq from '../../scripts/pipeline/normalizers/unodc-iafq.ts';
import eia from '../../scripts/pipeline/normalizers/eia-pangolin-seizures/index.ts';
import { csvBytes, excelError, headerOf, realManifest, xlsxBytes, type FixtureCell } from '../support/fixtures.ts';
import { miniRelease, type MiniRelease } from '../support/mini-release.ts';

const IAFQ_FILE = 'data_iafq_firearms_trafficking.xlsx';
const IAFQ_SHEET = 'data_iafq_firearms_trafficking';

/** IAFQ's layout: preamble rows 1–2, header row 3, data from row 4; Year as text, VALUE a number. */
function iafqRow(yearText: string, value: FixtureCell, category = 'Total'): FixtureCell[] {
  return ['ALB', 'Albania', 'Europe', 'Southern Europe', 'Arms seized', category === 'Total' ? 'Total' : 'by type', category, 'na', 'na', yearText, 'Counts', value, 'IAFQ'];
}

async function iafqMirror(rows: FixtureCell[][], manifestRows?: number): Promise<MiniRelease> {
  const bytes = await xlsxBytes(IAFQ_SHEET, [['UNODC'], ['26/08/2024'], headerOf('unodc-iafq'), ...rows]);
  const manifest = realManifest('unodc-iafq');
  if (manifestRows === undefined) delete manifest.files[0]!.rows;
  else manifest.files[0]!.rows = manifestRows;
  return miniRelease([iafq], { 'unodc-iafq': { [IAFQ_FILE]: bytes } }, { 'unodc-iafq': manifest });
}

/** The run stops with exactly this message, and nothing is published. */
async function stops(mini: MiniRelease, message: string): Promise<void> {
  await expect(mini.run()).rejects.toThrow(message);
  expect(existsSync(mini.out) ? readdirSync(mini.out) : []).toEqual([]);
}

describe('a year after the file was published', () => {
  it('stops on 2099 in a count file, naming the Year cell', async () => {
    const mini = await iafqMirror([iafqRow('2017', 432), iafqRow('2099', 12)]);
    await stops(mini, `file ${IAFQ_FILE}, sheet ${IAFQ_SHEET}, row 5, column Year: year later than the file's own publication on 2024-08-26, found "2099"`);
  });

  it('accepts the publication year itself (a partial year is real)', async () => {
    const res = await (await iafqMirror([iafqRow('2024', 7)])).run();
    expect(res.accounts.find((a) => a.source === 'unodc-iafq')).toMatchObject({ read: 1, emitted: 1 });
  });

  it('stops on 2099 in an event table whose normalizer reads years its own way', async () => {
    const FILE = 'Pangolin seizures_EIA_030919.xlsx';
    const header = headerOf('eia-pangolin-seizures');
    const incident = (year: number): FixtureCell[] => {
      const cells: FixtureCell[] = header.map(() => null);
      cells[header.indexOf('Type of Incident')] = 'Seizure';
      cells[header.indexOf('Country')] = 'China';
      cells[header.indexOf('Year')] = year;
      cells[header.indexOf('Whole pangolins (live + dead OR reported without details)')] = 3;
      return cells;
    };
    const bytes = await xlsxBytes('INCIDENTS', [header, incident(2016), incident(2099)]);
    const mini = miniRelease([eia], { 'eia-pangolin-seizures': { [FILE]: bytes } });
    await stops(mini, `file ${FILE}, sheet INCIDENTS, row 3, column year: year 2099 (released in pangolin_seizures) is later than the file's own publication on 2019-09-03: it cannot be real`);
  });
});

describe('a file far shorter than its manifest expects', () => {
  it('stops on a file with only its header, even when the manifest records no row count', async () => {
    const mini = await iafqMirror([]);
    await stops(mini, `file ${IAFQ_FILE}, sheet ${IAFQ_SHEET}: no data rows below the header: the source would vanish from the release (a source its publisher has withdrawn is removed from data/sources, not released empty)`);
  });

  // Tolerance 10%: a manifest expecting 10 rows accepts 9 (ceil(10 × 0.9)) and stops at 8.
  it('accepts 9 of 10 expected rows', async () => {
    const nine = Array.from({ length: 9 }, (_, i) => iafqRow(String(2010 + i), i));
    const res = await (await iafqMirror(nine, 10)).run();
    expect(res.accounts.find((a) => a.source === 'unodc-iafq')).toMatchObject({ read: 9, emitted: 9 });
  });

  it('stops at 8 of 10, saying how to accept the file on purpose', async () => {
    const eight = Array.from({ length: 8 }, (_, i) => iafqRow(String(2010 + i), i));
    const mini = await iafqMirror(eight, 10);
    await stops(mini, `file ${IAFQ_FILE}, sheet ${IAFQ_SHEET}: 8 data rows where the manifest expects 10 (more than 10% fewer stops the run): a truncated or emptied file? if the publisher's file really is so, accept it on purpose: npm run data -- --accept unodc-iafq`);
  });
});

describe('an Excel error where a value should be', () => {
  it.each(['#REF!', '#N/A', '#DIV/0!', '#VALUE!'])('stops on an error cell %s, naming it', async (code) => {
    const mini = await iafqMirror([iafqRow('2017', 432), iafqRow('2017', excelError(code), 'pistol')]);
    await stops(mini, `file ${IAFQ_FILE}, sheet ${IAFQ_SHEET}, row 5, column VALUE: spreadsheet error ${code}: a formula in the publisher's file failed here: neither a value nor an empty cell`);
  });

  it('stops on an error a CSV export wrote as text', async () => {
    const FILE = 'population.csv';
    const mini = miniRelease([], {
      'population-worldbank': { [FILE]: csvBytes([headerOf('population-worldbank'), ['Kenya', 'KEN', 2019, 51985780], ['Kenya', 'KEN', 2020, excelError('#N/A')]]) },
    });
    await stops(mini, `file ${FILE}, row 3, column Value: spreadsheet error #N/A: a formula in the publisher's file failed here: neither a value nor an empty cell`);
  });
});

describe('population.csv country codes', () => {
  const population = (rows: FixtureCell[][]) => ({ 'population-worldbank': { 'population.csv': csvBytes([headerOf('population-worldbank'), ...rows]) } });

  it('stops on a code that is neither a country nor a known World Bank aggregate', async () => {
    const mini = miniRelease([], population([['Kenya', 'KEN', 2020, 53005614], ['Atlantis', 'ATL', 2020, 1000]]));
    await stops(mini, 'file population.csv, row 3, column Country Code: unknown country code "ATL": not an ISO 3166 code in M49, not a documented World Bank place, not a World Bank aggregate');
  });

  it('quarantines the Bank\'s listed aggregates', async () => {
    const res = await miniRelease([], population([['Kenya', 'KEN', 2020, 53005614], ['World', 'WLD', 2020, 7856138227], ['Euro area', 'EMU', 2020, 342000000]])).run();
    const reason = 'World Bank aggregate (a region, income or lending group), not a country or area in M49: excluded by rule';
    expect(res.quarantine.filter((q) => q.source === 'population-worldbank').map((q) => [q.row, q.value, q.reason])).toEqual([
      [3, 'WLD', reason],
      [4, 'EMU', reason],
    ]);
  });
});
