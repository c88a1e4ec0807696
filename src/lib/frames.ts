/** Frames (title, unit, years, source, caveat, version) for charts of an indicator, from the catalog. */
import type { Frame } from '../charts/figure.ts';
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

export function yearsText(years: [number, number]): string {
  return years[0] === years[1] ? String(years[0]) : `${years[0]}–${years[1]}`;
}

export function frameFor(indicator: string, id: string, years: [number, number], title?: string, href?: string): Frame {
  const def = indicatorDef(indicator);
  return {
    id,
    title: title ?? def.title,
    subtitle: `${def.unit[0]!.toUpperCase()}${def.unit.slice(1)}, ${yearsText(years)}`,
    source: sourceLine(def.sources),
    version: getCatalog().version,
    caveat: def.caveat,
    ...(href ? { href } : {}),
  };
}
