import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { readOnlyProblem } from '../../src/explore/sql-guard.ts';
import { lineColumn, queryErrorOf } from '../../src/explore/sql-error.ts';
import { pageSlice } from '../../src/explore/pages.ts';
import { resultChart } from '../../src/explore/result-chart.ts';
import { resultCsv } from '../../src/explore/result-csv.ts';
import { referencedTables } from '../../src/explore/referenced-tables.ts';

describe('the workbench reads only', () => {
  it.each([
    'SELECT 1',
    'select * from observations limit 5;',
    "WITH t AS (SELECT 'DROP TABLE x' AS s) SELECT s FROM t",
    'FROM observations SELECT geo',
    '-- DELETE everything\nSELECT 1',
    'DESCRIBE observations',
    'SUMMARIZE geo',
    '(SELECT 1) UNION (SELECT 2)',
    'SELECT "set" FROM (SELECT 1 AS "set")',
  ])('lets %j run', (sql) => {
    expect(readOnlyProblem(sql)).toBeNull();
  });

  it('refuses writes, other statements, a second statement and nothing', () => {
    expect(readOnlyProblem('DROP TABLE observations')).toEqual({ reason: 'not-a-query', word: 'DROP', at: 0 });
    expect(readOnlyProblem('WITH x AS (SELECT 1) INSERT INTO geo SELECT * FROM x')).toEqual({ reason: 'writes', word: 'INSERT', at: 21 });
    expect(readOnlyProblem('SELECT 1; DELETE FROM geo')).toEqual({ reason: 'several-statements', at: 8 });
    expect(readOnlyProblem('select 1;\n select 2')).toEqual({ reason: 'several-statements', at: 8 });
    expect(readOnlyProblem("SELECT 1 /* ; */ ; ")).toBeNull();
    expect(readOnlyProblem('  -- only a comment\n')).toEqual({ reason: 'empty' });
    expect(readOnlyProblem("COPY observations TO 'x.csv'")).toEqual({ reason: 'not-a-query', word: 'COPY', at: 0 });
    expect(readOnlyProblem('SELECT * FROM geo WHERE 1 = 1 AND set = 2')).toMatchObject({ reason: 'writes', word: 'set' });
    expect(readOnlyProblem("PRAGMA enable_profiling")).toMatchObject({ reason: 'not-a-query', word: 'PRAGMA' });
  });
});

describe('query errors say where', () => {
  // The messages come from DuckDB itself (the same engine family as the browser's); the places are counted by hand.
  async function duckdbError(sql: string): Promise<string> {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run('CREATE TABLE geo (geo VARCHAR, name VARCHAR)');
    try {
      await c.run(sql);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    throw new Error(`no error for ${sql}`);
  }

  it('a typo in a keyword: DuckDB reads FORM as an alias and stops at "geo", line 1, column 15', async () => {
    const sql = 'SELECT * FORM geo';
    const e = queryErrorOf(await duckdbError(sql), sql);
    expect(e.kind).toBe('Parser');
    expect(e.message).toContain('"geo"');
    expect([e.line, e.column]).toEqual([1, 15]);
  });

  it('an unknown column on line 2: the column where "nme" starts', async () => {
    const sql = 'SELECT geo,\n       nme FROM geo';
    const e = queryErrorOf(await duckdbError(sql), sql);
    expect(e.kind).toBe('Binder');
    expect(e.message).toContain('nme');
    expect([e.line, e.column]).toEqual([2, 8]);
  });

  it('an unknown table: Catalog error, named', async () => {
    const sql = 'SELECT * FROM nowhere';
    const e = queryErrorOf(await duckdbError(sql), sql);
    expect(e.kind).toBe('Catalog');
    expect(e.message).toContain('nowhere');
  });

  it("DuckDB-WASM's JSON form: kind, message and the 0-based position it gives", () => {
    // As the browser's engine sent it for this query (seen in Chromium's console).
    const raw = 'Error: {"exception_type":"Parser","exception_message":"syntax error at or near \\"geo\\"","error_subtype":"SYNTAX_ERROR","position":"14"}';
    const e = queryErrorOf(raw, 'SELECT * FORM geo');
    expect(e).toEqual({ kind: 'Parser', message: 'syntax error at or near "geo"', line: 1, column: 15 });
  });

  it('offsets to line and column', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});

describe('results', () => {
  it('pages of 50, clamped', () => {
    expect(pageSlice(120, 0)).toEqual({ page: 0, pages: 3, from: 0, to: 50 });
    expect(pageSlice(120, 2)).toEqual({ page: 2, pages: 3, from: 100, to: 120 });
    expect(pageSlice(120, 9)).toEqual({ page: 2, pages: 3, from: 100, to: 120 });
    expect(pageSlice(0, 0)).toEqual({ page: 0, pages: 1, from: 0, to: 0 });
  });

  it('CSV: header, empty cells for missing, formulas defused, read back by another parser', () => {
    const csv = resultCsv(['name', 'value', 'note'], [
      { name: 'Kenya', value: 143, note: null },
      { name: '=HYPERLINK("x")', value: null, note: 'a, "quoted" note' },
    ]);
    const back = Papa.parse<string[]>(csv.trim(), { header: false }).data;
    expect(back).toEqual([
      ['name', 'value', 'note'],
      ['Kenya', '143', ''],
      ["'=HYPERLINK(\"x\")", '', 'a, "quoted" note'],
    ]);
    expect(csv).toContain('\r\n');
    // A negative number stays a number; text that only looks like one does too (the release's rule, csv-field.ts).
    expect(resultCsv(['v', 't'], [{ v: -4, t: '-4' }])).toBe('v,t\r\n-4,-4');
  });

  it('a year and a number make lines; censored rows stay ranges, never 0', () => {
    const chart = resultChart(
      [{ name: 'name', kind: 'text' }, { name: 'year', kind: 'number' }, { name: 'value', kind: 'number' }, { name: 'censored', kind: 'text' }, { name: 'value_min', kind: 'number' }, { name: 'value_max', kind: 'number' }],
      [
        { name: 'Kenya', year: 2019, value: 12, censored: null, value_min: null, value_max: null },
        { name: 'Kenya', year: 2020, value: null, censored: '<5', value_min: 1, value_max: 4 },
      ],
    );
    expect(chart).toEqual({
      kind: 'line', value: 'value', seriesLeftOut: 0,
      points: [
        { series: 'Kenya', year: 2019, value: 12, censored: null, min: null, max: null },
        { series: 'Kenya', year: 2020, value: null, censored: '<5', min: 1, max: 4 },
      ],
    });
  });

  it('a label and a number make bars; only numbers, or nothing, make no chart', () => {
    const bars = resultChart([{ name: 'region', kind: 'text' }, { name: 'n', kind: 'number' }], [{ region: 'Africa', n: 3 }]);
    expect(bars).toMatchObject({ kind: 'bar', value: 'n', rowsLeftOut: 0, bars: [{ label: 'Africa', value: 3, censored: null }] });
    expect(resultChart([{ name: 'n', kind: 'number' }], [{ n: 1 }])).toEqual({ kind: 'none', reason: 'no-label' });
    expect(resultChart([{ name: 's', kind: 'text' }], [{ s: 'a' }])).toEqual({ kind: 'none', reason: 'no-number' });
    expect(resultChart([{ name: 'n', kind: 'number' }], [])).toEqual({ kind: 'none', reason: 'no-rows' });
  });
});

describe('tables a query names', () => {
  const tables = ['observations', 'geo', 'migrant_incidents'];
  it('bare or quoted, any case, not in strings or comments', () => {
    expect(referencedTables('SELECT * FROM Observations o JOIN "geo" USING (geo)', tables)).toEqual(['observations', 'geo']);
    expect(referencedTables("SELECT 'migrant_incidents' -- geo\nFROM observations", tables)).toEqual(['observations']);
    expect(referencedTables('SELECT 1', tables)).toEqual([]);
  });
});
