/**
 * Every figure's data table is reachable without JavaScript, and holds the rows the figure's data has. Read from the
 * HTML of dist/ as a reader sees it (tests/support/figure-html.ts):
 * - over every built page: a figure either carries its table (at most 50 rows, the budget of issue 7) or links a page
 *   of its own that holds the whole table (more than 50 rows) under the figure's title, with the figure's caveat and
 *   source line (so the same release version), the row count its link announced, and links back to the figure;
 *   and every table page is linked by a figure;
 * - the latest-value maps of the dashboards and of every indicator page, and the flow maps, list every place (or
 *   pair of places) the release has a value for, with that value and year. The expected rows are read from the
 *   release's Parquet files with SQL written here (never src/data/queries.ts or the chart code);
 * - every value a figure's table shows cites the publisher's rows it comes from (`data-ref`), so every line of the
 *   figure's CSV download carries a `source_ref`: a stack's reported total cites exactly the rows of the reported
 *   parts it adds, and a flow exactly the rows of the release it sums (read here with SQL).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from './support/server.ts';
import { BUILT, title } from './support/suite.ts';
import { sql } from './support/release.ts';
import { columnIndex, pageFigures, rowWhere, rowYear, tablePage, type HtmlTable, type PageFigure } from '../support/figure-html.ts';
import { readDisplayed, shows, type RawValue } from '../support/displayed-value.ts';
import { chartCsv } from '../../src/export/chart-csv.ts';
import { csvParse } from 'd3';
import { REF, REF_SEPARATOR, rowsCited } from '../support/refs-cited.ts';

/** Tables of up to this many rows stay in their figure; longer ones get a page of their own. */
const IN_FIGURE_MAX = 50;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => join(e.parentPath, e.name));
}

/** `/wildlife/` for dist/wildlife/index.html. */
function pathOf(file: string): string {
  const dir = relative(DIST, file).split(sep).slice(0, -1).join('/');
  return dir ? `/${dir}/` : '/';
}

function read(path: string): string {
  return readFileSync(join(DIST, decodeURIComponent(path), 'index.html'), 'utf8');
}

/** The figure's table where a reader finds it: in the figure, or on the page its link opens. */
function tableOf(f: PageFigure): HtmlTable {
  return f.tableHref === null ? f.table : tablePage(read(f.tableHref)).table;
}

function figuresOf(path: string): PageFigure[] {
  return pageFigures(read(path));
}

describe.skipIf(!BUILT)(title('every figure’s data table is reachable'), () => {
  const pages = BUILT ? htmlFiles(DIST).map(pathOf) : [];

  it('in the figure when short, else on a page of its own with the figure’s title, caveat, source and a way back', () => {
    const problems: string[] = [];
    let inFigure = 0;
    const linked = new Set<string>();
    for (const path of pages) {
      for (const f of figuresOf(path)) {
        const where = `${path}#${f.id}`;
        if (f.tableHref === null) {
          inFigure++;
          if (f.table.rows.length === 0) problems.push(`${where}: no table and no link to one`);
          if (f.table.rows.length > IN_FIGURE_MAX) problems.push(`${where}: ${f.table.rows.length} rows in the page`);
          continue;
        }
        linked.add(f.tableHref);
        if (!existsSync(join(DIST, decodeURIComponent(f.tableHref), 'index.html'))) {
          problems.push(`${where}: its table page ${f.tableHref} was not built`);
          continue;
        }
        const t = tablePage(read(f.tableHref));
        const announced = Number(/\(([\d,]+) rows\)/.exec(f.tableLink ?? '')?.[1]?.replace(/,/g, ''));
        if (t.title !== f.title || t.table.caption !== f.title) problems.push(`${where}: table page titled "${t.title}" / "${t.table.caption}"`);
        if (t.caveat !== f.caveat || t.source !== f.source) problems.push(`${where}: table page's caveat or source differs`);
        if (t.table.rows.length !== announced) problems.push(`${where}: link says ${announced} rows, the page has ${t.table.rows.length}`);
        if (t.table.rows.length <= IN_FIGURE_MAX) problems.push(`${where}: only ${t.table.rows.length} rows, yet on a page of its own`);
        // An embed page (/embed/<page>/<figure>/) and a handout (/handout/<page>/) show their page's figures, whose
        // table pages link back to that page.
        const owner = path.startsWith('/embed/') ? path.slice('/embed'.length).replace(/[^/]+\/$/, '')
          : path.startsWith('/handout/') ? path.slice('/handout'.length)
          : path;
        if (t.back.length === 0 || t.back.some((b) => b !== `${owner}#${f.id}`)) problems.push(`${where}: table page links back to ${t.back.join(', ')}`);
      }
    }
    // /catalog/table/<name>/ is a catalog entry (a release table), not a figure's table page.
    const orphans = pages.filter((p) => /\/table\/[^/]+\/$/.test(p) && !/^\/catalog\/table\/[^/]+\/$/.test(p) && !linked.has(p));
    expect(problems).toEqual([]);
    expect(orphans, 'table pages no figure links').toEqual([]);
    // The site has both kinds (a check that matched nothing would pass vacuously).
    expect(inFigure).toBeGreaterThan(100);
    expect(linked.size).toBeGreaterThan(20);
  });
});

/** A place's latest national total, as the release has it. */
interface LatestRow {
  name: string;
  year: number;
  value: number | null;
  censored: string | null;
}

/** Every country (and Kosovo) with a national total of `indicator`, at its latest year. */
async function latestByPlace(indicator: string): Promise<LatestRow[]> {
  const rows = await sql(
    `SELECT name, year, value, censored FROM (
       SELECT g.name, o.year, o.value, o.censored, row_number() OVER (PARTITION BY o.geo ORDER BY o.year DESC) AS latest
       FROM observations o JOIN geo g ON g.geo = o.geo
       WHERE o.indicator = ? AND o.sex = 'total' AND o.age = 'total' AND o.dimension = 'total' AND o.category = 'total'
         AND o.counterpart IS NULL AND (g.kind = 'country' OR o.geo = 'XKX')
     ) WHERE latest = 1`,
    [indicator],
  );
  return rows.map((r) => ({ name: String(r['name']), year: Number(r['year']), value: r['value'] === null ? null : Number(r['value']), censored: r['censored'] === null ? null : String(r['censored']) }));
}

function rawOf(r: { value: number | null; censored: string | null }): RawValue | null {
  if (r.censored !== null) return { censored: r.censored };
  return r.value;
}

/** The map's table lists every place with a value, at its latest year, and no other place with a value. */
async function expectMapRows(table: HtmlTable, indicator: string, where: string): Promise<void> {
  const expected = (await latestByPlace(indicator)).filter((r) => rawOf(r) !== null);
  expect(expected.length, `${where}: places with a value in the release`).toBeGreaterThan(0);
  const valueColumn = columnIndex(table, /^Value/);
  const withValue = table.rows.filter((r) => readDisplayed(r[valueColumn] ?? '').kind !== 'missing');
  expect(withValue.length, `${where}: rows with a value`).toBe(expected.length);
  for (const e of expected) {
    const cell = rowWhere(table, /^Country/, e.name)[valueColumn] ?? '';
    expect(shows(cell, rawOf(e)!), `${where}, ${e.name}: shows "${cell}", the release has ${e.value ?? e.censored}`).toBe(true);
    const year = rowYear(table, /^Country/, e.name);
    if (year !== null) expect(year, `${where}, ${e.name}: year`).toBe(e.year);
  }
}

/** The dashboards' maps and the indicators they draw (the map's title is the indicator's). */
const DASHBOARD_MAPS: { path: string; indicator: string }[] = [
  { path: '/trafficking-in-persons/', indicator: 'tip_victims_detected' },
  { path: '/migrant-smuggling/', indicator: 'smg_dead_missing' },
  { path: '/firearms/', indicator: 'fa_arms_seized' },
  { path: '/wildlife/', indicator: 'wl_pangolin_seizures' },
  { path: '/falsified-medicines/', indicator: 'med_failure_rate' },
  { path: '/cybercrime/', indicator: 'cyb_fraud_cyber_rate' },
];

/**
 * Flow maps: the indicator, the breakdown whose category is the other place (one: two would count an event twice), and
 * the figure. A flow runs from the counterpart to the reporting country, or (outward: where a seizure was going, EIA's
 * "Outbound (going to…)" and "Destination" columns) from the reporting country to the counterpart.
 */
const FLOW_MAPS: { path: string; id: string; indicator: string; dimension: string; outward?: boolean }[] = [
  { path: '/trafficking-in-persons/', id: 'flow-figure-0', indicator: 'tip_victims_by_citizenship', dimension: 'citizenship' },
  { path: '/wildlife/', id: 'flow-figure-0', indicator: 'wl_cites_confiscated_shipments', dimension: 'exporter (reported by importer)' },
  { path: '/wildlife/', id: 'flow-figure-1', indicator: 'wl_pangolin_seizure_routes', dimension: 'origin' },
  { path: '/wildlife/', id: 'flow-figure-2', indicator: 'wl_pangolin_seizure_routes', dimension: 'via' },
  { path: '/indicator/wl_pangolin_seizure_routes/', id: 'breakdown-flows-0', indicator: 'wl_pangolin_seizure_routes', dimension: 'origin' },
  { path: '/indicator/wl_pangolin_seizure_routes/', id: 'breakdown-flows-2', indicator: 'wl_pangolin_seizure_routes', dimension: 'outbound', outward: true },
  { path: '/indicator/wl_pangolin_seizure_routes/', id: 'breakdown-flows-3', indicator: 'wl_pangolin_seizure_routes', dimension: 'destination', outward: true },
];

describe.skipIf(!BUILT)(title('a figure’s table holds the rows of its data'), () => {
  it.each(DASHBOARD_MAPS)('$path: the map’s table lists every country with a latest $indicator value', async ({ path, indicator }) => {
    const map = figuresOf(path).find((f) => f.id === 'map-figure');
    if (!map) throw new Error(`${path}: no map figure`);
    await expectMapRows(tableOf(map), indicator, `${path} map`);
  });

  it('every indicator page’s map table lists every country with a latest value', async () => {
    const indicators = BUILT ? readdirSync(join(DIST, 'indicator')).filter((id) => existsSync(join(DIST, 'indicator', id, 'index.html'))) : [];
    let maps = 0;
    for (const id of indicators) {
      const map = figuresOf(`/indicator/${id}/`).find((f) => f.id === 'map-figure');
      if (!map) continue;
      maps++;
      await expectMapRows(tableOf(map), id, `/indicator/${id}/ map`);
    }
    expect(maps).toBeGreaterThan(50);
  });

  it.each(FLOW_MAPS)('$path#$id: the flows table lists every pair of places the release has', async ({ path, id, indicator, dimension, outward = false }) => {
    const flow = figuresOf(path).find((f) => f.id === id);
    if (!flow) throw new Error(`${path}: no figure ${id}`);
    const table = tableOf(flow);
    const [from, to] = outward ? ['coalesce(b.name, o.geo)', 'coalesce(a.name, o.counterpart)'] : ['coalesce(a.name, o.counterpart)', 'coalesce(b.name, o.geo)'];
    const pairs = await sql(
      `SELECT ${from} AS origin, ${to} AS destination, sum(o.value) AS exact, count(o.censored) AS suppressed,
         string_agg(o.source_ref, chr(10)) AS refs
       FROM observations o LEFT JOIN geo a ON a.geo = o.counterpart LEFT JOIN geo b ON b.geo = o.geo
       WHERE o.indicator = ? AND o.dimension = ? AND o.sex = 'total' AND o.age = 'total'
         AND o.counterpart IS NOT NULL AND o.counterpart <> o.geo
       GROUP BY 1, 2`,
      [indicator, dimension],
    );
    expect(table.rows.length, `${path}#${id}: one row per pair of places`).toBe(pairs.length);
    const [origin, destination, value] = [columnIndex(table, 'Origin'), columnIndex(table, 'Destination'), columnIndex(table, /^Value/)];
    const shown = new Map(table.rows.map((r, i) => [`${r[origin]} → ${r[destination]}`, { text: r[value] ?? '', ref: table.cells[i]![value]!.ref }]));
    for (const p of pairs) {
      const key = `${String(p['origin'])} → ${String(p['destination'])}`;
      const cell = shown.get(key);
      expect(cell, `${path}#${id}: a row for ${key}`).toBeDefined();
      // A pair with a suppressed part is shown as at least its exact sum; the others exactly.
      if (Number(p['suppressed']) === 0) expect(shows(cell!.text, Number(p['exact'])), `${key}: shows "${cell!.text}", the release sums to ${String(p['exact'])}`).toBe(true);
      // It cites every row it sums, the suppressed ones too, and no other.
      expect(cell!.ref === null ? null : [...rowsCited(cell!.ref)].sort(), `${key}: rows cited`).toEqual([...rowsCited(String(p['refs']).split('\n').join(REF_SEPARATOR))].sort());
    }
  });
});

describe.skipIf(!BUILT)(title('every value a figure’s table shows cites the publisher’s rows, as each line of its CSV does'), () => {
  const pages = BUILT ? htmlFiles(DIST).map(pathOf) : [];

  it('in every figure of every page, and a stack’s reported total cites exactly the rows of the reported parts it adds', () => {
    const problems: string[] = [];
    const read = new Set<string>();
    let values = 0;
    let totals = 0;
    for (const path of pages) {
      for (const f of figuresOf(path)) {
        // A table page serves every figure that links it (the page's, its embed's, its handout's): read it once.
        if (f.tableHref !== null && read.has(f.tableHref)) continue;
        if (f.tableHref !== null) read.add(f.tableHref);
        const t = tableOf(f);
        const where = (r: number, i: number) => `${path}#${f.id}, row “${t.rows[r]![0]}”, column “${t.columns[i]}”`;
        t.cells.forEach((row, r) => row.forEach((c, i) => {
          if (!t.valueColumns[i] || c.missing) return;
          values++;
          // A value the site computed may cite no row only where its table says how it was computed.
          if (c.ref === null ? !t.derived : !REF.test(c.ref)) problems.push(`${where(r, i)}: cites “${c.ref ?? ''}”`);
        }));
        // The reported total (the sum of the parts shown as numbers) cites the rows of those parts, no fewer, no more.
        const total = t.columns.indexOf('Total reported');
        if (total >= 0) {
          const parts = t.columns.flatMap((c, i) => (t.valueColumns[i] && i !== total && c !== 'Published total' ? [i] : []));
          t.cells.forEach((row, r) => {
            const cell = row[total]!;
            if (cell.missing) return;
            totals++;
            const reported = parts.filter((i) => !row[i]!.missing && /^[-−]?[\d,]+(?:\.\d+)?$/.test(row[i]!.text));
            const expected = new Set(reported.flatMap((i) => [...rowsCited(row[i]!.ref ?? '')]));
            const cited = rowsCited(cell.ref ?? '');
            const extra = [...cited].filter((x) => !expected.has(x));
            const lacking = [...expected].filter((x) => !cited.has(x));
            if (extra.length + lacking.length > 0) problems.push(`${where(r, total)}: cites “${cell.ref ?? ''}”; ${extra.length} rows no reported part has (${extra.slice(0, 3).join(' ')}…), ${lacking.length} rows of its parts missing (${lacking.slice(0, 3).join(' ')}…)`);
          });
        }
        // The CSV a reader downloads: written from this table by the download's own code, every line citing its rows.
        if (!t.valueColumns.some(Boolean)) continue;
        try {
          const csv = chartCsv({ columns: t.columns.map((label, i) => ({ label, numeric: t.valueColumns[i]! })), rows: t.cells.map((row) => row.map((c) => ({ text: c.text, ...(c.value !== null ? { value: c.value } : {}), ...(c.ref !== null ? { ref: c.ref } : {}), ...(c.missing ? { missing: true } : {}) }))), ...(t.derived ? { derived: t.derived } : {}) }, ['source']);
          const blank = csvParse(csv.csv).filter((l) => !l['source_ref']);
          if (blank.length > 0) problems.push(`${path}#${f.id}: ${blank.length} CSV lines without source_ref`);
        } catch (e) {
          problems.push(`${path}#${f.id}: no CSV: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
    expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);
    // Every kind of figure was read (a check that matched nothing would pass vacuously).
    expect(values).toBeGreaterThan(50_000);
    expect(totals).toBeGreaterThan(100);
  });
});
