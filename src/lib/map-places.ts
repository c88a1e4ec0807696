/**
 * Which places a world map draws. A map is of countries: a region's or a publisher's grouping's figure (a grouping's
 * members are not even published) would be drawn nowhere or, worse, over its members; a sub-national jurisdiction
 * is part of a country's shape. Only countries, and Kosovo, which the atlas draws as a unit of its own, are drawn.
 */
export function drawnOnMap(place: { geo: string; kind: string }): boolean {
  return place.kind === 'country' || place.geo === 'XKX';
}
