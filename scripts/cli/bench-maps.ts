/**
 * `npm run bench`, maps: the first change of a world map's year control on the built site, in Debian's Chromium,
 * served as a production host serves it (`npm run serve`'s handler: precompressed brotli, Range requests), each run
 * in a fresh profile (nothing of the redraw loaded yet) of a browser that has finished starting (bench-settle.ts):
 * the bytes the change moved (as served, by kind: the chart code and the view file), the time from the key's event to
 * the frame after the map is redrawn, on loopback and under Chromium's network emulation, and a second change (warm).
 * Every year control of every dashboard, and an indicator page's map. Printed against the budgets of issue 7
 * (≤ 100 KB moved, warm changes under 50 ms); never asserted.
 */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { DIST, hasDist, serve, type ServedRequest, type StaticServer } from '../../tests/e2e/support/server.ts';
import { openSession } from '../../tests/e2e/support/browser.ts';
import { settle } from './bench-settle.ts';
import { emulateNetwork, FAST, LOOPBACK, SLOW, tracker, type Network } from './bench-networks.ts';

const RUNS = Math.max(1, Number(process.env['BENCH_PAGE_RUNS'] ?? 3));
const TIMEOUT = 120_000;

interface Target {
  path: string;
  /** The control's chart id: `map`, `flows-0`. */
  control: string;
}
const DASHBOARDS = ['trafficking-in-persons', 'migrant-smuggling', 'firearms', 'wildlife', 'falsified-medicines', 'cybercrime'];
const INDICATOR_MAP = '/indicator/tip_victims_detected/?tab=map';

/** Every year control of every dashboard, as the built pages have them (choropleths, flow and point maps), and an indicator page's map. */
function targets(): Target[] {
  const controls = (page: string) => [...readFileSync(join(DIST, page, 'index.html'), 'utf8').matchAll(/data-map-controls="([^"]+)"/g)].map((m) => m[1]!);
  return [
    ...DASHBOARDS.flatMap((d) => controls(d).map((control) => ({ path: `/${d}/`, control }))),
    { path: INDICATOR_MAP, control: 'map' },
  ];
}

const NETWORKS = [LOOPBACK, FAST, SLOW];

interface Run {
  bytes: { js: number; data: number; other: number };
  files: string[];
  cold: number;
  warm: number;
}

function kindOf(r: ServedRequest): 'js' | 'data' | 'other' {
  const ext = extname(new URL(r.url, 'http://x').pathname).toLowerCase();
  return ext === '.js' ? 'js' : ext === '.parquet' || ext === '.json' ? 'data' : 'other';
}

/**
 * Presses `key` on the control's slider; ms from the key's event to the frame after the host shows a year other than
 * the one it showed, timed in the page as the pages bench times its changes (the driver's round trips and a polling
 * predicate are not the page's cost, and a predicate polled every frame would compete with it for the main thread).
 */
async function step(page: Page, control: string, key: string): Promise<{ ms: number; year: string }> {
  const range = page.locator(`[data-map-controls="${control}"] input[type=range]`);
  await range.focus();
  await page.evaluate(
    ([c, timeout]) => {
      const host = [...document.querySelectorAll<HTMLElement>('.figure-host[data-map]')].find((h) => h.dataset['map']?.includes(`"chartId":"${c}"`))!;
      const input = document.querySelector<HTMLInputElement>(`[data-map-controls="${c}"] input[type=range]`)!;
      const before = host.dataset['years'];
      const drawn = () => host.dataset['renderedBy'] === 'browser' && !host.hasAttribute('aria-busy') && host.dataset['years'] !== before;
      (window as unknown as { benchStep: Promise<[number, string]> }).benchStep = new Promise((resolve, reject) => {
        let t0: number | null = null;
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no redraw within ${timeout} ms`));
        }, timeout);
        const observer = new MutationObserver(() => {
          if (t0 === null || !drawn()) return;
          observer.disconnect();
          clearTimeout(timer);
          const start = t0;
          requestAnimationFrame(() => resolve([performance.now() - start, host.dataset['years'] ?? '']));
        });
        // Capture, on the slider: before the page's own listeners, which may redraw within the same event.
        input.addEventListener('keydown', (e) => { t0 = e.timeStamp; }, { capture: true, once: true });
        observer.observe(host, { attributes: true, childList: true });
      });
    },
    [control, TIMEOUT] as const,
  );
  await page.keyboard.press(key);
  const [ms, year] = await page.evaluate(() => (window as unknown as { benchStep: Promise<[number, string]> }).benchStep);
  return { ms: Math.round(ms), year };
}

async function measure(server: StaticServer, target: Target, network: Network): Promise<Run> {
  const session = await openSession(server.origin, { blockForeign: false });
  try {
    const net = tracker(session, TIMEOUT);
    const page = await session.newPage();
    await emulateNetwork(session.context, page, network);
    await settle(page);
    await page.goto(new URL(target.path, server.origin).href, { waitUntil: 'networkidle', timeout: TIMEOUT });
    await page.locator(`[data-map-controls="${target.control}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
    const mark = server.requests.length;
    // From the whole view (the right end), one step left: the last year with values.
    const cold = await step(page, target.control, 'ArrowLeft');
    // What the first change started (a point map reads the years beside it ahead) ends before the second change, as
    // it would before a reader's next step; its bytes count as the first change's.
    await net.quiet();
    const moved = server.requests.slice(mark).filter((r) => r.method === 'GET');
    const warm = await step(page, target.control, 'ArrowLeft');
    const bytes = { js: 0, data: 0, other: 0 };
    for (const r of moved) bytes[kindOf(r)] += r.bytes;
    if (session.errors.length || session.foreign.length) throw new Error(`${target.path}: ${[...session.errors, ...session.foreign].join('; ')}`);
    return { bytes, files: moved.map((r) => `${new URL(r.url, server.origin).pathname}${r.range ? ` [${r.range}]` : ''} ${r.bytes}`), cold: cold.ms, warm: warm.ms };
  } finally {
    await session.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => (n / 1024).toFixed(1);

export async function benchMaps(): Promise<boolean> {
  if (!hasDist()) {
    console.log('maps: skipped — dist/ does not exist; run `npm run build` first');
    return false;
  }
  const server = await serve();
  let ok = true;
  try {
    console.log(`\nmaps: first change of a year control, and a second (warm), Chromium, ${RUNS} runs per cell in fresh profiles (medians, min–max; bytes as served: brotli where compressible)`);
    console.log(`  ${'page'.padEnd(50)}${'network'.padEnd(24)}${'moved KB'.padStart(9)}${'JS'.padStart(7)}${'data'.padStart(7)}${'1st change ms'.padStart(19)}${'warm ms'.padStart(15)}  budgets ≤ 100 KB, warm < 50 ms`);
    for (const network of NETWORKS) {
      for (const target of targets()) {
        const runs: Run[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await measure(server, target, network));
        const total = median(runs.map((r) => r.bytes.js + r.bytes.data + r.bytes.other));
        const warm = median(runs.map((r) => r.warm));
        const fits = total <= 100 * 1024 && warm < 50;
        if (!fits) ok = false;
        const spread = (xs: number[]) => `${median(xs)} (${Math.min(...xs)}–${Math.max(...xs)})`;
        console.log(
          `  ${`${target.path} ${target.control}`.padEnd(50)}${network.name.padEnd(24)}${kb(total).padStart(9)}${kb(median(runs.map((r) => r.bytes.js))).padStart(7)}` +
            `${kb(median(runs.map((r) => r.bytes.data))).padStart(7)}${spread(runs.map((r) => r.cold)).padStart(19)}${spread(runs.map((r) => r.warm)).padStart(15)}  ${fits ? 'ok' : 'MISS'}`,
        );
        if (network.conditions === null && process.env['BENCH_MAP_FILES']) for (const f of runs[0]!.files) console.log(`      ${f}`);
      }
    }
  } finally {
    await server.close();
  }
  return ok;
}
