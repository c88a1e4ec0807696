/**
 * `npm run bench`, pages: the built site in Debian's Chromium, served as a production host serves it (`npm run serve`'s
 * handler: precompressed brotli, Range requests), on loopback and under Chromium's network emulation (10 Mbit/s with
 * 40 ms round trips; 1.6 Mbit/s with 150 ms), each run in a fresh browser profile (empty cache) of a browser that has
 * finished starting (bench-settle.ts). For a domain dashboard, a country profile, an indicator page and the conventional
 * baseline (src/bench/conventional.astro: DuckDB-WASM first, then query, then draw; built only into the bench's own
 * copy of the site, .tmp/bench-dist/, never into dist/) it reports
 * - bytes before interaction by kind (HTML, CSS, JS, data, engine), as brotli at the best quality (the build's .br
 *   twins) and as served in the run;
 * - time to first chart with JavaScript disabled and enabled: the later of first contentful paint and the first
 *   animation frame after a `.chart-svg svg` entered the document (observed from an isolated world, which runs even
 *   when the page's scripts are disabled), against the physical limit (round trips + HTML and CSS bytes ÷ bandwidth);
 * - the first change of a control (cold: nothing of the redraw loaded yet) with the bytes it moved, and warm changes:
 *   from submitting the controls to the animation frame after the host reports the new view drawn;
 * then the ratios against the conventional page, and the design's budgets. Timings are printed, never asserted.
 */
import type { Page } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { extname, join } from 'node:path';
import { DIST, hasDist, ROOT, serve, type ServedRequest, type StaticServer } from '../../tests/e2e/support/server.ts';
import { precompressSite } from '../hosting/precompress-site.ts';
import { precompressCacheDir } from './options.ts';
import { openSession, type Session } from '../../tests/e2e/support/browser.ts';
import { emulateNetwork, FAST, LOOPBACK, SLOW, tracker, type Network } from './bench-networks.ts';
import { settle, SETTLE_MS } from './bench-settle.ts';
import { geosWithData } from '../../tests/e2e/support/release.ts';

const RUNS = Math.max(1, Number(process.env['BENCH_PAGE_RUNS'] ?? 3));
const WARM = Math.max(1, Number(process.env['BENCH_WARM'] ?? 5));
/** Give up on a chart or a redraw after this long (the conventional page under emulation needs the whole engine). */
const TIMEOUT = 120_000;

interface Target {
  name: string;
  path: string;
  /** Served from the bench's own build, which alone has the baseline page. */
  baseline?: boolean;
  /** A calibration page, not a page of the site: left out of the ratios and the budgets. */
  floor?: boolean;
}
const TARGETS: Target[] = [
  { name: 'domain dashboard', path: '/trafficking-in-persons/' },
  { name: 'country profile', path: '/country/KEN/' },
  { name: 'indicator page', path: '/indicator/tip_victims_detected/' },
  { name: 'conventional', path: '/bench/conventional/', baseline: true },
  { name: 'one-SVG floor', path: '/bench/floor/', baseline: true, floor: true },
];
const CONVENTIONAL = TARGETS[3]!;
const FLOOR = TARGETS[4]!;

const NETWORKS: Network[] = [LOOPBACK, FAST, SLOW];

const KINDS = ['html', 'css', 'js', 'data', 'engine', 'other'] as const;
type Kind = (typeof KINDS)[number];
type Bytes = Record<Kind, { brotli: number; served: number }>;

interface Run {
  /** ms from navigation start; null when no chart appeared. */
  chart: number | null;
  /** When the HTML document had arrived (responseEnd). */
  html: number | null;
  bytes: Bytes;
  requests: number;
  cold: number | null;
  /** Bytes the first change moved (as served: brotli where the host compresses). */
  coldBytes: number | null;
  warm: number[];
  foreign: string[];
  errors: string[];
}

/** Runs in an isolated world before any of the page's own code, with or without the page's JavaScript. */
const OBSERVER = `(() => {
  let seen = false;
  const check = () => {
    if (seen || !document.querySelector('.chart-svg svg')) return;
    seen = true;
    observer.disconnect();
    const dom = performance.now();
    requestAnimationFrame(() => {
      performance.mark('bench:chart-dom', { startTime: dom });
      performance.mark('bench:chart-frame');
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
})();`;

function kindOf(r: ServedRequest): Kind {
  const ext = extname(r.file ?? new URL(r.url, 'http://x').pathname).toLowerCase();
  if (ext === '.html' || ext === '') return 'html';
  if (ext === '.css') return 'css';
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.wasm') return 'engine';
  if (['.parquet', '.json', '.csv', '.arrow', '.duckdb'].includes(ext)) return 'data';
  return 'other';
}

/** Bytes of a whole file's `.br` twin, where the build wrote one; a Range response, or a file without one, counts as sent. */
function brotliBytes(r: ServedRequest): number {
  const twin = r.file === null ? null : `${r.file}.br`;
  if (r.status !== 200 || twin === null || !existsSync(twin)) return r.bytes;
  return Math.min(statSync(twin).size, r.bytes || Infinity);
}

function bytesOf(requests: ServedRequest[]): Bytes {
  const out = Object.fromEntries(KINDS.map((k) => [k, { brotli: 0, served: 0 }])) as Bytes;
  for (const r of requests) {
    if (r.method !== 'GET') continue;
    const k = kindOf(r);
    out[k].brotli += brotliBytes(r);
    out[k].served += r.bytes;
  }
  return out;
}

async function prepare(session: Session, network: Network): Promise<Page> {
  const page = await session.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: OBSERVER, worldName: 'bench', runImmediately: true });
  await emulateNetwork(session.context, page, network);
  await settle(page);
  return page;
}

/** Time to first chart (the later of its frame and first contentful paint) and HTML arrival; null chart if none came. */
async function chartTiming(page: Page, waitMs: number): Promise<{ chart: number | null; html: number | null }> {
  const read = () =>
    page.evaluate(() => {
      const frame = performance.getEntriesByName('bench:chart-frame')[0]?.startTime ?? null;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { frame, fcp, html: nav && nav.responseEnd > 0 ? nav.responseEnd : null };
    });
  const end = Date.now() + waitMs;
  let t = await read();
  while ((t.frame === null || t.fcp === null) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 25));
    t = await read();
  }
  return { chart: t.frame === null ? null : Math.max(t.frame, t.fcp ?? 0), html: t.html };
}

interface Controls {
  indicator: string;
  offered: string[];
  defaults: string[];
  defaultYears: [number, number];
  range: [number, number];
}

async function controlsOf(page: Page): Promise<Controls | null> {
  return page.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>('form[data-controls]');
    const host = form?.parentElement?.querySelector<HTMLElement>('.figure-host');
    const raw = host?.dataset['chart'] ?? host?.dataset['conventional'];
    if (!form || !host || !raw) return null;
    const spec = JSON.parse(raw) as { indicator: string; defaults: { geo: string[]; years: [number, number] } };
    return {
      indicator: spec.indicator,
      offered: [...form.querySelectorAll<HTMLOptionElement>('select[name=geo] option')].map((o) => o.value),
      defaults: spec.defaults.geo,
      defaultYears: spec.defaults.years,
      range: [Number(form.querySelector<HTMLInputElement>('input[name=from]')!.min), Number(form.querySelector<HTMLInputElement>('input[name=to]')!.max)] as [number, number],
    };
  });
}

interface View {
  geo: string[];
  years: [number, number];
}

/** Views unlike the default and unlike each other, each with data: sliding year windows and pairs of countries. */
async function viewsFor(c: Controls, n: number): Promise<View[]> {
  const views: View[] = [];
  for (let i = 0; views.length < n && i < n * 3; i++) {
    const hi = c.range[1] - (i % 4);
    const years: [number, number] = [Math.max(c.range[0], hi - 6), hi];
    const geos = (await geosWithData(c.indicator, years)).filter((g) => c.offered.includes(g) && !c.defaults.includes(g));
    const a = geos[(2 * i) % Math.max(1, geos.length)];
    const b = geos[(2 * i + 1) % Math.max(1, geos.length)];
    if (a && b && a !== b) views.push({ geo: [c.defaults[0]!, a, b], years });
  }
  return views;
}

/** Submits a view through the form and returns ms until the frame after the host reports it drawn. */
async function interact(page: Page, view: View, defaultYears: [number, number]): Promise<number> {
  return page.evaluate(
    async ({ geo, years, defaultYears, timeout }) => {
      const form = document.querySelector<HTMLFormElement>('form[data-controls]')!;
      const host = form.parentElement!.querySelector<HTMLElement>('.figure-host')!;
      const select = form.querySelector<HTMLSelectElement>('select[name=geo]')!;
      for (const o of select.options) o.selected = geo.includes(o.value);
      form.querySelector<HTMLInputElement>('input[name=from]')!.value = String(years[0]);
      form.querySelector<HTMLInputElement>('input[name=to]')!.value = String(years[1]);
      const param = (y: [number, number]) => (y[0] === y[1] ? String(y[0]) : `${y[0]}-${y[1]}`);
      const want = param(years);
      const wantDefault = param(defaultYears);
      const drawn = () => {
        const p = new URLSearchParams(host.dataset['state'] ?? '');
        const shown = (p.get('geo') ?? '').split(',');
        // The site's pages draw in the browser from view files; the baseline page with DuckDB-WASM.
        return (host.dataset['renderedBy'] === 'browser' || host.dataset['renderedBy'] === 'duckdb') && host.getAttribute('aria-busy') !== 'true' &&
          (p.get('years') ?? wantDefault) === want && shown.length === geo.length && geo.every((g) => shown.includes(g));
      };
      const t0 = performance.now();
      const done = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no redraw within ${timeout} ms; status: ${form.querySelector('[data-status]')?.textContent ?? ''}`));
        }, timeout);
        const observer = new MutationObserver(() => {
          if (!drawn()) return;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => resolve(performance.now()));
        });
        observer.observe(host, { attributes: true, childList: true });
      });
      select.dispatchEvent(new Event('input', { bubbles: true }));
      form.requestSubmit();
      return (await done) - t0;
    },
    { geo: view.geo, years: view.years, defaultYears, timeout: TIMEOUT },
  );
}

async function measure(server: StaticServer, target: Target, network: Network, js: boolean): Promise<Run> {
  const session = await openSession(server.origin, { javaScriptEnabled: js, blockForeign: false });
  try {
    const net = tracker(session, TIMEOUT);
    const page = await prepare(session, network);
    const first = server.requests.length;
    const response = await page.goto(new URL(target.path, server.origin).href, { waitUntil: 'load', timeout: TIMEOUT });
    if (!response?.ok()) {
      session.errors.push(`HTTP ${response?.status() ?? 'no response'} for ${target.path} (is the build current?)`);
      return { chart: null, html: null, bytes: bytesOf([]), requests: 0, cold: null, coldBytes: null, warm: [], foreign: session.foreign, errors: session.errors };
    }
    // Without JS the chart is either in the HTML or never comes; with JS the conventional page needs its engine.
    const timing = await chartTiming(page, js ? TIMEOUT : 1_000);
    await net.quiet();
    const before = server.requests.slice(first);
    const run: Run = { ...timing, bytes: bytesOf(before), requests: before.length, cold: null, coldBytes: null, warm: [], foreign: session.foreign, errors: session.errors };
    if (!js || timing.chart === null) return run;
    const controls = await controlsOf(page);
    if (!controls) return run;
    const views = await viewsFor(controls, 1 + WARM);
    const mark = server.requests.length;
    run.cold = await interact(page, views[0]!, controls.defaultYears);
    await net.quiet(200);
    run.coldBytes = server.requests.slice(mark).reduce((a, r) => a + (r.method === 'GET' ? r.bytes : 0), 0);
    for (const v of views.slice(1)) run.warm.push(await interact(page, v, controls.defaultYears));
    return run;
  } finally {
    await session.close();
  }
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const spread = (xs: (number | null)[]): [number, number] | null => {
  const ok = xs.filter((x): x is number => x !== null);
  return ok.length ? [Math.min(...ok), Math.max(...ok)] : null;
};
const medianOf = (runs: Run[], f: (r: Run) => number | null): number | null => {
  const xs = runs.map(f).filter((x): x is number => x !== null);
  return xs.length === runs.length ? median(xs) : null;
};

interface Summary {
  target: Target;
  network: Network;
  noJs: { chart: number | null; html: number | null; bytes: Bytes };
  js: { chart: number | null; html: number | null; bytes: Bytes; cold: number | null; coldSpread: [number, number] | null; chartSpread: [number, number] | null; coldBytes: number | null; warm: number | null; warmSpread: [number, number] | null };
  problems: string[];
}

function medianBytes(runs: Run[]): Bytes {
  return Object.fromEntries(
    KINDS.map((k) => [k, { brotli: median(runs.map((r) => r.bytes[k].brotli)) ?? 0, served: median(runs.map((r) => r.bytes[k].served)) ?? 0 }]),
  ) as Bytes;
}

async function summarize(server: StaticServer, target: Target, network: Network): Promise<Summary> {
  const noJs: Run[] = [];
  const js: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    noJs.push(await measure(server, target, network, false));
    js.push(await measure(server, target, network, true));
  }
  const problems = [...new Set([...noJs, ...js].flatMap((r) => [...r.foreign.map((u) => `request outside the origin: ${u}`), ...r.errors]))];
  return {
    target,
    network,
    noJs: { chart: medianOf(noJs, (r) => r.chart), html: medianOf(noJs, (r) => r.html), bytes: medianBytes(noJs) },
    js: {
      chart: medianOf(js, (r) => r.chart),
      html: medianOf(js, (r) => r.html),
      bytes: medianBytes(js),
      cold: medianOf(js, (r) => r.cold),
      coldSpread: spread(js.map((r) => r.cold)),
      chartSpread: spread(noJs.map((r) => r.chart)),
      coldBytes: medianOf(js, (r) => r.coldBytes),
      warm: median(js.flatMap((r) => r.warm)),
      warmSpread: js.flatMap((r) => r.warm).length ? [Math.min(...js.flatMap((r) => r.warm)), Math.max(...js.flatMap((r) => r.warm))] : null,
    },
    problems,
  };
}

const kb = (n: number) => (n / 1024).toFixed(1);
const ms = (n: number | null) => (n === null ? '—' : n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)}`);
const pad = (s: string, n: number) => s.padStart(n);
const total = (b: Bytes, kinds: readonly Kind[] = KINDS, f: 'brotli' | 'served' = 'brotli') => kinds.reduce((a, k) => a + b[k][f], 0);

const range = (r: [number, number] | null) => (r === null ? '' : ` (${ms(r[0])}–${ms(r[1])})`);

/**
 * The least time a page's first chart can take: a connection and a request for the HTML, a request for its CSS
 * (render-blocking), and their bytes at the link's bandwidth. Loopback has no such limit worth printing.
 */
function physicalLimit(s: Summary): number | null {
  const c = s.network.conditions;
  if (c === null) return null;
  const bytes = s.noJs.bytes.html.brotli + s.noJs.bytes.css.brotli;
  return 3 * c.latency + (bytes / c.downloadThroughput) * 1000;
}

function printTable(rows: Summary[]) {
  console.log(
    `  ${'page'.padEnd(18)}${pad('HTML', 8)}${pad('CSS', 7)}${pad('JS', 7)}${pad('data', 8)}${pad('engine', 9)}${pad('total', 9)}` +
      `${pad('chart, no JS (min–max)', 24)}${pad('limit', 7)}${pad('chart, JS', 11)}${pad('1st change (min–max)', 24)}${pad('moved', 8)}${pad('warm (min–max)', 18)}`,
  );
  for (const s of rows) {
    const b = s.js.bytes;
    const limit = physicalLimit(s);
    console.log(
      `  ${s.target.name.padEnd(18)}${pad(kb(b.html.brotli), 8)}${pad(kb(b.css.brotli), 7)}${pad(kb(b.js.brotli), 7)}${pad(kb(b.data.brotli), 8)}` +
        `${pad(kb(b.engine.brotli), 9)}${pad(kb(total(b)), 9)}` +
        `${pad(ms(s.noJs.chart) + range(s.js.chartSpread), 24)}${pad(limit === null ? '—' : ms(limit), 7)}${pad(ms(s.js.chart), 11)}` +
        `${pad(ms(s.js.cold) + range(s.js.coldSpread), 24)}${pad(s.js.coldBytes === null ? '—' : kb(s.js.coldBytes), 8)}${pad(ms(s.js.warm) + range(s.js.warmSpread), 18)}`,
    );
  }
}

const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? '—' : `${(a / b).toFixed(1)}×`);
const mark = (ok: boolean | null) => (ok === null ? 'n/a ' : ok ? 'ok  ' : 'MISS');

const BENCH_DIST = join(ROOT, '.tmp', 'bench-dist');

/**
 * The bench's own copy of the site, with the engine-first baseline page (astro.config.mjs, BENCH_BASELINE=1), built
 * from the same release as dist/ and precompressed the same way; rebuilt when the release or the page changed.
 */
async function baselineSite(): Promise<string> {
  const version = (dir: string) => (existsSync(join(dir, 'data', 'current.json')) ? readFileSync(join(dir, 'data', 'current.json'), 'utf8') : null);
  const page = join(BENCH_DIST, 'bench', 'conventional', 'index.html');
  const stale = !existsSync(page) || version(BENCH_DIST) !== version(DIST) || statSync(page).mtimeMs < statSync(join(ROOT, 'src', 'bench', 'conventional.astro')).mtimeMs;
  if (stale) {
    console.log('pages: building the baseline copy of the site (.tmp/bench-dist/, BENCH_BASELINE=1)…');
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], { cwd: ROOT, env: { ...process.env, BENCH_BASELINE: '1', ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  writeFloorPage();
  await precompressSite(BENCH_DIST, precompressCacheDir());
  return BENCH_DIST;
}

/**
 * The floor: the dashboard's own <head> (CSP, inlined CSS) and a body of one 10-unit SVG, so the bytes are the head's
 * and nothing else. What this browser needs to paint it on a link, beyond the physical limit, is the part of a
 * page's first-chart time that no page can save; a page's time above the floor is what its own HTML costs.
 */
function writeFloorPage(): void {
  const dashboard = readFileSync(join(DIST, 'trafficking-in-persons', 'index.html'), 'utf8');
  const head = dashboard.slice(0, dashboard.indexOf('</head>') + '</head>'.length);
  const body = '<body><main><h1>Floor</h1><div class="chart-svg"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="100"><rect width="10" height="10" fill="#0072B2"/></svg></div></main></body></html>';
  mkdirSync(join(BENCH_DIST, 'bench', 'floor'), { recursive: true });
  writeFileSync(join(BENCH_DIST, 'bench', 'floor', 'index.html'), head + body);
}

export async function benchPages(): Promise<boolean> {
  if (!hasDist()) {
    console.log('pages: skipped — dist/ does not exist; run `npm run build` first');
    return false;
  }
  // `npm run build` wrote the twins; a site built before that step existed gets them here (from the cache when it can).
  const twins = await precompressSite(DIST, precompressCacheDir());
  console.log(`pages: precompressed twins of ${twins.files.length} files ready (${twins.compressed} compressed now, ${twins.cached} from the cache) in ${(twins.ms / 1000).toFixed(1)} s`);
  const baselineDir = await baselineSite();
  const site = await serve();
  const baseline = await serve({ root: baselineDir });
  const serverOf = (t: Target) => (t.baseline ? baseline : site);
  const all: Summary[] = [];
  try {
    // One untimed load of each page warms the OS file cache.
    for (const t of TARGETS) await measure(serverOf(t), t, NETWORKS[0]!, true);
    for (const network of NETWORKS) for (const target of TARGETS) all.push(await summarize(serverOf(target), target, network));
  } finally {
    await site.close();
    await baseline.close();
  }

  console.log(`\npages, Chromium (${RUNS} runs per cell, each in a fresh profile, navigated ${SETTLE_MS} ms after the browser started; medians; warm = median of ${WARM} per run × ${RUNS})`);
  console.log('  bytes before interaction in KB, brotli at best quality (the build\'s .br twins); "served" = as sent in the run');
  console.log('  times in ms from navigation start: chart = first chart painted (spread over runs); limit = round trips + HTML/CSS bytes ÷ bandwidth;');
  console.log('  changes = submit → redrawn frame; moved = bytes the first change fetched, as served');
  for (const network of NETWORKS) {
    console.log(`\n  ${network.name}`);
    printTable(all.filter((s) => s.network === network));
  }

  console.log('\nratios: conventional page ÷ this page (higher is better for this page)');
  for (const network of NETWORKS) {
    const conv = all.find((s) => s.network === network && s.target === CONVENTIONAL)!;
    for (const s of all.filter((x) => x.network === network && x.target !== CONVENTIONAL && !x.target.floor)) {
      console.log(
        `  ${network.name.padEnd(22)} ${s.target.name.padEnd(18)} time to first chart: ${ratio(conv.js.chart, s.js.chart)} with JS, ` +
          `${ratio(conv.js.chart, s.noJs.chart)} against this page without JS; bytes before interaction: ${ratio(total(conv.js.bytes), total(s.js.bytes))}; ` +
          `JS before interaction: ${ratio(total(conv.js.bytes, ['js', 'engine']), total(s.js.bytes, ['js', 'engine']))}`,
      );
    }
  }

  console.log('\nbudgets (issue 7 and DESIGN.md "Performance budgets"; printed, never asserted)');
  for (const s of all.filter((x) => x.target !== CONVENTIONAL && !x.target.floor)) {
    const floor = all.find((x) => x.network === s.network && x.target === FLOOR)!;
    const firstView = total(s.noJs.bytes, ['html', 'css', 'other']);
    const limit = physicalLimit(s);
    const speed = s.network.conditions === null ? null : s.network.conditions.latency >= 150 ? 3000 : 1000;
    const lines = [
      `${mark(s.noJs.chart !== null)} chart visible with zero JavaScript (${ms(s.noJs.chart)} ms)`,
      `${mark(firstView <= 100 * 1024)} first view ≤ 100 KB brotli (${kb(firstView)} KB)`,
      limit === null ? null : `${mark(s.noJs.chart === null ? null : s.noJs.chart <= 1.5 * limit)} first chart within 1.5× the physical limit (${ms(s.noJs.chart)} ms; limit ${ms(limit)} ms; ${ratio(s.noJs.chart, limit)})`,
      `     the one-SVG floor page: ${ms(floor.noJs.chart)} ms (${ratio(floor.noJs.chart, physicalLimit(floor))} its own limit); this page ${ratio(s.noJs.chart, floor.noJs.chart)} the floor`,
      speed === null ? null : `${mark(s.js.cold === null ? null : s.js.cold < speed)} first change of a control < ${speed / 1000} s (${ms(s.js.cold)} ms)`,
      `${mark(s.js.coldBytes === null ? null : s.js.coldBytes <= 100 * 1024)} first change moves ≤ 100 KB (${s.js.coldBytes === null ? '—' : kb(s.js.coldBytes)} KB)`,
      `${mark(s.js.warm === null ? null : s.js.warm < 50)} warm changes < 50 ms (${ms(s.js.warm)} ms)`,
    ].filter((l): l is string => l !== null);
    console.log(`  ${s.network.name}, ${s.target.name}:\n    ${lines.join('\n    ')}`);
  }

  const problems = all.flatMap((s) => s.problems.map((p) => `${s.network.name}, ${s.target.name}: ${p}`));
  if (problems.length > 0) {
    console.log(`\nproblems seen during the runs (${problems.length}):`);
    for (const p of problems.slice(0, 20)) console.log(`  ${p.split('\n')[0]}`);
  }
  return problems.length === 0;
}
