/**
 * UNODC Global Report on Trafficking in Persons (GLOTIP), dataUNODC long layout: one count per row, as TEXT in
 * `txtVALUE` ('27', '1,757', or '<5' for a suppressed count of 1 to 4).
 *
 * What goes where:
 * - `Dimension = Total` and `by form of exploitation` feed one indicator per `Indicator` (victims detected, persons
 *   convicted, prosecuted, brought into formal contact, offences); the form is the category, 'total' for the
 *   Total dimension.
 * - `by citizenship` and `by country of repatriation` are flows: geo = the reporting (detecting) country,
 *   counterpart = the country named in `Category`, resolved through UN names and data/reference/aliases/unodc-glotip.csv
 *   (Spanish, French and misspelt names, demonyms, mojibake). A country row has category 'total'; a label that names
 *   no country is kept as the category with counterpart null (NON_COUNTRY_LABELS), except "Nationals" by
 *   citizenship, which UNODC defines as citizens of the reporting country: its counterpart is the reporting country.
 *   Any other label stops the build.
 *
 * Quirks of this export, handled on purpose (see the tests):
 * - The file is one sorted block (rows 4–37754) followed by two blocks UNODC appended: sex totals
 *   (Dimension Total, Sex ≠ Total, Age = Total) and every 'Other forms of exploitation' row. In those blocks a key
 *   that occurs more than once is a set of unsummed parts, not a repeat: the sex block lists the 0–17 and 18+ values
 *   under Age = Total (e.g. Bolivia 2017 female: 62 and 43, the 18+ and 0–17 rows), and the other-forms block lists
 *   sub-forms under one label, in some countries together with their total (Finland 2019: 72, 6, 52, 5 where the
 *   total leaves room for 72 only). No row of such a group is the value for its key, so all of them are quarantined.
 *   Elsewhere the usual rule holds: an exact repeat is quarantined, a conflicting one stops the build.
 * - An empty `Category` in a citizenship or repatriation row is sometimes the breakdown's total (Bolivia, Kazakhstan),
 *   sometimes the non-nationals (Namibia 2020), and twice the year typed as a value ('2,020'): quarantined.
 * - Totals smaller than their parts are published as they are and listed in the quality report (qualityNotes).
 */
import type { Domain, IndicatorDef, Observation } from '../model.ts';
import { sourceRef, sourceRefRows } from '../model.ts';
import type { NormalizeInput, NormalizeOutput, QualityNote, SourceModule } from '../source-module.ts';
import { onlyTable } from '../source-module.ts';
import type { RawRow, RawTable } from '../read-table.ts';
import type { FileLedger } from '../ledger.ts';
import { DuplicateGuard } from '../duplicate-guard.ts';
import { PipelineError } from '../errors.ts';
import { nameKey } from '../reference/geo-index.ts';
import { censoredCount, oneOf, text, year } from '../values.ts';
import { unodcAge, unodcCategory, unodcGeo, unodcSex } from './unodc-common.ts';

const SOURCE = 'unodc-glotip';
const FILE = 'data_glotip.xlsx';
const DOMAIN: Domain = 'trafficking-in-persons';
const VALUE = 'txtVALUE';

type Dimension = 'Total' | 'by form of exploitation' | 'by citizenship' | 'by country of repatriation';
const DIMENSIONS: Record<string, Dimension> = {
  Total: 'Total',
  'by form of exploitation': 'by form of exploitation',
  'by citizenship': 'by citizenship',
  'by country of repatriation': 'by country of repatriation',
};
const FORMS: Record<string, string> = {
  'Sexual exploitation': 'Sexual exploitation',
  'Forced labour': 'Forced labour',
  'Other forms of exploitation': 'Other forms of exploitation',
};
const OTHER_FORMS = 'Other forms of exploitation';

interface Series {
  /** Indicator for the Total and form-of-exploitation dimensions. */
  base: string;
  unit: string;
  /** Indicators for the flow dimensions this series is published with. */
  flows: Partial<Record<Dimension, string>>;
}

const SERIES: Record<string, Series> = {
  'Detected trafficking victims': {
    base: 'tip_victims_detected',
    unit: 'persons',
    flows: { 'by citizenship': 'tip_victims_by_citizenship', 'by country of repatriation': 'tip_victims_repatriated_from' },
  },
  'Persons convicted': { base: 'tip_persons_convicted', unit: 'persons', flows: { 'by citizenship': 'tip_persons_convicted_by_citizenship' } },
  'Persons prosecuted': { base: 'tip_persons_prosecuted', unit: 'persons', flows: {} },
  'Persons brought into formal contact': { base: 'tip_persons_formal_contact', unit: 'persons', flows: {} },
  'Offences of trafficking in persons': { base: 'tip_offences', unit: 'offences', flows: {} },
};

/** A citizenship or repatriation label that names no country. */
interface LabelRule {
  /** Published labels (compared by nameKey: case, accents and punctuation do not matter). */
  labels: string[];
  /** The category shown; the published label goes to the note when it differs. */
  category: string;
  /** Citizens of the reporting country (counterpart = geo) — only meaningful by citizenship. */
  self?: boolean;
  note?: string;
}

const R = '\uFFFD'; // the file has replacement characters where accents were lost (e.g. "pa\uFFFDs" for "país")

/**
 * Non-country labels, kept as categories with counterpart null. Translations of the same notion are merged under one
 * English label (the published one stays in the note); everything else keeps its published label.
 */
export const NON_COUNTRY_LABELS: readonly LabelRule[] = [
  { labels: ['Nationals', `Ciudadanos de su pa${R}s`, 'own country'], category: 'Nationals', self: true },
  { labels: ['Abroad'], category: 'Abroad' },
  { labels: [`Personnes de nationalit${R} ${R}trang${R}re`], category: 'Foreign nationals' },
  {
    labels: ['Unknown', 'DESCONOCIDA', 'Desconocido', 'Inconnue', 'NO DETERMINADA', 'Sin determinar', 'no information', 'NO REGISTRA', 'N/A'],
    category: 'Unknown',
  },
  { labels: ['Stateless'], category: 'Stateless' },
  { labels: ['OTROS', '(especifique otras nacionalidades)'], category: 'Other' },
  { labels: [`(especifique el pa${R}s)`], category: 'Country not specified', note: 'questionnaire placeholder "(specify the country)" left unfilled' },
  { labels: ['TOTAL', 'TOTAL POR AÑO'], category: 'total', note: 'total of the breakdown as published by the reporting country' },
  { labels: ['Africa others'], category: 'Africa others' },
  { labels: ['Asia others'], category: 'Asia others' },
  { labels: ['Europe others'], category: 'Europe others' },
  { labels: ['EU-28 others'], category: 'EU-28 others' },
  { labels: ['Amercias'], category: 'Americas' },
  { labels: ['Central africa'], category: 'Central Africa' },
  { labels: ['Caribbean (Trinidad and Tobago, Barbados, etc)'], category: 'Caribbean (Trinidad and Tobago, Barbados, etc)' },
  { labels: ['Other Countries (Dominica, Panama, French Guiana, Brazil, etc.)'], category: 'Other Countries (Dominica, Panama, French Guiana, Brazil, etc.)' },
  { labels: ['European Economic Area'], category: 'European Economic Area' },
  { labels: ['M49 Region: Africa'], category: 'M49 Region: Africa' },
  { labels: ['M49 Region: Americas'], category: 'M49 Region: Americas' },
  { labels: ['M49 Region: Asia'], category: 'M49 Region: Asia' },
  { labels: ['Former Yugoslavia'], category: 'Former Yugoslavia' },
  { labels: ['Former Czechoslovakia'], category: 'Former Czechoslovakia' },
  { labels: ['The former Netherlands Antilles'], category: 'The former Netherlands Antilles' },
  { labels: ['Disputed'], category: 'Disputed' },
  { labels: ['Rohingya'], category: 'Rohingya', note: 'an ethnic group, largely stateless; not a country' },
  { labels: ['Congolese'], category: 'Congolese', note: 'ambiguous: Congo or the Democratic Republic of the Congo' },
  { labels: ['Nationality'], category: 'Nationality', note: 'label as published; its meaning is not documented (a residual line in the reporting country\'s table)' },
  { labels: ['without'], category: 'without', note: 'label as published (Germany); probably without citizenship or without information' },
  { labels: ['3 nigériens et 1 tunisien'], category: '3 nigériens et 1 tunisien', note: 'free text from the questionnaire: three Nigeriens and one Tunisian' },
];

const LABEL_INDEX: ReadonlyMap<string, LabelRule> = new Map(NON_COUNTRY_LABELS.flatMap((rule) => rule.labels.map((l) => [nameKey(l), rule] as const)));

export const REASONS = {
  emptyCategory:
    'Category is empty in a by-citizenship or by-country-of-repatriation row: the label is missing and such rows mean different things (the total, the non-nationals, once the year typed as a value), so the value cannot be attributed',
  sexBlockParts:
    'sex total (Age = Total) repeats its key in the block UNODC appended: the rows are the age groups listed instead of summed, so none of them is the sex total',
  otherFormsParts:
    "'Other forms of exploitation' repeats its key in the block UNODC appended: unlabelled sub-forms (in some countries with their total) share one label, so none of them is the value for other forms",
  noValue: 'txtVALUE is empty: nothing was published for this cell',
} as const;

const CAVEAT_DETECTED =
  'Detected victims are not prevalence: UNODC says these figures "shall not be considered representative of the prevalence of the crime"; a rise can mean better detection. ';
const CAVEAT_CENSORED = 'Counts of 1 to 4 are suppressed as "<5" (kept as a flag with bounds, never as 0). ';
const CAVEAT_COVERAGE = 'National definitions differ and years are reported unevenly; a missing year is not zero. 2021 is incomplete in this release. ';
const CAVEAT_BLOCKS =
  'Sex totals (age total) and "Other forms of exploitation" come from blocks UNODC appended to the file; where a key repeats there they are left out, and where it does not, a value may be one age group or sub-form rather than the total (see the quality report). ';
const CAVEAT_FLOW = 'Only part of the victims are broken down, by few countries; labels that name no country (Unknown, Other, regions) are kept as categories without counterpart. ';

function def(id: string, title: string, unit: string, definition: string, caveat: string, breakdowns: IndicatorDef['breakdowns']): IndicatorDef {
  return { id, domain: DOMAIN, title, unit, definition, caveat: caveat.trim(), breakdowns, derived: false, sources: [SOURCE] };
}

const INDICATORS: IndicatorDef[] = [
  def(
    'tip_victims_detected',
    'Detected victims of trafficking in persons',
    'persons',
    'Persons identified by national authorities as victims of trafficking in persons in the country and year (UNODC GLOTIP), by sex, age group and form of exploitation (sexual exploitation, forced labour, other forms) where reported.',
    CAVEAT_DETECTED + CAVEAT_CENSORED + 'One victim may suffer several forms of exploitation, so forms need not add up to the total. ' + CAVEAT_BLOCKS + CAVEAT_COVERAGE,
    ['sex', 'age', 'category'],
  ),
  def(
    'tip_persons_convicted',
    'Persons convicted of trafficking in persons',
    'persons',
    'Persons found guilty of trafficking in persons and related offences in the year, preferably in a court of first instance, by sex, age group and form of exploitation where reported (UNODC GLOTIP).',
    CAVEAT_CENSORED + CAVEAT_BLOCKS + CAVEAT_COVERAGE,
    ['sex', 'age', 'category'],
  ),
  def(
    'tip_persons_prosecuted',
    'Persons prosecuted for trafficking in persons',
    'persons',
    'Persons prosecuted for trafficking in persons and related offences in the year, by sex and age group where reported (UNODC GLOTIP).',
    CAVEAT_CENSORED + CAVEAT_BLOCKS + CAVEAT_COVERAGE,
    ['sex', 'age'],
  ),
  def(
    'tip_persons_formal_contact',
    'Persons brought into formal contact with the police for trafficking in persons',
    'persons',
    'Persons brought into contact with the authorities, suspected, arrested, investigated or cautioned for trafficking in persons and related offences in the year, by sex and age group where reported (UNODC GLOTIP).',
    CAVEAT_CENSORED + CAVEAT_BLOCKS + CAVEAT_COVERAGE,
    ['sex', 'age'],
  ),
  def(
    'tip_offences',
    'Offences of trafficking in persons',
    'offences',
    'Offences of trafficking in persons reported in the country and year (UNODC GLOTIP).',
    CAVEAT_CENSORED + CAVEAT_COVERAGE,
    [],
  ),
  def(
    'tip_victims_by_citizenship',
    'Detected victims of trafficking by citizenship',
    'persons',
    'Victims detected in the reporting country (geo), by their citizenship (counterpart). "Nationals" are citizens of the reporting country (counterpart = geo).',
    CAVEAT_DETECTED + CAVEAT_CENSORED + CAVEAT_FLOW + CAVEAT_COVERAGE,
    ['counterpart', 'category'],
  ),
  def(
    'tip_persons_convicted_by_citizenship',
    'Persons convicted of trafficking in persons by citizenship',
    'persons',
    'Persons convicted in the reporting country (geo), by their citizenship (counterpart). "Nationals" are citizens of the reporting country (counterpart = geo).',
    CAVEAT_CENSORED + CAVEAT_FLOW + CAVEAT_COVERAGE,
    ['counterpart', 'category'],
  ),
  def(
    'tip_victims_repatriated_from',
    'Detected victims of trafficking by country of repatriation',
    'persons',
    'Victims reported by the country (geo) under UNODC\'s heading "by country of repatriation", with the country named in that breakdown as counterpart. "Abroad" is the most frequent label, which suggests victims repatriated to the reporting country from abroad.',
    'UNODC does not define the direction of "country of repatriation" in the file or its metadata, and reporting countries seem to read it differently (some list their own country). ' +
      CAVEAT_CENSORED + CAVEAT_FLOW + CAVEAT_COVERAGE,
    ['counterpart', 'category'],
  ),
];

/** What a citizenship/repatriation label becomes, or why its row cannot be placed. */
type FlowLabel = { category: string; counterpart: string | null; note: string | null } | { reason: string };

function publishedNote(label: string, shown: string, extra?: string): string | null {
  const parts = [nameKey(label) === nameKey(shown) ? null : `published label ${JSON.stringify(label)}`, extra ?? null].filter((p) => p !== null);
  return parts.length > 0 ? parts.join('; ') : null;
}

function flowLabel(input: NormalizeInput, t: RawTable, r: RawRow, label: string, dimension: Dimension, reporter: string): FlowLabel {
  const rule = LABEL_INDEX.get(nameKey(label));
  if (rule) {
    const counterpart = rule.self && dimension === 'by citizenship' ? reporter : null;
    return { category: rule.category, counterpart, note: publishedNote(label, rule.category, rule.note) };
  }
  const res = input.geo.resolveName(label, input.aliases);
  if (res === null) {
    throw new PipelineError(
      t.at(r, 'Category'),
      `unknown ${dimension} label ${JSON.stringify(label)}: add it to data/reference/aliases/unodc-glotip.csv or, if it names no country, to NON_COUNTRY_LABELS`,
    );
  }
  if ('reason' in res) return res;
  const place = input.geo.rows.get(res.geo);
  if (!place) throw new PipelineError(t.at(r, 'Category'), `label ${JSON.stringify(label)} resolves to ${res.geo}, which is not in the geography table`);
  return { category: 'total', counterpart: res.geo, note: publishedNote(label, place.name) };
}

/** The two appended blocks, recognised by their shape (see the header comment). */
function derivedBlockReason(dimension: Dimension, category: string | null, sex: string | null, age: string | null): string | null {
  if (dimension === 'Total' && sex !== 'Total' && age === 'Total') return REASONS.sexBlockParts;
  if (category === OTHER_FORMS) return REASONS.otherFormsParts;
  return null;
}

function rawKey(t: RawTable, r: RawRow): string {
  return ['Iso3_code', 'Country', 'Indicator', 'Dimension', 'Category', 'Sex', 'Age', 'Year'].map((c) => String(t.get(r, c) ?? '')).join('\u241f');
}

/** Keys that occur more than once in the appended blocks: unsummed parts, never a value of their own. */
function repeatedDerivedKeys(t: RawTable): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const r of t.rows) {
    const dimension = DIMENSIONS[text(t, r, 'Dimension') ?? ''];
    if (!dimension || derivedBlockReason(dimension, text(t, r, 'Category'), text(t, r, 'Sex'), text(t, r, 'Age')) === null) continue;
    const key = rawKey(t, r);
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  return repeated;
}

interface Placed {
  obs: Observation;
  row: number;
}

/** Category and counterpart of a row, or the reason it is quarantined. */
function breakdown(input: NormalizeInput, t: RawTable, r: RawRow, dimension: Dimension, reporter: string): FlowLabel {
  if (dimension === 'Total') return { category: unodcCategory(oneOf(t, r, 'Category', { Total: 'Total' })), counterpart: null, note: null };
  if (dimension === 'by form of exploitation') return { category: oneOf(t, r, 'Category', FORMS), counterpart: null, note: null };
  const label = text(t, r, 'Category');
  if (label === null) return { reason: REASONS.emptyCategory };
  return flowLabel(input, t, r, label, dimension, reporter);
}

function seriesOf(t: RawTable, r: RawRow): Series {
  const label = text(t, r, 'Indicator');
  const series = label === null ? undefined : SERIES[label];
  if (!series) throw new PipelineError(t.at(r, 'Indicator'), `unknown indicator ${JSON.stringify(label)}, expected one of ${Object.keys(SERIES).map((k) => JSON.stringify(k)).join(', ')}`);
  return series;
}

function indicatorOf(t: RawTable, r: RawRow, series: Series, dimension: Dimension): string {
  if (dimension === 'Total' || dimension === 'by form of exploitation') return series.base;
  const id = series.flows[dimension];
  if (!id) throw new PipelineError(t.at(r, 'Dimension'), `dimension ${JSON.stringify(dimension)} is not expected for indicator ${JSON.stringify(text(t, r, 'Indicator'))}`);
  return id;
}

/** One row → one observation, or a quarantine; returns null when the row was quarantined. */
function normalizeRow(input: NormalizeInput, t: RawTable, r: RawRow, ledger: FileLedger, repeated: Set<string>): Placed | null {
  const geo = unodcGeo(t, r, ledger, input.geo);
  if (geo === null) return null;
  const series = seriesOf(t, r);
  const dimension = oneOf(t, r, 'Dimension', DIMENSIONS);
  const sex = unodcSex(t, r);
  const age = unodcAge(t, r);
  const y = year(t, r, 'Year');
  oneOf(t, r, 'Unit of measurement', { Counts: 'Counts' });
  oneOf(t, r, 'Source', { GLOTIP: 'GLOTIP' });
  const indicator = indicatorOf(t, r, series, dimension);

  const blockReason = derivedBlockReason(dimension, text(t, r, 'Category'), text(t, r, 'Sex'), text(t, r, 'Age'));
  if (blockReason !== null && repeated.has(rawKey(t, r))) {
    ledger.quarantine(r, blockReason, VALUE, t.get(r, VALUE));
    return null;
  }
  const place = breakdown(input, t, r, dimension, geo);
  if ('reason' in place) {
    ledger.quarantine(r, place.reason, 'Category', t.get(r, 'Category'));
    return null;
  }
  const v = censoredCount(t, r, VALUE);
  if (v === null) {
    ledger.quarantine(r, REASONS.noValue, VALUE, null);
    return null;
  }
  const obs: Observation = {
    domain: DOMAIN,
    indicator,
    geo,
    year: y,
    sex,
    age,
    category: place.category,
    counterpart: place.counterpart,
    ...v,
    unit: series.unit,
    source: SOURCE,
    source_ref: sourceRef(t.file, t.sheet, r.row),
    note: place.note,
  };
  return { obs, row: r.row };
}

// ---- quality report: totals smaller than their parts ----

type Axis = 'sex' | 'age' | 'category';
const AXIS_CHECK: Record<Axis, string> = {
  sex: 'sex-parts-exceed-total',
  age: 'age-parts-exceed-total',
  category: 'forms-exceed-total',
};

const lower = (o: Observation): number => o.value ?? o.value_min ?? 0;
const upper = (o: Observation): number | null => o.value ?? o.value_max;
const shown = (o: Observation): string => o.censored ?? String(o.value);

function groupKey(o: Observation, axis: Axis): string {
  return [o.indicator, o.geo, o.year, axis === 'sex' ? '' : o.sex, axis === 'age' ? '' : o.age, axis === 'category' ? '' : o.category].join('\u241f');
}

function describe(o: Observation, axis: Axis): string {
  const fixed = [axis !== 'sex' ? `sex ${o.sex}` : null, axis !== 'age' ? `age ${o.age}` : null, axis !== 'category' ? `category ${o.category}` : null];
  return [o.indicator, o.geo, String(o.year), ...fixed.filter((x) => x !== null)].join(', ');
}

/**
 * A total is contradicted when its parts' smallest possible sum exceeds its largest possible value: exact parts count
 * as they are, a '<5' part as at least 1, and a '<5' total as at most 4.
 */
function partsExceedTotal(placed: Placed[], axis: Axis, file: string, sheet: string | undefined): QualityNote[] {
  const groups = new Map<string, { total: Placed | null; parts: Placed[] }>();
  for (const p of placed) {
    const key = groupKey(p.obs, axis);
    const g = groups.get(key) ?? { total: null, parts: [] };
    if (p.obs[axis] === 'total') g.total = p;
    else g.parts.push(p);
    groups.set(key, g);
  }
  const notes: QualityNote[] = [];
  for (const { total, parts } of groups.values()) {
    if (total === null || parts.length === 0) continue;
    const max = upper(total.obs);
    const min = parts.reduce((s, p) => s + lower(p.obs), 0);
    if (max === null || min <= max) continue;
    const bound = parts.some((p) => p.obs.censored !== null) ? `at least ${min}` : String(min);
    const listed = parts.map((p) => `${p.obs[axis]} ${shown(p.obs)}`).join(', ');
    notes.push({
      source: SOURCE,
      source_ref: sourceRefRows(file, sheet, [total.row, ...parts.map((p) => p.row)]),
      check: AXIS_CHECK[axis],
      message: `total ${shown(total.obs)} is smaller than the sum of its parts (${bound}: ${listed}) — ${describe(total.obs, axis)}` +
        (axis === 'category' ? '; UNODC notes that one victim may suffer several forms of exploitation' : ''),
    });
  }
  return notes;
}

function qualityNotes(placed: Placed[], file: string, sheet: string | undefined): QualityNote[] {
  const flows = new Set(Object.values(SERIES).flatMap((s) => Object.values(s.flows)));
  const base = placed.filter((p) => !flows.has(p.obs.indicator));
  return (['sex', 'age', 'category'] as const).flatMap((axis) => partsExceedTotal(base, axis, file, sheet));
}

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

const source: SourceModule = { id: SOURCE, indicators: INDICATORS, normalize };
export default source;
