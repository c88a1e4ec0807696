/**
 * `npm run data -- --accept <id>` on a mini mirror: a publisher's new file is refused by a plain run (checksum),
 * accepted on purpose with a summary of what changes, and then released. The expected summary is worked out by hand
 * from the two fixture files below.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import owid from '../../scripts/pipeline/normalizers/owid-afrsg-rhino-poaching.ts';
import { acceptSource } from '../../scripts/pipeline/accept/accept-source.ts';
import { diffByKey, diffWhole } from '../../scripts/pipeline/accept/diff-rows.ts';
import { headerDiff } from '../../scripts/pipeline/header-diff.ts';
import { csvBytes, headerOf, realManifest, ROOT, type FixtureCell } from '../support/fixtures.ts';
import { miniRelease, type MiniRelease } from '../support/mini-release.ts';

const ID = 'owid-afrsg-rhino-poaching';
const FILE = 'Rhino poaching rates (AfRSG, 2019).csv';
const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// OWID's layout: Entity, Year, poached, poached/day, horn weight, horn count.
const V1: FixtureCell[][] = [
  ['Kenya', '2016', '10', null, null, null], // row 2
  ['Kenya', '2017', '9', null, null, null], // row 3
  ['South Africa', '2016', '25', '0.07', null, null], // row 4
  ['South Africa', '2017', '41', '0.11', null, null], // row 5
  ['Uganda', '2016', null, null, null, null], // row 6: no values, quarantined
];
// The publisher's next edition: Kenya 2017 revised, South Africa 2016 withdrawn (2017 moves up a row), Uganda 2017
// added, and a second row without values.
const V2: FixtureCell[][] = [
  ['Kenya', '2016', '10', null, null, null], // row 2: unchanged
  ['Kenya', '2017', '12', null, null, null], // row 3: 9 → 12
  ['South Africa', '2017', '41', '0.11', null, null], // row 4: unchanged, was row 5
  ['Uganda', '2016', null, null, null, null], // row 5
  ['Uganda', '2017', '3', null, null, null], // row 6: added
  ['Kenya', '2015', null, null, null, null], // row 7: no values
];

function mirror(v1: Buffer) {
  const manifest = realManifest(ID);
  manifest.files[0]!.rows = 5;
  return miniRelease([owid], { [ID]: { [FILE]: v1 } }, { [ID]: manifest });
}

/** What `npm run data -- --accept <id>` runs, on the mini mirror. */
function accept(mini: MiniRelease) {
  return acceptSource({ projectDir: ROOT, manifestDir: mini.manifests, sourcesDir: mini.mirror, downloadDir: join(mini.out, 'dl'), outDir: mini.out, sourceId: ID, modules: [owid] });
}

describe('accepting a new upstream file', () => {
  const v1 = csvBytes([headerOf(ID), ...V1]);
  const v2 = csvBytes([headerOf(ID), ...V2]);

  it('is refused by a plain run, then shown against the release and recorded in the manifest', async () => {
    const mini = mirror(v1);
    const first = await mini.run();
    writeFileSync(join(mini.mirror, 'wildlife', ID, FILE), v2);
    await expect(mini.run()).rejects.toThrow(`${FILE}: checksum mismatch`);

    const out = await accept(mini);
    expect(out.text.split('\n')).toEqual([
      `${ID} — ${realManifest(ID).title}`,
      `  ${FILE}`,
      `    sha256 ${hash(v1)} → ${hash(v2)}`,
      '    data rows 5 expected → 6 read (+1); emitted 4 → 4, quarantined 1 → 2',
      `Compared with release ${first.version} (rows of this source only):`,
      '  observations: 4 → 4 rows: 1 added, 1 removed, 1 changed, 2 unchanged (1 of them now from another row of the file)',
      '    changed columns: value 1',
      '    by indicator:',
      '      wl_rhinos_poached: 1 added, 1 removed, 1 changed',
      '    added:   wl_rhinos_poached UGA 2017 = 3 animals',
      '    removed: wl_rhinos_poached ZAF 2016 = 25 animals',
      '    changed: wl_rhinos_poached KEN 2017 = 9 animals: value 9 → 12',
      '  quarantine reasons:',
      '    "no values": 1 → 2',
    ]);

    const manifest = JSON.parse(readFileSync(join(mini.manifests, `${ID}.json`), 'utf8'));
    expect(manifest.files[0]).toMatchObject({ sha256: hash(v2), rows: 6 });
    const second = await mini.run();
    expect(second.accounts.find((a) => a.source === ID)).toMatchObject({ read: 6, emitted: 4, quarantined: 2 });
  });

  it('refuses a file whose header changed, naming the columns, and leaves the manifest as it was', async () => {
    const mini = mirror(v1);
    await mini.run();
    const header = headerOf(ID);
    header[1] = 'Yr';
    writeFileSync(join(mini.mirror, 'wildlife', ID, FILE), csvBytes([header, ...V2]));
    const before = readFileSync(join(mini.manifests, `${ID}.json`));
    await expect(accept(mini))
      .rejects.toThrow(`file ${FILE}, row 1: header changed (removed "Year"; added "Yr"): the normalizer and the manifest's columns must change first; nothing was accepted`);
    expect(readFileSync(join(mini.manifests, `${ID}.json`)).equals(before)).toBe(true);
  });

  it('refuses a file the release would refuse, with the same message', async () => {
    const mini = mirror(v1);
    await mini.run();
    writeFileSync(join(mini.mirror, 'wildlife', ID, FILE), csvBytes([headerOf(ID), ...V1, ['Kenya', '2099', '4', null, null, null]]));
    const before = readFileSync(join(mini.manifests, `${ID}.json`));
    await expect(accept(mini))
      .rejects.toThrow(`file ${FILE}, row 7, column Year: year later than the file's own publication on 2019-08-16, found "2099"`);
    expect(readFileSync(join(mini.manifests, `${ID}.json`)).equals(before)).toBe(true);
  });
});

describe('diffs', () => {
  const row = (geo: string, value: number | null, ref: string) => ({ geo, value, source: 's', source_ref: ref });

  it('matches keyed rows: added, removed, changed by column, unchanged and moved', () => {
    const d = diffByKey('t', [row('A', 1, 'f::2'), row('B', 2, 'f::3'), row('C', 3, 'f::4')], [row('A', 1, 'f::2'), row('C', 3, 'f::3'), row('B', 5, 'f::4'), row('D', 4, 'f::5')], (r) => String(r['geo']));
    expect([d.added.map((r) => r['geo']), d.removed.map((r) => r['geo']), d.changed.map((c) => [c.after['geo'], c.columns]), d.unchanged, d.moved]).toEqual([['D'], [], [['B', ['value']]], 2, 1]);
  });

  it('compares rows without a key as a multiset: a repeat counts once each', () => {
    const d = diffWhole('t', [row('A', 1, 'f::2'), row('A', 1, 'f::3')], [row('A', 1, 'f::2'), row('A', 2, 'f::3')]);
    expect([d.added.map((r) => r['value']), d.removed.map((r) => r['value']), d.unchanged, d.changed]).toEqual([[2], [1], 1, []]);
  });

  it('says how a header changed', () => {
    expect(headerDiff(['a', 'b'], ['a', 'b'])).toBeNull();
    expect(headerDiff(['a', 'b'], ['b', 'a'])).toEqual({ removed: [], added: [], reordered: true });
    expect(headerDiff(['a', 'b', 'c'], ['a', 'x'])).toEqual({ removed: ['b', 'c'], added: ['x'], reordered: false });
  });
});
