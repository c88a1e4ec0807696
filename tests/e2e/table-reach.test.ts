/**
 * A figure's data table on a 390 px phone, in Chromium without JavaScript: every column can be scrolled into view
 * inside the table's own box, by mouse or keyboard, and the first column (the year or place a row is about) stays in
 * view while it scrolls. The figure's box clips what overflows it (content-visibility), so a table wider than the
 * figure once lost its right-hand columns there, out of reach.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { serve, type StaticServer } from './support/server.ts';
import { openSession, requireChromium, type Session } from './support/browser.ts';
import { BUILT, setUp, title } from './support/suite.ts';

/** Pages whose figures carry tables wider than a phone (a column per category: firearm types, medicine classes…). */
const PAGES = ['/trafficking-in-persons/', '/firearms/', '/falsified-medicines/', '/indicator/tip_victims_detected/'];

describe.skipIf(!BUILT)(title('figure tables on a phone'), () => {
  let server: StaticServer;
  let session: Session;

  const ready = setUp(async () => {
    requireChromium();
    server = await serve();
    session = await openSession(server.origin, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it.each(PAGES)('%s: every column of every figure table scrolls into view, the first column staying in view', async (path) => {
    ready();
    const page = await session.open(path);
    const found = await page.evaluate(() => {
      const out = { tables: 0, wider: 0, unreachable: [] as string[], firstLost: [] as string[] };
      for (const details of document.querySelectorAll<HTMLDetailsElement>('figure.chart-figure details.chart-table')) {
        const table = details.querySelector('table');
        if (!table) continue;
        details.open = true;
        details.scrollIntoView();
        const figure = details.closest('figure')!.getBoundingClientRect();
        const name = table.caption?.textContent ?? '?';
        out.tables++;
        if (table.getBoundingClientRect().width > figure.width) out.wider++;
        const heads = [...table.querySelectorAll('thead th')];
        details.scrollLeft = details.scrollWidth;
        const box = details.getBoundingClientRect();
        // What a reader can see of the table: its own box, inside the figure's.
        const right = Math.min(box.right, figure.right);
        const left = Math.max(box.left, figure.left);
        const last = heads[heads.length - 1]!.getBoundingClientRect();
        if (last.right > right + 1) out.unreachable.push(`${name}: last column ends at ${Math.round(last.right)} px, visible to ${Math.round(right)} px`);
        const first = heads[0]!.getBoundingClientRect();
        if (first.left < left - 1) out.firstLost.push(`${name}: first column at ${Math.round(first.left)} px after scrolling, box from ${Math.round(left)} px`);
        details.scrollLeft = 0;
        details.open = false;
      }
      return out;
    });
    expect(found.tables, 'figures with a table on the page').toBeGreaterThan(0);
    expect(found.wider, 'tables wider than their figure (else this page tests nothing)').toBeGreaterThan(0);
    expect(found.unreachable).toEqual([]);
    expect(found.firstLost).toEqual([]);
  });

  it('a wide table scrolls by keyboard: arrow keys from its focused summary', async () => {
    ready();
    const page = await session.open('/firearms/');
    const table = page.locator('details.chart-table', { has: page.locator('caption', { hasText: 'Firearms seized by type, Colombia' }) });
    await table.locator('summary').focus();
    await page.keyboard.press('Enter');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => table.evaluate((d) => ({ open: (d as HTMLDetailsElement).open, scrolled: d.scrollLeft > 0 }))).toEqual({ open: true, scrolled: true });
  });
});
