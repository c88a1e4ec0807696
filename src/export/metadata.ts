/**
 * The metadata JSON of a chart download: what the numbers mean (definition, unit, caveats), whose they are (sources,
 * licences, the publisher's own citation), which release and view they come from, and how to cite the chart. It
 * validates against public/schema/figure-metadata.v1.json, published at /schema/figure-metadata.v1.json. Pure.
 */
import type { Catalog } from '../../scripts/pipeline/release/catalog.ts';
import { apaCitation, bibtexCitation, plainCitation, type CiteInput } from './cite.ts';

export const METADATA_SCHEMA_PATH = '/schema/figure-metadata.v1.json';

export const OBSERVATORY = 'Crime Trends Observatory';

type CatalogSource = Catalog['sources'][number];
type CatalogIndicator = Catalog['indicators'][number];

/** The parts of catalog.json a chart's metadata needs. */
export interface CatalogPart {
  version: string;
  indicator: Pick<CatalogIndicator, 'id' | 'title' | 'definition' | 'unit' | 'caveat' | 'derived'>;
  sources: Pick<CatalogSource, 'id' | 'publisher' | 'title' | 'url' | 'licence' | 'citation' | 'release_date' | 'caveats'>[];
}

/** The catalog's entries for an indicator and sources, or a clear error naming what is missing. */
export function catalogPart(catalog: Pick<Catalog, 'version' | 'indicators' | 'sources'>, indicator: string, sources: readonly string[]): CatalogPart {
  const def = catalog.indicators.find((i) => i.id === indicator);
  if (!def) throw new Error(`catalog.json of release ${catalog.version}: no indicator ${indicator}`);
  return {
    version: catalog.version,
    indicator: def,
    sources: sources.map((id) => {
      const s = catalog.sources.find((x) => x.id === id);
      if (!s) throw new Error(`catalog.json of release ${catalog.version}: no source ${id}`);
      return s;
    }),
  };
}

export interface FigureView {
  id: string;
  title: string;
  subtitle: string;
  /** Absolute permalink of the view, with its version. */
  permalink: string;
  /** YYYY-MM-DD. */
  accessed: string;
  /** Absolute origin of the site, for the schema's address. */
  origin: string;
}

/** The citation input of a chart: its sources from the catalog, the observatory, its version, view and access date. */
export function citeInput(part: CatalogPart, view: Pick<FigureView, 'id' | 'title' | 'permalink' | 'accessed'>): CiteInput {
  return {
    id: `${part.indicator.id}_${view.id}`,
    title: view.title,
    sources: part.sources.map((s) => ({ publisher: s.publisher, title: s.title, released: s.release_date })),
    observatory: OBSERVATORY,
    version: part.version,
    permalink: view.permalink,
    accessed: view.accessed,
  };
}

export function figureMetadata(part: CatalogPart, view: FigureView) {
  const cite = citeInput(part, view);
  return {
    $schema: `${view.origin}${METADATA_SCHEMA_PATH}`,
    title: view.title,
    subtitle: view.subtitle,
    figure: view.id,
    indicator: {
      id: part.indicator.id,
      title: part.indicator.title,
      definition: part.indicator.definition,
      unit: part.indicator.unit,
      derived: part.indicator.derived,
    },
    caveats: [part.indicator.caveat, ...part.sources.flatMap((s) => s.caveats)],
    sources: part.sources.map((s) => ({ id: s.id, publisher: s.publisher, title: s.title, url: s.url, licence: s.licence, citation: s.citation, release_date: s.release_date })),
    licences: [...new Set(part.sources.map((s) => s.licence))],
    version: part.version,
    permalink: view.permalink,
    accessed: view.accessed,
    citation: { plain: plainCitation(cite), apa: apaCitation(cite), bibtex: bibtexCitation(cite) },
  };
}

export type FigureMetadata = ReturnType<typeof figureMetadata>;
