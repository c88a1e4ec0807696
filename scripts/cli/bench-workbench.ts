/**
 * `BENCH_ONLY=workbench npm run bench`: the SQL workbench (/explore/) of the built site in Chromium, served as
 * bench-pages.ts serves it. Engine cold start: from pressing Run on `SELECT 42` (no table) in a fresh profile to its
 * result shown, the engine's download included, on loopback and at 10 Mbit/s with 40 ms round trips. Warm queries:
 * each example query (the page's own buttons) once to load its tables, then BENCH_WARM more times, from the click to
 * the result shown; median and spread. The machine's load is printed with the times, which are never asserted.
 */
import type { Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { hasDist, serve, type StaticServer } from '../../tests/e2e/support/server.ts';
import { openSession } from '../../tests/e2e/support/browser.ts';
import { emulateNetwork, FAST, LOOPBACK, type Network } from './bench-networks.ts';

const RUNS = Math.max(1, Number(process.env['BENCH_PAGE_RUNS'] ?? 3));
const WARM = Math.max(1, Number(process.env['BENCH_WARM'] ?? 5));
const TIMEOUT = 180_000;

const NETWORKS = [LOOPBACK, FAST];

/** Click → the status says the result is shown (or that it failed), timed in the page. */
function timedRun(page: Page, click: string): Promise<{ ms: number; status: string }> {
  return page.evaluate(async ({ click, timeout }) => {
    const status = document.getElementById('status')!;
    const t0 = performance.now();
    (document.querySelector(click) as HTMLButtonElement).click();
    const end = t0 + timeout;
    while (!/rows in|did not run/.test(status.textContent ?? '') && performance.now() < end) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => requestAnimationFrame(r));
    return { ms: performance.now() - t0, status: status.textContent ?? '' };
  }, { click, timeout: TIMEOUT });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const summary = (xs: number[]) => xs.length === 0 ? '—' : `median ${Math.round(median(xs))} ms (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}, n=${xs.length})`;

async function coldStart(server: StaticServer, network: Network): Promise<number> {
  const session = await openSession(server.origin, { blockForeign: false });
  try {
    const page = await session.newPage();
    await emulateNetwork(session.context, page, network);
    await page.goto(new URL('/explore/', server.origin).href, { waitUntil: 'load', timeout: TIMEOUT });
    await page.fill('#sql', 'SELECT 42 AS answer');
    const { ms, status } = await timedRun(page, '#run');
    if (!/rows in/.test(status)) throw new Error(`cold start on ${network.name}: ${status}`);
    return ms;
  } finally {
    await session.close();
  }
}

async function warmQueries(server: StaticServer): Promise<{ title: string; first: number; warm: number[] }[]> {
  const session = await openSession(server.origin, { blockForeign: false });
  try {
    const page = await session.open('/explore/');
    const titles = await page.$$eval('details.example summary', (s) => s.map((x) => x.textContent ?? ''));
    const out: { title: string; first: number; warm: number[] }[] = [];
    for (const [i, title] of titles.entries()) {
      const button = `button[data-example="${i}"]`;
      const first = await timedRun(page, button);
      if (!/rows in/.test(first.status)) throw new Error(`${title}: ${first.status}`);
      const warm: number[] = [];
      for (let k = 0; k < WARM; k++) warm.push((await timedRun(page, button)).ms);
      out.push({ title, first: first.ms, warm });
    }
    return out;
  } finally {
    await session.close();
  }
}

export async function benchWorkbench(): Promise<boolean> {
  if (!hasDist()) {
    console.log('workbench: skipped — dist/ does not exist; run `npm run build` first');
    return false;
  }
  const server = await serve();
  try {
    const load = () => `${execFileSync('uptime', { encoding: 'utf8' }).trim()} (loadavg ${loadavg().map((x) => x.toFixed(2)).join(' ')})`;
    console.log(`\nworkbench (/explore/), Chromium; load before: ${load()}`);
    await coldStart(server, LOOPBACK); // untimed: warms the OS file cache
    console.log(`  engine cold start, fresh profile, Run on SELECT 42 → result shown (engine download and start included), ${RUNS} runs:`);
    for (const network of NETWORKS) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await coldStart(server, network));
      console.log(`    ${network.name.padEnd(22)} ${summary(times)}`);
    }
    console.log(`  example queries, loopback: first run (loads its tables), then ${WARM} warm runs, click → result shown:`);
    for (const q of await warmQueries(server)) console.log(`    ${q.title.slice(0, 70).padEnd(72)} first ${Math.round(q.first)} ms; warm ${summary(q.warm)}`);
    console.log(`  load after: ${load()}`);
    return true;
  } finally {
    await server.close();
  }
}
