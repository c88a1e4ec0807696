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
