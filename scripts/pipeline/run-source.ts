import type { SourceManifest } from './manifest.ts';
import type { ResolvedFile } from './resolve-files.ts';
import { isBlank, readTable, type RawTable } from './read-table.ts';
import { FileLedger, type FileAccount, type QuarantineEntry } from './ledger.ts';
import { checkRowsRead } from './row-expectation.ts';
import type { GeoIndex, GeoResolution } from './reference/geo-index.ts';
import type { NormalizeOutput, SourceModule } from './source-module.ts';

export interface SourceRun {
  output: NormalizeOutput;
  accounts: FileAccount[];
  quarantine: QuarantineEntry[];
}

export async function readSourceTables(files: Map<string, ResolvedFile>): Promise<Map<string, RawTable>> {
  const tables = new Map<string, RawTable>();
  for (const [name, f] of files) {
    const table = await readTable(f);
    checkRowsRead(f, table);
    tables.set(name, table);
  }
  return tables;
}

/** Ledgers for a source's tables, with blank rows quarantined up front so no normalizer has to. */
export function openLedgers(sourceId: string, tables: Map<string, RawTable>): Map<string, FileLedger> {
  const ledgers = new Map<string, FileLedger>();
  for (const [name, t] of tables) {
    const ledger = new FileLedger(sourceId, t);
    for (const r of t.rows) {
      if (isBlank(r.cells)) ledger.quarantine(r, 'blank row');
    }
    ledgers.set(name, ledger);
  }
  return ledgers;
}

export function closeLedgers(ledgers: Map<string, FileLedger>): { accounts: FileAccount[]; quarantine: QuarantineEntry[] } {
  const accounts: FileAccount[] = [];
  const quarantine: QuarantineEntry[] = [];
  for (const l of ledgers.values()) {
    const closed = l.close();
    accounts.push(closed.account);
    quarantine.push(...closed.quarantine);
  }
  return { accounts, quarantine };
}

/** Read, normalize and account for one source. Blank rows never reach the normalizer. */
export async function runSource(
  module: SourceModule,
  manifest: SourceManifest,
  files: Map<string, ResolvedFile>,
  geo: GeoIndex,
  aliases: Map<string, GeoResolution>,
): Promise<SourceRun> {
  const tables = await readSourceTables(files);
  const ledgers = openLedgers(manifest.id, tables);
  const visible = new Map<string, RawTable>();
  for (const [name, t] of tables) {
    const l = ledgers.get(name)!;
    visible.set(name, { ...t, rows: t.rows.filter((r) => !l.isQuarantined(r)) });
  }
  const output = module.normalize({ manifest, tables: visible, ledgers, geo, aliases });
  return { output, ...closeLedgers(ledgers) };
}
