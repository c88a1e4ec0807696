import type { IndicatorDef, LabelColumn, Observation } from '../model.ts';
import type { PartialPeriod, SourceManifest } from '../manifest.ts';
import type { FileAccount } from '../ledger.ts';
import { datasetRows, type ReleaseDataset } from './tables.ts';
import { extent } from '../arrays.ts';
import type { ViewFile } from './write-views.ts';
import { VIEWS, type ViewName } from './views.ts';
import type { Downloads } from './write-downloads.ts';

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
  observations: ObservationSummary;
  manifests: SourceManifest[];
  accounts: FileAccount[];
  qualityNotes: number;
  countryCodes: Set<string>;
  /** Per source id, the publisher's label columns kept in publisher_labels and what each became. */
  labelColumns: Record<string, LabelColumn[]>;
  /** The CSV downloads and the tables withheld from them. */
  downloads: Downloads;
  /** The whole release as one zip; null while the archive's own datapackage.json is built. */
  archive: WrittenFile | null;
}

/** What the catalog says of the observations, worked out once: the rows themselves need not stay in memory. */
export interface ObservationSummary {
  coverage: Map<string, IndicatorCoverage>;
  countries: number;
  yearMin: number | null;
  yearMax: number | null;
  count: number;
}

export function summariseObservations(rows: Observation[], countryCodes: Set<string>): ObservationSummary {
  const years = extent(rows.map((o) => o.year));
  return {
    coverage: coverage(rows, countryCodes),
    countries: new Set(rows.map((o) => o.geo).filter((g) => countryCodes.has(g))).size,
    yearMin: years?.min ?? null,
    yearMax: years?.max ?? null,
    count: rows.length,
  };
}

/** catalog.json: what the site and researchers need to find, cite and trust each dataset and indicator. */
export function buildCatalog(input: CatalogInput) {
  const cov = input.observations.coverage;
  const fileOf = (name: string) => input.files.find((f) => f.name === name);
  const download = (path: string | undefined) => {
    const f = path === undefined ? undefined : fileOf(path);
    return f ? { path: f.name, bytes: f.bytes, sha256: f.sha256 } : null;
  };
  const withheld = (table: string) => {
    const w = input.downloads.withheld.find((x) => x.table === table);
    return w ? { sources: w.sources, reason: 'The publisher\'s terms do not allow redistribution; get the rows from the publisher.' } : null;
  };
  const indicatorDownloads = (id: string) => {
    const d = input.downloads.indicators.find((x) => x.indicator === id);
    return d ? { csv: download(d.csv), wide: download(d.wide) } : null;
  };
  return {
    name: 'crime-trends-observatory',
    version: input.version,
    release_date: [...input.manifests.map((m) => m.release_date)].sort().at(-1) ?? null,
    coverage: {
      countries: input.observations.countries,
      year_min: input.observations.yearMin,
      year_max: input.observations.yearMax,
      observations: input.observations.count,
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
      csv: download(input.downloads.tables.find((d) => d.table === t.name)?.csv),
      /** Not null when the table is offered as Parquet only to the site, not as a download (redistribution). */
      withheld: withheld(t.name),
    })),
    archive: input.archive ? { path: input.archive.name, bytes: input.archive.bytes, sha256: input.archive.sha256 } : null,
    views: VIEWS.map((v) => ({ name: v.name, description: v.description, order: v.orderBy, columns: v.columns })),
    indicators: input.indicators.map((d) => ({ ...d, partial_periods: partialPeriods(d, input.manifests), coverage: cov.get(d.id) ?? null, views: viewsOf(d.id, input.views), downloads: indicatorDownloads(d.id) })),
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
      redistribution: m.redistribution,
      citation: m.citation,
      caveats: m.caveats,
      partial_periods: m.partial_periods ?? [],
      /** The publisher's label columns kept in publisher_labels, and the release columns each decides; empty for none. */
      label_columns: input.labelColumns[m.id] ?? [],
      files: m.files.map((f) => {
        const a = input.accounts.find((x) => x.source === m.id && x.file === f.name);
        return { name: f.name, sha256: f.sha256, url: f.url, sheet: f.sheet ?? null, header_row: f.header_row, read: a?.read ?? null, emitted: a?.emitted ?? null, quarantined: a?.quarantined ?? null };
      }),
    })),
    accounting: input.accounts,
    quality_notes: input.qualityNotes,
    files: input.archive ? [...input.files, input.archive] : input.files,
  };
}

/** catalog.json as the site reads it: one definition, for the pipeline that writes it and the pages that read it. */
export type Catalog = ReturnType<typeof buildCatalog>;
