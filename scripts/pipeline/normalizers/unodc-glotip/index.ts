/**
 * UNODC Global Report on Trafficking in Persons (GLOTIP), dataUNODC long layout: one count per row, as TEXT in
 * `txtVALUE` ('27', '1,757', or '<5' for a suppressed count of 1 to 4).
 *
 * What goes where:
 * - `Dimension = Total` and `by form of exploitation` feed one indicator per `Indicator` (victims detected, persons
 *   convicted, prosecuted, brought into formal contact, offences); the form is the category of dimension
 *   'form of exploitation', 'total' for the Total dimension (series.ts, breakdown.ts).
 * - `by citizenship` and `by country of repatriation` are flows: geo = the reporting (detecting) country, dimension
 *   'citizenship' or 'country of repatriation', and the country named in `Category` as both category and counterpart
 *   (flow-label.ts). A label that names no country is kept as the category with counterpart null (labels.ts), except
 *   "Nationals" by citizenship, which UNODC defines as citizens of the reporting country: its counterpart is the
 *   reporting country. The breakdown's published TOTAL is the indicator's total (dimension 'total').
 *
 * Quirks of this export, handled on purpose (see the tests):
 * - two blocks UNODC appended to the sorted file, where a repeated key is a set of unsummed parts
 *   (appended-blocks.ts); elsewhere an exact repeat is quarantined and a conflicting one stops the build;
 * - an empty `Category` in a citizenship or repatriation row, which cannot be attributed (breakdown.ts);
 * - totals smaller than their parts, published as they are and listed in the quality report (quality.ts).
 */
import { onlyTable, type NormalizeInput, type NormalizeOutput, type SourceModule } from '../../source-module.ts';
import { DuplicateGuard } from '../../duplicate-guard.ts';
import { repeatedDerivedKeys } from './appended-blocks.ts';
import { ID, VALUE } from './id.ts';
import { INDICATORS } from './indicators.ts';
import { normalizeRow, type Placed } from './normalize-row.ts';
import { qualityNotes } from './quality.ts';
import { LABEL_COLUMNS } from './label-columns.ts';

export { NON_COUNTRY_LABELS } from './labels.ts';
export { REASONS } from './reasons.ts';

const FILE = 'data_glotip.xlsx';

function normalize(input: NormalizeInput): NormalizeOutput {
  const { table: t, ledger } = onlyTable(input, FILE);
  const repeated = repeatedDerivedKeys(t);
  const guard = new DuplicateGuard(t, VALUE);
  const placed: Placed[] = [];
  for (const r of t.rows) {
    const p = normalizeRow(input, t, r, ledger, repeated);
    if (p === null) continue;
    const first = guard.admit(p.obs, r);
    if (first !== null) {
      ledger.quarantine(r, `exact duplicate of row ${first}`, VALUE, t.get(r, VALUE));
      continue;
    }
    placed.push(p);
    ledger.emit(r);
  }
  return { observations: placed.map((p) => p.obs), events: [], quality: qualityNotes(placed, t.file, t.sheet) };
}

const source: SourceModule = { id: ID, indicators: INDICATORS, normalize, labelColumns: LABEL_COLUMNS };
export default source;
