/**
 * CITES Trade Database, shipment-level records for pangolins (family Manidae): one event row per record, and
 * counts and quantities of records with source code I (confiscated or seized specimens) by importer × exporter × year.
 *
 * Each record is one party's report (importer OR exporter) of one shipment, so the same shipment can appear twice;
 * importer- and exporter-reported figures are kept apart in their own dimensions and never added.
 * Records that are identical in every column but `id` are kept: the CITES comparative tabulation of the same
 * database counts them as separate shipments (its sums only match when they are included).
 */
import { column, geoColumn, indicatorDef, sourceRef, sourceRefRows, type ColumnDef, type EventTable, type IndicatorSpec, type Observation } from '../model.ts';
import { groupBy, tidySum } from '../arrays.ts';
import { onlyTable, type NormalizeInput, type NormalizeOutput, type SourceModule } from '../source-module.ts';
import type { RawRow, RawTable } from '../read-table.ts';
import type { FileLedger } from '../ledger.ts';
import { PipelineError } from '../errors.ts';
import { decimal, oneOf, requiredText, text, year } from '../values.ts';
import {
  APPENDIX, DIM, exporterCategory as categoryOf, exporterNote, iso2Index, NOT_A_PLACE, PURPOSE_CODES, REPORTER, REPORTERS, reporterPacking, SOURCE_CODES, type Reporter,
} from './cites-codes.ts';

const ID = 'cites-trade-manidae';
const FILE = 'manidae_shipments.csv';

interface Party {
  code: string | null;
  geo: string | null;
  note: string | null;
}

/** A published ISO2 code: a country, a documented non-place ('XX', 'SU'), or an error naming the cell. */
function party(t: RawTable, r: RawRow, column: string, iso2: Map<string, string>): Party {
  const code = text(t, r, column);
  if (code === null) return { code: null, geo: null, note: null };
  const why = NOT_A_PLACE[code];
  if (why !== undefined) return { code, geo: null, note: `${column} ${why}` };
  const geo = iso2.get(code);
  if (geo === undefined) throw new PipelineError(t.at(r, column), `unknown ISO 3166-1 alpha-2 code, found ${JSON.stringify(code)}`);
  return { code, geo, note: null };
}

function optionalCode(t: RawTable, r: RawRow, column: string, allowed: Record<string, string>): string | null {
  return text(t, r, column) === null ? null : oneOf(t, r, column, allowed);
}

/** The file is a family extract; a record of another family means the extract is not what the manifest says. */
function checkTaxonomy(t: RawTable, r: RawRow): void {
  oneOf(t, r, 'class', { Mammalia: 'Mammalia' });
  oneOf(t, r, 'ord', { Pholidota: 'Pholidota' });
  oneOf(t, r, 'family', { Manidae: 'Manidae' });
}

interface Shipment {
  row: RawRow;
  year: number;
  source: string | null;
  reporter: Reporter;
  term: string;
  quantity: number;
  unitLabel: string;
  importer: Party;
  exporter: Party;
  event: Record<string, string | number | boolean | null>;
}

function readShipment(t: RawTable, r: RawRow, iso2: Map<string, string>): Shipment {
  checkTaxonomy(t, r);
  const id = requiredText(t, r, 'id');
  if (!/^\d+$/.test(id)) throw new PipelineError(t.at(r, 'id'), `expected a whole-number id, found ${JSON.stringify(id)}`);
  const quantity = decimal(t, r, 'quantity', { min: 0 });
  if (quantity === null) throw new PipelineError(t.at(r, 'quantity'), 'expected a value, found null');
  const unit = text(t, r, 'unit');
  const unitLabel = unit ?? 'specimens';
  const importer = party(t, r, 'importer', iso2);
  const exporter = party(t, r, 'exporter', iso2);
  const origin = party(t, r, 'origin', iso2);
  const source = optionalCode(t, r, 'source', SOURCE_CODES);
  const reporter = oneOf(t, r, 'reporter_type', REPORTER);
  const term = requiredText(t, r, 'term');
  const y = year(t, r, 'year');
  const notes = [importer.note, exporter.note, origin.note].filter((n): n is string => n !== null);
  const event = {
    record_id: Number(id),
    year: y,
    appendix: oneOf(t, r, 'appendix', APPENDIX),
    taxon: requiredText(t, r, 'taxon'),
    genus: text(t, r, 'genus'),
    term,
    quantity,
    unit,
    unit_label: unitLabel,
    importer: importer.code,
    importer_geo: importer.geo,
    exporter: exporter.code,
    exporter_geo: exporter.geo,
    origin: origin.code,
    origin_geo: origin.geo,
    purpose: optionalCode(t, r, 'purpose', PURPOSE_CODES),
    source_code: source,
    reporter_type: reporter,
    import_permit_randomid: text(t, r, 'import_permit_randomid'),
    export_permit_randomid: text(t, r, 'export_permit_randomid'),
    origin_permit_randomid: text(t, r, 'origin_permit_randomid'),
    note: notes.length > 0 ? notes.join('; ') : null,
    source: ID,
    source_ref: sourceRef(t.file, t.sheet, r.row),
  };
  return { row: r, year: y, source, reporter, term, quantity, unitLabel, importer, exporter, event };
}

/**
 * `id` is the row serial of the extract: a repeated id with the same cells is one record written twice (quarantined);
 * with different cells it is a contradiction that stops the build.
 */
function duplicateIds(t: RawTable, ledger: FileLedger): Set<number> {
  const seen = new Map<string, { row: number; cells: string }>();
  const dup = new Set<number>();
  for (const r of t.rows) {
    const id = String(t.get(r, 'id') ?? '').trim();
    const cells = JSON.stringify(r.cells);
    const prior = seen.get(id);
    if (!prior) {
      seen.set(id, { row: r.row, cells });
      continue;
    }
    if (prior.cells !== cells) {
      throw new PipelineError(t.at(r, 'id'), `duplicate key with conflicting values: id ${id} also on row ${prior.row} with different cells`);
    }
    ledger.quarantine(r, `exact duplicate of row ${prior.row}`, 'id', id);
    dup.add(r.row);
  }
  return dup;
}

// ---------------------------------------------------------------------------------------------- aggregation

const exporterCategory = (s: Shipment): string => categoryOf(s.exporter);

function base(t: RawTable, first: Shipment, list: Shipment[]): Omit<Observation, 'indicator' | 'dimension' | 'category' | 'value' | 'unit'> {
  return {
    domain: 'wildlife',
    geo: first.importer.geo!,
    year: first.year,
    sex: 'total',
    age: 'total',
    counterpart: first.exporter.geo,
    censored: null,
    value_min: null,
    value_max: null,
    source: ID,
    source_ref: sourceRefRows(t.file, t.sheet, list.map((s) => s.row.row)),
    note: exporterNote(first.exporter),
  };
}

const flowKey = (s: Shipment) => [s.importer.geo, s.year, s.exporter.geo ?? '', s.reporter].join('|');

function shipmentCounts(t: RawTable, seized: Shipment[]): Observation[] {
  return [...groupBy(seized, flowKey).values()].map((list) => ({
    ...base(t, list[0]!, list),
    indicator: 'wl_cites_confiscated_shipments',
    dimension: DIM.exporter(list[0]!),
    category: exporterCategory(list[0]!),
    value: list.length,
    unit: 'shipment records',
  }));
}

/** Quantities only add up within one term and unit (skins, kg of scales, pairs of shoes…) and one reporter side. */
function quantities(t: RawTable, seized: Shipment[]): Observation[] {
  const key = (s: Shipment) => [flowKey(s), s.term, s.unitLabel].join('|');
  return [...groupBy(seized, key).values()].map((list) => {
    const s = list[0]!;
    return {
      ...base(t, s, list),
      indicator: 'wl_cites_confiscated_quantity',
      dimension: DIM.item(s),
      category: s.term,
      value: tidySum(list.map((x) => x.quantity)),
      unit: s.unitLabel,
    };
  });
}

function byKey(a: Observation, b: Observation): number {
  return (
    a.indicator.localeCompare(b.indicator) ||
    a.geo.localeCompare(b.geo) ||
    a.year - b.year ||
    (a.counterpart ?? '').localeCompare(b.counterpart ?? '') ||
    a.dimension.localeCompare(b.dimension) ||
    a.category.localeCompare(b.category)
  );
}

// ---------------------------------------------------------------------------------------------- module

const EVENT_COLUMNS: ColumnDef[] = [
  column('record_id', 'INTEGER', 'Row serial of the extract (the repository authors’ table id, not the CITES record id)'),
  column('year', 'INTEGER', 'Year of the shipment record'),
  column('appendix', 'VARCHAR', 'CITES Appendix (I, II, III)'),
  column('taxon', 'VARCHAR', 'Taxon as published'),
  column('genus', 'VARCHAR', 'Genus; null for family-level taxa (Manidae spp.)'),
  column('term', 'VARCHAR', 'What was traded (skins, scales, shoes, live…)'),
  column('quantity', 'DOUBLE', 'Quantity in unit'),
  column('unit', 'VARCHAR', 'Unit as published; null = number of specimens (CITES convention for a blank unit)'),
  column('unit_label', 'VARCHAR', "Unit with the blank spelled out as 'specimens'"),
  column('importer', 'VARCHAR', "Importer, ISO 3166-1 alpha-2 as published ('XX' = unknown)"),
  geoColumn('importer_geo', 'Importer ISO3; null for XX (unknown) and SU (former USSR)'),
  column('exporter', 'VARCHAR', "Exporter, ISO 3166-1 alpha-2 as published ('XX' = unknown)"),
  geoColumn('exporter_geo', 'Exporter ISO3; null for XX (unknown)'),
  column('origin', 'VARCHAR', "Country of origin, ISO 3166-1 alpha-2 as published; null = not reported, 'XX' = unknown"),
  geoColumn('origin_geo', 'Country of origin ISO3; null when not reported or unknown'),
  column('purpose', 'VARCHAR', 'CITES purpose code (T commercial, P personal, S scientific, E educational, Z zoo, L law enforcement, Q circus, M medical, H hunting trophy, B breeding); null = not reported'),
  column('source_code', 'VARCHAR', 'CITES source code (W wild, I confiscated or seized, U unknown, O pre-Convention, C captive-bred, R ranched, F born in captivity); null = not reported'),
  column('reporter_type', 'VARCHAR', "Which party reported the record: 'importer' or 'exporter'"),
  column('import_permit_randomid', 'VARCHAR', 'Anonymised import permit id'),
  column('export_permit_randomid', 'VARCHAR', 'Anonymised export permit id'),
  column('origin_permit_randomid', 'VARCHAR', 'Anonymised origin permit id'),
  column('note', 'VARCHAR', 'Why a code could not be placed (XX, SU)'),
  column('source', 'VARCHAR', 'Source id'),
  column('source_ref', 'VARCHAR', 'file::row in the published CSV'),
];

const CAVEAT =
  'A legal-trade reporting database: records with source code I are confiscated or seized specimens that were then traded (re-exported, donated…), not a register of seizures. Importer- and exporter-reported records of the same shipment are kept apart and must never be added. Annual reports lag: the last years were incomplete at download (2018 absent).';

/** Both indicators are flows from exporter to importer, split by the reporting party. */
const SPECS: IndicatorSpec[] = [
  {
    id: 'wl_cites_confiscated_shipments',
    title: 'CITES trade records of confiscated or seized pangolin specimens',
    unit: 'shipment records',
    definition:
      'Number of CITES shipment records of pangolins (family Manidae) with source code I (confiscated or seized), by importer and year, broken down by exporter (category and counterpart) separately for each reporting party: dimensions "exporter (reported by importer)" and "exporter (reported by exporter)".',
    caveat: `${CAVEAT} Records with an unknown importer (XX) are in the shipment table only.`,
    breakdowns: ['category', 'counterpart'],
    dimensions: REPORTERS.map((s) => ({ name: DIM.exporter(s), exclusive: true, geo: true })),
    label_packing: reporterPacking('exporter'),
  },
  {
    id: 'wl_cites_confiscated_quantity',
    title: 'Quantity of confiscated or seized pangolin specimens in CITES trade records',
    unit: 'unit of each record (specimens, kg, g…)',
    definition:
      'Sum of the quantities of CITES shipment records with source code I (confiscated or seized), by importer, year, exporter (counterpart) and item traded (category, the CITES term), in the unit of the records (column unit; a blank CITES unit means number of specimens), separately for each reporting party: dimensions "item traded (reported by importer)" and "item traded (reported by exporter)".',
    caveat: `${CAVEAT} Quantities in different units (specimens, kg of scales, pairs of shoes) are not comparable and are never added.`,
    breakdowns: ['category', 'counterpart'],
    dimensions: REPORTERS.map((s) => ({ name: DIM.item(s), exclusive: true })),
    label_packing: reporterPacking('item traded'),
  },
];

const source: SourceModule = {
  id: ID,
  indicators: SPECS.map((spec) => indicatorDef(ID, 'wildlife', spec)),
  normalize(input: NormalizeInput): NormalizeOutput {
    const { table: t, ledger } = onlyTable(input, FILE);
    const iso2 = iso2Index(input.geo);
    const duplicates = duplicateIds(t, ledger);
    const shipments: Shipment[] = [];
    for (const r of t.rows) {
      if (duplicates.has(r.row)) continue;
      shipments.push(readShipment(t, r, iso2));
      ledger.emit(r);
    }
    const seized = shipments.filter((s) => s.source === 'I' && s.importer.geo !== null);
    const observations = [...shipmentCounts(t, seized), ...quantities(t, seized)].sort(byKey);
    const events: EventTable[] = [
      {
        name: 'cites_shipments',
        title: 'CITES shipment records of pangolins (family Manidae), 1977–2017',
        description:
          'One row per CITES shipment-level record (2019 bulk release, family Manidae extract). Each record is one party’s report; the same physical shipment can appear once as importer-reported and once as exporter-reported.',
        columns: EVENT_COLUMNS,
        rows: shipments.map((s) => s.event),
      },
    ];
    return { observations, events, quality: [] };
  },
};
export default source;
