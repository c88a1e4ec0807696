/**
 * What a map's redraw reads back from the drawing the build wrote (so the browser needs no atlas and no projection):
 * the drawing's size, its base map (land and borders), and, once read, the map's shapes kept for its next redraws.
 */
import type { ChoroplethGeometry } from '../charts/choropleth-draw.ts';
import type { FlowGeometry } from '../charts/flow-map-draw.ts';
import type { PointGeometry } from '../charts/point-map-draw.ts';
import type { Size } from '../charts/types.ts';
import { failureOf } from './read-failure.ts';

export function sizeOf(svg: SVGSVGElement): Size {
  const [, , width, height] = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  return { width: width!, height: height! };
}

/** The base map (land and borders, basemap.ts) of a flow or point map, as its SVG holds it. */
export function basemapShapes(svg: SVGSVGElement): PointGeometry {
  const [land, borders] = [...svg.querySelectorAll<SVGPathElement>('g.basemap > path')].map((p) => p.getAttribute('d') ?? '');
  return { size: sizeOf(svg), land: land ?? '', borders: borders ?? '' };
}

type Geometry = ChoroplethGeometry | FlowGeometry | PointGeometry;

const shapesOf = new WeakMap<HTMLElement, Geometry>();

/** Read once per map, from the drawing the build wrote (a redrawn map holds the same shapes). */
export function geometry<G extends Geometry>(host: HTMLElement, read: (svg: SVGSVGElement) => G): G {
  const held = shapesOf.get(host) as G | undefined;
  if (held) return held;
  const svg = host.querySelector<SVGSVGElement>('.chart-svg svg[role="group"]');
  if (!svg) throw failureOf('code', new Error('the map has no drawing to redraw'));
  const g = read(svg);
  shapesOf.set(host, g);
  return g;
}
