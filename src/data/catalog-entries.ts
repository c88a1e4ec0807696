/**
 * What a catalog page shows beyond catalog.json, asked of the release at build time: coverage by year (countries ×
 * years), the sources a table's rows come from, the levels of the geo table, and the slice an indicator's code
 * examples load. Never imported by browser code.
 */
import { getCatalog, run } from './load.ts';
import { coverageByYearQuery, coverageTotalsQuery, exampleSliceQuery, ident, type CoverageSource } from './catalog-queries.ts';
import { coverageColumns, type CoverageColumns } from '../catalog/coverage-columns.ts';
import { indicatorExamples, type IndicatorExample } from '../catalog/examples/indicator-examples.ts';
import { tableExamples } from '../catalog/examples/table-examples.ts';
import type { CodeExamples } from '../catalog/examples/types.ts';
import type { CoverageYear } from '../charts/coverage-chart.ts';
import { isAdditiveUnit } from './parts-chart.ts';
import type { Catalog } from '../lib/release.ts';

export type Dataset = Catalog['datasets'][number];
export type IndicatorEntryDef = Catalog['indicators'][number];

export interface Coverage {
  columns: CoverageColumns;
  years: CoverageYear[];
  countries: number;
  yearMin: number | null;
  yearMax: number | null;
}

async function coverageOf(s: CoverageSource): Promise<Coverage> {
  const [years, [totals]] = await Promise.all([run(coverageByYearQuery(s)), run(coverageTotalsQuery(s))]);
  return {
    columns: s.columns,
    years: years.map((r) => ({ year: Number(r['year']), countries: Number(r['countries']), censoredOnly: Number(r['censored_only']) })),
    countries: Number(totals?.['countries'] ?? 0),
    yearMin: totals?.['year_min'] == null ? null : Number(totals['year_min']),
    yearMax: totals?.['year_max'] == null ? null : Number(totals['year_max']),
  };
}

const OBSERVATION_PLACES: CoverageColumns = { place: ['geo'], year: 'year' };

export function datasetOf(name: string): Dataset {
  const d = getCatalog().datasets.find((x) => x.name === name);
  if (!d) throw new Error(`catalog page: table ${name} is not in the release catalog`);
  return d;
}

export function indicatorOf(id: string): IndicatorEntryDef {
  const d = getCatalog().indicators.find((x) => x.id === id);
  if (!d) throw new Error(`catalog page: indicator ${id} is not in the release catalog`);
  return d;
}

/** The code an indicator page shows: the slice it loads is read from the release, so the examples return rows. */
async function examplesOfIndicator(def: IndicatorEntryDef): Promise<CodeExamples> {
  const [slice] = await run(exampleSliceQuery(def.id));
  if (!slice) throw new Error(`catalog page: ${def.id} has no slice whose rows a place, year, category and unit name one by one; its code examples would need an aggregate`);
  const e: IndicatorExample = {
    id: def.id,
    version: getCatalog().version,
    slice: { dimension: String(slice['dimension']), sex: String(slice['sex']), age: String(slice['age']) },
    countries: slice['countries'] === true,
    additive: (def.coverage?.units ?? [def.unit]).every(isAdditiveUnit),
  };
  return indicatorExamples(e);
}

export interface IndicatorEntry {
  def: IndicatorEntryDef;
  coverage: Coverage;
  examples: CodeExamples;
}

export async function indicatorEntry(id: string): Promise<IndicatorEntry> {
  const def = indicatorOf(id);
  const [coverage, examples] = await Promise.all([coverageOf({ table: 'observations', columns: OBSERVATION_PLACES, censoring: true, indicator: id }), examplesOfIndicator(def)]);
  return { def, coverage, examples };
}

export interface TableEntry {
  dataset: Dataset;
  coverage: Coverage | null;
  /** Null for a table offered to the site only (withheld): there is no file to load. */
  examples: CodeExamples | null;
  /** Ids of the sources its rows come from (its `source` column). */
  sources: string[];
  /** The geo table only: how many places of each kind. */
  kinds: { kind: string; places: number }[];
  /** The observations table only: the indicator its code examples load (observations are read one at a time). */
  exampleIndicator: string | null;
}

export async function tableEntry(name: string): Promise<TableEntry> {
  const dataset = datasetOf(name);
  const catalog = getCatalog();
  const columns = coverageColumns(dataset.columns);
  const censoring = dataset.columns.some((c) => c.name === 'value') && dataset.columns.some((c) => c.name === 'censored');
  const hasSource = dataset.columns.some((c) => c.name === 'source');
  const [coverage, sourceRows, kindRows] = await Promise.all([
    columns ? coverageOf({ table: name, columns, censoring }) : Promise.resolve(null),
    // Table names come from the release's catalog, quoted as identifiers.
    hasSource ? run({ sql: `SELECT DISTINCT source FROM ${ident(name)} WHERE source IS NOT NULL ORDER BY source`, params: [] }) : Promise.resolve([]),
    name === 'geo' ? run({ sql: 'SELECT kind, count(*) AS places FROM geo GROUP BY kind ORDER BY places DESC, kind', params: [] }) : Promise.resolve([]),
  ]);
  const first = name === 'observations' ? catalog.indicators.find((i) => i.coverage !== null) : undefined;
  const examples = dataset.withheld
    ? null
    : first
      ? (await indicatorEntry(first.id)).examples
      : tableExamples({ name, version: catalog.version, file: dataset.path, coverage: columns, firstColumn: dataset.columns[0]!.name });
  return {
    dataset,
    coverage,
    examples,
    sources: sourceRows.map((r) => String(r['source'])),
    kinds: kindRows.map((r) => ({ kind: String(r['kind']), places: Number(r['places']) })),
    exampleIndicator: first?.id ?? null,
  };
}
