/**
 * A permalink keeps the numbers it cited. A second release is built (one pipeline run, on a copy of only the sources
 * it needs) from a mirror in which one published value was changed by hand; the built site is then served with both
 * releases and a release index naming the built one the newest, with no second site build: the browser learns of
 * the releases from /data/releases.json. Opened with `v=` the older release, the indicator's chart shows the number
 * written into the copied file (read back from that file, not from the release), says which release it shows, and
 * links the newest; an indicator the older release lacks says so. The what-changed rows for the pair list the
 * revision, old → new, as the release page writes them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BUILT, figureTable, setUp, title, TREND_HOST } from './support/suite.ts';
import { DIST, distRelease, serve, type StaticServer } from './support/server.ts';
import { openSession, type Session } from './support/browser.ts';
import { runPipeline } from '../../scripts/pipeline/run-pipeline.ts';
import { parseManifest } from '../../scripts/pipeline/manifest.ts';
import { sha256 } from '../../scripts/pipeline/resolve-files.ts';
import { diffObservations } from '../../scripts/archive/diff-releases.ts';
import { readDiffColumns } from '../../scripts/archive/read-observations.ts';
import { changeRow } from '../../src/lib/change-list.ts';
import { makeLocale } from '../../src/i18n/locale.ts';
import { ROOT, tempDir } from '../support/fixtures.ts';

const MIRROR = process.env['SOURCES_DIR'] ?? join(ROOT, '..', 'shared', 'sources');
const RHINO = 'owid-afrsg-rhino-poaching';
const SOURCES = [['reference', 'unsd-m49'], ['reference', 'iso3166-m49-lukes'], ['reference', 'population-worldbank'], ['wildlife', RHINO]] as const;
const PLACE = 'South Africa';
const YEAR = 2016;

/** The mirror's file with the place's value for the year replaced: the old and new numbers as the file says them. */
function reviseOneValue(path: string): { before: number; after: number } {
  const lines = readFileSync(path, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith(`${PLACE},${YEAR},`));
  if (at < 0) throw new Error(`${path}: no ${PLACE} ${YEAR} row`);
  const cells = lines[at]!.split(',');
  const before = Number(cells[2]);
  const after = before + 57;
  cells[2] = String(after);
  lines[at] = cells.join(',');
  writeFileSync(path, lines.join('\n'));
  return { before, after };
}

/** A release built from a copy of the mirror's needed sources, with one value revised; its manifests follow the copy. */
async function olderRelease(root: string) {
  const mirror = join(root, 'mirror');
  const manifests = join(root, 'manifests');
  mkdirSync(manifests, { recursive: true });
  let revised = { before: 0, after: 0 };
  for (const [domain, id] of SOURCES) {
    const manifestPath = join(ROOT, 'data', 'sources', `${id}.json`);
    const manifest = parseManifest(readFileSync(manifestPath, 'utf8'), manifestPath);
    mkdirSync(join(mirror, domain, id), { recursive: true });
    for (const f of manifest.files) {
      const to = join(mirror, domain, id, f.name);
      copyFileSync(join(MIRROR, domain, id, f.name), to);
      if (id === RHINO) {
        revised = reviseOneValue(to);
        f.sha256 = sha256(readFileSync(to));
      }
    }
    writeFileSync(join(manifests, `${id}.json`), JSON.stringify(manifest, null, 2));
  }
  const { default: rhino } = await import(`../../scripts/pipeline/normalizers/${RHINO}.ts`);
  const result = await runPipeline({ projectDir: ROOT, sourcesDir: mirror, downloadDir: join(root, 'dl'), outDir: join(root, 'out'), manifestDir: manifests, modules: [rhino] });
  return { ...result, ...revised };
}

/** dist/ as it is, plus the older release beside its own, and a release index that lists both. */
function siteWithBoth(root: string, older: { version: string; dir: string }, newest: string): string {
  const site = join(root, 'site');
  mkdirSync(join(site, 'data'), { recursive: true });
  for (const e of readdirSync(DIST)) if (e !== 'data') symlinkSync(join(DIST, e), join(site, e));
  for (const e of readdirSync(join(DIST, 'data'))) if (!e.startsWith('releases.json')) symlinkSync(join(DIST, 'data', e), join(site, 'data', e));
  symlinkSync(older.dir, join(site, 'data', older.version));
  const releases = [
    { version: newest, published: '2026-11-20', changes: null },
    { version: older.version, published: '2026-01-15', changes: null },
  ];
  writeFileSync(join(site, 'data', 'releases.json'), JSON.stringify({ releases }));
  return site;
}

const number = (n: number) => makeLocale('en').number(n);

/** The cell of the figure's data table for a place (column) and year (row). */
async function cellOf(page: Page, place: string, year: number): Promise<string | undefined> {
  const table = await figureTable(page, TREND_HOST);
  const col = table[0]!.indexOf(place);
  return table.find((r) => r[0] === String(year))?.[col];
}

describe.skipIf(!BUILT)(title('a permalink to an older release'), () => {
  let server: StaticServer;
  let session: Session;
  let older: Awaited<ReturnType<typeof olderRelease>>;
  const newest = BUILT ? distRelease() : { version: '', dir: '' };
  const ready = setUp(async () => {
    const root = tempDir('cto-archive-e2e-');
    older = await olderRelease(root);
    server = await serve({ root: siteWithBoth(root, older, newest.version) });
    session = await openSession(server.origin);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('shows the older release’s number, names that release, and links the newest', async () => {
    ready();
    expect(older.version).not.toBe(newest.version);
    const page = await session.open(`/indicator/wl_rhinos_poached/?v=${older.version}`);
    await page.waitForSelector(`${TREND_HOST}[data-rendered-by="browser"]`);
    expect(await cellOf(page, PLACE, YEAR)).toBe(number(older.after));
    expect(await page.locator(`${TREND_HOST} .source`).textContent()).toContain(`Data release ${older.version}.`);
    const notice = page.locator(`[data-release-notice="${older.version}"]`);
    expect(await notice.textContent()).toContain(`You are viewing data release ${older.version} of 2026-01-15; the newest is ${newest.version} (2026-11-20).`);
    const newestHref = await notice.getByRole('link', { name: 'See the newest numbers' }).getAttribute('href');
    expect(newestHref).toBe('/indicator/wl_rhinos_poached/');
    expect(await notice.getByRole('link', { name: 'What changed between releases' }).getAttribute('href')).toBe('/releases/');
    expect(new URL(page.url()).searchParams.get('v')).toBe(older.version); // the address keeps citing it
    // The newest numbers, by the notice's link: the build's drawing, no redraw.
    await page.goto(new URL(newestHref!, server.origin).href);
    expect(await cellOf(page, PLACE, YEAR)).toBe(number(older.before));
    expect(await page.locator('[data-release-notice]').count()).toBe(0);
    expect(session.errors).toEqual([]);
    expect(session.foreign).toEqual([]);
  });

  it('says an indicator is not in the older release instead of drawing nothing', async () => {
    ready();
    const page = await session.open(`/indicator/tip_victims_detected/?v=${older.version}`);
    await page.waitForSelector(`${TREND_HOST}[data-rendered-by="browser"]`);
    expect(await page.locator(`${TREND_HOST} [data-absent-release]`).textContent()).toBe(
      `Data release ${older.version} does not include this indicator: it has no numbers to show here (missing, not zero).`,
    );
    expect(await page.locator(`${TREND_HOST} .source`).textContent()).toContain(`Data release ${older.version}.`);
    // The one error is the answer itself: the older release has no view file for the indicator.
    expect(session.errors.filter((e) => !e.includes(`/data/${older.version}/views/series/tip_victims_detected.parquet`))).toEqual([]);
  });

  it('reports a version that was never published, and keeps the page’s own numbers', async () => {
    ready();
    const page = await session.open('/indicator/wl_rhinos_poached/?v=0123456789ab');
    const notice = page.locator('[data-notice]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('“v=0123456789ab” (not a published data release)');
    expect(await cellOf(page, PLACE, YEAR)).toBe(number(older.before));
  });

  it('lists the revised value, old → new, among what changed between the two releases', async () => {
    ready();
    const before = await readDiffColumns(join(older.dir, 'observations.parquet'));
    const after = await readDiffColumns(join(newest.dir, 'observations.parquet'));
    const diff = diffObservations(before, after);
    const locale = makeLocale('en');
    const names = new Map([['ZAF', PLACE]]);
    const rhino = diff.changes.filter((c) => c.indicator === 'wl_rhinos_poached' && c.kind === 'revised').map((c) => changeRow(c, names, locale));
    expect(rhino).toEqual([{ place: PLACE, year: YEAR, breakdown: 'total', unit: 'animals', before: number(older.after), after: number(older.before), sourceRef: expect.any(String) }]);
  });
});
