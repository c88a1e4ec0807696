import { sourceRef } from '../../model.ts';
import type { QualityNote } from '../../source-module.ts';
import type { RawRow, RawTable } from '../../read-table.ts';
import { ID } from './id.ts';

/** A contradiction inside one record: published as is, and listed for review. */
export function rowNote(t: RawTable, r: RawRow, check: string, message: string): QualityNote {
  return { source: ID, source_ref: sourceRef(t.file, t.sheet, r.row), check, message };
}
