/**
 * Chart text as a reader sees it, in Chromium: on a 390 px phone and a 1366 px laptop, every visible word of every
 * figure (in a drawing, over a map, in a map's key) is drawn at 11 px or more, and no drawing is wider than its
 * figure. Sizes are measured on screen (font size × the drawing's scale), not taken from the chart code.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { serve, type StaticServer } from './support/server.ts';
import { openSession, requireChromium, type Session } from './support/browser.ts';
import { BUILT, setUp, title } from './support/suite.ts';

const PAGES = ['/', '/trafficking-in-persons/', '/migrant-smuggling/', '/indicator/smg_dead/', '/country/KEN/'];
/** A phone; a window whose grids keep one column at their widest (site.css .grid); a desktop. */
const WIDTHS = [390, 800, 1366];

interface Measured {
  words: number;
  smallest: { text: string; px: number } | null;
  tooWide: string[];
  /** Figures drawn in several layouts that show other than exactly one of them. */
  notOneLayout: string[];
}

describe.skipIf(!BUILT)(title('chart text on screen'), () => {
  let server: StaticServer;
  const sessions = new Map<number, Session>();

  const ready = setUp(async () => {
    requireChromium();
    server = await serve();
    for (const width of WIDTHS) sessions.set(width, await openSession(server.origin, { javaScriptEnabled: false, viewport: { width, height: 900 } }));
  });

  afterAll(async () => {
    for (const s of sessions.values()) await s.close();
    await server?.close();
  });

  const cases = WIDTHS.flatMap((width) => PAGES.map((path) => ({ width, path })));

  it.each(cases)('$path at $width px: every visible word of a figure is 11 px or more, every drawing fits its figure and shows one layout', async ({ width, path }) => {
    ready();
    const page = await sessions.get(width)!.open(path);
    const measured = await page.evaluate((): Measured => {
      let words = 0;
      let smallest: Measured['smallest'] = null;
      const note = (text: string, px: number) => {
        words++;
        if (!smallest || px < smallest.px) smallest = { text, px: Math.round(px * 10) / 10 };
      };
      for (const fig of document.querySelectorAll<HTMLElement>('figure.chart-figure')) {
        for (const t of fig.querySelectorAll<SVGTextElement>('.chart-svg text')) {
          if (!t.checkVisibility() || !(t.textContent ?? '').trim()) continue;
          const m = t.getScreenCTM()!;
          note(t.textContent!, parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b));
        }
        for (const el of fig.querySelectorAll<HTMLElement>('.map-key p, .map-key li span')) {
          if (el.checkVisibility()) note(el.textContent ?? '', parseFloat(getComputedStyle(el).fontSize));
        }
      }
      const tooWide = [...document.querySelectorAll<HTMLElement>('figure.chart-figure')].flatMap((fig) => {
        const inner = fig.querySelector('.chart-svg')!.getBoundingClientRect().width;
        return [...fig.querySelectorAll('.chart-svg svg')].filter((s) => s.checkVisibility() && s.getBoundingClientRect().width > inner + 1).map(() => fig.id);
      });
      const notOneLayout = [...document.querySelectorAll<HTMLElement>('figure.chart-figure')]
        .filter((fig) => fig.querySelector('.chart-layout') && [...fig.querySelectorAll('.chart-layout')].filter((l) => l.checkVisibility()).length !== 1)
        .map((fig) => fig.id);
      return { words, smallest, tooWide, notOneLayout };
    });
    expect(measured.words, 'words measured').toBeGreaterThan(20);
    expect(measured.smallest!.px, `smallest word: "${measured.smallest!.text}"`).toBeGreaterThanOrEqual(11);
    expect(measured.tooWide).toEqual([]);
    expect(measured.notOneLayout, 'figures showing no layout or several').toEqual([]);
    await page.close();
  });
});
