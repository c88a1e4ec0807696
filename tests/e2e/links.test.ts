/**
 * Every internal link of the built site resolves: each `href`, `src` and `data-href` of every page in dist/ names a
 * file of the site, and each `#fragment` an id on its target page (tests/support/link-check.ts).
 */
import { describe, expect, it } from 'vitest';
import { checkLinks, describeBroken } from '../support/link-check.ts';
import { DIST } from './support/server.ts';
import { BUILT, title } from './support/suite.ts';

describe.skipIf(!BUILT)(title('links of the built site'), () => {
  it('every internal link and fragment on every page resolves', () => {
    const report = checkLinks(DIST);
    console.info(`link check: ${report.checked} internal links on ${report.pages} pages, ${report.broken.length} broken`);
    expect(report.pages).toBeGreaterThan(10);
    expect(report.checked).toBeGreaterThan(report.pages);
    expect(report.broken.length, `broken links:\n${describeBroken(report.broken)}`).toBe(0);
  });
});
