import { sourceRef } from '../../model.ts';
import type { QualityNote } from '../../source-module.ts';
import type { RawTable } from '../../read-table.ts';
import { ID } from './id.ts';
import type { Incident } from './incident.ts';

/** The Year column and the year of Date disagree on a few rows; published as is (Year wins), listed for review. */
export function yearDateNotes(t: RawTable, incidents: Incident[]): QualityNote[] {
  return incidents
    .filter((i) => i.year !== null && typeof i.event['date'] === 'string' && Number(i.event['date'].slice(0, 4)) !== i.year)
    .map((i) => ({
      source: ID,
      source_ref: sourceRef(t.file, t.sheet, i.row.row),
      check: 'year-date',
      message: `Year ${i.year} but Date ${String(i.event['date'])}; the Year column is used for yearly counts`,
    }));
}
