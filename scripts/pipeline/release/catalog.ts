import type { IndicatorDef, Observation } from '../model.ts';
import type { PartialPeriod, SourceManifest } from '../manifest.ts';
import type { FileAccount } from '../ledger.ts';
import { datasetRows, type ReleaseDataset } from './tables.ts';
import { extent } from '../arrays.ts';
import type { ViewFile } from './write-views.ts';
import { VIEWS, type ViewName } from './views.ts';

export interface WrittenFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface IndicatorCoverage {
  rows: number;
  geos: number;
  countries: number;
  year_min: number | null;
  year_max: number | null;
  censored: number;
  /** Units of the rows; one, except where a source counts in the unit of each record (CITES quantities). */
  units: string[];
  /** Rows per dimension ('total' included), so a page knows which breakdowns have data. */
  dimensions: Record<string, number>;
}

function coverage(rows: Observation[], countryCodes: Set<string>): Map<string, IndicatorCoverage> {
  const acc = new Map<string, { rows: number; geos: Set<string>; years: number[]; censored: number; units: Set<string>; dimensions: Map<string, number> }>();
  // Min and max by loop: an indicator of a streamed source has too many rows to spread into Math.min.
  for (const o of rows) {
    let a = acc.get(o.indicator);
    if (!a) acc.set(o.indicator, (a = { rows: 0, geos: new Set(), years: [], censored: 0, units: new Set(), dimensions: new Map() }));
    a.rows++;
    a.geos.add(o.geo);
    a.years.push(o.year);
    a.units.add(o.unit);
    a.dimensions.set(o.dimension, (a.dimensions.get(o.dimension) ?? 0) + 1);
    if (o.censored !== null) a.censored++;
  }
  const out = new Map<string, IndicatorCoverage>();
  for (const [id, a] of acc) {
    const years = extent(a.years)!;
    out.set(id, {
      rows: a.rows,
      geos: a.geos.size,
      countries: [...a.geos].filter((g) => countryCodes.has(g)).length,
      year_min: years.min,
      year_max: years.max,
      censored: a.censored,
      units: [...a.units].sort(),
      dimensions: Object.fromEntries([...a.dimensions].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))),
    });
  }
  return out;
}

/** An indicator's partial years are its sources' (a derived rate inherits its count's), year by year. */
function partialPeriods(d: IndicatorDef, manifests: SourceManifest[]): PartialPeriod[] {
  const periods = d.sources.flatMap((id) => manifests.find((m) => m.id === id)?.partial_periods ?? []);
  return [...new Map(periods.map((p) => [p.year, p])).values()].sort((a, b) => a.year - b.year);
}

/** Where an indicator's view files are and how big they are (a reader's first request then goes straight to the footer). */
function viewsOf(indicator: string, files: ViewFile[]): Record<ViewName, { path: string; rows: number; bytes: number } | null> {
  const of = (view: ViewName) => {
    const f = files.find((x) => x.indicator === indicator && x.view === view);
    return f ? { path: f.name, rows: f.rows, bytes: f.bytes } : null;
  };
  return { series: of('series'), parts: of('parts') };
}

export interface CatalogInput {
  version: string;
  tables: ReleaseDataset[];
  files: WrittenFile[];
  views: ViewFile[];
  indicators: IndicatorDef[];
  observations: Observation[];
  manifests: SourceManifest[];
  accounts: FileAccount[];
  qualityNotes: number;
  countryCodes: Set<string>;
}

/** catalog.json: what the site and researchers need to find, cite and trust each dataset and indicator. */
export function buildCatalog(input: CatalogInput) {
  const cov = coverage(input.observations, input.countryCodes);
  const fileOf = (name: string) => input.files.find((f) => f.name === name);
  const allYears = extent(input.observations.map((o) => o.year));
  return {
    name: 'crime-trends-observatory',
    version: input.version,
    release_date: [...input.manifests.map((m) => m.release_date)].sort().at(-1) ?? null,
    coverage: {
      countries: new Set(input.observations.map((o) => o.geo).filter((g) => input.countryCodes.has(g))).size,
      year_min: allYears?.min ?? null,
      year_max: allYears?.max ?? null,
      observations: input.observations.length,
    },
    datasets: input.tables.map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
      path: `${t.name}.parquet`,
      rows: datasetRows(t),
      bytes: fileOf(`${t.name}.parquet`)?.bytes ?? null,
      sha256: fileOf(`${t.name}.parquet`)?.sha256 ?? null,
      columns: t.columns,
    })),
    views: VIEWS.map((v) => ({ name: v.name, description: v.description, order: v.orderBy, columns: v.columns })),
    indicators: input.indicators.map((d) => ({ ...d, partial_periods: partialPeriods(d, input.manifests), coverage: cov.get(d.id) ?? null, views: viewsOf(d.id, input.views) })),
    sources: input.manifests.map((m) => ({
      id: m.id,
      domain: m.domain,
      feeds: m.feeds,
      core: m.core,
      title: m.title,
      publisher: m.publisher,
      release_date: m.release_date,
      url: m.url,
      licence: m.licence,
      citation: m.citation,
      caveats: m.caveats,
      partial_periods: m.partial_periods ?? [],
      files: m.files.map((f) => {
        const a = input.accounts.find((x) => x.source === m.id && x.file === f.name);
        return { name: f.name, sha256: f.sha256, url: f.url, sheet: f.sheet ?? null, header_row: f.header_row, read: a?.read ?? null, emitted: a?.emitted ?? null, quarantined: a?.quarantined ?? null };
      }),
    })),
    accounting: input.accounts,
    quality_notes: input.qualityNotes,
    files: input.files,
  };
}

/** catalog.json as the site reads it: one definition, for the pipeline that writes it and the pages that read it. */
export type Catalog = ReturnType<typeof buildCatalog>;

const FRICTIONLESS_TYPE = { VARCHAR: 'string', DOUBLE: 'number', INTEGER: 'integer', BOOLEAN: 'boolean', DATE: 'date' } as const;

/** A Frictionless Data Package, so researchers' tools open the release directly. */
export function buildDatapackage(input: CatalogInput) {
  return {
    profile: 'data-package',
    name: 'crime-trends-observatory',
    title: 'Crime Trends Observatory data release',
    version: input.version,
    description: 'Publishers\' datasets on trafficking in persons, migrant smuggling, firearms, wildlife, falsified medical products and cybercrime, normalized into tidy tables. Every value carries its source and the row of the publisher\'s file it came from.',
    licenses: [{ name: 'various', title: 'Each source keeps its publisher\'s terms; see sources[].title and catalog.json' }],
    sources: input.manifests.map((m) => ({ title: `${m.publisher}: ${m.title} (${m.licence})`, path: m.url })),
    resources: input.tables.map((t) => {
      const f = input.files.find((x) => x.name === `${t.name}.parquet`);
      return {
        name: t.name,
        path: `${t.name}.parquet`,
        format: 'parquet',
        mediatype: 'application/vnd.apache.parquet',
        title: t.title,
        description: t.description,
        bytes: f?.bytes,
        hash: f ? `sha256:${f.sha256}` : undefined,
        schema: { fields: t.columns.map((c) => ({ name: c.name, type: FRICTIONLESS_TYPE[c.type], description: c.description })) },
      };
    }),
  };
}
