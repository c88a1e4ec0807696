/**
 * The catalog pages, read from the built site on disk as a host serves them, against the release they describe:
 * - every table and every indicator has a page, linked from /catalog/, /data/, /downloads/ and the indicator page;
 * - the row counts, countries, places, years and censored values a page states, and its coverage table (countries
 *   with data, and with censored values only, year by year), equal what DuckDB counts in the release's Parquet here,
 *   with SQL written for this test (never src/data/catalog-queries.ts), and the place and year columns of each table
 *   named below by hand from the tables' schemas;
 * - every file the page links is in the release, and the sha256 printed beside it is the file's, hashed here;
 * - the DuckDB SQL the page shows runs, as shown, against the release's files and every statement returns rows;
 * - a table the publisher does not let us redistribute is neither linked nor loaded by code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, distRelease } from './support/server.ts';
import { BUILT, title } from './support/suite.ts';
import { pageFigures, tablePage, textOf } from '../support/figure-html.ts';
import { sha256 } from '../support/downloads-check.ts';

interface Catalog {
  version: string;
  datasets: { name: string; rows: number; path: string; withheld: unknown }[];
  indicators: { id: string }[];
}

/** Where and when a row is, per table, read off each table's schema when this test was written. */
const PLACE_YEAR: Record<string, { place: string[]; year: string } | null> = {
  observations: { place: ['geo'], year: 'year' },
  cites_shipments: { place: ['importer_geo', 'exporter_geo', 'origin_geo'], year: 'year' },
  medicine_quality_surveys: { place: ['geo'], year: 'publication_year' },
  medicine_samples: { place: ['geo'], year: 'year' },
  migrant_incidents: { place: ['geo'], year: 'year' },
  pangolin_seizures: { place: ['geo'], year: 'year' },
  population: { place: ['geo'], year: 'year' },
  geo: null,
  quarantine: null,
  publisher_labels: null,
};

const page = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');
const int = (s: string) => Number(s.replace(/,/g, ''));

/** The text of the `<dd data-fact="…">` (or `<code data-fact>`) a page states a fact in; null when it has none. */
function fact(html: string, name: string): string | null {
  const m = new RegExp(`<(dd|code) data-fact="${name}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return m ? textOf(m[2]!) : null;
}

/** Year → [countries, censored only], from the page's coverage figure's data table. */
function coverageTable(html: string): Map<number, [number, number]> {
  const figure = pageFigures(html).find((f) => f.id === 'coverage');
  if (!figure) throw new Error('no coverage figure');
  // A long table (population's 65 years) is on the page the figure links.
  const table = figure.tableHref === null ? figure.table : tablePage(readFileSync(join(DIST, figure.tableHref, 'index.html'), 'utf8')).table;
  expect(table.columns.slice(0, 3)).toEqual(['Year', 'Countries with data', 'Of which only censored values']);
  return new Map(table.rows.map((r) => [Number(r[0]), [int(r[1]!), int(r[2]!)]]));
}

/** Every link into the release on a page, with the text that follows it up to the next link (size and sha256). */
function releaseLinks(html: string, version: string): { path: string; beside: string }[] {
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  return [...main.matchAll(/<a href="\/data\/([0-9a-f]{12})\/([^"]+)"[^>]*>[\s\S]*?<\/a>([\s\S]*?)(?=<a |$)/g)].map((m) => {
    expect(m[1]).toBe(version);
    return { path: m[2]!, beside: m[3]! };
  });
}

/** "787 kB", "19.2 MB": the printed size, back in bytes and the rounding step it was printed to. */
function printedSize(beside: string): { bytes: number; step: number } {
  const m = /\(([\d,.]+) (kB|MB),/.exec(textOf(beside));
  if (!m) throw new Error(`no size in "${textOf(beside).slice(0, 80)}"`);
  return m[2] === 'kB' ? { bytes: int(m[1]!) * 1e3, step: 1e3 } : { bytes: Number(m[1]!.replace(/,/g, '')) * 1e6, step: 1e5 };
}

/** Statements of a SQL text, split at the `;` that ends a line (the examples put none inside strings or comments). */
function statements(sql: string): string[] {
  return sql.split(/;\s*$/m).map((s) => s.trim()).filter((s) => s.replace(/--.*$/gm, '').trim() !== '');
}

describe.skipIf(!BUILT)(title('catalog pages'), () => {
  let conn: DuckDBConnection;
  let catalog: Catalog;
  let dir: string;

  const sql = async (text: string, params: DuckDBValue[] = []) => (await conn.runAndReadAll(text, params)).getRowObjectsJson() as Record<string, unknown>[];

  beforeAll(async () => {
    ({ dir } = distRelease());
    catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as Catalog;
    const db = await DuckDBInstance.create(':memory:');
    conn = await db.connect();
    // Relative file names in the pages' SQL resolve in the release folder, as in a researcher's download folder.
    await conn.run(`SET file_search_path = '${dir.replaceAll("'", "''")}'`);
    await conn.run(`CREATE TEMP TABLE countries AS SELECT geo FROM read_parquet('${join(dir, 'geo.parquet').replaceAll("'", "''")}') WHERE kind = 'country'`);
  });

  afterAll(() => conn?.closeSync());

  it('has a page for every table and indicator, linked from the catalog, the data pages and the indicator pages', () => {
    const tables = readdirSync(join(DIST, 'catalog', 'table')).sort();
    const indicators = readdirSync(join(DIST, 'catalog', 'indicator')).sort();
    expect(tables).toEqual(catalog.datasets.map((d) => d.name).sort());
    expect(indicators).toEqual(catalog.indicators.map((i) => i.id).sort());
    const index = page('catalog');
    const data = page('data');
    const downloads = page('downloads');
    for (const name of tables) {
      expect(index).toContain(`href="/catalog/table/${name}/"`);
      expect(data).toContain(`href="/catalog/table/${name}/"`);
    }
    for (const id of indicators) {
      expect(index).toContain(`href="/catalog/indicator/${id}/"`);
      expect(data).toContain(`href="/catalog/indicator/${id}/"`);
      expect(downloads).toContain(`href="/catalog/indicator/${id}/"`);
      expect(page(`indicator/${id}`)).toContain(`href="/catalog/indicator/${id}/"`);
    }
  });

  it('states row counts, countries and years of each table as DuckDB counts them in its Parquet', async () => {
    for (const d of catalog.datasets) {
      const html = page(`catalog/table/${d.name}`);
      const file = join(dir, d.path).replaceAll("'", "''");
      const [{ n }] = (await sql(`SELECT count(*) AS n FROM read_parquet('${file}')`)) as [{ n: string }];
      expect(int(fact(html, 'rows')!), `${d.name} rows`).toBe(Number(n));
      const py = PLACE_YEAR[d.name];
      expect(py, `${d.name}: the test does not know its place and year columns`).not.toBeUndefined();
      if (py === null) {
        expect(fact(html, 'countries'), `${d.name} has no place and year`).toBeNull();
        expect(pageFigures(html).find((f) => f.id === 'coverage')).toBeUndefined();
        continue;
      }
      const hasValue = d.name === 'observations';
      const union = py!.place
        .map((p) => `SELECT ${p} AS geo, ${py!.year} AS year, ${hasValue ? 'value, censored' : '1 AS value, NULL AS censored'} FROM read_parquet('${file}')`)
        .join(' UNION ALL ');
      const byYear = await sql(
        `WITH cy AS (
           SELECT geo, year, max(CASE WHEN value IS NOT NULL THEN 1 ELSE 0 END) AS exact, max(CASE WHEN censored IS NOT NULL THEN 1 ELSE 0 END) AS cens
           FROM (${union}) WHERE year IS NOT NULL AND geo IN (SELECT geo FROM countries) GROUP BY geo, year)
         SELECT year, count(*) FILTER (WHERE exact = 1 OR cens = 1) AS countries, count(*) FILTER (WHERE exact = 0 AND cens = 1) AS censored_only,
                (SELECT count(DISTINCT geo) FROM cy WHERE exact = 1 OR cens = 1) AS total
         FROM cy GROUP BY year ORDER BY year`,
      );
      expectCoverage(html, byYear, d.name);
    }
  });

  /** The page's countries and years, and its coverage table, equal the counts; a year between without any is 0. */
  function expectCoverage(html: string, byYear: Record<string, unknown>[], what: string): void {
    const years = byYear.map((r) => Number(r['year']));
    expect(int(fact(html, 'countries')!), `${what} countries`).toBe(Number(byYear[0]?.['total'] ?? 0));
    expect(fact(html, 'years'), `${what} years`).toBe(`${Math.min(...years)}–${Math.max(...years)}`);
    const shown = coverageTable(html);
    const want = new Map(byYear.map((r) => [Number(r['year']), [Number(r['countries']), Number(r['censored_only'])]]));
    for (let y = Math.min(...years); y <= Math.max(...years); y++) expect(shown.get(y), `${what} ${y}`).toEqual(want.get(y) ?? [0, 0]);
    expect(shown.size, `${what}: one row per year`).toBe(Math.max(...years) - Math.min(...years) + 1);
  }

  it("states each indicator's rows, countries, places, years and censored values as DuckDB counts them", async () => {
    const obs = join(dir, 'observations.parquet').replaceAll("'", "''");
    await conn.run(`CREATE TEMP TABLE obs AS SELECT * FROM read_parquet('${obs}')`);
    for (const { id } of catalog.indicators) {
      const html = page(`catalog/indicator/${id}`);
      const [counts] = await sql(
        `SELECT count(*) AS n, count(DISTINCT geo) AS places, count(censored) AS censored FROM obs WHERE indicator = ?`,
        [id],
      );
      expect(int(fact(html, 'rows')!), `${id} rows`).toBe(Number(counts!['n']));
      expect(int(fact(html, 'places')!), `${id} places`).toBe(Number(counts!['places']));
      expect(int(fact(html, 'censored')!), `${id} censored`).toBe(Number(counts!['censored']));
      const byYear = await sql(
        `WITH cy AS (
           SELECT geo, year, max(CASE WHEN value IS NOT NULL THEN 1 ELSE 0 END) AS exact, max(CASE WHEN censored IS NOT NULL THEN 1 ELSE 0 END) AS cens
           FROM obs WHERE indicator = ? AND geo IN (SELECT geo FROM countries) GROUP BY geo, year)
         SELECT year, count(*) FILTER (WHERE exact = 1 OR cens = 1) AS countries, count(*) FILTER (WHERE exact = 0 AND cens = 1) AS censored_only,
                (SELECT count(DISTINCT geo) FROM cy) AS total
         FROM cy GROUP BY year ORDER BY year`,
        [id],
      );
      // The page's years are the indicator's, regions included; its coverage chart counts countries only.
      const [span] = await sql(`SELECT min(year) AS lo, max(year) AS hi FROM obs WHERE indicator = ?`, [id]);
      expect(fact(html, 'years'), `${id} years`).toBe(`${span!['lo']}–${span!['hi']}`);
      expect(int(fact(html, 'countries')!), `${id} countries`).toBe(Number(byYear[0]?.['total'] ?? 0));
      const shown = coverageTable(html);
      const want = new Map(byYear.map((r) => [Number(r['year']), [Number(r['countries']), Number(r['censored_only'])]]));
      for (const [y, cells] of shown) expect(cells, `${id} ${y}`).toEqual(want.get(y) ?? [0, 0]);
      for (const y of want.keys()) expect(shown.has(y), `${id} ${y} is in the coverage table`).toBe(true);
    }
  });

  it('links only release files, each with its own sha256 and size beside it, and nothing a publisher withholds', () => {
    let linked = 0;
    const pages = [...catalog.datasets.map((d) => `catalog/table/${d.name}`), ...catalog.indicators.map((i) => `catalog/indicator/${i.id}`)];
    for (const p of pages) {
      for (const { path, beside } of releaseLinks(page(p), catalog.version)) {
        const bytes = readFileSync(join(dir, path));
        expect(beside, `${p}: ${path}`).toContain(sha256(bytes));
        const size = printedSize(beside);
        expect(Math.abs(size.bytes - Math.max(bytes.length, 1e3)), `${p}: ${path} is ${bytes.length} bytes`).toBeLessThanOrEqual(size.step / 2);
        linked++;
      }
    }
    console.info(`catalog pages: ${pages.length} pages, ${linked} file links checked`);
    for (const d of catalog.datasets.filter((x) => x.withheld)) {
      const html = page(`catalog/table/${d.name}`);
      expect(releaseLinks(html, catalog.version), `${d.name} is withheld`).toEqual([]);
      expect(html).not.toContain('id="code-sql"');
      expect(textOf(html)).toContain('Not redistributed here');
    }
    // The long and wide CSVs of an indicator, and the Parquet files its code loads.
    const tip = releaseLinks(page('catalog/indicator/tip_victims_detected'), catalog.version).map((l) => l.path);
    expect(tip).toEqual(['csv/indicators/tip_victims_detected.csv', 'csv/indicators/tip_victims_detected_wide.csv', 'observations.parquet', 'geo.parquet']);
    expect(statSync(join(dir, 'csv/indicators/tip_victims_detected.csv')).size).toBeGreaterThan(0);
  });

  it('shows DuckDB SQL that runs as shown against the release and returns rows from every statement', async () => {
    let run = 0;
    for (const p of [...catalog.datasets.map((d) => `catalog/table/${d.name}`), ...catalog.indicators.map((i) => `catalog/indicator/${i.id}`)]) {
      const m = /<code id="code-sql"[^>]*>([\s\S]*?)<\/code>/.exec(page(p));
      if (!m) continue;
      // The code as a reader copies it: entities decoded, nothing else changed.
      const code = m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      const files = [...code.matchAll(/'([a-z_]+\.parquet)'/g)].map((f) => f[1]!);
      expect(files.length, `${p}: the SQL reads the release's files`).toBeGreaterThan(0);
      for (const stmt of statements(code)) {
        const rows = await sql(stmt);
        expect(rows.length, `${p}: no rows from\n${stmt}`).toBeGreaterThan(0);
        run++;
      }
    }
    console.info(`catalog pages: ${run} SQL statements run against release ${catalog.version}`);
    expect(run).toBeGreaterThan(2 * catalog.indicators.length);
  });
});
