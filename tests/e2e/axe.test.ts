/**
 * axe-core on every page type, with JavaScript on (the page as most people get it, tabs and controls wired): no
 * violation of impact "serious" or "critical"; and the handouts' headings in order (heading-order, "moderate"). axe is read from node_modules and evaluated in the page by the test
 * driver, so nothing is fetched and the page's CSP stays as it is.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, serve, type StaticServer } from './support/server.ts';
import { openSession, requireChromium, type Session } from './support/browser.ts';
import { BUILT, PAGE_TYPES, setUp, title } from './support/suite.ts';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** One line per violation and node, short enough to read in a CI log. */
function report(path: string, violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, 5).map((n) => `    ${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`);
      const more = v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : [];
      return [`${path}: [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`, ...nodes, ...more].join('\n');
    })
    .join('\n');
}

/** axe's violations of the rules `runOnly` names (all when null), and how many rules passed; axe already in the page. */
function runAxe(page: Page, runOnly: string[] | null): Promise<{ violations: Violation[]; passed: number }> {
  return page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[]; passes: unknown[] }> } }).axe;
    const result = await axe.run(document, only ? { runOnly: only } : { resultTypes: ['violations'] });
    return {
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })),
      passed: result.passes.length,
    };
  }, runOnly);
}

describe.skipIf(!BUILT)(title('accessibility (axe-core)'), () => {
  let server: StaticServer;
  let session: Session;
  let axeSource: string;

  const ready = setUp(async () => {
    requireChromium();
    if (!existsSync(AXE)) throw new Error(`axe-core is not installed (${AXE}): add it as a devDependency (axe-core@4.14.1)`);
    axeSource = readFileSync(AXE, 'utf8');
    server = await serve();
    session = await openSession(server.origin);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  const pages = [...PAGE_TYPES, { path: '/indicator/tip_victims_detected/?tab=map', type: 'indicator (map tab)', minCharts: 0 }, { path: '/indicator/tip_victims_detected/?tab=table', type: 'indicator (table tab)', minCharts: 0 },
    { path: '/catalog/indicator/tip_victims_detected/', type: 'catalog entry (indicator)', minCharts: 1 }, { path: '/catalog/table/geo/', type: 'catalog entry (table)', minCharts: 0 }];

  it.each(pages)('$type $path has no serious or critical violations', async ({ path }) => {
    ready();
    const page = await session.open(path);
    // Evaluated by the driver (not a <script> element), so the page's `script-src 'self'` needs no exception.
    await page.evaluate(axeSource);
    const { violations } = await runAxe(page, null);
    const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const minor = violations.filter((v) => !severe.includes(v));
    if (minor.length > 0) console.info(`axe, minor or moderate (not failing):\n${report(path, minor)}`);
    expect(severe, `axe violations on ${path}:\n${report(path, severe)}`).toEqual([]);
    await page.close();
  });

  // heading-order is of "moderate" impact, so the check above lets it pass: a handout's figure titles (h3) under its
  // h1 with no h2 between went unnoticed. Screen-reader users move by headings, so the handouts must pass it.
  it.each(['/handout/trafficking-in-persons/', '/handout/wildlife/', '/handout/country/KEN/'])('%s: headings in order (axe heading-order)', async (path) => {
    ready();
    const page = await session.open(path);
    await page.evaluate(axeSource);
    const { violations, passed } = await runAxe(page, ['heading-order']);
    expect(violations, `axe heading-order on ${path}:\n${report(path, violations)}`).toEqual([]);
    expect(passed, 'the rule ran and passed').toBe(1);
    await page.close();
  });

  it('requested nothing outside the origin and logged no errors', () => {
    ready();
    expect(session.foreign).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
