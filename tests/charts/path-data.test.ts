import { describe, expect, it } from 'vitest';
import { relativePath } from '../../src/charts/path-data.ts';

describe('relativePath', () => {
  it('writes each vertex as its offset from the previous one, and a close returns to the subpath’s start', () => {
    // Offsets worked by hand: 412.3→413.1 is +.8, 118.9→118.4 is −.5; after Z the pen is back at (412.3, 118.9),
    // so the next move is (−2.3, +1.1) from there.
    expect(relativePath('M412.3,118.9L413.1,118.4L412,120Z M410,120L410,120.1Z')).toBe('m412.3,118.9l.8-.5l-1.1,1.6zm-2.3,1.1l0,.1z');
  });

  it('keeps the outline exact: offsets summed back give the 0.1-unit vertices', () => {
    const d = 'M0.1,0.2L0.3,0.5L1000.7,-3.3L1000.8,-3.2Z';
    const rel = relativePath(d);
    const abs: [number, number][] = [];
    let [x, y] = [0, 0];
    for (const m of rel.matchAll(/[ml](-?[\d.]+),?(-?[\d.]+)/g)) abs.push([(x = Math.round((x + Number(m[1])) * 10) / 10), (y = Math.round((y + Number(m[2])) * 10) / 10)]);
    expect(abs).toEqual([[0.1, 0.2], [0.3, 0.5], [1000.7, -3.3], [1000.8, -3.2]]);
  });

  it('refuses commands it cannot convert', () => {
    expect(() => relativePath('M0,0A1,1 0 0 1 2,2')).toThrow(/command A/);
    expect(() => relativePath('M0,0L1')).toThrow(/not one x,y pair/);
  });
});
