/**
 * An M49 area's place in the geo table's hierarchy, and its countries. Pure: the geo table's rows in, places out.
 * A country's `region_m49`, `subregion_m49` and `intermediate_m49` name the areas it belongs to; an area's `parent`
 * names the area it sits in (the world for a region). The world holds every country.
 */
import { REGION_KINDS } from '../lib/region-path.ts';

export interface Place {
  geo: string;
  name: string;
  kind: string;
  region_m49: string | null;
  subregion_m49: string | null;
  intermediate_m49: string | null;
  parent: string | null;
}

/**
 * Countries and territories (Kosovo) are an area's members. Sub-national jurisdictions are not: they are parts of a
 * member, and a sum over both would count them twice. A publisher's grouping is no member of anything: its own
 * membership is not published.
 */
const MEMBER_KINDS: ReadonlySet<string> = new Set(['country', 'territory']);

const byName = (a: Place, b: Place) => a.name.localeCompare(b.name, 'en') || a.geo.localeCompare(b.geo);

export function membersOf<P extends Place>(area: Place, places: Iterable<P>): P[] {
  const inArea = (p: Place) => area.kind === 'world' || p.region_m49 === area.geo || p.subregion_m49 === area.geo || p.intermediate_m49 === area.geo;
  return [...places].filter((p) => MEMBER_KINDS.has(p.kind) && inArea(p)).sort(byName);
}

/** The areas directly inside this one (the world's regions, a region's sub-regions…), by name. */
export function childrenOf<P extends Place>(area: Place, places: Iterable<P>): P[] {
  return [...places].filter((p) => REGION_KINDS.has(p.kind) && p.parent === area.geo).sort(byName);
}

/** The areas this one sits in, outermost first (World, then Africa, then Sub-Saharan Africa for Eastern Africa). */
export function ancestorsOf<P extends Place>(area: Place, byGeo: ReadonlyMap<string, P>): P[] {
  const out: P[] = [];
  const seen = new Set([area.geo]);
  for (let up = area.parent ? byGeo.get(area.parent) : undefined; up && !seen.has(up.geo); up = up.parent ? byGeo.get(up.parent) : undefined) {
    seen.add(up.geo);
    out.unshift(up);
  }
  return out;
}
