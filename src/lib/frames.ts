/** Frames (title, unit, years, source, caveat, version) for charts of an indicator, from the catalog. */
import { subtitleOf, yearsText, type Frame } from '../charts/figure.ts';
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

export { yearsText };

/**
 * The subtitle of a latest-year view: its unit and, since the countries' latest years may differ, the span of years
 * actually drawn, said in words so a reader never takes two years for one.
 */
export function latestSubtitle(unit: string, years: readonly number[], t: (key: string, params?: Record<string, string | number>) => string): string {
  const u = unit ? `${unit[0]!.toUpperCase()}${unit.slice(1)}` : '';
  if (years.length === 0) return u;
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? t('figure.latestSubtitleOne', { unit: u, year: lo }) : t('figure.latestSubtitle', { unit: u, years: yearsText([lo, hi]) });
}

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
