import type { EventTable, IndicatorDef, LabelColumn, Observation } from './model.ts';
import type { SourceManifest } from './manifest.ts';
import type { RawTable } from './read-table.ts';
import type { FileLedger, QuarantineEntry } from './ledger.ts';
import type { GeoIndex, GeoResolution } from './reference/geo-index.ts';
import type { WrittenTable } from './release/tables.ts';
import type { StreamedFile } from './stream/scan-file.ts';

/** A place where the publisher's file contradicts itself; published as is, and listed in the quality report. */
export interface QualityNote {
  source: string;
  source_ref: string;
  check: string;
  message: string;
}

export interface NormalizeInput {
  manifest: SourceManifest;
  /** Parsed files, by manifest file name; headers already checked. */
  tables: Map<string, RawTable>;
  /** One ledger per file: every row must be emitted or quarantined. */
  ledgers: Map<string, FileLedger>;
  geo: GeoIndex;
  /** This source's documented name aliases (data/reference/aliases/<id>.csv). */
  aliases: Map<string, GeoResolution>;
}

export interface NormalizeOutput {
  observations: Observation[];
  events: EventTable[];
  quality: QualityNote[];
}

/** One module per publisher's dataset: raw rows in, tidy rows out. No I/O inside. */
export interface SourceModule {
  id: string;
  indicators: IndicatorDef[];
  normalize(input: NormalizeInput): NormalizeOutput;
  /** The publisher's label columns its observations keep (Observation.publisher), and what each became; none if absent. */
  labelColumns?: LabelColumn[];
}

/** The single table of a one-file source, with its ledger. */
export function onlyTable(input: NormalizeInput, name: string): { table: RawTable; ledger: FileLedger } {
  const table = input.tables.get(name);
  const ledger = input.ledgers.get(name);
  if (!table || !ledger) throw new Error(`${input.manifest.id}: file ${name} was not read`);
  return { table, ledger };
}

// ---------------------------------------------------------------------------------------------- streamed sources

/**
 * A source too large to hold as JavaScript rows (the full CITES Trade Database: ~23 million records). Its module
 * never sees a row: it gets the checked files, classifies every record in DuckDB (stream/duckdb-session.ts), writes
 * its event table straight to Parquet, and hands back only what is small: observations (aggregates), the
 * quarantined rows and each file's counts.
 */
export interface StreamInput {
  manifest: SourceManifest;
  /** Headers checked, in manifest order; their checksums are verified beside the normalizing, before anything is written. */
  files: StreamedFile[];
  geo: GeoIndex;
  /** A scratch folder on the release's file system: written tables go here and are moved into the release. */
  workDir: string;
}

/** A file's fate counts as the module's SQL found them; the runner holds them to read = emitted + quarantined. */
export interface StreamFileCount {
  file: string;
  read: number;
  emitted: number;
}

export interface StreamOutput {
  observations: Observation[];
  /** Event tables already written as Parquet (release/tables.ts). */
  tables: WrittenTable[];
  quality: QualityNote[];
  counts: StreamFileCount[];
  /** Every quarantined row, with its reason, column and cell. */
  quarantine: QuarantineEntry[];
  /** Milliseconds per step, for the bench. */
  timings: Record<string, number>;
}

export interface StreamedSourceModule {
  id: string;
  indicators: IndicatorDef[];
  /** The published columns the module's SQL reads; the manifest must list every one. */
  reads: readonly string[];
  stream(input: StreamInput): Promise<StreamOutput>;
}

export type AnySourceModule = SourceModule | StreamedSourceModule;

export function isStreamed(m: AnySourceModule): m is StreamedSourceModule {
  return 'stream' in m;
}
