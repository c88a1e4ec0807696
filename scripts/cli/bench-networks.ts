/**
 * The networks every browser bench runs on (issue 7's two links plus loopback), and how a page is put on one:
 * Chromium's DevTools network emulation on that page; and when a page's requests have stopped.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { Session } from '../../tests/e2e/support/browser.ts';

export interface Network {
  name: string;
  conditions: { offline: false; latency: number; downloadThroughput: number; uploadThroughput: number } | null;
}

export const LOOPBACK: Network = { name: 'loopback', conditions: null };
export const FAST: Network = { name: '10 Mbit/s, 40 ms RTT', conditions: { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 } };
export const SLOW: Network = { name: '1.6 Mbit/s, 150 ms RTT', conditions: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 } };

/** Throttles `page` to `network` (nothing for loopback). */
export async function emulateNetwork(context: BrowserContext, page: Page, network: Network): Promise<void> {
  if (!network.conditions) return;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', network.conditions);
}

/** Requests in flight in the browser, to wait until the page has stopped loading. */
export function tracker(session: Session, timeoutMs: number) {
  let inflight = 0;
  let last = Date.now();
  const up = () => {
    inflight++;
    last = Date.now();
  };
  const down = () => {
    inflight = Math.max(0, inflight - 1);
    last = Date.now();
  };
  session.context.on('request', up);
  session.context.on('requestfinished', down);
  session.context.on('requestfailed', down);
  return {
    async quiet(ms = 500, timeout = timeoutMs) {
      const end = Date.now() + timeout;
      while (Date.now() < end && (inflight > 0 || Date.now() - last < ms)) await new Promise((r) => setTimeout(r, 50));
      // Bytes counted while requests are still running would be short; a figure from a page that never settles is no figure.
      if (inflight > 0 || Date.now() - last < ms) throw new Error(`requests still in flight after ${timeout} ms (${inflight} open)`);
    },
  };
}
