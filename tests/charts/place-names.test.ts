import { describe, expect, it } from 'vitest';
import { placeNames } from '../../src/charts/place-names.ts';

const size = { width: 900, height: 450 };

describe('placeNames', () => {
  it('keeps a name for wide figures when it only fits there, and positions names in percent of the drawing', () => {
    // "Aaaa" and "Bbbb" are 4 × 7.2 = 28.8 px wide. On a figure 300 px wide a px is 3 units: 86.4 units per name, so
    // names 60 units apart overlap. At 520 px a px is 1.73 units: 49.8 units, so they fit side by side.
    const svg = placeNames(
      [
        { name: 'Aaaa', x: 100, y: 225 },
        { name: 'Bbbb', x: 160, y: 225 },
        { name: 'Cccc', x: 700, y: 90 },
      ],
      size,
      12,
    );
    const texts = [...svg.matchAll(/<text x="([^"]+)" y="([^"]+)" dy="-5"( class="wide-only")?>([^<]+)<\/text>/g)].map((m) => [m[4], m[1], m[2], m[3] ? 'wide-only' : 'always']);
    // x: 100 / 900 = 11.1 %, 160 / 900 = 17.8 %, 700 / 900 = 77.8 %; y: 225 / 450 = 50 %, 90 / 450 = 20 %.
    expect(texts).toEqual([
      ['Aaaa', '11.1%', '50%', 'always'],
      ['Cccc', '77.8%', '20%', 'always'],
      ['Bbbb', '17.8%', '50%', 'wide-only'],
    ]);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="map-labels" aria-hidden="true"[^>]* font-size="12"/);
  });

  it('moves a name at the edge inwards so that it stays on the drawing', () => {
    // At 300 px, "Edge" is 86.4 units wide: its centre may not be closer than 43.2 units to the left edge (4.8 %).
    const svg = placeNames([{ name: 'Edge', x: 5, y: 225 }], size, 12);
    expect(svg).toContain('<text x="4.8%" y="50%" dy="-5">Edge</text>');
  });

  it('writes at most `max` names, busiest first, and nothing when there are none', () => {
    const svg = placeNames(
      [
        { name: 'One', x: 100, y: 100 },
        { name: 'Two', x: 500, y: 300 },
      ],
      size,
      1,
    );
    expect(svg.match(/<text/g)).toHaveLength(1);
    expect(svg).toContain('>One</text>');
    expect(placeNames([], size, 12)).toBe('');
  });
});
