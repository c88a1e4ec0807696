import type { EventTable, IndicatorDef, Observation } from './model.ts';
import type { SourceManifest } from './manifest.ts';
import type { RawTable } from './read-table.ts';
import type { FileLedger } from './ledger.ts';
import type { GeoIndex, GeoResolution } from './reference/geo-index.ts';

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
}

/** The single table of a one-file source, with its ledger. */
export function onlyTable(input: NormalizeInput, name: string): { table: RawTable; ledger: FileLedger } {
  const table = input.tables.get(name);
  const ledger = input.ledgers.get(name);
  if (!table || !ledger) throw new Error(`${input.manifest.id}: file ${name} was not read`);
  return { table, ledger };
}
