/**
 * Where the catalog pages are. Under /catalog/, not /data/: everything under /data/<version>/ is served as an
 * immutable release file (public/_headers), and a page must be revalidated when a new release rebuilds it. Tables and
 * indicators get a segment each, so a table and an indicator may share a name.
 */
export const CATALOG_INDEX = '/catalog/';

export function tableHref(name: string): string {
  return `/catalog/table/${encodeURIComponent(name)}/`;
}

export function indicatorCatalogHref(id: string): string {
  return `/catalog/indicator/${encodeURIComponent(id)}/`;
}
