/**
 * `npm run lighthouse`: Lighthouse's Performance category, mobile (its default emulation and simulated throttling),
 * on one page of each type of the built site, served on loopback by the site's own server as a static host would:
 * with the brotli twins `npm run build` writes (without them pages go uncompressed, and the script says so). Each run gets
 * a fresh Chromium (`CHROME_PATH`, default /usr/bin/chromium) and profile; it prints the median, min and max score
 * and the median FCP, LCP, TBT and CLS per page, and the machine's load before and after, since Lighthouse's CPU
 * figures depend on what else the machine is doing. Scores are printed, never asserted (not part of `npm test`).
 * `LIGHTHOUSE_RUNS` (default 3) sets the runs per page; `LIGHTHOUSE_ONLY=/path/,/other/` limits the pages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir, uptime } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { DIST, hasDist, NO_DIST_REASON, serve } from '../../tests/e2e/support/server.ts';

const RUNS = Math.max(1, Number(process.env['LIGHTHOUSE_RUNS'] ?? 3));
const CHROME = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu'];

/** One page of each type the site has. */
const PAGES: { type: string; path: string }[] = [
  { type: 'home', path: '/' },
  { type: 'domain dashboard', path: '/trafficking-in-persons/' },
  { type: 'indicator page', path: '/indicator/tip_victims_detected/' },
  { type: 'country profile', path: '/country/KEN/' },
  { type: 'countries list', path: '/countries/' },
  { type: 'data page', path: '/data/' },
  // Lighthouse stops on a 404 status, so the not-found page is measured at its own address (served with 200).
  { type: '404', path: '/404.html' },
];

interface Result {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
}

/** Starts Chromium with a DevTools port of its choosing and returns the port it printed. */
function startChrome(profile: string): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(CHROME, [...FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((ok, fail) => {
    let err = '';
    const timer = setTimeout(() => fail(new Error(`${CHROME} printed no DevTools port in 30 s:\n${err}`)), 30_000);
    proc.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        ok({ proc, port: Number(m[1]) });
      }
    });
    proc.once('error', (e) => {
      clearTimeout(timer);
      fail(new Error(`cannot start ${CHROME}: ${e.message}`));
    });
  });
}

async function stopChrome(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((ok) => proc.once('exit', ok));
  proc.kill('SIGTERM');
  await exited;
}

async function runOnce(url: string): Promise<Result> {
  const profile = mkdtempSync(join(tmpdir(), 'lighthouse-'));
  const { proc, port } = await startChrome(profile);
  try {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      score: Math.round((lhr.categories['performance']?.score ?? Number.NaN) * 100),
      fcp: metric('first-contentful-paint'),
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
    };
  } finally {
    await stopChrome(proc);
    // Chromium's helpers may still be writing to the profile for a moment after the browser has exited.
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function load(): string {
  const [one, five, fifteen] = loadavg().map((l) => l.toFixed(2));
  return `load average ${one}, ${five}, ${fifteen} (up ${Math.round(uptime() / 60)} min)`;
}

async function main(): Promise<void> {
  if (!hasDist()) throw new Error(`lighthouse ${NO_DIST_REASON}`);
  const only = process.env['LIGHTHOUSE_ONLY']?.split(',').filter(Boolean);
  const pages = only ? PAGES.filter((p) => only.includes(p.path)) : PAGES;
  if (!existsSync(join(DIST, 'index.html.br'))) console.warn(`${DIST} has no precompressed twins (npm run precompress): pages are served uncompressed`);
  const server = await serve();
  console.log(`Lighthouse mobile, Performance only, ${RUNS} run(s) per page, ${CHROME}; before: ${load()}`);
  console.log(['page'.padEnd(40), 'score med [min–max]', '   FCP ms', '   LCP ms', '  TBT ms', '   CLS'].join(' '));
  try {
    for (const page of pages) {
      const runs: Result[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await runOnce(`${server.origin}${page.path}`));
      const scores = runs.map((r) => r.score);
      const med = (k: keyof Result) => median(runs.map((r) => r[k]));
      console.log(
        [
          `${page.type} ${page.path}`.padEnd(40),
          `${String(med('score')).padStart(3)} [${Math.min(...scores)}–${Math.max(...scores)}]`.padEnd(19),
          med('fcp').toFixed(0).padStart(9),
          med('lcp').toFixed(0).padStart(9),
          med('tbt').toFixed(0).padStart(8),
          med('cls').toFixed(3).padStart(6),
        ].join(' '),
      );
    }
  } finally {
    await server.close();
  }
  console.log(`after: ${load()}`);
}

await main();
