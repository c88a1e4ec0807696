/**
 * The region and grouping pages of the built site hold the release's numbers. Expected values are read here with
 * DuckDB straight from the served release's observations.parquet and geo.parquet, by SQL written for this test (an
 * area's members from the geo table's region, sub-region and intermediate-region columns; sums, counts and years by
 * GROUP BY), never through src/data. Pages are read from dist/ as a reader of the HTML sees them
 * (tests/support/figure-html.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { DIST, distRelease } from './support/server.ts';
import { BUILT, title } from './support/suite.ts';
import { cellAt, columnIndex, pageFigures, tablePage, textOf, type PageFigure } from '../support/figure-html.ts';
import { readDisplayed, shows, type RawValue } from '../support/displayed-value.ts';
import { rowsCited } from '../support/refs-cited.ts';

type Row = Record<string, unknown>;

let conn: DuckDBConnection;
async function sql<T = Row>(text: string, params: DuckDBValue[] = []): Promise<T[]> {
  return (await conn.runAndReadAll(text, params)).getRowObjectsJson() as T[];
}

function page(path: string): string {
  return readFileSync(join(DIST, path, 'index.html'), 'utf8');
}

/** The figure with its table where a reader finds it: in the figure, or on the page of its own that the figure links. */
function withTable(f: PageFigure): PageFigure {
  return f.tableHref === null ? f : { ...f, table: tablePage(page(f.tableHref)).table };
}

function figureById(html: string, id: string): PageFigure | undefined {
  const f = pageFigures(html).find((x) => x.id === id);
  return f && withTable(f);
}

/** The indicator a domain section of a region page compares on: its "Compared on:" link. */
function comparedOn(html: string, domain: string): string | null {
  const section = new RegExp(`<section aria-labelledby="h-${domain}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';
  return /Compared on: <a href="\/indicator\/([a-z0-9_]+)\/"/.exec(section)?.[1] ?? null;
}

const raw = (r: Row): RawValue | null => (r['value'] !== null ? Number(r['value']) : r['censored'] !== null ? { censored: String(r['censored']) } : null);

function expectShows(text: string, want: RawValue | null, what: string): void {
  if (want === null) expect(readDisplayed(text).kind, `${what}: shows "${text}", the release has no value`).toBe('missing');
  else expect(shows(text, want), `${what}: shows "${text}", the release has ${typeof want === 'number' ? want : want.censored}`).toBe(true);
}

/** The members of an M49 area: countries and territories whose region, sub-region or intermediate region it is. */
const MEMBERS = `SELECT geo, name FROM geo WHERE kind IN ('country', 'territory')
  AND (? = '001' OR region_m49 = ? OR subregion_m49 = ? OR intermediate_m49 = ?)`;
/** A national total: no breakdown, no flow, all sexes and ages. */
const TOTAL = `dimension = 'total' AND category = 'total' AND counterpart IS NULL AND sex = 'total' AND age = 'total'`;

const DOMAINS = ['trafficking-in-persons', 'migrant-smuggling', 'firearms', 'wildlife', 'falsified-medicines', 'cybercrime'];

describe.skipIf(!BUILT)(title('region and grouping pages'), () => {
  beforeAll(async () => {
    const { dir } = distRelease();
    conn = await (await DuckDBInstance.create(':memory:')).connect();
    for (const t of ['observations', 'geo']) await conn.run(`CREATE TABLE ${t} AS SELECT * FROM read_parquet('${join(dir, `${t}.parquet`)}')`);
  });

  it('builds one page per M49 area and per UNODC grouping of the geo table, and the index links them all', async () => {
    const areas = (await sql<{ geo: string }>(`SELECT geo FROM geo WHERE kind IN ('world', 'region', 'subregion', 'intermediate') ORDER BY geo`)).map((r) => r.geo);
    const groupings = (await sql<{ geo: string }>(`SELECT geo FROM geo WHERE kind = 'unodc grouping' ORDER BY geo`)).map((r) => r.geo);
    console.info(`region pages: ${areas.length}; grouping pages: ${groupings.length}`);
    expect(areas.length).toBe(30);
    expect(groupings).toEqual(['CAR', 'CAS', 'EEU', 'MCA', 'MCN', 'SAF', 'SAM']);
    expect(readdirSync(join(DIST, 'region')).sort()).toEqual(areas);
    expect(readdirSync(join(DIST, 'grouping')).sort()).toEqual(groupings.map((g) => g.toLowerCase()));
    const index = page('regions');
    for (const a of areas) expect(index, a).toContain(`href="/region/${a}/"`);
    for (const g of groupings) expect(index, g).toContain(`href="/grouping/${g.toLowerCase()}/"`);
  });

  // Eastern Africa (an intermediate region: sums of its countries), Africa (AfRSG's own figure for rhinos) and the
  // world (IOM's own total; its rankings are long enough for tables on pages of their own).
  it.each(['014', '002', '001'])('/region/%s/ draws the release’s values for its countries and for the area', async (code) => {
    const html = page(`region/${code}`);
    const members = await sql<{ geo: string; name: string }>(MEMBERS, [code, code, code, code]);
    const nameOf = new Map(members.map((m) => [m.geo, m.name]));
    const geos = members.map((m) => m.geo);
    const inList = geos.map(() => '?').join(', ');
    let checked = 0;
    for (const domain of DOMAINS) {
      const indicator = comparedOn(html, domain);
      if (indicator === null) {
        // No member reported any indicator of the domain.
        const [n] = await sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM observations WHERE domain = ? AND geo IN (${inList}) AND ${TOTAL} AND (value IS NOT NULL OR censored IS NOT NULL)`, [domain, ...geos]);
        expect(n!.n, `${code} ${domain}: no indicator compared, yet members report`).toBe(0);
        continue;
      }
      const rows = await sql(`SELECT geo, year, value, censored FROM observations WHERE indicator = ? AND geo IN (${inList}) AND ${TOTAL} AND (value IS NOT NULL OR censored IS NOT NULL)`, [indicator, ...geos]);
      const perYear = await sql<{ year: number; n: number; total: number | null; suppressed: number; refs: string | null }>(
        `SELECT year, count(DISTINCT geo)::INTEGER AS n, sum(value) AS total, count(*) FILTER (WHERE value IS NULL)::INTEGER AS suppressed,
           string_agg(source_ref, chr(10)) FILTER (WHERE value IS NOT NULL) AS refs
         FROM observations WHERE indicator = ? AND geo IN (${inList}) AND ${TOTAL} AND (value IS NOT NULL OR censored IS NOT NULL) GROUP BY year ORDER BY year`,
        [indicator, ...geos],
      );
      // The comparison year: the latest with at least half as many reporting countries as the best-covered year.
      const most = Math.max(...perYear.map((y) => y.n));
      const year = Math.max(...perYear.filter((y) => y.n * 2 >= most).map((y) => y.year));

      const bars = figureById(html, `fig-${domain}-bars`)!;
      expect(bars.title, `${code} ${domain}`).toMatch(new RegExp(`, ${year}$`));
      const ever = [...new Set(rows.map((r) => String(r['geo'])))];
      expect(bars.table.rows.length, `${bars.title}: one row per country that ever reported`).toBe(ever.length);
      for (const g of ever) {
        const r = rows.find((x) => x['geo'] === g && Number(x['year']) === year);
        expectShows(cellAt(bars.table, /^Country/, nameOf.get(g)!, /^Value/), r ? raw(r) : null, `${bars.title}, ${nameOf.get(g)}`);
        checked++;
      }

      const own = await sql(`SELECT year, value, censored FROM observations WHERE indicator = ? AND geo = ? AND ${TOTAL} AND (value IS NOT NULL OR censored IS NOT NULL) ORDER BY year`, [indicator, code]);
      const area = figureById(html, `fig-${domain}-area`);
      const sum = figureById(html, `fig-${domain}-sum`);
      if (own.length > 0) {
        // The publisher's own figure for the area, and no sum beside it.
        expect(sum, `${code} ${domain}: a sum beside the publisher's figure`).toBeUndefined();
        const series = columnIndex(area!.table, /publisher’s figure/);
        for (const r of own) expectShows(area!.table.rows.find((x) => x[0] === String(r['year']))![series]!, raw(r), `${area!.title}, ${r['year']}`);
        checked += own.length;
      } else if (sum) {
        expect(area).toBeUndefined();
        expect(sum.caveat).toMatch(/^Caveat: Not a regional total/);
        const count = figureById(html, `fig-${domain}-sum-count`)!;
        for (const y of perYear) {
          const label = String(y.year);
          const at = (column: RegExp) => cellAt(sum.table, /^Year$/, label, column);
          expectShows(at(/^Sum of reporting countries$/), y.total === null ? null : Number(y.total), `${sum.title}, ${label}`);
          expect(readDisplayed(at(/^Countries reporting$/)), `${sum.title}, ${label}: countries reporting`).toEqual({ kind: 'number', value: y.n, decimals: 0 });
          expect(readDisplayed(at(/^Suppressed values/)), `${sum.title}, ${label}: suppressed`).toEqual({ kind: 'number', value: y.suppressed, decimals: 0 });
          expectShows(cellAt(count.table, /^Year$/, label, /^Value/), y.n, `${count.title}, ${label}`);
          // The sum cites every row it adds (each member's exact value), and no suppressed one.
          const cell = sum.table.cells[sum.table.rows.findIndex((r) => r[0] === label)]![columnIndex(sum.table, /^Sum of reporting countries$/)]!;
          const expected = y.refs === null ? [] : [...new Set(y.refs.split('\n').flatMap((r) => [...rowsCited(r)]))].sort();
          expect(cell.ref === null ? [] : [...rowsCited(cell.ref)].sort(), `${sum.title}, ${label}: rows cited`).toEqual(expected);
          checked += 5;
        }
      }
    }
    expect(checked, `${code}: values checked`).toBeGreaterThan(20);
  });

  it('shows each grouping’s own figures, labelled “UNODC grouping — membership not published”', async () => {
    for (const { geo } of await sql<{ geo: string }>(`SELECT geo FROM geo WHERE kind = 'unodc grouping' ORDER BY geo`)) {
      const html = page(`grouping/${geo.toLowerCase()}`);
      expect(textOf(/<p class="notice">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? ''), geo).toMatch(/^UNODC grouping — membership not published\./);
      const figures = pageFigures(html).map(withTable);
      expect(figures.length, geo).toBeGreaterThan(0);
      for (const f of figures) expect(f.caveat, `${geo}: ${f.title}`).toMatch(/^Caveat: UNODC grouping — membership not published\./);
      const totals = await sql(`SELECT indicator, year, value, censored FROM observations WHERE geo = ? AND ${TOTAL} ORDER BY indicator, year`, [geo]);
      const indicators = [...new Set(totals.map((r) => String(r['indicator'])))];
      for (const indicator of indicators) {
        // The trend of an indicator is the first figure of its section, titled "<indicator title>, <grouping name>".
        const section = new RegExp(`<section aria-labelledby="h-${indicator}">([\\s\\S]*?)</section>`).exec(html)?.[1];
        expect(section, `${geo} ${indicator}: a section`).toBeDefined();
        const trend = pageFigures(section!)[0]!;
        const column = columnIndex(trend.table, /^UNODC grouping /);
        for (const r of totals.filter((x) => x['indicator'] === indicator)) {
          expectShows(trend.table.rows.find((x) => x[0]?.startsWith(String(r['year'])))![column]!, raw(r), `${geo} ${trend.title}, ${r['year']}`);
        }
      }
    }
  });

  it('draws no grouping on any map: the maps of the trafficking dashboard and indicator pages list none', async () => {
    const names = (await sql<{ name: string }>(`SELECT name FROM geo WHERE kind = 'unodc grouping'`)).map((r) => r.name);
    const paths = ['trafficking-in-persons', ...readdirSync(join(DIST, 'indicator')).filter((id) => id.startsWith('tip_')).map((id) => `indicator/${id}`)];
    let maps = 0;
    for (const path of paths) {
      const map = pageFigures(page(path)).find((f) => f.id === 'map-figure');
      if (!map) continue;
      maps++;
      const rows = withTable(map).table.rows.map((r) => r[0] ?? '');
      expect(rows.length, path).toBeGreaterThan(20);
      expect(rows.filter((label) => names.some((n) => label.startsWith(n))), path).toEqual([]);
    }
    expect(maps).toBeGreaterThanOrEqual(4);
  });
});
