/**
 * Flows between countries on Equal Earth from the atlas: the base map and the places' anchors projected
 * (`flowGeometry`), then drawn by flow-map-draw.ts, which says what is drawn for each kind of value.
 */
import { drawFlowMap, type FlowDatum, type FlowGeometry, type FlowMapStyle } from './flow-map-draw.ts';
import type { ChartOutput, Locale, Size } from './types.ts';
import { basemapPaths } from './basemap.ts';
import { fitMap, type MapOptions } from './map-frame.ts';
import { anchorOf, drawnCountries, worldOf, type WorldTopology } from './world.ts';

export { arc, drawFlowMap } from './flow-map-draw.ts';
export type { FlowDatum, FlowGeometry, FlowMapStyle } from './flow-map-draw.ts';

export interface FlowMapOptions extends MapOptions, Omit<FlowMapStyle, keyof MapOptions> {}

/**
 * The base map of a map of `size`, and the anchors (each unit's largest polygon's centroid, projected) of the places
 * among `codes` that have a shape: a page that redraws other years of the map carries the anchors of every place its
 * flows name.
 */
export function flowGeometry(topology: WorldTopology, codes: Iterable<string>, options: { size?: Size; antarctica?: boolean } = {}): FlowGeometry {
  const world = worldOf(topology);
  const land = { type: 'FeatureCollection' as const, features: drawnCountries(world, options.antarctica).flatMap((c) => c.features) };
  const { path, projection, size } = fitMap(options.size, land);
  const anchors: Record<string, [number, number]> = {};
  const names: Record<string, string> = {};
  for (const code of [...new Set(codes)].sort()) {
    const country = world.byCode.get(code);
    if (!country) continue;
    anchors[code] = projection(anchorOf(country)) as [number, number];
    names[code] = country.name;
  }
  return { size, ...basemapPaths(world, options.antarctica, path), anchors, names };
}

/** Pure: the same flows, options and locale always give the same SVG, text and table. */
export function flowMap(flows: FlowDatum[], options: FlowMapOptions, locale: Locale): ChartOutput {
  return drawFlowMap(flowGeometry(options.world, flows.flatMap((f) => [f.from, f.to]), options), flows, options, locale);
}
