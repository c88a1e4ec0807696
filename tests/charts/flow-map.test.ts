import { describe, expect, it } from 'vitest';
import { arc, flowMap, type FlowDatum, type FlowMapOptions } from '../../src/charts/flow-map.ts';
import { loadWorld } from '../../src/charts/world-node.ts';
import { makeLocale } from '../../src/i18n/locale.ts';
import { expectSvgSnapshot } from '../support/svg-snapshot.ts';
import { tinyWorld } from './tiny-world.ts';

const en = makeLocale('en');
const tiny = tinyWorld();
const options: FlowMapOptions = { id: 'flows', title: 'Detected victims by citizenship, 2020', unit: 'persons', world: tiny };

const flow = (from: string, to: string, value: number | null): FlowDatum => ({ from, to, value, censored: null });
const suppressed = (from: string, to: string): FlowDatum => ({ from, to, value: null, censored: '<5', min: 1, max: 4 });

/** Focusable flows in document order; the hover title must equal the label. */
function marks(svg: string): { key: string; label: string; width: number }[] {
  const count = svg.match(/tabindex="0"/g)?.length ?? 0;
  const found = [...svg.matchAll(/<g class="[^"]+" tabindex="0" data-key="([^"]+)" aria-label="([^"]+)"><title>([^<]*)<\/title><path d="[^"]+" fill="none" stroke-width="([^"]+)"/g)];
  expect(found.length).toBe(count);
  for (const m of found) expect(m[3]).toBe(m[2]);
  return found.map((m) => ({ key: m[1]!, label: m[2]!, width: Number(m[4]) }));
}

const typical = [
  flow('NGA', 'ITA', 400),
  flow('ITA', 'NGA', 40),
  flow('BRA', 'USA', 120),
  suppressed('KEN', 'RUS'),
  flow('FJI', 'AUS', 25),
  flow('XKX', 'ITA', 60),
  flow('150', 'USA', 90),
  flow('SGP', 'AUS', 30),
  flow('USA', 'USA', 500),
  flow('KEN', 'USA', null),
  flow('BRA', 'ITA', 10),
];

describe('flowMap', () => {
  it('draws the largest flows as arcs with width ∝ value and lists every flow', () => {
    const out = flowMap(typical, { ...options, top: 7, names: { '150': 'Europe' } }, en);
    expectSvgSnapshot('flow-map-typical', out.svg);
    expect(out.description).toBe(
      'Detected victims by citizenship, 2020. Flows from origin to destination (persons): 11. ' +
        'Largest: United States of America → United States of America (500), Nigeria → Italy (400), and Brazil → United States of America (120). ' +
        'Not drawn, no shape on the map: Europe and SGP. Suppressed small counts: 1. Flows without data: 1.',
    );
    expect(marks(out.svg)).toEqual([
      { key: 'NGA-ITA', label: 'Nigeria → Italy: 400 persons', width: 10 },
      { key: 'BRA-USA', label: 'Brazil → United States of America: 120 persons', width: 3 },
      { key: 'XKX-ITA', label: 'Kosovo → Italy: 60 persons', width: 1.5 },
      { key: 'ITA-NGA', label: 'Italy → Nigeria: 40 persons', width: 1 },
      { key: 'FJI-AUS', label: 'Fiji → Australia: 25 persons', width: 1 },
      { key: 'BRA-ITA', label: 'Brazil → Italy: 10 persons', width: 1 },
      { key: 'KEN-RUS', label: 'Kenya → Russia: Suppressed small count (&lt;5): between 1 and 4 persons', width: 1.5 },
    ]);
    expect(out.svg).toMatch(/data-key="KEN-RUS"[^>]*>.*?stroke-dasharray="4 3"/);
    expect(out.legend).toContain('<span>Suppressed small count (&lt;5)</span>');
    expect(out.table).toEqual({
      columns: [
        { key: 'origin', label: 'Origin' },
        { key: 'destination', label: 'Destination' },
        { key: 'value', label: 'Value (persons)', numeric: true },
        { key: 'note', label: 'Note' },
      ],
      rows: [
        { origin: 'United States of America', destination: 'United States of America', value: 500, note: 'Not drawn: origin and destination are the same' },
        { origin: 'Nigeria', destination: 'Italy', value: 400, note: '' },
        { origin: 'Brazil', destination: 'United States of America', value: 120, note: '' },
        { origin: 'Europe', destination: 'United States of America', value: 90, note: 'Not drawn: no shape on the map for 150' },
        { origin: 'Kosovo', destination: 'Italy', value: 60, note: '' },
        { origin: 'Italy', destination: 'Nigeria', value: 40, note: '' },
        { origin: 'SGP', destination: 'Australia', value: 30, note: 'Not drawn: no shape on the map for SGP' },
        { origin: 'Fiji', destination: 'Australia', value: 25, note: '' },
        { origin: 'Brazil', destination: 'Italy', value: 10, note: '' },
        { origin: 'Kenya', destination: 'Russia', value: 'suppressed (<5)', note: '' },
        { origin: 'Kenya', destination: 'United States of America', value: null, note: '' },
      ],
    });
    // Names go over the drawing at the page's own size; the drawing itself holds no text (it scales with the page).
    expect(out.svg).not.toContain('<text');
    expect(out.overlay).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="map-labels" aria-hidden="true"/);
    expect(out.overlay).toContain('>Italy</text>');
    expect(out.legend).toContain('do not imply official endorsement or acceptance by the United Nations.');
    expect(flowMap([...typical].reverse(), { ...options, top: 7, names: { '150': 'Europe' } }, en).svg).toBe(out.svg);
  });

  it('draws only the top flows and sums up the others', () => {
    const out = flowMap([flow('NGA', 'ITA', 400), flow('BRA', 'USA', 120), flow('XKX', 'ITA', 60), flow('ITA', 'NGA', 40), suppressed('KEN', 'RUS')], { ...options, top: 2 }, en);
    expect(marks(out.svg).map((m) => m.key)).toEqual(['NGA-ITA', 'BRA-USA']);
    expect(out.description).toBe(
      'Detected victims by citizenship, 2020. Flows from origin to destination (persons): 5. Largest: Nigeria → Italy (400), Brazil → United States of America (120), and Kosovo → Italy (60). ' +
        'The map shows the 2 largest; 3 more, totalling 100, are listed in the data table. Suppressed small counts: 1.',
    );
    expect(out.table.rows.map((r) => r['note'])).toEqual(['', '', 'Not drawn: outside the 2 largest', 'Not drawn: outside the 2 largest', 'Not drawn: outside the 2 largest']);
    expect(out.svg).not.toContain('stroke-dasharray');
  });

  it('cites in its table the rows each flow was summed from, and nothing for a flow without them', () => {
    const out = flowMap([{ ...flow('NGA', 'ITA', 5), source_ref: 'g.xlsx:d:4,9' }, flow('KEN', 'ITA', 9)], options, en);
    expect(out.table.rows.map((r) => r['origin'])).toEqual(['Kenya', 'Nigeria']);
    expect(out.table.refs).toEqual([null, { value: 'g.xlsx:d:4,9' }]);
  });

  it('adds a flow column only when flows carry their own labels', () => {
    const out = flowMap([{ ...flow('NGA', 'ITA', 5), label: 'Nigeria → Italy (women)' }], options, en);
    expect(out.table.columns.map((c) => c.key)).toEqual(['flow', 'origin', 'destination', 'value', 'note']);
    expect(out.table.rows).toEqual([{ flow: 'Nigeria → Italy (women)', origin: 'Nigeria', destination: 'Italy', value: 5, note: '' }]);
  });

  it('draws a single flow', () => {
    const out = flowMap([flow('BRA', 'USA', 7)], options, en);
    expectSvgSnapshot('flow-map-single', out.svg);
    expect(out.description).toBe('Detected victims by citizenship, 2020. Flows from origin to destination (persons): 1. Largest: Brazil → United States of America (7).');
    expect(marks(out.svg)).toEqual([{ key: 'BRA-USA', label: 'Brazil → United States of America: 7 persons', width: 10 }]);
  });

  it('draws nothing when no flow has a value, and says so', () => {
    const out = flowMap([flow('BRA', 'USA', null), flow('NGA', 'ITA', null)], options, en);
    expectSvgSnapshot('flow-map-all-missing', out.svg);
    expect(out.description).toBe('Detected victims by citizenship, 2020. Flows from origin to destination (persons): 2. Flows without data: 2.');
    expect(marks(out.svg)).toEqual([]);
    expect(out.svg).not.toContain('Line width');
    expect(out.table.rows.map((r) => r['value'])).toEqual([null, null]);
  });

  it('bends arcs left of their direction and puts the arrow tip on the destination', () => {
    const { line, head } = arc([0, 0], [100, 0], 4);
    expect(line).toBe('M0,0Q50,-25 89.3,-5.4');
    expect(head.startsWith('M100,0L')).toBe(true);
    // The reverse flow bends the other way, so A→B and B→A do not overlap.
    expect(arc([100, 0], [0, 0], 4).line).toBe('M100,0Q50,25 10.7,5.4');
  });

  it('anchors flows inside the countries of the real atlas', () => {
    const world = loadWorld('110m');
    const out = flowMap([flow('FRA', 'USA', 10), flow('NOR', 'GBR', 5), flow('RUS', 'UKR', 3)], { ...options, world }, en);
    expect(marks(out.svg).map((m) => m.key)).toEqual(['FRA-USA', 'NOR-GBR', 'RUS-UKR']);
    expect(out.svg.length).toBeLessThan(100_000);
  });
});
