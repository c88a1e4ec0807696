import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

/** Numbers rounded to one decimal and generated ids renumbered, so that only visible changes fail a snapshot. */
export function normalizeSvg(svg: string): string {
  const ids = new Map<string, string>();
  const rename = (id: string) => {
    if (!ids.has(id)) ids.set(id, `id${ids.size}`);
    return ids.get(id)!;
  };
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${ids.get(id) ?? id})`)
    .replace(/(aria-labelledby|aria-describedby|href)="#?([^"]+)"/g, (m, attr: string, id: string) => (ids.has(id) ? `${attr}="${attr === 'href' ? '#' : ''}${ids.get(id)}"` : m))
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/></g, '>\n<');
}

/** Snapshots are written only on request, and never by CI: a missing file must fail wherever the tests run. */
function writingSnapshots(): boolean {
  return process.env['UPDATE_SNAPSHOTS'] === '1' && !process.env['CI'];
}

/**
 * Compares an SVG with tests/charts/snapshots/<name>.svg. A missing or different snapshot fails the test and writes
 * what was drawn to <name>-changed.svg beside it, for a visual diff. With UPDATE_SNAPSHOTS=1 (and CI unset) it writes
 * <name>.svg instead, to be looked at and committed.
 */
export function expectSvgSnapshot(name: string, svg: string, dir = join(import.meta.dirname, '..', 'charts', 'snapshots')): void {
  const want = join(dir, `${name}.svg`);
  const changed = join(dir, `${name}-changed.svg`);
  const got = normalizeSvg(svg);
  mkdirSync(dirname(want), { recursive: true });
  const expected = existsSync(want) ? readFileSync(want, 'utf8') : null;
  if (expected === got) {
    if (existsSync(changed)) rmSync(changed);
    return;
  }
  if (writingSnapshots()) {
    writeFileSync(want, got);
    if (existsSync(changed)) rmSync(changed);
    return;
  }
  writeFileSync(changed, got);
  if (expected === null) {
    throw new Error(`SVG snapshot ${name}.svg is missing (what was drawn is in ${changed}); write it with UPDATE_SNAPSHOTS=1, look at it, and commit it`);
  }
  expect(got, `SVG snapshot ${name} changed; see ${changed} (UPDATE_SNAPSHOTS=1 accepts it)`).toBe(expected);
}
