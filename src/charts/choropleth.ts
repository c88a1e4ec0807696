/**
 * World choropleth on Equal Earth from the atlas: the atlas's units projected to shapes (`choroplethGeometry`), then
 * drawn by choropleth-draw.ts, which says what is drawn for each kind of value. Joined on ISO alpha-3
 * (`properties.a3`, XKX for Kosovo), never on names.
 */
import { drawChoropleth, type ChoroplethDatum, type ChoroplethGeometry, type ChoroplethStyle } from './choropleth-draw.ts';
import type { ChartOutput, Locale, Size } from './types.ts';
import { fitMap, type MapOptions } from './map-frame.ts';
import { drawnCountries, worldOf, type WorldTopology } from './world.ts';
import { relativePath } from './path-data.ts';

export { drawChoropleth } from './choropleth-draw.ts';
export type { ChoroplethDatum, ChoroplethGeometry, ChoroplethShape, ChoroplethStyle } from './choropleth-draw.ts';

export interface ChoroplethOptions extends MapOptions, Omit<ChoroplethStyle, keyof MapOptions> {}

const projected = new WeakMap<WorldTopology, ChoroplethGeometry>();

/** The atlas's units as drawn on a map of `size` (default: 900 wide, as high as the land needs). */
export function choroplethGeometry(topology: WorldTopology, options: { size?: Size; antarctica?: boolean } = {}): ChoroplethGeometry {
  // The default map is projected once per atlas: a build draws a hundred of them.
  const usual = options.size === undefined && !options.antarctica;
  const hit = usual ? projected.get(topology) : undefined;
  if (hit) return hit;
  const geometry = project(topology, options);
  if (usual) projected.set(topology, geometry);
  return geometry;
}

function project(topology: WorldTopology, options: { size?: Size; antarctica?: boolean }): ChoroplethGeometry {
  const world = worldOf(topology);
  const drawn = drawnCountries(world, options.antarctica);
  const features = { type: 'FeatureCollection' as const, features: drawn.flatMap((c) => c.features) };
  const { path, size } = fitMap(options.size, features);
  const shown = new Set(drawn);
  const undrawn = Object.fromEntries(world.countries.filter((c) => c.code !== null && !shown.has(c)).map((c) => [c.code!, c.name]));
  return {
    size,
    shapes: drawn.map((c) => ({ code: c.code, name: c.name, d: relativePath(c.features.map((f) => path(f) ?? '').join('')) })),
    ...(Object.keys(undrawn).length ? { undrawn } : {}),
  };
}

/** Pure: the same values, options and locale always give the same SVG, text and table. */
export function choropleth(values: ChoroplethDatum[], options: ChoroplethOptions, locale: Locale): ChartOutput {
  return drawChoropleth(choroplethGeometry(options.world, options), values, options, locale);
}
