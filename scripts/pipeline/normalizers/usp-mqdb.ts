/**
 * USP Medicines Quality Database (MQDB): one row per medicine sample tested in national post-marketing
 * surveillance supported by USP's PQM programme, 2003–2017.
 *
 * Every sample becomes a row of the `medicine_samples` event table; the observations are counts of samples
 * tested / failed / flagged counterfeit and the failure rate, by country × year, with two breakdowns (dimensions):
 * the medicine class (normalised from "Therapeutic Indications") and the type of test. Both cover the same samples,
 * so their parts are never added together.
 *
 * The file has no sample identifier, and 807 rows repeat an earlier row in every column (562 groups, mostly
 * several samples of the same medicine taken in one province on one day, e.g. nine tetracycline samples from
 * private pharmacies in Kanchanaburi on 2 July 2008; the repeats are scattered, not adjacent). They are read
 * as distinct samples — the publisher counts them (its failure totals per country include them) — and
 * `same_as_row` names the earlier identical row so that a user can drop them if they wish.
 */
import type { ColumnDef, EventTable, IndicatorDef, Observation } from '../model.ts';
import { column, geoColumn, observation, sourceRef, sourceRefRows, TOTAL } from '../model.ts';
import { byCode } from '../arrays.ts';
import type { NormalizeInput, NormalizeOutput, QualityNote, SourceModule } from '../source-module.ts';
import { onlyTable } from '../source-module.ts';
import type { RawRow, RawTable } from '../read-table.ts';
import { PipelineError } from '../errors.ts';
import { dayMonthYear, oneOf, requiredText, text, year } from '../values.ts';

const ID = 'usp-mqdb';
const FILE = 'MQD_ALL_CSV.csv';
const DOMAIN = 'falsified-medicines';

/**
 * "Therapeutic Indications" → medicine class. Only case, spelling, plural and word-order variants are merged
 * (Antimalarial/Antimalarials, Anti-tuberculosis/Antituberculosis, ARV/Antiretroviral, Antipyretic/analgesic
 * and its reorderings, Preeclamspia); indications that are not a class (Eclampsia, Sepsis…) keep their own
 * label. The two rows naming two different indications go to "Other"; "Missing" has no class. A label not
 * listed here stops the build, so a new label is classified by a person, never guessed.
 */
export const MEDICINE_CLASS: Readonly<Record<string, string | null>> = {
  'antimalarial': 'Antimalarials',
  'antimalarials': 'Antimalarials',
  'antimalarial, antimalarial': 'Antimalarials',
  'antimalarials, antimalarials': 'Antimalarials',
  'antibiotic': 'Antibiotics',
  'anti-tuberculosis': 'Anti-tuberculosis',
  'antituberculosis': 'Anti-tuberculosis',
  'antiretroviral': 'Antiretrovirals',
  'arv': 'Antiretrovirals',
  'antiviral': 'Antivirals',
  'analgesic': 'Analgesics',
  'anti-inflammatory': 'Anti-inflammatories',
  'analgesic & anti-inflammatory': 'Analgesics & anti-inflammatories',
  'antipyretic/analgesic': 'Analgesics/antipyretics',
  'analgesic/antipyretic': 'Analgesics/antipyretics',
  'antipyrectic/analgesic': 'Analgesics/antipyretics',
  'antipyretic': 'Antipyretics',
  'antifungus': 'Antifungals',
  'antihistamine (corticosteriod)': 'Antihistamines (corticosteroid)',
  'antiasthmatic': 'Antiasthmatics',
  'bronchodialator': 'Bronchodilators',
  'diuretic': 'Diuretics',
  'antidiabetic': 'Antidiabetics',
  'anthelmintic': 'Anthelmintics',
  'eclampsia': 'Eclampsia',
  'preeclampsia': 'Pre-eclampsia',
  'preeclamspia': 'Pre-eclampsia',
  'preeclampsia/eclampsia': 'Pre-eclampsia/eclampsia',
  'postpartum hemorrhage': 'Postpartum hemorrhage',
  'post-partum hemorrhage': 'Postpartum hemorrhage',
  'diarrhea': 'Diarrhea',
  'sepsis': 'Sepsis',
  'neonatal sepsis': 'Neonatal sepsis',
  'neonatal ocular infection': 'Neonatal ocular infection',
  'postpartum hemorrhage, antibiotic': 'Other',
  'antimalarials, analgesic': 'Other',
  'missing': null,
};

/** "Drug Registered" → registered with the national regulator; the publisher's own "don't know" labels → null. */
const REGISTERED: Readonly<Record<string, boolean | null>> = {
  'yes': true,
  'registered': true,
  'no': false,
  'non-registered': false,
  'unknown': null,
  'missing': null,
  'n/a': null,
  'no information': null,
  'no information available': null,
};

const RESULT = { Pass: 'pass', pass: 'pass', Fail: 'fail' } as const;
const TEST_TYPE = { Screening: 'screening', Compendial: 'compendial' } as const;
const COUNTERFEIT = { Yes: 'yes', yes: 'yes', No: 'no', no: 'no' } as const;
/** Category labels of the test-type breakdown; they cover the same samples as the medicine classes. */
const TEST_CATEGORY = { screening: 'Screening test', compendial: 'Compendial test' } as const;
const CLASS_DIMENSION = 'medicine class';
const TEST_DIMENSION = 'test type';
/** Each sample has one class and one test type: both breakdowns partition the samples, each on its own. */
const DIMENSIONS = [
  { name: CLASS_DIMENSION, exclusive: true },
  { name: TEST_DIMENSION, exclusive: true },
];

const SAMPLING_CAVEAT =
  'Samples come only from countries in the USP PQM network and were chosen by programme priorities (sentinel sites, priority medicines): failure rates describe the samples tested, not national prevalence.';
const SCREENING_CAVEAT =
  'Most samples were only screened (Minilab/TLC); a pass at screening is not full compendial (pharmacopoeial) compliance, so rates from screening and compendial tests are not comparable (see the categories "Screening test" and "Compendial test").';
const CATEGORY_DEF =
  'Two breakdowns of the same samples: dimension "medicine class" (normalised from the publisher\'s "Therapeutic Indications") and dimension "test type" ("Screening test", "Compendial test"); they must not be added together, and samples without a class or test type are only in the total.';

const INDICATORS: IndicatorDef[] = [
  {
    id: 'med_samples_tested',
    domain: DOMAIN,
    title: 'Medicine samples tested (USP MQDB)',
    unit: 'samples',
    definition: `Number of medicine samples collected in the year (post-marketing surveillance) and tested. ${CATEGORY_DEF}`,
    caveat: `${SAMPLING_CAVEAT} The file has no sample id: rows identical in every column are counted as separate samples, as the publisher does.`,
    breakdowns: ['category'],
    dimensions: DIMENSIONS,
    derived: false,
    sources: [ID],
    label_packing: null,
  },
  {
    id: 'med_samples_failed',
    domain: DOMAIN,
    title: 'Medicine samples failing quality tests (USP MQDB)',
    unit: 'samples',
    definition: `Number of samples collected in the year whose final test result is "Fail". ${CATEGORY_DEF}`,
    caveat: `${SAMPLING_CAVEAT} ${SCREENING_CAVEAT}`,
    breakdowns: ['category'],
    dimensions: DIMENSIONS,
    derived: false,
    sources: [ID],
    label_packing: null,
  },
  {
    id: 'med_failure_rate',
    domain: DOMAIN,
    title: 'Share of medicine samples failing quality tests (USP MQDB)',
    unit: 'percent',
    definition: `Samples failed ÷ samples tested × 100, for the same country, year and category, rounded to two decimals. Computed by the observatory from the sample-level file, not published by USP. ${CATEGORY_DEF}`,
    caveat: `Computed by the observatory. ${SAMPLING_CAVEAT} ${SCREENING_CAVEAT} Read it with med_samples_tested: many cells rest on a handful of samples.`,
    breakdowns: ['category'],
    dimensions: DIMENSIONS,
    derived: true,
    sources: [ID],
    label_packing: null,
  },
  {
    id: 'med_samples_counterfeit',
    domain: DOMAIN,
    title: 'Medicine samples flagged as counterfeit (USP MQDB)',
    unit: 'samples',
    definition: `Number of samples collected in the year that the publisher flags "Counterfeit Medicine: Yes" (all of them also failed). ${CATEGORY_DEF}`,
    caveat: `${SAMPLING_CAVEAT} The flag is the submitting authority's judgement; "counterfeit" predates the WHO term "falsified".`,
    breakdowns: ['category'],
    dimensions: DIMENSIONS,
    derived: false,
    sources: [ID],
    label_packing: null,
  },
];

const COLUMNS: ColumnDef[] = [
  column('region', 'VARCHAR', 'Region as published (Asia, Africa, South America — the publisher files Guatemala under South America)'),
  column('country', 'VARCHAR', 'Country as published'),
  geoColumn('geo', 'ISO alpha-3 code of the country'),
  column('province', 'VARCHAR', 'Province or region of collection, as published (trimmed)'),
  column('brand_name', 'VARCHAR', 'Medicine/Brand Name as published'),
  column('therapeutic_indication', 'VARCHAR', 'Therapeutic Indications as published'),
  column('medicine_class', 'VARCHAR', 'Medicine class normalised from therapeutic_indication (documented map in the normalizer); null for "Missing"'),
  column('manufacturer', 'VARCHAR', 'Manufacturer as published'),
  column('batch_lot_number', 'VARCHAR', 'Batch/lot number as published'),
  column('api', 'VARCHAR', 'Active pharmaceutical ingredient(s) as published'),
  column('dosage_form', 'VARCHAR', 'Dosage form as published'),
  column('drug_registered', 'VARCHAR', 'Drug Registered as published (Yes, Registered, No, Non-Registered, Unknown, Missing, N/A, No Information…)'),
  column('registered', 'BOOLEAN', 'Registered with the national regulator: true for Yes/Registered, false for No/Non-Registered, null when unknown'),
  column('facility_sector', 'VARCHAR', 'Facility Sector as published (Private, Public, Informal, Unknown…)'),
  column('facility_type', 'VARCHAR', 'Facility Type as published'),
  column('year', 'INTEGER', 'Year of collection as published'),
  column('date_collected', 'DATE', 'Date Sample Collected (published as dd/mm/yyyy)'),
  column('result', 'VARCHAR', 'Final test result: pass or fail'),
  column('test_type', 'VARCHAR', 'Type of test: screening (Minilab/TLC) or compendial; null where the publisher left it empty'),
  column('reason_for_failure', 'VARCHAR', 'Reason for Failure as published (N/A for passed samples)'),
  column('counterfeit', 'BOOLEAN', 'Counterfeit Medicine flag (Yes/No, any case)'),
  column('action_taken', 'VARCHAR', 'Actions Taken on Substandard or Counterfeit Medicine as published'),
  column('same_as_row', 'INTEGER', 'Row of the first earlier sample identical in every published column (the file has no sample id; such rows are counted as separate samples); null otherwise'),
  column('source', 'VARCHAR', 'Source id'),
  column('source_ref', 'VARCHAR', 'file:sheet:row of the sample in the publisher\'s file'),
];

type Sample = Record<string, string | number | boolean | null>;

function lookup<T>(t: RawTable, r: RawRow, column: string, map: Readonly<Record<string, T>>, what: string): T | null {
  const label = text(t, r, column);
  if (label === null) return null;
  const key = label.toLowerCase();
  if (!(key in map)) throw new PipelineError(t.at(r, column), `unknown ${what} ${JSON.stringify(label)}; classify it in ${ID}.ts`);
  return map[key]!;
}

export function ddmmyyyy(t: RawTable, r: RawRow, column: string): string | null {
  const s = text(t, r, column);
  return s === null ? null : dayMonthYear(t, r, column, s);
}

function resolveCountry(t: RawTable, r: RawRow, input: NormalizeInput): string {
  const name = requiredText(t, r, 'Country');
  const res = input.geo.resolveName(name, input.aliases);
  if (res === null || 'reason' in res) {
    throw new PipelineError(t.at(r, 'Country'), `unknown geography name ${JSON.stringify(name)}; add it to data/reference/aliases/${ID}.csv`);
  }
  return res.geo;
}

function readSample(t: RawTable, r: RawRow, input: NormalizeInput): Sample {
  const optional = (c: string) => text(t, r, c);
  return {
    region: optional('Region'),
    country: requiredText(t, r, 'Country'),
    geo: resolveCountry(t, r, input),
    province: optional('Province'),
    brand_name: optional('Medicine/Brand Name'),
    therapeutic_indication: optional('Therapeutic Indications'),
    medicine_class: lookup(t, r, 'Therapeutic Indications', MEDICINE_CLASS, 'therapeutic indication'),
    manufacturer: optional('Manufacturer'),
    batch_lot_number: optional('Batch Lot Number'),
    api: optional('API'),
    dosage_form: optional('Dosage Form'),
    drug_registered: optional('Drug Registered'),
    registered: lookup(t, r, 'Drug Registered', REGISTERED, 'registration status'),
    facility_sector: optional('Facility Sector'),
    facility_type: optional('Facility Type'),
    year: year(t, r, 'Year'),
    date_collected: ddmmyyyy(t, r, 'Date Sample Collected'),
    result: oneOf(t, r, 'Final Test Result', RESULT),
    test_type: optional('Type of Test') === null ? null : oneOf(t, r, 'Type of Test', TEST_TYPE),
    reason_for_failure: optional('Reason for Failure'),
    counterfeit: oneOf(t, r, 'Counterfeit Medicine', COUNTERFEIT) === 'yes',
    action_taken: optional('Actions Taken on Substandard or Counterfeit Medicine'),
    same_as_row: null,
    source: ID,
    source_ref: sourceRef(t.file, t.sheet, r.row),
  };
}

function checkYear(t: RawTable, r: RawRow, s: Sample): QualityNote | null {
  const date = s['date_collected'] as string | null;
  if (date === null || Number(date.slice(0, 4)) === s['year']) return null;
  return {
    source: ID,
    source_ref: s['source_ref'] as string,
    check: 'collection date outside the stated year',
    message: `Year is ${s['year']} but Date Sample Collected is ${text(t, r, 'Date Sample Collected')}; the sample is counted under Year`,
  };
}

interface Cell {
  geo: string;
  year: number;
  dimension: string;
  category: string;
  tested: number;
  failed: number;
  counterfeit: number;
  rows: number[];
}

/** The cells a sample counts in: the total, its class, its test type. */
function categoriesOf(s: Sample): { dimension: string; category: string }[] {
  const out = [{ dimension: TOTAL, category: TOTAL }];
  if (s['medicine_class'] !== null) out.push({ dimension: CLASS_DIMENSION, category: s['medicine_class'] as string });
  if (s['test_type'] !== null) out.push({ dimension: TEST_DIMENSION, category: TEST_CATEGORY[s['test_type'] as keyof typeof TEST_CATEGORY] });
  return out;
}

function tally(samples: { s: Sample; row: number }[]): Cell[] {
  const cells = new Map<string, Cell>();
  for (const { s, row } of samples) {
    for (const { dimension, category } of categoriesOf(s)) {
      const key = `${s['geo']}|${s['year']}|${dimension}|${category}`;
      let c = cells.get(key);
      if (!c) cells.set(key, (c = { geo: s['geo'] as string, year: s['year'] as number, dimension, category, tested: 0, failed: 0, counterfeit: 0, rows: [] }));
      c.tested++;
      if (s['result'] === 'fail') c.failed++;
      if (s['counterfeit'] === true) c.counterfeit++;
      c.rows.push(row);
    }
  }
  const order = (c: Cell) => (c.dimension === TOTAL ? 0 : c.dimension === CLASS_DIMENSION ? 1 : 2);
  return [...cells.values()].sort(
    (a, b) => byCode(a.geo, b.geo) || a.year - b.year || order(a) - order(b) || byCode(a.category, b.category),
  );
}

function cellObservation(c: Cell, file: string, indicator: string, value: number, unit: string, note: string | null): Observation {
  const source_ref = sourceRefRows(file, undefined, c.rows);
  return observation({ domain: DOMAIN, indicator, geo: c.geo, year: c.year, dimension: c.dimension, category: c.category, value, unit, source: ID, source_ref, note });
}

/** Every cell has at least one sample, so its zeros are real zeros (no sample failed), not missing values. */
function toObservations(cells: Cell[], file: string): Observation[] {
  return cells.flatMap((c) => [
    cellObservation(c, file, 'med_samples_tested', c.tested, 'samples', null),
    cellObservation(c, file, 'med_samples_failed', c.failed, 'samples', null),
    cellObservation(c, file, 'med_failure_rate', Math.round((c.failed / c.tested) * 10_000) / 100, 'percent', `computed by the observatory: ${c.failed} failed ÷ ${c.tested} tested × 100`),
    cellObservation(c, file, 'med_samples_counterfeit', c.counterfeit, 'samples', null),
  ]);
}

function normalize(input: NormalizeInput): NormalizeOutput {
  const { table: t, ledger } = onlyTable(input, FILE);
  const samples: { s: Sample; row: number }[] = [];
  const quality: QualityNote[] = [];
  const firstSeen = new Map<string, number>();
  for (const r of t.rows) {
    const s = readSample(t, r, input);
    const note = checkYear(t, r, s);
    if (note) quality.push(note);
    const whole = JSON.stringify(r.cells);
    const first = firstSeen.get(whole);
    if (first === undefined) firstSeen.set(whole, r.row);
    else s['same_as_row'] = first;
    samples.push({ s, row: r.row });
    ledger.emit(r);
  }
  const events: EventTable[] = [
    {
      name: 'medicine_samples',
      title: 'Medicine samples tested in post-marketing surveillance (USP MQDB, 2003–2017)',
      description:
        'One row per medicine sample in the USP Medicines Quality Database export: where and when it was collected, what it is, the test type and result. Rows identical in every column are kept as separate samples (the file has no sample id); same_as_row points to the first of them.',
      columns: COLUMNS,
      rows: samples.map((x) => x.s),
    },
  ];
  return { observations: toObservations(tally(samples), t.file), events, quality };
}

const source: SourceModule = { id: ID, indicators: INDICATORS, normalize };
export default source;
