/**
 * IOM Missing Migrants Project, all incident records (one sheet, one header row, one row per Incident ID).
 *
 * Output: the event table `migrant_incidents` (one row per record, typed) and the observations aggregated from it:
 * dead and missing persons by country of incident, world, migration route, cause of death and MMP region, per year.
 *
 * Traps in the real file, each handled explicitly:
 * - Correction records with negative counts (corrections.ts);
 * - blank Dead or Missing, recovered from the Total (parts-for-sums.ts);
 * - "Incident Date" is text and occasionally blank; on a few records its month disagrees with the "Month" column
 *   (incident-date.ts);
 * - Some "Main ID" cells start with an invisible U+FEFF (every 2,500th row, an export artefact); text() trims it
 *   (JavaScript counts it as white space), so the parts of a split incident keep one Main ID.
 */
import type { RawRow } from '../../read-table.ts';
import { onlyTable, type NormalizeInput, type NormalizeOutput, type QualityNote, type SourceModule } from '../../source-module.ts';
import { sumCells } from './breakdown-cells.ts';
import { duplicateOf } from './duplicates.ts';
import { incidentTable, type EventRow } from './event-table.ts';
import { COL } from './headers.ts';
import { ID } from './id.ts';
import { INDICATORS } from './indicators.ts';
import { observationsOf } from './observations.ts';
import { readRecord, type Incident } from './read-record.ts';

const FILE = 'Missing_Migrants_Global_Figures_allData.xlsx';

function normalize(input: NormalizeInput): NormalizeOutput {
  const { table: t, ledger } = onlyTable(input, FILE);
  const quality: QualityNote[] = [];
  const seen = new Map<string, RawRow>();
  const events: EventRow[] = [];
  const incidents: Incident[] = [];
  for (const r of t.rows) {
    const dup = duplicateOf(t, r, seen);
    if (dup !== null) {
      ledger.quarantine(r, `exact duplicate of row ${dup}`, COL.incidentId, t.get(r, COL.incidentId));
      continue;
    }
    const { event, incident } = readRecord(t, r, input, quality);
    events.push(event);
    incidents.push(incident);
    ledger.emit(r);
  }
  const releaseDate = input.manifest.release_date;
  const partialYear = { year: Number(releaseDate.slice(0, 4)), note: `partial year: the file covers incidents to ${releaseDate}` };
  const observations = observationsOf(sumCells(incidents), t, partialYear, quality);
  return { observations, events: [incidentTable(events)], quality };
}

const source: SourceModule = { id: ID, indicators: INDICATORS, normalize };
export default source;
