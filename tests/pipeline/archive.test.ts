/**
 * Publishing never deletes a release, and the archive carries every published release: two releases of a mini
 * mirror (the publisher revises one value, withdraws one and adds one; worked out by hand below) are both kept, both
 * archived with their counts, and both restored byte for byte into an empty release folder.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import owid from '../../scripts/pipeline/normalizers/owid-afrsg-rhino-poaching.ts';
import { readPointer } from '../../scripts/pipeline/release/publish.ts';
import { sha256 } from '../../scripts/pipeline/resolve-files.ts';
import { archiveRelease } from '../../scripts/archive/archive-release.ts';
import { materialiseArchive } from '../../scripts/archive/materialise.ts';
import { readIndex } from '../../scripts/archive/release-index.ts';
import { csvBytes, headerOf, realManifest, tempDir, type FixtureCell } from '../support/fixtures.ts';
import { miniRelease } from '../support/mini-release.ts';

const ID = 'owid-afrsg-rhino-poaching';
const FILE = 'Rhino poaching rates (AfRSG, 2019).csv';

// OWID's layout: Entity, Year, poached, poached/day, horn weight, horn count.
const V1: FixtureCell[][] = [
  ['Kenya', '2016', '10', null, null, null],
  ['Kenya', '2017', '9', null, null, null],
  ['South Africa', '2016', '25', null, null, null],
];
// Kenya 2017 revised 9 → 12, South Africa 2016 withdrawn, Uganda 2017 added.
const V2: FixtureCell[][] = [
  ['Kenya', '2016', '10', null, null, null],
  ['Kenya', '2017', '12', null, null, null],
  ['Uganda', '2017', '3', null, null, null],
];

describe('release archive', () => {
  it('keeps every published release, archives each once with its changes, and restores them all', async () => {
    const v1 = csvBytes([headerOf(ID), ...V1]);
    const v2 = csvBytes([headerOf(ID), ...V2]);
    const mini = miniRelease([owid], { [ID]: { [FILE]: v1 } });
    const first = await mini.run();

    writeFileSync(join(mini.mirror, 'wildlife', ID, FILE), v2);
    const manifestPath = join(mini.manifests, `${ID}.json`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ReturnType<typeof realManifest>;
    manifest.files[0]!.sha256 = sha256(v2);
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const second = await mini.run();

    expect(second.version).not.toBe(first.version);
    expect(readPointer(mini.out)?.version).toBe(second.version);
    // The first release is still whole where it was published.
    expect(existsSync(join(mini.out, first.version, 'catalog.json'))).toBe(true);
    expect(existsSync(join(mini.out, first.version, 'views', 'series', 'wl_rhinos_poached.parquet'))).toBe(true);
    expect(readdirSync(mini.out).filter((e) => e.startsWith('.staging-'))).toEqual([]);

    const archive = tempDir('cto-archive-');
    expect(await archiveRelease(archive, first.dir, '2026-01-05')).toMatchObject({ version: first.version, previous: null, changes: null });
    expect(await archiveRelease(archive, second.dir, '2026-02-10')).toMatchObject({
      version: second.version,
      published: '2026-02-10',
      previous: first.version,
      changes: { added: 1, revised: 1, removed: 1 },
    });
    expect(await archiveRelease(archive, second.dir, '2026-03-01')).toBeNull(); // once only
    const index = readIndex(archive);
    expect(index.releases.map((r) => r.version)).toEqual([first.version, second.version]);
    expect(index.releases[1]!.sources.find((s) => s.id === ID)?.files).toEqual([{ name: FILE, sha256: sha256(v2) }]);
    expect(readdirSync(join(archive, first.version)).sort()).toEqual(['catalog.json', 'observations.parquet']);

    const restored = tempDir('cto-restored-');
    expect(await materialiseArchive(archive, restored)).toEqual([first.version, second.version]);
    for (const r of [first, second]) {
      const view = join('views', 'series', 'wl_rhinos_poached.parquet');
      expect(sha256(readFileSync(join(restored, r.version, view)))).toBe(sha256(readFileSync(join(r.dir, view))));
    }
    expect(JSON.parse(readFileSync(join(restored, 'releases.json'), 'utf8'))).toEqual({
      releases: [
        { version: second.version, published: '2026-02-10', changes: { added: 1, revised: 1, removed: 1 } },
        { version: first.version, published: '2026-01-05', changes: null },
      ],
    });
  });
});
