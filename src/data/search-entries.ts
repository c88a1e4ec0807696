/**
 * Build-time: what the site search knows, gathered from the release (places, regions, indicators, breakdown labels)
 * and the site's own word lists, turned into the index by src/lib/search-index.ts. Shared by /search-index.json (read
 * by the browser) and /search/ (the same entries as plain links, for a reader without JavaScript).
 */
import { DOMAINS, domainText } from './domains.ts';
import { getCatalog, run } from './load.ts';
import { placePages } from './place-pages.ts';
import { buildSearchIndex } from '../lib/search-index.ts';
import type { SearchEntry } from '../lib/search-rank.ts';
import { GROUPING_KIND, groupingPath, REGION_KINDS, regionPath } from '../lib/region-path.ts';
import { aliasesOf } from '../i18n/place-aliases.ts';
import { SEARCH_SYNONYMS } from '../i18n/search-synonyms.ts';
import { shortName } from '../i18n/short-names.ts';
import type { Locale } from '../charts/types.ts';

interface GeoRow {
  geo: string;
  iso2: string | null;
  iso3: string | null;
  name: string;
  kind: string;
  region_name: string | null;
  subregion_name: string | null;
  intermediate_name: string | null;
  parent: string | null;
}

export interface SearchData {
  entries: SearchEntry[];
  /** Regions with the countries (with a page) in each, for /search/. */
  regions: { m49: string; name: string; kind: string; href: string; members: { name: string; href: string }[] }[];
  /** The publishers' groupings (membership not published), for /search/. */
  groupings: { code: string; name: string; href: string }[];
}

async function gather(locale: Locale): Promise<SearchData> {
  const { t } = locale;
  const catalog = getCatalog();
  const geoRows = (await run({
    sql: 'SELECT geo, iso2, iso3, name, kind, region_name, subregion_name, intermediate_name, parent, region_m49, subregion_m49, intermediate_m49 FROM geo ORDER BY geo',
    params: [],
  })) as unknown as (GeoRow & { region_m49: string | null; subregion_m49: string | null; intermediate_m49: string | null })[];
  const byCode = new Map(geoRows.map((g) => [g.geo, g]));
  const { places, geoHref } = await placePages();

  const placeEntries = places.map((p) => {
    const g = byCode.get(p.geo)!;
    const short = shortName(p.geo, g.name);
    const names = [...new Set([...(short !== g.name ? [short] : []), ...aliasesOf(g.iso3), ...(g.iso3 ? [g.iso3] : []), ...(g.iso2 ? [g.iso2] : [])])];
    const area = [g.intermediate_name ?? g.subregion_name, g.region_name].filter((x): x is string => !!x).join(', ');
    const parent = g.parent ? byCode.get(g.parent)?.name : undefined;
    const context = g.kind === 'subnational' && parent ? t('search.jurisdiction', { parent }) : area || t('search.place');
    return { geo: p.geo, name: g.name, names, context, href: geoHref(p.geo)! };
  });

  const regionRows = geoRows.filter((g) => REGION_KINDS.has(g.kind));
  const groupings = geoRows.filter((g) => g.kind === GROUPING_KIND).map((g) => ({ code: g.geo, name: g.name, href: groupingPath(g.geo) }));
  const regions = regionRows.map((r) => {
    const members = places
      .filter((p) => {
        const g = byCode.get(p.geo)!;
        return r.kind === 'world' || g.region_m49 === r.geo || g.subregion_m49 === r.geo || g.intermediate_m49 === r.geo;
      })
      .map((p) => ({ name: p.name, href: geoHref(p.geo)! }));
    return { m49: r.geo, name: r.name, kind: r.kind, href: regionPath(r.geo), members };
  });
  const regionContext = (r: GeoRow) => {
    if (r.kind === 'world') return t('search.world');
    if (r.kind === 'region') return t('search.region');
    const parent = r.parent ? byCode.get(r.parent)?.name : undefined;
    return parent ? t('search.subregion', { parent }) : t('search.region');
  };

  const domainTitle = (domain: string) => {
    const d = DOMAINS.find((x) => x.domain === domain);
    return d ? domainText(d, 'title', locale) : t('context.title');
  };
  const indicators = catalog.indicators.filter((i) => i.coverage !== null);

  // Breakdown labels, except those of place dimensions (citizenship, origin…: their categories are codes of places,
  // which search finds as places).
  const cats = (await run({
    sql: `SELECT DISTINCT indicator, dimension, category FROM observations
      WHERE dimension <> 'total' AND category <> 'total' ORDER BY indicator, dimension, category`,
    params: [],
  })) as unknown as { indicator: string; dimension: string; category: string }[];
  const byDimension = new Map<string, typeof cats>();
  for (const c of cats) {
    const key = `${c.indicator}\u0000${c.dimension}`;
    byDimension.set(key, [...(byDimension.get(key) ?? []), c]);
  }
  const breakdowns = [...byDimension.values()].filter((list) => list.filter((c) => byCode.has(c.category)).length * 2 < list.length).flat();

  const entries = buildSearchIndex({
    domains: DOMAINS.map((d) => ({ slug: d.slug, title: domainText(d, 'title', locale), intro: domainText(d, 'intro', locale), main: d.main })),
    places: placeEntries,
    regions: [
      ...regionRows.map((r) => ({ m49: r.geo, name: r.name, context: regionContext(r), href: regionPath(r.geo) })),
      // A publisher's grouping is found by its code and name, and said to be one: its members are not published.
      ...groupings.map((g) => ({ m49: g.code, name: g.name, context: t('grouping.note'), href: g.href })),
    ],
    indicators: indicators.map((i) => ({ id: i.id, title: i.title, unit: i.unit, definition: i.definition, domainTitle: domainTitle(i.domain), dimensions: i.dimensions.map((d) => d.name) })),
    breakdowns: breakdowns.filter((b) => indicators.some((i) => i.id === b.indicator)),
    synonyms: SEARCH_SYNONYMS,
    text: {
      dashboard: t('search.dashboard'),
      indicatorContext: (domain, unit) => t('search.indicator', { domain, unit }),
      breakdownContext: (dimension, indicator) => t('search.breakdown', { dimension, indicator }),
    },
  });
  return { entries, regions, groupings };
}

let cache: Promise<SearchData> | undefined;
export function searchData(locale: Locale): Promise<SearchData> {
  return (cache ??= gather(locale));
}
