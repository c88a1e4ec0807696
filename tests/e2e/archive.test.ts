/**
 * A permalink keeps the numbers it cited. A second release is built (one pipeline run, on a copy of only the sources
 * it needs) from a mirror in which one published value was changed by hand; the built site is then served with both
 * releases and a release index naming the built one the newest, with no second site build: the browser learns of
 * the releases from /data/releases.json. Opened with `v=` the older release, the indicator's chart shows the number
 * written into the copied file (read back from that file, not from the release), says which release it shows, and
 * links the newest; an indicator the older release lacks says so.
 * The what-changed pages for the pair are written by the function the built pages are made of (what-changed-html.ts)
 * into the built pages' own shell and served; a reader goes from the release's counts to the indicator's list and finds
 * the revision, old → new, at the file's row. That the built pages are that function's output is checked on the
 * shipped archive: each built what-changed page's <main> equals the function's HTML for the pair the index names.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
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
import type { RuntimeIndex, RuntimeRelease } from '../../scripts/archive/runtime-index.ts';
import { releaseChangesHtml, releaseIndicatorChangesHtml, indicatorChangesTitle, type ChangeNames } from '../../src/lib/what-changed-html.ts';
import { titlesOf } from '../../src/lib/release-history.ts';
import { names as geoNames } from '../../src/data/load.ts';
import { makeLocale } from '../../src/i18n/locale.ts';
import { ROOT, tempDir } from '../support/fixtures.ts';
import { escapeXml } from '../../src/charts/svg.ts';

const MIRROR = process.env['SOURCES_DIR'] ?? join(ROOT, '..', 'shared', 'sources');
const RHINO = 'owid-afrsg-rhino-poaching';
const SOURCES = [['reference', 'unsd-m49'], ['reference', 'iso3166-m49-lukes'], ['reference', 'population-worldbank'], ['wildlife', RHINO]] as const;
const PLACE = 'South Africa';
const YEAR = 2016;

/** The mirror's file with the place's value for the year replaced: the old and new numbers as the file says them, and its row. */
function reviseOneValue(path: string): { before: number; after: number; row: number } {
  const lines = readFileSync(path, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith(`${PLACE},${YEAR},`));
  if (at < 0) throw new Error(`${path}: no ${PLACE} ${YEAR} row`);
  const cells = lines[at]!.split(',');
  const before = Number(cells[2]);
  const after = before + 57;
  cells[2] = String(after);
  lines[at] = cells.join(',');
  writeFileSync(path, lines.join('\n'));
  return { before, after, row: at + 1 }; // line 1 is the header: a spreadsheet's row 1
}

/** A release built from a copy of the mirror's needed sources, with one value revised; its manifests follow the copy. */
async function olderRelease(root: string) {
  const mirror = join(root, 'mirror');
  const manifests = join(root, 'manifests');
  mkdirSync(manifests, { recursive: true });
  let revised = { before: 0, after: 0, ref: '' };
  for (const [domain, id] of SOURCES) {
    const manifestPath = join(ROOT, 'data', 'sources', `${id}.json`);
    const manifest = parseManifest(readFileSync(manifestPath, 'utf8'), manifestPath);
    mkdirSync(join(mirror, domain, id), { recursive: true });
    for (const f of manifest.files) {
      const to = join(mirror, domain, id, f.name);
      copyFileSync(join(MIRROR, domain, id, f.name), to);
      if (id === RHINO) {
        const { before, after, row } = reviseOneValue(to);
        revised = { before, after, ref: `${f.name}::${row}` }; // a CSV has no sheet
        f.sha256 = sha256(readFileSync(to));
      }
    }
    writeFileSync(join(manifests, `${id}.json`), JSON.stringify(manifest, null, 2));
  }
  const { default: rhino } = await import(`../../scripts/pipeline/normalizers/${RHINO}.ts`);
  const result = await runPipeline({ projectDir: ROOT, sourcesDir: mirror, downloadDir: join(root, 'dl'), outDir: join(root, 'out'), manifestDir: manifests, modules: [rhino] });
  return { ...result, ...revised };
}

const locale = makeLocale('en');
const number = (n: number) => locale.number(n);

/** What a what-changed page prints besides the diff, as the pages load it (titles of the releases named, place names). */
async function changeNames(...versions: string[]): Promise<ChangeNames> {
  return { titles: titlesOf(...versions), places: await geoNames(), locale };
}

/** The <main> of a built page. */
function mainOf(html: string): string {
  const m = /<main id="main">([\s\S]*)<\/main>/.exec(html);
  if (!m) throw new Error('no <main id="main"> in the page');
  return m[1]!;
}

/** A built page with another body, title and path: the site's shell around a what-changed body it was not built with. */
function inShell(shell: string, path: string, title: string, body: string): string {
  return shell
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeXml(locale.t('site.pageTitle', { title }))}</title>`)
    .replace(/data-path="[^"]*"/, () => `data-path="${escapeXml(path)}"`)
    .replace(mainOf(shell), () => body);
}

/**
 * dist/ as it is, plus the older release beside its own, a release index that lists both, and the newest release's
 * what-changed pages written for this pair (in the shell of the page the build wrote for it).
 */
async function siteWithBoth(root: string, older: { version: string; dir: string }, newest: { version: string; dir: string }): Promise<string> {
  const site = join(root, 'site');
  mkdirSync(join(site, 'data'), { recursive: true });
  for (const e of readdirSync(DIST)) if (e !== 'data' && e !== 'releases') symlinkSync(join(DIST, e), join(site, e));
  for (const e of readdirSync(join(DIST, 'data'))) if (!e.startsWith('releases.json')) symlinkSync(join(DIST, 'data', e), join(site, 'data', e));
  symlinkSync(older.dir, join(site, 'data', older.version));
  const releases: RuntimeRelease[] = [
    { version: newest.version, published: '2026-11-20', changes: null },
    { version: older.version, published: '2026-01-15', changes: null },
  ];
  writeFileSync(join(site, 'data', 'releases.json'), JSON.stringify({ releases } satisfies RuntimeIndex));

  mkdirSync(join(site, 'releases'));
  for (const e of readdirSync(join(DIST, 'releases'))) if (e !== newest.version) symlinkSync(join(DIST, 'releases', e), join(site, 'releases', e));
  const diff = diffObservations(await readDiffColumns(join(older.dir, 'observations.parquet')), await readDiffColumns(join(newest.dir, 'observations.parquet')));
  const names = await changeNames(newest.version);
  const shell = readFileSync(join(DIST, 'releases', newest.version, 'index.html'), 'utf8');
  const dir = join(site, 'releases', newest.version);
  mkdirSync(dir);
  writeFileSync(join(dir, 'index.html'), inShell(shell, `/releases/${newest.version}/`, locale.t('changes.title', { version: newest.version }), releaseChangesHtml(releases[0]!, releases[1]!, diff, names)));
  for (const indicator of new Set(diff.changes.map((c) => c.indicator))) {
    const path = `/releases/${newest.version}/${indicator}/`;
    mkdirSync(join(dir, indicator));
    writeFileSync(join(dir, indicator, 'index.html'), inShell(shell, path, indicatorChangesTitle(newest.version, indicator, names), releaseIndicatorChangesHtml(newest.version, indicator, diff, names)));
  }
  return site;
}

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
    server = await serve({ root: await siteWithBoth(root, older, newest) });
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

  it('lists the revised value, old → new, on the what-changed pages of the two releases', async () => {
    ready();
    const errorsBefore = session.errors.length;
    const page = await session.open(`/releases/${newest.version}/`);
    expect(await page.locator('main').textContent()).toContain(`Compared with release ${older.version} of 2026-01-15:`);
    // The counts of the indicator, and the link to its list, as a reader follows it.
    const group = page.locator('table[data-change-groups] tbody tr', { has: page.locator('code', { hasText: /^wl_rhinos_poached$/ }) });
    expect(await group.locator('td').allTextContents()).toEqual([expect.stringContaining('wl_rhinos_poached'), expect.any(String), '0', '1', '0', 'List']);
    await group.getByRole('link', { name: 'List' }).click();
    await page.waitForURL(`**/releases/${newest.version}/wl_rhinos_poached/`);
    const revised = await page.locator('table[data-change-kind="revised"] tbody tr').evaluateAll((rows) => rows.map((tr) => [...tr.children].map((td) => (td.textContent ?? '').trim())));
    // Old → new: the number written into the older release's file, then the mirror's own, at the file's row.
    expect(revised).toEqual([[PLACE, String(YEAR), 'total', 'animals', number(older.after), number(older.before), older.ref]]);
    expect(session.errors.slice(errorsBefore)).toEqual([]);
  });

  it('built each shipped what-changed page from the same function, for the pair the release index names', async () => {
    ready();
    const { releases } = JSON.parse(readFileSync(join(DIST, 'data', 'releases.json'), 'utf8')) as RuntimeIndex;
    expect(releases.length, 'releases shipped').toBeGreaterThan(0);
    for (const [i, release] of releases.entries()) {
      const previous = releases[i + 1] ?? null;
      const at = (v: string) => join(DIST, 'data', v, 'observations.parquet');
      const diff = previous ? diffObservations(await readDiffColumns(at(previous.version)), await readDiffColumns(at(release.version))) : null;
      const names = await changeNames(release.version, ...(previous ? [previous.version] : []));
      const built = readFileSync(join(DIST, 'releases', release.version, 'index.html'), 'utf8');
      expect(mainOf(built), `/releases/${release.version}/`).toBe(releaseChangesHtml(release, previous, diff, names));
      for (const indicator of new Set(diff?.changes.map((c) => c.indicator))) {
        const page = join(DIST, 'releases', release.version, indicator, 'index.html');
        expect(existsSync(page), page).toBe(true);
        expect(mainOf(readFileSync(page, 'utf8'))).toBe(releaseIndicatorChangesHtml(release.version, indicator, diff!, names));
      }
    }
  });
});
