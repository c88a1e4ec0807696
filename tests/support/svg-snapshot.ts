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

/**
 * Compares an SVG with tests/charts/snapshots/<name>.svg. On mismatch it writes <name>-changed.svg beside the
 * snapshot for a visual diff and fails. A missing snapshot is written (and reported) on the first run only.
 */
export function expectSvgSnapshot(name: string, svg: string, dir = join(import.meta.dirname, '..', 'charts', 'snapshots')): void {
  const want = join(dir, `${name}.svg`);
  const changed = join(dir, `${name}-changed.svg`);
  const got = normalizeSvg(svg);
  mkdirSync(dirname(want), { recursive: true });
  if (!existsSync(want)) {
    if (process.env['CI']) throw new Error(`snapshot ${name}.svg is missing; run the tests locally and commit it`);
    writeFileSync(want, got);
    return;
  }
  const expected = readFileSync(want, 'utf8');
  if (expected !== got) {
    writeFileSync(changed, got);
    expect(got, `SVG snapshot ${name} changed; see ${changed}`).toBe(expected);
  } else if (existsSync(changed)) {
    rmSync(changed);
  }
}
