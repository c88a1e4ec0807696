/** The quiet background of point and flow maps: land in light grey, borders in white, no data encoded. */
import type { GeoPath } from 'd3-geo';
import { el } from './svg.ts';
import { relativePath } from './path-data.ts';
import type { World } from './world.ts';

export const LAND = '#e3e3e3';

/** The base map's two outlines, projected: the land and the borders between units, each arc drawn once. */
export interface BasemapPaths {
  land: string;
  borders: string;
}

export function basemapPaths(world: World, antarctica: boolean | undefined, path: GeoPath): BasemapPaths {
  const land = antarctica ? world.land.withAntarctica : world.land.withoutAntarctica;
  return { land: relativePath(path(land) ?? ''), borders: relativePath(path(world.borders) ?? '') };
}

/** One path for the land and one for the borders: two elements instead of ~180. */
export function basemapSvg({ land, borders }: BasemapPaths): string {
  return el(
    'g',
    { class: 'basemap', 'aria-hidden': 'true' },
    el('path', { d: land, fill: LAND }),
    borders ? el('path', { d: borders, fill: 'none', stroke: '#ffffff', 'stroke-width': 0.6, 'stroke-linejoin': 'round' }) : '',
  );
}

export function basemap(world: World, antarctica: boolean | undefined, path: GeoPath): string {
  return basemapSvg(basemapPaths(world, antarctica, path));
}
