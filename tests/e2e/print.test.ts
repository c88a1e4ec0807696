/**
 * Printing, in Chromium: a dashboard, a country profile and their A4 handouts printed to PDF (page.pdf, A4). Where a
 * figure landed on paper is read from the PDF itself: the test puts a link at the top of each figure's chart block
 * (its caption) and one at its end (the source line) and reads, from the PDF's link annotations, the page each is on
 * (support/pdf-links.ts) — a chart block cut by a page break has its two links on two pages. The print view's DOM
 * (page.emulateMedia print) shows what is hidden and what is written out.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { distRelease, ROOT, serve, type StaticServer } from './support/server.ts';
import { openSession, requireChromium, type Session } from './support/browser.ts';
import { pagesWithLink, pdfPages, type PdfPage } from './support/pdf-links.ts';
import { BUILT, setUp, title } from './support/suite.ts';

const MARK = 'https://print-mark.invalid';
/** A4 in PDF points: 210 × 297 mm. */
const A4 = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 };

interface Printed {
  pages: PdfPage[];
  /** Each figure's title and the pages its chart block's first and last lines are on. */
  figures: { id: string; title: string; top: number[]; end: number[] }[];
}

/**
 * Marks each figure's chart block, prints the page to an A4 PDF, and takes the marks away again. A mark is a link in
 * the source line, where print.css writes out every link's address: the marks' own addresses are kept off paper, or
 * each would add a line of 4 px text under its figure (pages measured that a reader's printer does not make, and a
 * "second tiny URL" on the screenshots taken after).
 */
async function printPage(page: Page): Promise<Printed> {
  await page.emulateMedia({ media: 'print' });
  const figures = await page.evaluate((mark) => {
    const style = document.createElement('style');
    style.dataset['printMark'] = '';
    style.textContent = `a[data-print-mark]::after { content: none !important; }`;
    document.head.append(style);
    return [...document.querySelectorAll<HTMLElement>('figure.chart-figure')].map((fig) => {
      const link = (where: string) => {
        const a = document.createElement('a');
        a.href = `${mark}/${fig.id}/${where}`;
        a.dataset['printMark'] = '';
        a.textContent = '·';
        a.style.fontSize = '4px';
        return a;
      };
      fig.querySelector('figcaption h3')?.prepend(link('top'));
      fig.querySelector('.source')?.append(link('end'));
      return { id: fig.id, title: (fig.querySelector('figcaption h3')?.textContent ?? '').replace(/^·/, '').trim() };
    });
  }, MARK);
  const pages = pdfPages(await page.pdf({ format: 'A4' }));
  await page.evaluate(() => document.querySelectorAll('[data-print-mark]').forEach((e) => e.remove()));
  return {
    pages,
    figures: figures.map((f) => ({ ...f, top: pagesWithLink(pages, `${MARK}/${f.id}/top`), end: pagesWithLink(pages, `${MARK}/${f.id}/end`) })),
  };
}

/**
 * The addresses the print view writes out (print.css: a link's `::after`), in each figure and in the page's header:
 * what a reader finds on paper besides the text of the HTML.
 */
function writtenUrls(page: Page): Promise<{ where: string; urls: string[] }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('figure.chart-figure, .handout-head')].map((block) => {
      const urls: string[] = [];
      // Drawings write no addresses: their thousands of shapes are left out.
      for (const el of [block, ...block.querySelectorAll(':not(svg, svg *)')]) {
        if (!el.checkVisibility()) continue;
        for (const pseudo of ['::before', '::after']) {
          for (const m of getComputedStyle(el, pseudo).content.matchAll(/<([^<>]+)>/g)) urls.push(m[1]!);
        }
      }
      return { where: block.id || block.className, urls };
    }),
  );
}

/** The text column of A4 as both stylesheets print it (210 mm less 12 mm margins each side), in CSS px. */
const A4_COLUMN_PX = Math.round(((210 - 24) / 25.4) * 96);
/** 8 pt (8/72 in) in CSS px: the least a printed figure's text may be. */
const MIN_PRINTED_PX = (8 / 72) * 96;

/**
 * The smallest words of each printed figure: the print view laid out at the width Chromium prints it at, every visible
 * word of a drawing (font size × the drawing's scale), of its caption, caveat, source line and map key, in CSS px.
 */
async function smallestPrintedWords(page: Page): Promise<{ figure: string; text: string; px: number; layouts: number }[]> {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: A4_COLUMN_PX, height: 1000 });
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('figure.chart-figure')].map((fig) => {
      let smallest = { figure: fig.id, text: '', px: Infinity };
      const note = (text: string, px: number) => {
        if (text.trim() && px < smallest.px) smallest = { figure: fig.id, text: text.trim().slice(0, 40), px };
      };
      for (const t of fig.querySelectorAll<SVGTextElement>('.chart-svg text')) {
        const m = t.checkVisibility() ? t.getScreenCTM() : null;
        if (m) note(t.textContent ?? '', parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b));
      }
      for (const el of fig.querySelectorAll<HTMLElement>('figcaption h3, figcaption .subtitle, .caveat, .source, .map-key p, .map-key li span')) {
        if (el.checkVisibility()) note(el.textContent ?? '', parseFloat(getComputedStyle(el).fontSize));
      }
      // A chart drawn in several layouts prints exactly one of them (none printed would have no words to measure).
      const all = [...fig.querySelectorAll<HTMLElement>('.chart-svg > .chart-layout')];
      return { ...smallest, layouts: all.length === 0 ? 1 : all.filter((l) => l.checkVisibility()).length };
    }),
  );
}

function expectWholeCharts(printed: Printed, what: string): void {
  expect(printed.figures.length, `${what}: figures`).toBeGreaterThan(0);
  for (const p of printed.pages) {
    // Chromium prints A4 as 8.27 × 11.7 in: within 1 pt (0.35 mm) of it.
    expect(Math.abs(p.width - A4.width), `${what}: page width ${p.width} pt`).toBeLessThan(1);
    expect(Math.abs(p.height - A4.height), `${what}: page height ${p.height} pt`).toBeLessThan(1);
  }
  const cut = printed.figures.filter((f) => f.top.length !== 1 || f.end.length !== 1 || f.top[0] !== f.end[0]);
  expect(cut.map((f) => `${f.id}: caption on page ${f.top.join(',') || 'none'}, source line on page ${f.end.join(',') || 'none'}`), `${what}: chart blocks cut by a page break`).toEqual([]);
}

describe.skipIf(!BUILT)(title('print and handouts'), () => {
  let server: StaticServer;
  let session: Session;
  const release = BUILT ? distRelease().version : '';

  const ready = setUp(async () => {
    requireChromium();
    server = await serve();
    session = await openSession(server.origin, { viewport: { width: 1366, height: 900 } });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('prints a dashboard on A4 with no chart cut across pages, controls hidden, tables and permalinks written out', async () => {
    ready();
    const page = await session.open('/trafficking-in-persons/?geo=KEN,NGA');
    await page.locator('.figure-host[data-chart][data-rendered-by="browser"]').waitFor();
    await page.emulateMedia({ media: 'print' });
    const view = await page.evaluate(() => {
      const shown = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)].filter((e) => e.checkVisibility()).length;
      const permalink = document.querySelector<HTMLAnchorElement>('#trend-figure .source a[href]');
      return {
        nav: shown('header.site nav'),
        controls: shown('form.controls'),
        handoutLink: shown('.handout-link'),
        tables: [...document.querySelectorAll('details.chart-table table')].map((t) => t.getBoundingClientRect().height),
        permalink: permalink ? getComputedStyle(permalink, '::after').content : null,
      };
    });
    expect(view.nav, 'navigation printed').toBe(0);
    expect(view.controls, 'controls printed').toBe(0);
    expect(view.handoutLink, '"Print handout" link printed').toBe(0);
    expect(view.tables.length, 'figures with their table in the figure').toBeGreaterThan(0);
    expect(view.tables.filter((h) => h === 0), 'data tables left closed in print').toEqual([]);
    // The redrawn trend's permalink, written out in full after its link text.
    expect(view.permalink).toBe(`" <${server.origin}/trafficking-in-persons/?geo=KEN,NGA>"`);

    const printed = await printPage(page);
    expectWholeCharts(printed, 'dashboard');
    console.log(`dashboard /trafficking-in-persons/: ${printed.figures.length} figures on ${printed.pages.length} A4 pages`);
  });

  it('prints a country profile on A4 with no chart cut across pages', async () => {
    ready();
    const page = await session.open('/country/KEN/');
    const printed = await printPage(page);
    expectWholeCharts(printed, 'country profile');
    console.log(`country profile /country/KEN/: ${printed.figures.length} figures on ${printed.pages.length} A4 pages`);
  });

  it('a handout names the day it was accessed, in its header and its citation; without a script, the day it is printed', async () => {
    ready();
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const dayOf = (d: Date) => `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}`;
    const before = dayOf(new Date());
    const page = await session.open('/handout/country/KEN/');
    const header = await page.locator('.handout-head').innerText();
    const cite = await page.locator('[data-handout-cite]').innerText();
    const after = dayOf(new Date());
    const today = header.includes(`Accessed: ${after}.`) ? after : before; // the test may straddle midnight
    expect(header).toContain(`Accessed: ${today}.`);
    expect(await page.locator('.handout-head time[data-accessed]').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(cite).toContain(`data release ${release}. ${server.origin}/country/KEN/ (accessed ${today}).`);
    // The publishers first (whose numbers they are), the observatory second.
    const { sources } = JSON.parse(readFileSync(join(distRelease().dir, 'catalog.json'), 'utf8')) as { sources: { publisher: string }[] };
    expect(sources.some((s) => cite.startsWith(`${s.publisher}: `)), `begins with a publisher: ${cite.slice(0, 60)}`).toBe(true);
    expect(cite).toContain('”, in: Crime Trends Observatory, data release');

    const plain = await openSession(server.origin, { javaScriptEnabled: false });
    try {
      const noScript = await plain.open('/handout/country/KEN/');
      expect(await noScript.locator('.handout-head').innerText()).toContain('Accessed: the date of printing.');
      expect(await noScript.locator('[data-handout-cite]').innerText()).toContain(`data release ${release}. /country/KEN/ (accessed on the date of printing).`);
    } finally {
      await plain.close();
    }
  });

  // A sensible length: a dashboard's few large figures at most one a page; a profile's many small ones two a page
  // (side by side), plus a page's worth for the header and the sources.
  it.each([
    { handout: '/handout/trafficking-in-persons/', source: '/trafficking-in-persons/', perPage: 1 },
    { handout: '/handout/wildlife/', source: '/wildlife/', perPage: 1 },
    // Its rankings of 36 and 41 countries are the tallest the site draws.
    { handout: '/handout/country/KEN/', source: '/country/KEN/', perPage: 2 },
  ])('the handout $handout has the figures of $source, each whole on an A4 page', async ({ handout, source, perPage }) => {
    ready();
    const original = await session.open(source);
    const expected = await original.evaluate(() => [...document.querySelectorAll('figure.chart-figure h3')].map((h) => (h.textContent ?? '').trim()));
    const page = await session.open(handout);
    expect(await page.locator('.handout-head').innerText()).toContain(release);
    const permalink = page.locator('.handout-head a[data-permalink]');
    expect(await permalink.getAttribute('href')).toBe(source);
    expect(await permalink.getAttribute('data-print-url')).toBe(`${server.origin}${source}`);
    // On paper each link of the header and of a figure's source line is followed by its address, once: the links'
    // absolute URLs as the browser resolves them, and nothing else (a second copy, or another link's).
    await page.emulateMedia({ media: 'print' });
    const links = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('figure.chart-figure, .handout-head')].map((block) => ({
        where: block.id || block.className,
        urls: [...block.querySelectorAll<HTMLAnchorElement>('.source a[href], a[data-permalink]')].map((a) => a.href),
      })),
    );
    const written = await writtenUrls(page);
    expect(written, `${handout}: addresses written out on paper`).toEqual(links);
    expect(written.find((b) => b.where === 'handout-head')?.urls, `${handout}: the header's address`).toEqual([`${server.origin}${source}`]);
    const printed = await printPage(page);
    // The page the test printed (and the screenshot below) is again the page a reader prints.
    expect(await writtenUrls(page), `${handout}: addresses written out after the test's printing`).toEqual(links);
    expect(printed.figures.map((f) => f.title)).toEqual(expected);
    expectWholeCharts(printed, handout);
    expect(printed.pages.length, `${handout}: pages`).toBeLessThanOrEqual(Math.ceil(expected.length / perPage) + 1);
    console.log(`handout ${handout}: ${printed.figures.length} figures on ${printed.pages.length} A4 pages`);

    // Every figure prints one drawing, and every word of it at 8 pt or more.
    const words = await smallestPrintedWords(page);
    expect(words.filter((w) => w.layouts !== 1).map((w) => `${w.figure}: ${w.layouts} drawings`), `${handout}: drawings printed`).toEqual([]);
    const small = words.filter((w) => w.px < MIN_PRINTED_PX - 0.01);
    expect(small.map((w) => `${w.figure}: “${w.text}” at ${(w.px * 0.75).toFixed(1)} pt`), `${handout}: figure text under 8 pt on paper`).toEqual([]);

    // The first page as printed, for a person to look at: the print view at A4's width, one page high.
    const shots = join(ROOT, '.tmp', 'print-shots');
    mkdirSync(shots, { recursive: true });
    await page.setViewportSize({ width: 794, height: 1123 });
    writeFileSync(join(shots, `${handout.replace(/\W+/g, '-').replace(/^-|-$/g, '')}-page1.png`), await page.screenshot({ clip: { x: 0, y: 0, width: 794, height: 1123 } }));
  });
});
