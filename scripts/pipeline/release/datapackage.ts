/**
 * datapackage.json: the release as a Frictionless Data Package. Every CSV is a tabular-data-resource with its schema
 * (types, allowed values of coded columns, primary key, foreign keys to geo), its sources and their licences, so
 * Frictionless tools read and check it; the Parquet files and quality.json are listed as plain data resources.
 *
 * The package's profile is 'data-package', not 'tabular-data-package': that profile admits only tabular resources,
 * and the Parquet files and quality.json are not. Each CSV resource carries the tabular profile itself.
 */
import { AGES, DOMAINS, SEXES, type ColumnDef, type ReferencedTable } from '../model.ts';
import type { SourceManifest } from '../manifest.ts';
import { OBSERVATION_COLUMNS } from './tables.ts';
import { WIDE_KEY } from './indicator-wide.ts';
import type { CatalogInput, WrittenFile } from './catalog.ts';

const FRICTIONLESS_TYPE = { VARCHAR: 'string', DOUBLE: 'number', INTEGER: 'integer', BOOLEAN: 'boolean', DATE: 'date' } as const;

/** The observation key (validate.ts): one value per indicator, place, year, breakdown and unit. */
export const OBSERVATION_KEY = ['indicator', 'geo', 'year', 'sex', 'age', 'dimension', 'category', 'counterpart', 'unit'];

const GEO_KINDS = ['country', 'subnational', 'territory', 'region', 'subregion', 'intermediate', 'world', 'unodc grouping'];

/** The key each referenced table is pointed at by (ColumnDef.references). */
const REFERENCED_KEY: Record<ReferencedTable, string> = { geo: 'geo', publisher_labels: 'labels_id' };

/** Primary keys of the observatory's own tables; an event table's key is the publisher's row it came from. */
function primaryKey(table: string, columns: readonly ColumnDef[]): string[] | undefined {
  const own: Record<string, string[]> = {
    observations: OBSERVATION_KEY,
    publisher_labels: [REFERENCED_KEY.publisher_labels],
    geo: [REFERENCED_KEY.geo],
    population: ['geo', 'year'],
    quarantine: ['source', 'file', 'sheet', 'row'],
  };
  if (own[table]) return own[table];
  return columns.some((c) => c.name === 'source_ref') ? ['source_ref'] : undefined;
}

/** A resource name allows lower case, digits, '-', '.' and '/', not '_'. */
const slug = (s: string) => s.replaceAll('_', '-');

const DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true };

interface SchemaOptions {
  /** Allowed values by column name. */
  enums: Record<string, readonly string[]>;
  primaryKey?: string[];
  /** The table the resource holds, when it is a table (a reference to itself is written as resource ''). */
  table?: string;
}

function schema(columns: readonly ColumnDef[], o: SchemaOptions) {
  const foreignKeys = columns.flatMap((c) =>
    c.references ? [{ fields: [c.name], reference: { resource: c.references === o.table ? '' : slug(c.references), fields: [REFERENCED_KEY[c.references]] } }] : [],
  );
  return {
    fields: columns.map((c) => {
      const allowed = o.enums[c.name];
      return { name: c.name, type: FRICTIONLESS_TYPE[c.type], description: c.description, ...(allowed ? { constraints: { enum: [...allowed] } } : {}) };
    }),
    missingValues: [''],
    ...(o.primaryKey ? { primaryKey: o.primaryKey } : {}),
    ...(foreignKeys.length > 0 ? { foreignKeys } : {}),
  };
}

function sourcesOf(ids: readonly string[], manifests: readonly SourceManifest[]) {
  const ms = ids.map((id) => manifests.find((m) => m.id === id)).filter((m): m is SourceManifest => m !== undefined);
  return {
    sources: ms.map((m) => ({ title: `${m.publisher}: ${m.title}`, path: m.url })),
    // A licence object needs a name or a path; the publishers' terms are free text, so the path is where they are published.
    licenses: ms.map((m) => ({ title: m.licence, path: m.url })),
  };
}

function fileFacts(files: readonly WrittenFile[], path: string) {
  const f = files.find((x) => x.name === path);
  if (!f) throw new Error(`datapackage: ${path} was not written`);
  return { bytes: f.bytes, hash: `sha256:${f.sha256}` };
}

function csvResource(name: string, path: string, title: string, description: string, files: readonly WrittenFile[]) {
  return { name, path, profile: 'tabular-data-resource', title, description, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', dialect: DIALECT, ...fileFacts(files, path) };
}

export function buildDatapackage(input: CatalogInput) {
  const { downloads, manifests, files } = input;
  const indicatorIds = input.indicators.map((d) => d.id).sort();
  const observationEnums = { domain: DOMAINS, sex: SEXES, age: AGES, indicator: indicatorIds };
  const offered = input.tables.filter((t) => downloads.tables.some((d) => d.table === t.name));
  const tableResources = offered.flatMap((t) => {
    const d = downloads.tables.find((x) => x.table === t.name)!;
    const enums = { source: d.sources, ...(t.name === 'observations' ? observationEnums : {}), ...(t.name === 'geo' ? { kind: GEO_KINDS } : {}) };
    const about = sourcesOf(d.sources, manifests);
    return [
      { ...csvResource(slug(t.name), d.csv, t.title, t.description, files), schema: schema(t.columns, { enums, primaryKey: primaryKey(t.name, t.columns), table: t.name }), ...about },
      { name: `${slug(t.name)}-parquet`, path: `${t.name}.parquet`, profile: 'data-resource', title: `${t.title} (Parquet)`, description: `The same rows as ${d.csv}, typed, in Parquet.`, format: 'parquet', mediatype: 'application/vnd.apache.parquet', ...fileFacts(files, `${t.name}.parquet`), ...about },
    ];
  });
  const indicatorResources = downloads.indicators.flatMap((i) => {
    const def = input.indicators.find((d) => d.id === i.indicator);
    const title = def?.title ?? i.indicator;
    const about = sourcesOf(i.sources, manifests);
    const enums = { ...observationEnums, indicator: [i.indicator], source: i.sources };
    return [
      { ...csvResource(`indicator-${slug(i.indicator)}`, i.csv, `${title} (long)`, `The observations of ${i.indicator}, one value per row, as in the observations table.`, files), schema: schema(OBSERVATION_COLUMNS, { enums, primaryKey: OBSERVATION_KEY }), ...about },
      {
        ...csvResource(`indicator-${slug(i.indicator)}-wide`, i.wide, `${title} (wide by year)`, `${i.indicator}: one row per place and breakdown, one column per year. A censored cell is its mark (e.g. '<5'), never a number; an empty cell is missing.`, files),
        schema: schema(i.wideColumns, { enums: { sex: SEXES, age: AGES }, primaryKey: [...WIDE_KEY] }),
        ...about,
      },
    ];
  });
  return {
    profile: 'data-package',
    name: 'crime-trends-observatory',
    title: 'Crime Trends Observatory data release',
    version: input.version,
    description: 'Publishers\' datasets on trafficking in persons, migrant smuggling, firearms, wildlife, falsified medical products and cybercrime, normalized into tidy tables. Every value carries its source and the row of the publisher\'s file it came from.',
    licenses: [{ name: 'various', title: 'Each source keeps its publisher\'s terms; each resource lists its own, and catalog.json says which sources are link-only' }],
    sources: manifests.map((m) => ({ title: `${m.publisher}: ${m.title} (${m.licence})`, path: m.url })),
    resources: [
      ...tableResources,
      ...indicatorResources,
      { name: 'quality', path: 'quality.json', profile: 'data-resource', title: 'Quality notes', description: "Places where a publisher's file contradicts itself.", format: 'json', mediatype: 'application/json', ...fileFacts(files, 'quality.json') },
    ],
  };
}
