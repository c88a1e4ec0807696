/**
 * The snapshot helper itself: a missing snapshot fails with or without CI, and is written only when
 * UPDATE_SNAPSHOTS=1 asks for it outside CI; a changed one fails and leaves the drawing beside it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectSvgSnapshot } from '../support/svg-snapshot.ts';

const SVG = '<svg><rect width="10" height="5"/></svg>';
/** How the helper stores SVG above (tags one a line), written by hand. */
const STORED = '<svg>\n<rect width="10" height="5"/>\n</svg>';

const dirs: string[] = [];
function snapshotDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cto-snapshots-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  vi.unstubAllEnvs();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('expectSvgSnapshot', () => {
  it.each([
    ['outside CI', ''],
    ['in CI', 'true'],
  ])('fails on a missing snapshot %s, writing nothing but the -changed file', (_, ci) => {
    vi.stubEnv('CI', ci);
    vi.stubEnv('UPDATE_SNAPSHOTS', '');
    const dir = snapshotDir();
    expect(() => expectSvgSnapshot('fresh', SVG, dir)).toThrow(/fresh\.svg is missing.*UPDATE_SNAPSHOTS=1/);
    expect(existsSync(join(dir, 'fresh.svg'))).toBe(false);
    expect(readFileSync(join(dir, 'fresh-changed.svg'), 'utf8')).toBe(STORED);
  });

  it('writes a missing snapshot when UPDATE_SNAPSHOTS=1 outside CI, and then holds to it', () => {
    vi.stubEnv('CI', '');
    vi.stubEnv('UPDATE_SNAPSHOTS', '1');
    const dir = snapshotDir();
    expectSvgSnapshot('fresh', SVG, dir);
    expect(readFileSync(join(dir, 'fresh.svg'), 'utf8')).toBe(STORED);
    vi.stubEnv('UPDATE_SNAPSHOTS', '');
    expectSvgSnapshot('fresh', SVG, dir);
    expect(() => expectSvgSnapshot('fresh', SVG.replace('10', '11'), dir)).toThrow();
  });

  it('never writes snapshots in CI, even when asked', () => {
    vi.stubEnv('CI', 'true');
    vi.stubEnv('UPDATE_SNAPSHOTS', '1');
    const dir = snapshotDir();
    expect(() => expectSvgSnapshot('fresh', SVG, dir)).toThrow(/missing/);
    expect(existsSync(join(dir, 'fresh.svg'))).toBe(false);
  });

  it('fails on a changed snapshot and writes the drawing beside it; a match removes the stale -changed file', () => {
    vi.stubEnv('CI', '');
    vi.stubEnv('UPDATE_SNAPSHOTS', '');
    const dir = snapshotDir();
    writeFileSync(join(dir, 'kept.svg'), STORED.replace('10', '12'));
    expect(() => expectSvgSnapshot('kept', SVG, dir)).toThrow(/kept changed/);
    expect(readFileSync(join(dir, 'kept-changed.svg'), 'utf8')).toBe(STORED);
    writeFileSync(join(dir, 'kept.svg'), STORED);
    expectSvgSnapshot('kept', SVG, dir);
    expect(existsSync(join(dir, 'kept-changed.svg'))).toBe(false);
  });
});
