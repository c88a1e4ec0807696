/**
 * Every page type, in Chromium with JavaScript disabled: the charts are in the HTML as SVG and visible, each with its
 * data table; nothing is requested from outside the site; no console errors. And, over every built page, no element
 * that loads a resource points outside the origin, and every page carries the CSP that forbids it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIST, serve, type StaticServer } from './support/server.ts';
import { openSession, requireChromium, type Session } from './support/browser.ts';
import { BUILT, PAGE_TYPES, setUp, title } from './support/suite.ts';

interface ChartBox {
  id: string;
  width: number;
  height: number;
  visible: boolean;
  hasTable: boolean;
  named: boolean;
}

describe.skipIf(!BUILT)(title('pages without JavaScript'), () => {
  let server: StaticServer;
  let session: Session;

  const ready = setUp(async () => {
    requireChromium();
    server = await serve();
    session = await openSession(server.origin, { javaScriptEnabled: false });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it.each(PAGE_TYPES)('$type $path shows its charts with JavaScript disabled', async ({ path, minCharts }) => {
    ready();
    const page = await session.newPage();
    const response = await page.goto(new URL(path, server.origin).href, { waitUntil: 'load' });
    expect(response?.status(), `status of ${path}`).toBe(200);
    // Playwright's evaluation runs even with the page's own scripts disabled.
    expect(await page.evaluate(() => (document.querySelector('main h1')?.textContent ?? '').trim().length)).toBeGreaterThan(0);
    const charts = await page.evaluate((): ChartBox[] =>
      [...document.querySelectorAll('figure.chart-figure')].map((fig) => {
        // A chart has one drawing per layout; the one that fits the figure is shown (src/charts/layout.ts).
        const svg = [...fig.querySelectorAll('.chart-svg svg')].find((s) => s.checkVisibility()) ?? null;
        const box = svg?.getBoundingClientRect();
        const style = svg ? getComputedStyle(svg) : null;
        const labelled = svg?.getAttribute('aria-labelledby');
        return {
          id: fig.id,
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          visible: !!style && style.display !== 'none' && style.visibility !== 'hidden' && (svg?.checkVisibility() ?? false),
          // In the figure, or (a long one) on a page of its own that the figure links (tests/e2e/figure-tables.test.ts).
          hasTable: fig.querySelector('.chart-table table tbody tr') !== null || fig.querySelector('a[data-table-page]') !== null,
          named: !!labelled && (document.getElementById(labelled)?.textContent ?? '').trim().length > 0,
        };
      }),
    );
    expect(charts.length, `charts on ${path}`).toBeGreaterThanOrEqual(minCharts);
    for (const c of charts) {
      expect(c, `chart ${c.id} on ${path}`).toMatchObject({ visible: true, hasTable: true, named: true });
      expect(c.width, `width of chart ${c.id} on ${path}`).toBeGreaterThan(150);
      expect(c.height, `height of chart ${c.id} on ${path}`).toBeGreaterThan(50);
    }
    await page.close();
  });

  it('requested nothing outside the origin and logged no errors', () => {
    ready();
    expect(session.foreign).toEqual([]);
    expect(session.errors).toEqual([]);
    // Sanity: the pages above really were loaded through the server.
    expect(session.requests.length).toBeGreaterThanOrEqual(PAGE_TYPES.length);
  });
});

/** Elements that make the browser fetch something, with the attribute that names it. */
const RESOURCE = /<(script|img|iframe|source|video|audio|embed|object|input|track)\b[^>]*?\s(src|srcset|data|poster)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]+)/gi;
const LINK = /<link\b[^>]*>/gi;
const LOADING_RELS = /\brel\s*=\s*["']?[^"'>]*\b(stylesheet|preload|modulepreload|prefetch|preconnect|dns-prefetch|icon|manifest)\b/i;
const CSS_URL = /url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

describe.skipIf(!BUILT)(title('every built page'), () => {
  it('loads resources only from its own origin, and says so in its CSP', () => {
    const files = htmlFiles(DIST);
    expect(files.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      const where = relative(DIST, file);
      for (const m of html.matchAll(RESOURCE)) problems.push(`${where}: <${m[1]} ${m[2]}="${m[3]}">`);
      for (const m of html.matchAll(LINK)) {
        const href = /\bhref\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/i.exec(m[0]);
        if (href && LOADING_RELS.test(m[0])) problems.push(`${where}: ${m[0]}`);
      }
      for (const m of html.matchAll(CSS_URL)) problems.push(`${where}: url(${m[1]})`);
      if (!/<meta http-equiv="Content-Security-Policy" content="default-src 'self'/.test(html)) problems.push(`${where}: no CSP with default-src 'self'`);
      // The CSP allows scripts from the site's files only: inline code would be blocked, so it must never be emitted.
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        const attrs = m[1] ?? '';
        if (/type="application\/(ld\+)?json"/.test(attrs) || /\bsrc=/.test(attrs)) continue;
        if ((m[2] ?? '').trim() !== '') problems.push(`${where}: inline <script${attrs}>`);
      }
    }
    expect(problems).toEqual([]);
  });
});
