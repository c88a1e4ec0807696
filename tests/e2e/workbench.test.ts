/**
 * The SQL workbench in Chromium: the examples run and return what DuckDB (in Node, over the release's Parquet files)
 * returns; the query travels in the URL; a bad query says where; a writing statement is refused before any engine
 * loads; a cancelled query leaves the workbench usable; results are paged, never all rendered.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { distRelease, serve, type StaticServer } from './support/server.ts';
import { openSession, requireChromium, type Session } from './support/browser.ts';
import { BUILT, setUp, title } from './support/suite.ts';
import { EXAMPLES } from '../../src/explore/examples.ts';

const SLOW = 180_000;

/** Rows of a query, by DuckDB in Node over the release files: the expected side, by another engine build. */
async function nodeRows(sql: string): Promise<Record<string, unknown>[]> {
  const { dir } = distRelease();
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  // Every table of the release, as the workbench offers them (catalog.json's datasets).
  const tables = (JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as { datasets: { name: string; path: string }[] }).datasets;
  for (const t of tables) await c.run(`CREATE VIEW ${t.name} AS SELECT * FROM read_parquet('${dir}/${t.path}')`);
  return (await c.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

const statusOf = (page: Page) => page.textContent('#status');
async function settled(page: Page): Promise<string> {
  await page.waitForFunction(() => /rows in|did not run|cancelled/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: SLOW });
  return (await statusOf(page)) ?? '';
}

describe.skipIf(!BUILT)(title('SQL workbench'), () => {
  let server: StaticServer;
  let session: Session;
  let page: Page;

  const ready = setUp(async () => {
    requireChromium();
    server = await serve();
    session = await openSession(server.origin, { viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('refuses a writing statement before loading anything, and restores a query from the URL', async () => {
    ready();
    page = await session.open(`/explore/?q=${encodeURIComponent('DELETE FROM geo')}`);
    expect(await page.inputValue('#sql')).toBe('DELETE FROM geo');
    await page.click('#run');
    expect(await page.textContent('#query-error')).toMatch(/only reads.*"DELETE" \(line 1, column 1\)/);
    expect(session.requests.filter((u) => u.endsWith('.wasm'))).toEqual([]);
  });

  it('runs every example (by button) and shows what DuckDB returns for it, 50 rows at a time', { timeout: SLOW * 2 }, async () => {
    ready();
    for (const [i, example] of EXAMPLES.entries()) {
      await page.evaluate((n) => (document.querySelector(`button[data-example="${n}"]`) as HTMLButtonElement).click(), i);
      const status = await settled(page);
      const expected = await nodeRows(example.sql);
      expect(expected.length, example.title).toBeGreaterThan(0);
      expect(status, example.title).toContain(`${expected.length.toLocaleString('en')} rows in`);
      const shown = await page.$$eval('#result-table tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
      expect(shown.length, example.title).toBe(Math.min(50, expected.length));
      // First row, cell by cell: numbers compared as numbers (the engines print them alike but not identically).
      const first = Object.values(expected[0]!).map((v) => (v === null ? '' : String(v)));
      expect(shown[0]!.map((c, k) => (Number.isFinite(Number(c)) && c !== '' ? Number(c) : c)), example.title).toEqual(first.map((c) => (Number.isFinite(Number(c)) && c !== '' ? Number(c) : c)));
      expect(new URL(page.url()).searchParams.get('q')).toBe(example.sql);
    }
  });

  it('downloads the engine compressed, in one piece', () => {
    ready();
    // A range request for the rest of the file would come back raw: 34 MB instead of the 5 MB brotli twin.
    const engine = server.requests.filter((r) => r.method === 'GET' && r.url.endsWith('.wasm') && r.bytes > 1024);
    expect(engine.map((r) => [r.encoding, r.range])).toEqual([['br', null]]);
  });

  it('pages through a long result', { timeout: SLOW }, async () => {
    ready();
    await page.fill('#sql', 'SELECT geo, name FROM geo ORDER BY geo');
    await page.press('#sql', 'Control+Enter');
    await settled(page);
    const rows = (await nodeRows('SELECT geo, name FROM geo ORDER BY geo'));
    expect(await page.textContent('#page-status')).toBe(`Rows 1–50 of ${rows.length}`);
    await page.click('#next-page');
    expect(await page.textContent('#result-table tbody tr:first-child td:first-child')).toBe(rows[50]!['geo']);
  });

  it('says where a query is wrong', { timeout: SLOW }, async () => {
    ready();
    await page.fill('#sql', 'SELECT geo,\n       nme FROM geo');
    await page.click('#run');
    await settled(page);
    expect(await page.textContent('#query-error')).toMatch(/^Binder error at line 2, column 8: .*nme/);
  });

  it('cancels a runaway query and runs the next one', { timeout: SLOW }, async () => {
    ready();
    await page.fill('#sql', 'SELECT count(*) FROM range(100000000000) a');
    await page.click('#run');
    await page.waitForFunction(() => /Running/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: SLOW });
    await page.waitForTimeout(500);
    await page.click('#cancel');
    expect(await settled(page)).toMatch(/cancelled/);
    await page.fill('#sql', 'SELECT count(*) AS n FROM observations');
    await page.click('#run');
    expect(await settled(page)).toContain('1 rows in');
    const n = (await nodeRows('SELECT count(*) AS n FROM observations'))[0]!['n'];
    expect(await page.textContent('#result-table tbody td')).toBe(String(n));
  });
});
