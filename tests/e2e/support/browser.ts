/**
 * Chromium driven by playwright-core, each session in a fresh profile (nothing cached, nothing stored): Debian's
 * /usr/bin/chromium where it is installed, else the one `npm install` brought (packaged-chromium.ts).
 * A session records every request: one to anywhere but the site's origin is aborted and reported, and so are console
 * errors, uncaught page errors, failed requests and HTTP errors — the tests assert that all of these lists are empty.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { packagedChromium, packagedChromiumBin, type BrowserBinary } from './packaged-chromium.ts';
import { ROOT } from './server.ts';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
/** `CHROMIUM_PATH`: a browser binary to use, or `npm` for the packaged one even where Debian's is installed. */
const CHOSEN = process.env['CHROMIUM_PATH'];
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Fails (never skips) when no browser can be had: a green run must have driven a real browser. Whether the packaged
 * one then starts is for the launch to prove.
 */
export function requireChromium(): void {
  if (CHOSEN && CHOSEN !== 'npm' && !existsSync(CHOSEN)) throw new Error(`CHROMIUM_PATH=${CHOSEN}: no such file`);
  if (CHOSEN === 'npm' || !existsSync(CHOSEN ?? SYSTEM_CHROMIUM)) {
    if (!packagedChromiumBin()) {
      throw new Error(`no Chromium: none at ${SYSTEM_CHROMIUM} and no @sparticuz/chromium for ${process.platform}-${process.arch} — run \`npm install\`, install Debian's (\`apt-get install -y chromium\`), or set CHROMIUM_PATH`);
    }
  }
}

let chosen: Promise<BrowserBinary> | undefined;

/** The browser the sessions start (unpacking the packaged one at the first call of a process). */
export function chromiumBinary(): Promise<BrowserBinary> {
  requireChromium();
  const path = CHOSEN === 'npm' ? null : (CHOSEN ?? (existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : null));
  chosen ??= path ? Promise.resolve({ executablePath: path, env: {}, origin: path }) : packagedChromium(join(ROOT, '.tmp', 'chromium'));
  return chosen;
}

/** Where a request may go without leaving the machine: the site itself, and in-page data/blob URLs. */
function local(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) || url === origin || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank';
}

export interface SessionOptions {
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
  /**
   * Abort requests to anywhere but the origin (default). Off for timing runs: routing makes every request wait for
   * the driver; foreign requests are then still listed (and the page's CSP blocks them).
   */
  blockForeign?: boolean;
  /** Let the site's service worker run (default: blocked, so that every other test sees the network as it is). */
  serviceWorkers?: 'allow' | 'block';
}

export interface Session {
  context: BrowserContext;
  /** Every URL requested, in order (page, workers, fetches). */
  requests: string[];
  /** Requests to anywhere but the origin (aborted before they left). */
  foreign: string[];
  /** Console errors, uncaught exceptions, failed requests and HTTP error responses. */
  errors: string[];
  newPage(): Promise<Page>;
  /** Navigates a new page and waits for the load event. */
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function openSession(origin: string, options: SessionOptions = {}): Promise<Session> {
  const browser = await chromiumBinary();
  const profile = mkdtempSync(join(tmpdir(), 'cto-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.executablePath,
    env: { ...process.env, ...browser.env },
    headless: true,
    args: CHROMIUM_ARGS,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    serviceWorkers: options.serviceWorkers ?? 'block',
  }).catch((e: unknown) => {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`could not start Chromium from ${browser.origin}: ${e instanceof Error ? e.message : String(e)}`);
  });
  const requests: string[] = [];
  const foreign: string[] = [];
  const errors: string[] = [];
  if (options.blockForeign ?? true) {
    await context.route(
      (url) => !local(url.href, origin),
      async (route) => {
        foreign.push(route.request().url());
        await route.abort('blockedbyclient');
      },
    );
  }
  context.on('request', (r) => {
    requests.push(r.url());
    if (!(options.blockForeign ?? true) && !local(r.url(), origin)) foreign.push(r.url());
  });
  context.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location().url;
    errors.push(`console error${m.worker() ? ' (worker)' : ''}: ${m.text()}${where ? ` at ${where}` : ''}`);
  });
  context.on('weberror', (e) => errors.push(`uncaught: ${e.error().stack ?? e.error().message}`));
  context.on('requestfailed', (r) => {
    if (local(r.url(), origin)) errors.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? 'unknown'})`);
  });
  context.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const newPage = async () => {
    // A persistent context opens with one blank page; use it first so no stray tab stays around.
    const blank = context.pages().find((p) => p.url() === 'about:blank');
    return blank ?? context.newPage();
  };
  return {
    context,
    requests,
    foreign,
    errors,
    newPage,
    async open(path) {
      const page = await newPage();
      await page.goto(new URL(path, origin).href, { waitUntil: 'load' });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
