/**
 * The browser sessions of an end-to-end file on the built site, served once for the file: each test's sessions are
 * checked after it (no request left the origin; no console error, page error or failed request) and closed, and the
 * server is closed after the file. Call inside the file's `describe`. With the checks and moves the map tests share.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, serve, type StaticServer } from './server.ts';
import { openSession, requireChromium, type Session, type SessionOptions } from './browser.ts';
import { setUp } from './suite.ts';

export interface CheckedSessions {
  /** A fresh browser profile on the file's server. */
  session(options?: SessionOptions): Promise<Session>;
  /** The file's server (started before the first test). */
  server(): StaticServer;
}

export function checkedSessions(): CheckedSessions {
  let server: StaticServer | undefined;
  const sessions: Session[] = [];
  const ready = setUp(async () => {
    requireChromium();
    server = await serve();
  });

  afterEach(async () => {
    const open = sessions.splice(0);
    try {
      for (const s of open) {
        expect(s.foreign, 'requests that left the origin').toEqual([]);
        expect(s.errors, 'console errors, page errors, failed requests').toEqual([]);
      }
    } finally {
      for (const s of open) await s.close();
    }
  });

  afterAll(async () => {
    await server?.close();
  });

  return {
    async session(options = {}) {
      ready();
      const s = await openSession(server!.origin, options);
      sessions.push(s);
      return s;
    },
    server() {
      ready();
      return server!;
    },
  };
}

/** axe-core's serious and critical violations on the page as it is now: none expected. */
export async function expectNoSeriousAxe(page: Page, where: string): Promise<void> {
  const axe = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(axe);
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe.run;
    return (await run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target) }));
  });
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), where).toEqual([]);
}

/**
 * Moves a world map's year slider (its control `[data-map-controls="<param>"]`) with the keyboard to `year` — Home,
 * then → to its position — and waits for the figure `#<figure>` redrawn for that year.
 */
export async function chooseMapYear(page: Page, param: string, figure: string, years: readonly number[], year: number): Promise<void> {
  const range = page.locator(`[data-map-controls="${param}"] input[type=range]`);
  await range.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < years.indexOf(year); i++) await page.keyboard.press('ArrowRight');
  expect(await range.getAttribute('aria-valuetext')).toBe(String(year));
  await page.waitForSelector(`.figure-host[data-rendered-by="browser"][data-years="${year}-${year}"]:not([aria-busy]) #${figure}`, { timeout: 30_000 });
}
