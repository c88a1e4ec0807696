/**
 * Bring your own data, in Chromium against the built site: a small CSV in a researcher's layout uploads, joins
 * `observations` by geo and year, and reports the code that matched nothing; a malformed file, a file in Latin-1 and
 * a file over the limit are refused with their messages and the workbench runs the next query; an engine that runs
 * out of memory says so, and the next query runs on a fresh one that still has the uploaded table.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { distRelease, serve, type StaticServer } from './support/server.ts';
import { openSession, requireChromium, type Session } from './support/browser.ts';
import { BUILT, setUp, title } from './support/suite.ts';
import { UPLOAD_LIMIT } from '../../src/explore/csv-stream.ts';

const SLOW = 180_000;

// Shelter places per country and year; KEN, FRA and CIV have detected victims in those years in the release, XKX
// (Kosovo) has no ISO3 code, and the release has no FRA 2021.
const FIXTURE = [
  'Country code,Year,Shelter places,Note',
  'KEN,2018,40,',
  'FRA,2019,120,"estimate, ministry"',
  'CIV,2018,15,',
  'XKX,2018,7,no ISO3 code',
  'FRA,2021,130,',
].join('\n') + '\n';

const JOIN = `SELECT s.country_code, s.year, s.shelter_places, o.value
FROM shelters s JOIN observations o USING (geo, year)
WHERE o.indicator = 'tip_victims_detected' AND o.sex = 'total' AND o.age = 'total' AND o.dimension = 'total'
ORDER BY s.country_code`;

/** The release's detected victims for one place and year, by DuckDB in Node over the release file. */
async function victims(geo: string, year: number): Promise<number> {
  const { dir } = distRelease();
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const rows = (await c.runAndReadAll(`SELECT value FROM read_parquet('${dir}/observations.parquet') WHERE indicator = 'tip_victims_detected' AND sex = 'total' AND age = 'total' AND dimension = 'total' AND geo = '${geo}' AND year = ${year}`)).getRowObjectsJson();
  expect(rows, `${geo} ${year}`).toHaveLength(1);
  return Number(rows[0]!['value']);
}

async function settled(page: Page): Promise<string> {
  await page.waitForFunction(() => /rows in|did not run|cancelled/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: SLOW });
  return (await page.textContent('#status')) ?? '';
}

async function uploaded(page: Page, name: string, body: string | Buffer): Promise<void> {
  await page.setInputFiles('#upload-file', { name, mimeType: 'text/csv', buffer: Buffer.isBuffer(body) ? body : Buffer.from(body) });
  await page.waitForFunction(() => {
    const error = document.getElementById('upload-error')!;
    return !error.hidden || !document.getElementById('upload-report')!.hidden;
  }, null, { timeout: SLOW });
}

const cells = (page: Page) => page.$$eval('#result-table tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));

async function query(page: Page, sql: string): Promise<string> {
  await page.fill('#sql', sql);
  await page.click('#run');
  return settled(page);
}

describe.skipIf(!BUILT)(title('SQL workbench: your own data'), () => {
  let server: StaticServer;
  let session: Session;
  let page: Page;
  let scratch: string;

  const ready = setUp(async () => {
    requireChromium();
    server = await serve();
    session = await openSession(server.origin, { viewport: { width: 1366, height: 900 } });
    page = await session.open('/explore/');
    scratch = mkdtempSync(join(tmpdir(), 'cto-upload-'));
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('a CSV becomes a table that joins observations by geo and year, and names the code that matched nothing', { timeout: SLOW }, async () => {
    ready();
    await uploaded(page, 'shelters.csv', FIXTURE);
    expect(await page.isHidden('#upload-error')).toBe(true);
    const report = await page.textContent('#upload-report');
    expect(report).toContain('Table shelters is ready: 5 rows, 5 columns.');
    expect(report).toContain('It joins the release by Country code (ISO3 codes) and Year: 4 of 5 rows matched a place.');
    expect(await page.$$eval('#unmatched-codes li', (li) => li.map((x) => x.textContent))).toEqual(['XKX']);
    expect(await page.textContent('#own-tables')).toContain('shelters — your table');

    expect(await query(page, JOIN)).toContain('3 rows in');
    expect(await cells(page)).toEqual([
      ['CIV', '2018', '15', String(await victims('CIV', 2018))],
      ['FRA', '2019', '120', String(await victims('FRA', 2019))],
      ['KEN', '2018', '40', String(await victims('KEN', 2018))],
    ]);
    expect(session.foreign).toEqual([]);
  });

  it('a malformed file: the row and what is wrong; no table; the next query runs', { timeout: SLOW }, async () => {
    ready();
    await uploaded(page, 'broken.csv', 'iso3,year,v\nKEN,2019,1\nFRA,2019,2,3\n');
    expect(await page.textContent('#upload-error')).toBe('broken.csv, row 3 (the header is row 1) has 4 fields where the header has 3. No table was created.');
    await uploaded(page, 'quotes.csv', 'iso3,year,v\nKEN,2019,"1\nFRA,2019,2\n');
    expect(await page.textContent('#upload-error')).toMatch(/^quotes\.csv, row 2 \(the header is row 1\): .*quote.*No table was created\.$/i);
    expect(await query(page, 'SELECT count(*) AS n FROM shelters')).toContain('1 rows in');
    expect(await query(page, 'SELECT * FROM broken')).toMatch(/did not run/);
  });

  it('a Latin-1 file is refused as not UTF-8', { timeout: SLOW }, async () => {
    ready();
    await uploaded(page, 'latin1.csv', Buffer.from('iso3,name\nCIV,C\xf4te d\'Ivoire\n', 'latin1'));
    expect(await page.textContent('#upload-error')).toBe('latin1.csv is not UTF-8 (line 2). It may be Windows-1252 or Latin-1: save it as UTF-8 ("CSV UTF-8" in Excel) and add it again.');
  });

  it('a file over the limit is refused before it is read, and the page runs the next query', { timeout: SLOW }, async () => {
    ready();
    const big = join(scratch, 'big.csv');
    writeFileSync(big, Buffer.alloc(UPLOAD_LIMIT + 1, 'a'));
    await page.setInputFiles('#upload-file', big);
    await page.waitForFunction(() => !document.getElementById('upload-error')!.hidden, null, { timeout: SLOW });
    expect(await page.textContent('#upload-error')).toBe('big.csv is 50 MB; the workbench takes files up to 50 MB. Keep the rows and columns you need in a smaller file.');
    expect(await query(page, 'SELECT 1 AS one')).toContain('1 rows in');
  });

  it('out of memory: said in words; the next query runs on a fresh engine that still has the uploaded table', { timeout: SLOW }, async () => {
    ready();
    const fresh = await session.open('/explore/');
    // A test-only lower limit (the page never sets it), so running out takes a moment, not a gigabyte.
    await fresh.evaluate(() => { document.getElementById('workbench')!.dataset['memoryLimit'] = '64MB'; });
    await uploaded(fresh, 'shelters.csv', FIXTURE);
    expect(await query(fresh, 'SELECT list(i) AS l FROM range(50000000) t(i)')).toMatch(/did not run/);
    expect(await fresh.textContent('#query-error')).toMatch(/^Out of Memory error/);
    expect(await query(fresh, 'SELECT sum(shelter_places) AS places FROM shelters')).toContain('1 rows in');
    expect(await fresh.textContent('#result-table tbody td')).toBe(String(40 + 120 + 15 + 7 + 130));
  });
});
