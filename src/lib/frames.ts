/** Frames (title, unit, years, source, caveat, version) for charts of an indicator, from the catalog. */
import { latestSubtitle, subtitleOf, yearsText, type Frame } from '../charts/figure.ts';
import { getCatalog } from '../data/load.ts';

export function indicatorDef(id: string) {
  const def = getCatalog().indicators.find((i) => i.id === id);
  if (!def) throw new Error(`indicator ${id} is not in the release catalog`);
  return def;
}

export function sourceLine(sourceIds: string[]): string {
  const sources = getCatalog().sources;
  return sourceIds
    .map((id) => sources.find((s) => s.id === id))
    .filter((s) => s !== undefined)
    .map((s) => `${s.publisher}, ${s.title}`)
    .join('; ');
}

export { latestSubtitle, yearsText };

export function frameFor(indicator: string, id: string, years: [number, number], title?: string, href?: string): Frame {
  const def = indicatorDef(indicator);
  return {
    id,
    title: title ?? def.title,
    subtitle: subtitleOf(def.unit, years),
    source: sourceLine(def.sources),
    version: getCatalog().version,
    caveat: def.caveat,
    ...(href ? { href } : {}),
    indicator,
    sources: [...def.sources],
    years,
  };
}
