/**
 * Bring your own data: an uploaded CSV's names, column types, join key and the codes that matched nothing, and the
 * streaming reader's problems. Every expected value is written by hand from the small inputs here, which are laid
 * out as a researcher's spreadsheet export would be (a header row; codes, years and numbers as text).
 */
import { describe, expect, it } from 'vitest';
import { columnNames, sqlName, tableName } from '../../src/explore/upload-names.ts';
import { columnType, typedValues } from '../../src/explore/column-type.ts';
import { detectKey, mapCodes, type GeoCode } from '../../src/explore/join-key.ts';
import { parseCsv, UploadFailure, type UploadProblem } from '../../src/explore/csv-stream.ts';
import { uploadPlan } from '../../src/explore/upload-table.ts';
import { uploadProblemText, uploadReport } from '../../src/client/workbench/upload-text.ts';
import { makeLocale } from '../../src/i18n/locale.ts';

/** A few rows of the release's geo table, as it has them: countries by ISO3, regions by M49. */
const GEO: GeoCode[] = [
  { geo: 'KEN', iso3: 'KEN', m49: '404' },
  { geo: 'FRA', iso3: 'FRA', m49: '250' },
  { geo: 'CIV', iso3: 'CIV', m49: '384' },
  { geo: 'AFG', iso3: 'AFG', m49: '004' },
  { geo: 'ALB', iso3: 'ALB', m49: '008' },
  { geo: '002', iso3: null, m49: '002' },
  { geo: '001', iso3: null, m49: '001' },
];

/** The bytes of `text` in chunks of `size`, so characters and records are cut at chunk edges. */
async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
const utf8 = (s: string) => new TextEncoder().encode(s);

async function problemOf(bytes: Uint8Array, limit = 1e6, size = 5): Promise<UploadProblem> {
  try {
    await parseCsv(chunked(bytes, size), limit);
  } catch (e) {
    if (e instanceof UploadFailure) return e.problem;
    throw e;
  }
  throw new Error('no problem');
}

describe('names a query can use', () => {
  it('cleans a file name into a table name, never a release table', () => {
    expect(tableName('Prison stats 2023.csv', ['observations', 'geo'])).toBe('prison_stats_2023');
    expect(tableName('2023 data.CSV', [])).toBe('c_2023_data');
    expect(tableName('geo.csv', ['observations', 'geo'])).toBe('geo_2');
    expect(tableName('€€.csv', [])).toBe('my_data');
    expect(sqlName('Année (€)')).toBe('annee');
  });

  it('cleans headers, fills empty ones, makes them unique, keeps `geo` free and calls the year column `year`', () => {
    expect(columnNames(['Country', 'Value', 'value', '', 'Value'])).toEqual(['country', 'value', 'value_2', 'column_4', 'value_3']);
    expect(columnNames(['geo', 'Yr', 'year'], new Map([[1, 'year']]), ['geo'])).toEqual(['geo_2', 'year', 'year_2']);
  });
});

describe('column types', () => {
  it('integer, double, text; empty is missing; codes with a leading zero stay text', () => {
    expect(columnType(['1', '-2', '', ' 3 '])).toBe('INTEGER');
    expect(columnType(['1', '2.5'])).toBe('DOUBLE');
    expect(columnType(['1e3', '.5'])).toBe('DOUBLE');
    expect(columnType(['3000000000'])).toBe('DOUBLE');
    expect(columnType(['068', '4'])).toBe('VARCHAR');
    expect(columnType(['1,234'])).toBe('VARCHAR');
    expect(columnType(['NaN'])).toBe('VARCHAR');
    expect(columnType(['', ''])).toBe('VARCHAR');
    expect(typedValues(['1', '', ' 2 '], 'INTEGER')).toEqual([1, null, 2]);
    expect(typedValues(['a', '', ' b'], 'VARCHAR')).toEqual(['a', null, ' b']);
  });
});

describe('the join key', () => {
  it('finds ISO3 codes (any case) when half or more of the distinct values are known, and a year column by its name', () => {
    const header = ['Country', 'count', 'Yr', 'label'];
    const columns = [
      ['KEN', 'fra', 'CIV', 'AFG', 'XKX', 'KEN'],
      ['2001', '2002', '2003', '2004', '2005', '2006'],
      ['2019', '2019', '2020', '2020', '2020', '2021'],
      ['a', 'b', 'c', 'd', 'e', 'f'],
    ];
    expect(detectKey(header, columns, GEO)).toEqual({ code: { index: 0, kind: 'iso3' }, year: 2 });
  });

  it('takes M49 numbers, padded to three digits, and no column when too few values are codes', () => {
    expect(detectKey(['m49', 'year'], [['404', '4', '8', '2'], ['2020', '2020', '2021', '2021']], GEO)).toEqual({ code: { index: 0, kind: 'm49' }, year: 1 });
    // Months 1–12: five of twelve are M49 codes here (001, 002, 004, 008), under the 80% a code column needs.
    const months = Array.from({ length: 12 }, (_, i) => String(i + 1));
    expect(detectKey(['month'], [months], GEO)).toEqual({ code: null, year: null });
    // 1 of 3 known ISO3 codes: a column of words, not codes.
    expect(detectKey(['c'], [['KEN', 'CAT', 'DOG']], GEO).code).toBeNull();
    expect(detectKey(['c'], [['KEN', 'FRA', 'CAT', 'DOG']], GEO).code).toEqual({ index: 0, kind: 'iso3' });
  });

  it('maps codes to the release geo, counting and listing what matched nothing in first-seen order', () => {
    const m = mapCodes(['ken', 'XKX', '', 'FRA', 'XKX', 'CHI', ' civ '], 'iso3', GEO);
    expect(m).toEqual({ geo: ['KEN', null, null, 'FRA', null, null, 'CIV'], unmatched: ['XKX', 'CHI'], unmatchedCodes: 2, unmatchedRows: 3, emptyRows: 1 });
    expect(mapCodes(['2', '002', '999'], 'm49', GEO).geo).toEqual(['002', '002', null]);
  });

  it('lists the first 50 unmatched codes and counts them all', () => {
    const codes = Array.from({ length: 60 }, (_, i) => `Q${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`);
    const m = mapCodes(codes, 'iso3', GEO);
    expect(m.unmatched).toEqual(codes.slice(0, 50));
    expect(m.unmatchedCodes).toBe(60);
  });
});

// A researcher's file: a country name with a curly apostrophe and an accent (3-byte and 2-byte UTF-8), a quoted
// field with a comma, a code the release does not know, a blank line, Windows line ends.
const FIXTURE = [
  'ISO3,Country,Year,Prisoners per 100k,Note',
  'KEN,Kenya,2019,120,',
  'CIV,Côte d’Ivoire,2019,45.5,"counted, not estimated"',
  '',
  'XKX,Kosovo,2020,,no ISO3 code',
  'fra,France,2020,105,',
].join('\r\n') + '\r\n';

describe('reading a CSV as it streams', () => {
  it('header, cells by column, types; characters cut at chunk edges come through whole', async () => {
    for (const size of [1, 3, 7, 1000]) {
      const p = await parseCsv(chunked(utf8(FIXTURE), size), 1e6);
      expect(p.header).toEqual(['ISO3', 'Country', 'Year', 'Prisoners per 100k', 'Note']);
      expect(p.rows).toBe(4);
      expect(p.cells[1]).toEqual(['Kenya', 'Côte d’Ivoire', 'Kosovo', 'France']);
      expect(p.cells[4]).toEqual(['', 'counted, not estimated', 'no ISO3 code', '']);
      expect(p.types).toEqual(['VARCHAR', 'VARCHAR', 'INTEGER', 'DOUBLE', 'VARCHAR']);
    }
  });

  it('reads semicolon-separated files and a UTF-8 byte order mark', async () => {
    const p = await parseCsv(chunked(utf8('\uFEFFiso3;year;v\nKEN;2020;1\n'), 4), 1e6);
    expect(p.header).toEqual(['iso3', 'year', 'v']);
    expect(p.cells).toEqual([['KEN'], ['2020'], ['1']]);
  });

  it('an unclosed quote: the row it opens on', async () => {
    const csv = 'a,b\n1,2\n3,4\n5,"six\n7,8\n';
    expect(await problemOf(utf8(csv))).toMatchObject({ reason: 'malformed', record: 4 });
  });

  it('the row number counts the rows of earlier batches (20,000 rows of 6 characters come before)', async () => {
    const before = 'a,b\n' + '10,20\n'.repeat(20_000);
    expect(await problemOf(utf8(before + '5,"six\n7,8\n'), 1e7, 4096)).toMatchObject({ reason: 'malformed', record: 20_002 });
    expect(await problemOf(utf8(before + '5\n'), 1e7, 4096)).toEqual({ reason: 'ragged', record: 20_002, expected: 2, got: 1 });
  });

  it('a row with more fields than the header', async () => {
    expect(await problemOf(utf8('a,b,c\n1,2,3\n1,2,3\n4,5,6,7\n'))).toEqual({ reason: 'ragged', record: 4, expected: 3, got: 4 });
  });

  it('Latin-1 bytes: not UTF-8, on the line they are on', async () => {
    const latin1 = Uint8Array.from([...utf8('iso3,name\nKEN,Kenya\nCIV,C'), 0xf4, ...utf8('te\n')]);
    expect(await problemOf(latin1)).toEqual({ reason: 'encoding', line: 3 });
    expect(await problemOf(latin1, 1e6, 1000)).toEqual({ reason: 'encoding', line: 3 });
  });

  it('too big, no header, no rows', async () => {
    expect(await problemOf(utf8(FIXTURE), 20)).toMatchObject({ reason: 'too-big', limit: 20 });
    expect(await problemOf(utf8('2019,5\n2020,6\n'))).toEqual({ reason: 'no-header' });
    expect(await problemOf(utf8('iso3,year\n'))).toEqual({ reason: 'no-rows' });
    expect(await problemOf(utf8(''))).toEqual({ reason: 'no-header' });
  });
});

describe('the table an upload becomes', () => {
  it('typed columns, `year`, an added `geo`, and the report in words', async () => {
    const parsed = await parseCsv(chunked(utf8(FIXTURE), 64), 1e6);
    const plan = uploadPlan('My prisons.csv', parsed, GEO, ['observations', 'geo']);
    expect(plan.table).toBe('my_prisons');
    expect(plan.columns.map((c) => [c.name, c.type])).toEqual([
      ['iso3', 'VARCHAR'], ['country', 'VARCHAR'], ['year', 'INTEGER'], ['prisoners_per_100k', 'DOUBLE'], ['note', 'VARCHAR'], ['geo', 'VARCHAR'],
    ]);
    expect(plan.columns[3]!.values).toEqual([120, 45.5, null, 105]);
    expect(plan.columns[5]!.values).toEqual(['KEN', 'CIV', null, 'FRA']);
    const report = uploadReport(plan, makeLocale('en'));
    expect(report.summary).toEqual([
      'Table my_prisons is ready: 4 rows, 6 columns.',
      'Columns: iso3 (VARCHAR), country (VARCHAR), year (INTEGER), prisoners_per_100k (DOUBLE), note (VARCHAR), geo (VARCHAR).',
      'It joins the release by ISO3 (ISO3 codes) and Year: 3 of 4 rows matched a place.',
      '1 codes in 1 rows matched no place of the release (their geo is empty):',
    ]);
    expect(report.unmatched).toEqual(['XKX']);
    expect(report.more).toBeNull();
  });

  it('problems in words', () => {
    const en = makeLocale('en');
    expect(uploadProblemText({ reason: 'too-big', bytes: 52_430_000, limit: 50_000_000 }, 'big.csv', en)).toBe('big.csv is 52.4 MB; the workbench takes files up to 50 MB. Keep the rows and columns you need in a smaller file.');
    expect(uploadProblemText({ reason: 'encoding', line: 3 }, 'x.csv', en)).toBe('x.csv is not UTF-8 (line 3). It may be Windows-1252 or Latin-1: save it as UTF-8 ("CSV UTF-8" in Excel) and add it again.');
    expect(uploadProblemText({ reason: 'ragged', record: 4, expected: 3, got: 4 }, 'x.csv', en)).toBe('x.csv, row 4 (the header is row 1) has 4 fields where the header has 3. No table was created.');
  });
});
