/** The quiet background of point and flow maps: land in light grey, borders in white, no data encoded. */
import type { GeoPath } from 'd3-geo';
import { el } from './svg.ts';
import { relativePath } from './path-data.ts';
import type { World } from './world.ts';

export const LAND = '#e3e3e3';

/** One path for the land and one for the borders, each arc drawn once: two elements instead of ~180. */
export function basemap(world: World, antarctica: boolean | undefined, path: GeoPath): string {
  const land = antarctica ? world.land.withAntarctica : world.land.withoutAntarctica;
  const borders = relativePath(path(world.borders) ?? '');
  return el(
    'g',
    { class: 'basemap', 'aria-hidden': 'true' },
    el('path', { d: relativePath(path(land) ?? ''), fill: LAND }),
    borders ? el('path', { d: borders, fill: 'none', stroke: '#ffffff', 'stroke-width': 0.6, 'stroke-linejoin': 'round' }) : '',
  );
}
