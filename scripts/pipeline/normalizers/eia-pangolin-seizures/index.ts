/**
 * EIA's pangolin seizure incidents, 2000–2019 (sheet INCIDENTS): one event row per incident, and yearly counts,
 * weights, animal estimates and routes per seizure country.
 *
 * The numeric columns are typed by hand and hold text. Every pattern found in the file is handled by name; anything
 * else stops the build:
 * - ' ' (a space) and 'N/A' mean "not given" (empty);
 * - 'Y' in Scales weight = scales seized, weight not given; 'Y' in Carcass / Whole pangolins (and 'no exact number')
 *   = animals seized, number not given (amount-cell.ts);
 * - censored counts: '>572' (more than 572), '55 (possibly more)' (at least 55 → '>=55'), '60 -120' (a range);
 * - weights typed with their unit ('556kg');
 * - coordinates with a non-breaking space around the number (coordinate.ts);
 * - Year as a range ('SPLIT 2015-2016', '2009-2015'); Date as text ('SPLIT 2014-2015') (year-date.ts);
 * - a place name typed into a C/UC (confirmed/unconfirmed) column ('Dubai', 'Hanoi Noi Bai') (marks.ts).
 * Non-whole animal numbers occur (11.51 carcasses derived by EIA from 57.55 kg of meat): counts are kept as decimals.
 */
import { onlyTable, type NormalizeInput, type NormalizeOutput, type SourceModule } from '../../source-module.ts';
import { seizureObservations } from './aggregate.ts';
import { exactDuplicates } from './duplicates.ts';
import { incidentTable } from './event-table.ts';
import { ID } from './id.ts';
import { readIncident, type Incident } from './incident.ts';
import { INDICATORS } from './indicators.ts';
import { yearDateNotes } from './quality.ts';

const FILE = 'Pangolin seizures_EIA_030919.xlsx';

function normalize(input: NormalizeInput): NormalizeOutput {
  const { table: t, ledger } = onlyTable(input, FILE);
  const duplicates = exactDuplicates(t, ledger);
  const incidents: Incident[] = [];
  for (const r of t.rows) {
    if (duplicates.has(r.row)) continue;
    incidents.push(readIncident(input, t, r));
    ledger.emit(r);
  }
  return { observations: seizureObservations(t, incidents), events: [incidentTable(incidents)], quality: yearDateNotes(t, incidents) };
}

const source: SourceModule = { id: ID, indicators: INDICATORS, normalize };
export default source;
