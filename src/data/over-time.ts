/**
 * The breakdowns a dashboard shows, each followed over the years on a static page of its own,
 * `/<domain>/breakdown/<slug>/`, linked from the dashboard's chart. Configuration only, derived from the dashboard's
 * (domains.ts): one page per ranking (one year's routes, causes…), per breakdown (its parts by year) and per
 * flow view (origin → destination pairs of one dimension).
 */
import type { DomainSpec } from './domains.ts';
import type { PartsBy } from './load.ts';

export interface OverTimeSpec {
  /** Unique within the domain: the dimension's name in lower case with dashes ("migration-route", "sex"). */
  slug: string;
  indicator: string;
  /** 'parts': one place's categories of one dimension (or its sex or age parts); 'flows': pairs of places. */
  kind: 'parts' | 'flows';
  by: PartsBy;
  /** The place whose parts are followed (parts only). */
  geo: string | null;
  /** Message key of the dashboard chart's title. */
  titleKey: string;
}

export function dimensionSlug(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const slugOf = (by: PartsBy) => dimensionSlug('dimension' in by ? by.dimension : by.axis);

export function overTimeSpecs(spec: DomainSpec): OverTimeSpec[] {
  const out: OverTimeSpec[] = [
    ...(spec.rankings ?? []).map((r): OverTimeSpec => ({ slug: '', indicator: r.indicator, kind: 'parts', by: { dimension: r.dimension }, geo: r.geo, titleKey: r.titleKey })),
    ...spec.breakdowns.map((b): OverTimeSpec => ({ slug: '', indicator: b.indicator, kind: 'parts', by: b.by, geo: b.geo, titleKey: b.titleKey })),
    ...(spec.flows ?? []).map((f): OverTimeSpec => ({ slug: '', indicator: f.indicator, kind: 'flows', by: { dimension: f.dimension }, geo: null, titleKey: f.titleKey })),
  ].map((s) => ({ ...s, slug: slugOf(s.by) }));
  const seen = new Set<string>();
  for (const s of out) {
    if (seen.has(s.slug)) throw new Error(`${spec.slug}: two breakdowns would share the page /${spec.slug}/breakdown/${s.slug}/`);
    seen.add(s.slug);
  }
  return out;
}

export function overTimePath(domainSlug: string, slug: string): string {
  return `/${domainSlug}/breakdown/${slug}/`;
}

/** The page that follows a dashboard chart's breakdown over time (the chart links it). */
export function overTimeFor(spec: DomainSpec, indicator: string, by: PartsBy): string | null {
  const found = overTimeSpecs(spec).find((s) => s.indicator === indicator && slugOf(s.by) === slugOf(by));
  return found ? overTimePath(spec.slug, found.slug) : null;
}
