import { PipelineError } from './errors.ts';
import type { RawRow, RawTable } from './read-table.ts';

export interface QuarantineEntry {
  source: string;
  file: string;
  sheet: string | null;
  row: number;
  column: string | null;
  value: string | null;
  reason: string;
}

export interface FileAccount {
  source: string;
  file: string;
  sheet: string | null;
  read: number;
  emitted: number;
  quarantined: number;
}

/**
 * Every raw row ends in exactly one place: emitted (it produced at least one released row) or quarantined
 * with a reason. Normalizers report each row here; `close` proves the counts add up.
 */
export class FileLedger {
  readonly source: string;
  readonly table: RawTable;
  private readonly fate = new Map<number, 'emitted' | QuarantineEntry>();

  constructor(source: string, table: RawTable) {
    this.source = source;
    this.table = table;
  }

  emit(row: RawRow): void {
    const prior = this.fate.get(row.row);
    if (prior && prior !== 'emitted') {
      throw new PipelineError(this.table.at(row), `normalizer bug: row was quarantined (${prior.reason}) and then emitted`);
    }
    this.fate.set(row.row, 'emitted');
  }

  quarantine(row: RawRow, reason: string, column?: string, value?: unknown): void {
    if (this.fate.has(row.row)) {
      throw new PipelineError(this.table.at(row, column), `normalizer bug: row already has a fate, cannot also quarantine it (${reason})`);
    }
    this.fate.set(row.row, {
      source: this.source,
      file: this.table.file,
      sheet: this.table.sheet ?? null,
      row: row.row,
      column: column ?? null,
      value: value === undefined || value === null ? null : value instanceof Date ? value.toISOString() : String(value),
      reason,
    });
  }

  isQuarantined(row: RawRow): boolean {
    const f = this.fate.get(row.row);
    return f !== undefined && f !== 'emitted';
  }

  /** Checks that every row has a fate and returns the account and quarantine list. */
  close(): { account: FileAccount; quarantine: QuarantineEntry[] } {
    for (const row of this.table.rows) {
      if (!this.fate.has(row.row)) {
        throw new PipelineError(this.table.at(row), 'normalizer bug: row was neither emitted nor quarantined');
      }
    }
    const quarantine = [...this.fate.values()].filter((f): f is QuarantineEntry => f !== 'emitted');
    quarantine.sort((a, b) => a.row - b.row);
    const read = this.table.rows.length;
    const emitted = read - quarantine.length;
    return {
      account: { source: this.source, file: this.table.file, sheet: this.table.sheet ?? null, read, emitted, quarantined: quarantine.length },
      quarantine,
    };
  }
}

/**
 * The ledger of a file a streamed source read in SQL, too large to track row by row: the source reports how many
 * rows it read and emitted and lists every quarantined row, and `close` proves the same promise as FileLedger: each
 * quarantined row is a distinct data row of the file with a reason, and read = emitted + quarantined.
 */
export class CountedLedger {
  readonly source: string;
  readonly file: string;
  /** The first data row as a spreadsheet numbers it (the row below the header). */
  private readonly firstRow: number;

  constructor(source: string, file: string, firstRow: number) {
    this.source = source;
    this.file = file;
    this.firstRow = firstRow;
  }

  close(count: { read: number; emitted: number }, quarantine: QuarantineEntry[]): { account: FileAccount; quarantine: QuarantineEntry[] } {
    const where = { file: this.file };
    const last = this.firstRow + count.read - 1;
    const seen = new Set<number>();
    for (const q of quarantine) {
      const at = { file: this.file, row: q.row, column: q.column ?? undefined };
      if (q.source !== this.source || q.file !== this.file) throw new PipelineError(at, `normalizer bug: quarantine entry of ${q.source}/${q.file} in this file's ledger`);
      if (!Number.isInteger(q.row) || q.row < this.firstRow || q.row > last) throw new PipelineError(at, `normalizer bug: quarantined row outside the file's data rows ${this.firstRow}–${last}`);
      if (seen.has(q.row)) throw new PipelineError(at, 'normalizer bug: row quarantined twice');
      if (!q.reason) throw new PipelineError(at, 'normalizer bug: quarantined without a reason');
      seen.add(q.row);
    }
    if (count.read !== count.emitted + quarantine.length) {
      throw new PipelineError(where, `accounting does not add up: read ${count.read}, emitted ${count.emitted}, quarantined ${quarantine.length}`);
    }
    return {
      account: { source: this.source, file: this.file, sheet: null, read: count.read, emitted: count.emitted, quarantined: quarantine.length },
      quarantine: [...quarantine].sort((a, b) => a.row - b.row),
    };
  }
}
