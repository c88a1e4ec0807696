/** Equal Earth (Šavrič, Patterson & Jenny 2018): equal-area, so filled areas and densities compare fairly. */
import { geoEqualEarth, geoPath, type GeoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FittedMap {
  projection: GeoProjection;
  /** Path generator writing coordinates with one decimal (0.1 px is below what a screen shows). */
  path: GeoPath;
  /** Pixel bounds of the fitted object: where the map actually ends, to place the legend right under it. */
  bounds: Box;
}

/** Fits Equal Earth so that `object` (usually the drawn countries) fills `box`, centred, aspect kept. */
export function fitEqualEarth(box: Box, object: GeoPermissibleObjects): FittedMap {
  const projection = geoEqualEarth().fitExtent(
    [
      [box.x, box.y],
      [box.x + box.width, box.y + box.height],
    ],
    object,
  );
  const path = geoPath(projection).digits(1);
  const [[x0, y0], [x1, y1]] = path.bounds(object);
  return { projection, path, bounds: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } };
}
