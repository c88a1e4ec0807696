/**
 * Names of downloaded files that identify themselves and sort: in a folder, a delegate's downloads line up by
 * indicator, then place, then years, then figure, then release, and the name alone says what the file holds:
 * `cto_<indicator>_<places>_<from>-<to>_<figure>_<version>.<ext>`, e.g.
 * `cto_tip_victims_detected_KEN-NGA_2010-2021_trend_8de0ceeb623b.csv`. Pure.
 */

export interface FileNameParts {
  indicator: string;
  /** The places drawn, by code; null when the figure draws every place with data (a map, a flow map). */
  geos: readonly string[] | null;
  years: readonly [number, number];
  /** The figure's id on its page ("trend-figure" → "trend"). */
  figure: string;
  version: string;
  ext: 'png' | 'svg' | 'csv' | 'json';
}

/** More places than this are counted, not listed, so names stay short enough for every file system. */
export const MAX_LISTED_GEOS = 5;

/** Only ASCII letters, digits, `-` and `.`: safe on every file system and in a URL; `_` is the parts' separator. */
function part(s: string): string {
  const out = s.normalize('NFKD').replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');
  return out === '' ? 'x' : out;
}

/** The indicator keeps its underscores (ids are snake_case and read as one word); anything else becomes `-`. */
function indicatorPart(id: string): string {
  const out = id.normalize('NFKD').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[-_]+|[-_]+$/g, '');
  return out === '' ? 'x' : out.toLowerCase();
}

function geosPart(geos: readonly string[] | null): string {
  if (geos === null || geos.length === 0) return 'all';
  const codes = [...new Set(geos.map((g) => part(g).toUpperCase()))].sort();
  return codes.length > MAX_LISTED_GEOS ? `${codes.length}places` : codes.join('-');
}

function yearPart(y: number): string {
  if (!Number.isInteger(y) || y < 0 || y > 9999) throw new Error(`file name: year ${y} is not a year`);
  return String(y).padStart(4, '0');
}

export function exportFileName(p: FileNameParts): string {
  const [from, to] = p.years;
  const figure = part(p.figure.replace(/-figure$/, '').replace(/^figure-/, '')).toLowerCase();
  return `cto_${indicatorPart(p.indicator)}_${geosPart(p.geos)}_${yearPart(from)}-${yearPart(to)}_${figure}_${part(p.version)}.${p.ext}`;
}
