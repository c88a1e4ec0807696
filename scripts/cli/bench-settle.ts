/**
 * How long a freshly started browser is left alone before a bench navigates it. Chromium spends its first second on
 * its own start-up (profile, WebUI of its top chrome), and on two cores that work ran beside the page's first load:
 * the one-SVG floor page took 1.5× its own physical limit navigated at once and 1.1× after 1.5 s (n = 5 each). A
 * visitor's browser is already running; only the profile (the cache) is fresh. BENCH_SETTLE_MS=0 measures the old way.
 */
import type { Page } from 'playwright-core';

export const SETTLE_MS = Math.max(0, Number(process.env['BENCH_SETTLE_MS'] ?? 1500));

/** Waits out the browser's start-up on `page` (a page of a session just opened). */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(SETTLE_MS);
}
