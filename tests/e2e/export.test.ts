/**
 * A figure's downloads, captured and opened, and its embed page framed by another page. Expected values come from
 * the page a reader sees (the figure's title, source line and data table), never from src/export:
 * - the CSV has one line per value the data table shows, with the shown value (to its display rounding), the
 *   figure's source and a row of the publisher's file; after a redraw, of the view then drawn;
 * - the SVG parses as XML and its footer's lines are the figure's title and source line (release version included);
 * - the PNG has the PNG signature, an IHDR 2008 px wide (17 cm at 300 dpi), decodes in the browser, and carries the
 *   same title, source line and version in its text chunks (the footer drawn in it is the SVG's, rasterized);
 * - the metadata JSON validates against the JSON Schema the site publishes (ajv, already in node_modules);
 * - an embed page renders alone inside an <iframe> of a test page, and its CSP lets any site frame it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Page } from 'playwright-core';
import { DIST } from './support/server.ts';
import { checkedSessions } from './support/checked-sessions.ts';
import { BUILT, title, TREND_HOST } from './support/suite.ts';
import { controlsOf, pickView, submitView, waitForView, yearsParam } from './support/trend-view.ts';
import { sql } from './support/release.ts';

const DASHBOARD = '/trafficking-in-persons/';

interface Shown {
  title: string;
  source: string;
  /** Numeric cells shown: [row's first cell, column heading, text]. */
  values: [string, string, string][];
}

/** What the figure shows, read as a reader reads it. */
function shown(page: Page, figureId: string): Promise<Shown> {
  return page.evaluate((id) => {
    const fig = document.getElementById(id)!;
    const heads = [...fig.querySelectorAll('table thead th')].map((th) => ({ text: th.textContent!.trim(), num: th.classList.contains('num') }));
    const values: [string, string, string][] = [];
    for (const tr of fig.querySelectorAll('table tbody tr')) {
      const cells = [...tr.children].map((c) => c.textContent!.trim());
      heads.forEach((h, i) => { if (h.num && cells[i] !== 'No data') values.push([cells[0]!, h.text, cells[i]!]); });
    }
    return { title: fig.querySelector('h3')!.textContent!.trim(), source: fig.querySelector('.source')!.firstChild!.textContent!.trim(), values };
  }, figureId);
}

async function openActions(page: Page, figureId: string): Promise<void> {
  const details = page.locator(`details.figure-actions[data-export*='"figure":"${figureId}"']`);
  await details.locator('summary').click();
  await page.waitForFunction((id) => document.querySelector(`details.figure-actions[data-export*='"figure":"${id}"']`)?.getAttribute('data-actions') === 'ready', figureId);
}

async function download(page: Page, figureId: string, kind: string): Promise<{ name: string; bytes: Buffer }> {
  const details = page.locator(`details.figure-actions[data-export*='"figure":"${figureId}"']`);
  const [d] = await Promise.all([page.waitForEvent('download'), details.locator(`button[data-download=${kind}]`).click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

/** A shown number ("1,234", "0.28") and the CSV's exact value agree to the display's rounding. */
function agrees(text: string, value: string): boolean {
  const n = Number(text.replaceAll(',', ''));
  if (!Number.isFinite(n)) return text === value; // a suppressed mark, e.g. "<5"
  const v = Number(value);
  const tolerance = Math.abs(v) >= 100 ? 0.5 : Math.abs(v) >= 1 ? 0.05 : 0.005;
  return Math.abs(n - v) <= tolerance + 1e-9;
}

function expectCsvMatches(csvText: string, figure: Shown, source: string) {
  expect(csvText.endsWith('\r\n'), 'RFC 4180 line ends').toBe(true);
  const rows = csvParse(csvText);
  expect(rows.columns.slice(-4)).toEqual(['series', 'value', 'source', 'source_ref']);
  expect(rows.length, 'one line per value drawn').toBe(figure.values.length);
  figure.values.forEach(([key, series, text], i) => {
    const r = rows[i]!;
    expect([r[rows.columns[0]!], r['series']]).toEqual([key, series]);
    expect(agrees(text, r['value']!), `${key} ${series}: shown ${text}, CSV ${r['value']}`).toBe(true);
    expect(r['source']).toBe(source);
    expect(r['source_ref'], 'the row of the publisher’s file').toMatch(/^[^:]+:[^:]+:\d+$/);
  });
}

/** PNG chunks: type → data. */
function pngChunks(png: Buffer): { type: string; data: Buffer }[] {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out: { type: string; data: Buffer }[] = [];
  for (let o = 8; o < png.length; ) {
    const len = png.readUInt32BE(o);
    out.push({ type: png.toString('latin1', o + 4, o + 8), data: png.subarray(o + 8, o + 8 + len) });
    o += 12 + len;
  }
  return out;
}

describe.skipIf(!BUILT)(title('chart downloads and embeds'), () => {
  const { session, server } = checkedSessions();

  it('downloads the trend as CSV, SVG, PNG and metadata JSON, each saying what it is', async () => {
    const s = await session();
    const page = await s.open(DASHBOARD);
    const version = await page.evaluate(() => document.body.dataset['release']!);
    const figure = await shown(page, 'trend-figure');
    expect(figure.source).toContain(version);
    await openActions(page, 'trend-figure');

    const csv = await download(page, 'trend-figure', 'csv');
    expect(csv.name).toMatch(new RegExp(`^cto_tip_victims_detected_[A-Z-]+_\\d{4}-\\d{4}_trend_${version}\\.csv$`));
    expectCsvMatches(csv.bytes.toString('utf8'), figure, 'unodc-glotip');

    const svg = await download(page, 'trend-figure', 'svg');
    expect(svg.name).toBe(csv.name.replace(/\.csv$/, '.svg'));
    const footer = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      if (doc.querySelector('parsererror')) return null;
      const line = (f: string) => [...doc.querySelectorAll(`text[data-field=${f}] tspan`)].map((t) => t.textContent).join(' ');
      return { root: doc.documentElement.localName, title: line('title'), source: line('source'), link: line('link'), refs: doc.querySelectorAll('[href]:not([href^="#"]), link, image, use[href^=http]').length };
    }, svg.bytes.toString('utf8'));
    expect(footer, 'the SVG parses').not.toBeNull();
    expect(footer!.root).toBe('svg');
    expect(footer!.title).toBe(figure.title);
    expect(footer!.source).toBe(figure.source);
    expect(footer!.link).toContain(`v=${version}`);
    expect(footer!.refs, 'no external references').toBe(0);

    const png = await download(page, 'trend-figure', 'png');
    const chunks = pngChunks(png.bytes);
    expect(chunks[0]!.type).toBe('IHDR');
    expect(chunks[0]!.data.readUInt32BE(0)).toBe(2008);
    expect(chunks[0]!.data.readUInt32BE(4)).toBeGreaterThan(100);
    const text = Object.fromEntries(chunks.filter((c) => c.type === 'tEXt').map((c) => { const i = c.data.indexOf(0); return [c.data.toString('latin1', 0, i), c.data.toString('latin1', i + 1)]; }));
    expect([text['Title'], text['Source'], text['Version']]).toEqual([figure.title, figure.source, version]);
    const decoded = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      return img.naturalWidth;
    }, png.bytes.toString('base64'));
    expect(decoded).toBe(2008);

    const json = await download(page, 'trend-figure', 'json');
    const meta = JSON.parse(json.bytes.toString('utf8')) as Record<string, unknown>;
    const schema = JSON.parse(readFileSync(`${DIST}/schema/figure-metadata.v1.json`, 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(meta) ? [] : validate.errors).toEqual([]);
    expect([meta['title'], meta['version']]).toEqual([figure.title, version]);
    expect((meta['citation'] as { bibtex: string }).bibtex).toContain(`version = {${version}}`);
  });

  it('downloads the view on screen after a redraw', async () => {
    const s = await session();
    const page = await s.open(DASHBOARD);
    const view = await pickView(await controlsOf(page));
    await submitView(page, view);
    const figure = await shown(page, 'trend-figure');
    await openActions(page, 'trend-figure');
    const csv = await download(page, 'trend-figure', 'csv');
    expect(csv.name).toContain(`_${[...view.geo].sort().join('-')}_${view.years[0]}-${view.years[1]}_`);
    expectCsvMatches(csv.bytes.toString('utf8'), figure, 'unodc-glotip');
  });

  it('downloads a long table’s CSV from its table page, and cites the view', async () => {
    const s = await session();
    const page = await s.open(DASHBOARD);
    await openActions(page, 'map-figure');
    const csv = await download(page, 'map-figure', 'csv');
    const tableHref = await page.locator('#map-figure a[data-table-page]').getAttribute('href');
    const tablePage = await s.open(tableHref!);
    const n = await tablePage.evaluate(() => [...document.querySelectorAll('table.data-table tbody td.num')].filter((td) => td.textContent!.trim() !== 'No data').length);
    expect(csvParse(csv.bytes.toString('utf8')).length).toBe(n);
    const apa = await page.locator('#map-figure-cite-apa').inputValue();
    expect(apa.startsWith('United Nations Office on Drugs and Crime (UNODC), dataUNODC. (2023).')).toBe(true);
  });

  it('cites in a bar chart’s and a map’s CSV the publisher’s row the release holds for each value', async () => {
    const s = await session();
    const page = await s.open('/migrant-smuggling/');
    const id = 'ranking-figure-0';
    const spec = JSON.parse((await page.locator(`details.figure-actions[data-export*='"figure":"${id}"']`).getAttribute('data-export'))!) as { indicator: string; geos: string[]; years: [number, number] };
    await openActions(page, id);
    const rows = csvParse((await download(page, id, 'csv')).bytes.toString('utf8'));
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) {
      // The release's own row for this bar: its category of the figure's place and year (the one total by sex and age).
      const held = await sql(
        `SELECT value, source_ref FROM observations WHERE indicator = ? AND geo = ? AND year = ? AND category = ? AND sex = 'total' AND age = 'total'`,
        [spec.indicator, spec.geos[0]!, spec.years[0], r[rows.columns[0]!]!],
      );
      expect(held, `${r[rows.columns[0]!]}: one row in the release`).toHaveLength(1);
      expect([r['source_ref'], Number(r['value'])]).toEqual([held[0]!['source_ref'], Number(held[0]!['value'])]);
    }

    const dash = await s.open(DASHBOARD);
    await openActions(dash, 'map-figure');
    const map = csvParse((await download(dash, 'map-figure', 'csv')).bytes.toString('utf8'));
    expect(map.filter((r) => !/^[^:]+:[^:]+:\d+$/.test(r['source_ref']!)).map((r) => r[map.columns[0]!]), 'map values without their row').toEqual([]);
  });

  it('writes in every line of every figure’s CSV, on two dashboards, the source and the publisher’s rows', async () => {
    const s = await session();
    // `file:sheet:rows` (a CSV's sheet is empty; rows one number or ranges), and several such for rows of several files.
    const ref = /^[^:;]+:[^:;]*:\d[\d,-]*(?:; [^:;]+:[^:;]*:\d[\d,-]*)*$/;
    const kinds = new Set<string>();
    for (const path of ['/trafficking-in-persons/', '/migrant-smuggling/']) {
      const page = await s.open(path);
      const specs = await page.locator('details.figure-actions[data-export]').evaluateAll((els) => els.map((e) => JSON.parse((e as HTMLElement).dataset['export']!) as { figure: string; sources: string[] }));
      for (const spec of specs) {
        await openActions(page, spec.figure);
        const rows = csvParse((await download(page, spec.figure, 'csv')).bytes.toString('utf8'));
        expect(rows.length, `${path}#${spec.figure}: lines`).toBeGreaterThan(0);
        const uncited = rows.filter((r) => r['source'] !== spec.sources.join(';') || !ref.test(r['source_ref'] ?? ''));
        expect(uncited.slice(0, 3), `${path}#${spec.figure}: lines without source or source_ref`).toEqual([]);
        kinds.add(spec.figure.replace(/-\d+$/, ''));
      }
    }
    // The figures whose values the site sums (flows, stacks' totals, bins of incidents) are among them.
    expect([...kinds]).toEqual(expect.arrayContaining(['trend-figure', 'map-figure', 'breakdown-figure', 'flow-figure', 'ranking-figure', 'points-figure']));
  });

  it('draws a map’s key (ranges, no-data hatch, notes, disclaimer) and its place names into the SVG and PNG', async () => {
    const s = await session();
    const page = await s.open(DASHBOARD);
    for (const id of ['map-figure', 'flow-figure-0']) {
      // What the reader sees under and over the map: every text of its key, and the names laid over it.
      const seen = await page.evaluate((fid) => {
        const fig = document.getElementById(fid)!;
        const norm = (t: string | null) => (t ?? '').replace(/\s+/g, ' ').trim();
        const visible = (e: Element) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
        const key = fig.querySelector('.map-key')!;
        const texts = [...key.querySelectorAll('svg text, p, span')].filter(visible).map((e) => norm(e.textContent)).filter(Boolean);
        const names = [...fig.querySelectorAll('svg.map-labels text')].filter(visible).map((e) => norm(e.textContent));
        return { texts, names, hatch: !!key.querySelector('[fill*="no-data"]') };
      }, id);
      expect(seen.texts.length, `${id}: the page shows a key`).toBeGreaterThan(0);
      await openActions(page, id);
      const svg = await download(page, id, 'svg');
      const drawn = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const norm = (t: string | null) => (t ?? '').replace(/\s+/g, ' ').trim();
        const keyText = norm([...doc.querySelectorAll('.cto-map-key text')].map((t) => t.textContent).join(' '));
        const names = [...doc.querySelectorAll('.cto-place-names text')].map((t) => norm(t.textContent));
        // The key's "No data" swatch points at a pattern the file itself defines.
        const hatch = [...doc.querySelectorAll('.cto-map-key rect')].map((r) => /url\("?#([^")]+)"?\)/.exec(r.getAttribute('fill') ?? '')?.[1]).filter((x): x is string => !!x);
        return { keyText, names, hatchDefined: hatch.some((h) => doc.getElementById(h)?.localName === 'pattern'), parses: !doc.querySelector('parsererror') };
      }, svg.bytes.toString('utf8'));
      expect(drawn.parses).toBe(true);
      for (const t of seen.texts) expect(drawn.keyText, `${id}: key text “${t}”`).toContain(t);
      expect(drawn.names, `${id}: place names`).toEqual(seen.names);
      if (seen.hatch) expect(drawn.hatchDefined, `${id}: no-data hatch`).toBe(true);
      const png = await download(page, id, 'png');
      expect(pngChunks(png.bytes)[0]!.data.readUInt32BE(0)).toBe(2008);
    }
  });

  it('renders an embed page alone inside a frame, which any site may make', async () => {
    const s = await session();
    const page = await s.open(DASHBOARD);
    await openActions(page, 'trend-figure');
    const code = await page.locator('#trend-figure-embed-code').inputValue();
    const src = /src="([^"]+)"/.exec(code)![1]!.replaceAll('&amp;', '&');
    expect(new URL(src).pathname).toBe('/embed/trafficking-in-persons/trend-figure/');
    // Any site may frame it (the header says so); the framing page itself is answered here by the test, on the
    // site's origin, since Chromium lets no other origin this test can make frame a loopback address.
    const res = await page.request.get(src);
    expect(res.headers()['content-security-policy']).toMatch(/frame-ancestors \*(;|$)/);
    const frameHost = await s.newPage();
    await frameHost.route(`${server().origin}/__embed-host.html`, (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html><title>host</title><iframe id="f" title="chart" src="${src}" width="800" height="600"></iframe>` }));
    await frameHost.goto(`${server().origin}/__embed-host.html`);
    const frame = await (await frameHost.waitForSelector('#f')).contentFrame();
    await frame!.waitForSelector('figure.chart-figure');
    const inside = await frame!.evaluate(() => ({ figures: document.querySelectorAll('figure.chart-figure').length, nav: document.querySelectorAll('header nav').length, title: document.querySelector('figure h3')?.textContent, caveat: !!document.querySelector('figure .caveat'), source: document.querySelector('figure .source')?.textContent ?? '' }));
    const figure = await shown(page, 'trend-figure');
    expect(inside).toMatchObject({ figures: 1, nav: 0, title: figure.title, caveat: true });
    expect(inside.source).toContain(figure.source);
  });

  it('redraws an embedded trend for the places and years its link names; an embed that cannot says what it shows', async () => {
    const s = await session();
    const embed = '/embed/trafficking-in-persons/trend-figure/';
    const view = await pickView(await controlsOf(await s.open(embed)));
    const qs = `?geo=${view.geo.join(',')}&years=${yearsParam(view.years)}`;
    const page = await s.open(`${embed}${qs}`);
    await waitForView(page, view);
    const names = (await sql(`SELECT name FROM geo WHERE geo IN (${view.geo.map(() => '?').join(',')})`, view.geo)).map((r) => String(r['name']));
    const heads = await page.evaluate(() => [...document.querySelectorAll('figure table thead th.num')].map((th) => th.textContent!.trim()));
    expect([...heads].sort(), 'one column per place the link names').toEqual([...names].sort());
    expect(new URL(page.url()).pathname, 'the embed keeps its own address').toBe(embed);

    const map = await s.open(`/embed/trafficking-in-persons/map-figure/${qs}`);
    const notice = map.locator('[data-notice]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toContain(`geo=${view.geo.join(',')}`);
  });
});
