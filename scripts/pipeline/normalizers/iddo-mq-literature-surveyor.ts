/**
 * IDDO/WWARN Medicine Quality Scientific Literature Surveyor (antimalarials and antidiabetics).
 *
 * A row is one quality category of one survey record (publication × medicine × place × outlet × sampling):
 * `sdq_num_sample` samples of that record were found "Good quality", "Substandard", "Falsified" or
 * "Substandard or falsified". `samples_total` is the record's total, repeated on each of its rows, so prevalence is
 * built from `sdq_num_sample` summed by category, never from `samples_total`.
 *
 * Every row goes to the `medicine_quality_surveys` event table. The prevalence observations use only rows that can
 * carry a prevalence (the event column `excluded_from_prevalence` says why a row does not):
 * - a sample count by quality category (the 265 report rows that give only a percentage or a verdict, and the 19
 *   rows whose count is -1 "unknown", have none; a record with any such row is left out entirely, so that a
 *   prevalence is never computed from part of a survey);
 * - a market survey: convenience, random, random-and-convenience or routine quality-control sampling. Seizures,
 *   case reports, recalls, laboratory collections and bioavailability/stability/equivalence studies sample
 *   suspicious or hand-picked products (one seizure row alone is 57,600 falsified packs) and say nothing about
 *   the share of poor-quality medicines on a market;
 * - a country (14 rows of multi-country papers have none);
 * - a survey start date: the year is the year sampling began. Records without it (about a fifth of the market-survey samples)
 *   are not placed on the publication year instead, because publication lags sampling by 0–13 years and a
 *   series mixing the two would misplace them; they stay in the event table.
 * The random-survey indicators repeat the same figures for "Random survey" records only, the subset the
 * literature recommends for prevalence.
 */
import type { ColumnDef, EventTable, IndicatorDef, Observation } from '../model.ts';
import { column, geoColumn, indicatorDef, observation, sourceRef, sourceRefRows, TOTAL } from '../model.ts';
import { byCode } from '../arrays.ts';
import type { NormalizeInput, NormalizeOutput, QualityNote, SourceModule } from '../source-module.ts';
import { onlyTable } from '../source-module.ts';
import type { RawRow, RawTable } from '../read-table.ts';
import type { FileLedger } from '../ledger.ts';
import { PipelineError } from '../errors.ts';
import { count, dayMonthYear, decimal, text, year } from '../values.ts';

const ID = 'iddo-mq-literature-surveyor';
const FILE = 'publications.csv';
const DOMAIN = 'falsified-medicines';

/** Sampling designs: which describe a market (and may carry a prevalence), and which of those are random. */
const SAMPLING: Readonly<Record<string, { market: boolean; random: boolean }>> = {
  'Convenience survey': { market: true, random: false },
  'Random survey': { market: true, random: true },
  'Random and Convenience': { market: true, random: false },
  'Control quality - routine': { market: true, random: false },
  'Recall/warning/alert': { market: false, random: false },
  'Case reports': { market: false, random: false },
  'Seizure': { market: false, random: false },
  'Equivalence study': { market: false, random: false },
  'Laboratory assembled collections': { market: false, random: false },
  'Bioavailability studies': { market: false, random: false },
  'Stability study': { market: false, random: false },
  'Others': { market: false, random: false },
  'Unknown': { market: false, random: false },
  'NA': { market: false, random: false },
};

/** Quality categories; all but "Good quality" count as substandard or falsified (SF). */
const QUALITY: Readonly<Record<string, boolean>> = {
  'Good quality': false,
  'Substandard': true,
  'Falsified': true,
  'Substandard or falsified': true,
};

const CAVEAT =
  'A compilation of published surveys with heterogeneous methods (screening vs full assay, convenience vs random sampling) and publication bias towards problems; the same samples may be reported in more than one publication. Covers antimalarials and antidiabetics only. Samples are counted in the unit each study used (tablet, pack, batch…). Substandard and falsified products are often not distinguished. Only market surveys with a country, a start date and counts by quality category are included; the year is the year sampling began.';
const CATEGORY_DEF = 'Broken down by dimension "medicine class": the IDDO class (column `name`, e.g. ACT, Non-artemisinins, Sulphonylureas).';
const CLASS_DIMENSION = 'medicine class';

function indicator(id: string, title: string, unit: string, definition: string, caveat: string, derived: boolean): IndicatorDef {
  return indicatorDef(ID, DOMAIN, { id, title, unit, definition: `${definition} ${CATEGORY_DEF}`, caveat, breakdowns: ['category'], dimensions: [{ name: CLASS_DIMENSION, exclusive: true }], derived });
}

const RANDOM = 'Random surveys only ("Random survey" sampling), the design the literature recommends for prevalence.';
const RATE = 'Substandard-or-falsified samples ÷ samples with a known quality category × 100, rounded to two decimals; computed by the observatory. The note gives the sample size and the number of survey records.';

const INDICATORS: IndicatorDef[] = [
  indicator('med_survey_samples', 'Medicine samples with a known quality result in published market surveys', 'samples',
    'Samples with a known quality category (good quality, substandard, falsified, substandard or falsified) in published market surveys (convenience, random, routine quality-control) that began sampling in the country and year.', CAVEAT, false),
  indicator('med_survey_sf_samples', 'Substandard or falsified medicine samples in published market surveys', 'samples',
    'Samples found substandard, falsified, or "substandard or falsified" in published market surveys that began sampling in the country and year.', CAVEAT, false),
  indicator('med_survey_sf_prevalence', 'Share of substandard or falsified medicine samples in published market surveys', 'percent',
    `${RATE} Market surveys of any sampling design.`, `Computed by the observatory. Convenience samples are not representative: prefer med_survey_sf_prevalence_random. ${CAVEAT}`, true),
  indicator('med_survey_samples_random', 'Medicine samples with a known quality result in published random surveys', 'samples',
    `Samples with a known quality category in published random surveys that began sampling in the country and year. ${RANDOM}`, CAVEAT, false),
  indicator('med_survey_sf_samples_random', 'Substandard or falsified medicine samples in published random surveys', 'samples',
    `Samples found substandard, falsified, or "substandard or falsified" in published random surveys that began sampling in the country and year. ${RANDOM}`, CAVEAT, false),
  indicator('med_survey_sf_prevalence_random', 'Share of substandard or falsified medicine samples in published random surveys', 'percent',
    `${RATE} ${RANDOM}`, `Computed by the observatory. ${CAVEAT}`, true),
];

const COLUMNS: ColumnDef[] = [
  column('medicine_type', 'VARCHAR', 'type: Antimalarial or Antidiabetic'),
  column('publication_id', 'INTEGER', 'IDDO publication id'),
  column('doi', 'VARCHAR', 'DOI as published (free text); null where IDDO has NULL or -1'),
  column('title', 'VARCHAR', 'Publication title'),
  column('first_author', 'VARCHAR', 'First author'),
  column('publication_year', 'INTEGER', 'Publication year (column year)'),
  column('publisher', 'VARCHAR', 'Journal or publishing body'),
  column('publication_type_id', 'INTEGER', 'IDDO publication type id'),
  column('publication_type', 'VARCHAR', 'Publication type (Original research article, Report, Lay Press…)'),
  column('url', 'VARCHAR', 'URL as published; null where IDDO has NULL or -1'),
  column('inn_drug_id', 'INTEGER', 'IDDO medicine id'),
  column('drug_short_name', 'VARCHAR', 'Medicine abbreviation (short_name)'),
  column('drug_name', 'VARCHAR', 'Medicine (INN or combination)'),
  column('medicine_class', 'VARCHAR', 'IDDO medicine class (column name; ", " spacing normalised)'),
  column('country_id', 'INTEGER', 'IDDO country id'),
  column('country', 'VARCHAR', 'Country as published; null for multi-country or unspecified records'),
  geoColumn('geo', 'ISO alpha-3 code of the country'),
  column('country_lat', 'DOUBLE', 'Country point latitude (lat)'),
  column('country_lon', 'DOUBLE', 'Country point longitude (lon)'),
  column('location_id', 'INTEGER', 'IDDO location id (column id)'),
  column('location_name', 'VARCHAR', 'Sampling location(s) as published'),
  column('latitude', 'DOUBLE', 'Site latitude'),
  column('longitude', 'DOUBLE', 'Site longitude'),
  column('survey_data_id', 'INTEGER', 'Survey record id: publication × medicine × place × outlet × sampling; its rows are its quality categories'),
  column('outlet_type_id', 'INTEGER', 'IDDO outlet type id'),
  column('outlet_type', 'VARCHAR', 'Outlet type (Private pharmacy, Combination of outlets…)'),
  column('sampling_type_id', 'INTEGER', 'IDDO sampling type id'),
  column('sampling_type', 'VARCHAR', 'Sampling design (Convenience survey, Random survey, Seizure…)'),
  column('drug_quality_category_id', 'INTEGER', 'IDDO id of the overall verdict, for reports giving only a verdict or a percentage'),
  column('drug_quality_category', 'VARCHAR', 'Overall verdict for such reports (drug_quality_category_name)'),
  column('failure_rate', 'DOUBLE', 'Percentage failing, for reports that give only a percentage'),
  column('starting_date', 'DATE', 'Start of sampling (published as dd/mm/yyyy)'),
  column('ending_date', 'DATE', 'End of sampling (published as dd/mm/yyyy)'),
  column('samples_total', 'INTEGER', 'Total samples of the survey record, repeated on each of its rows (never sum it); null where IDDO has -1 (unknown)'),
  column('samples_total_unit', 'VARCHAR', 'What a sample is (tablets, pack, batch…), as published'),
  column('sdq_id', 'INTEGER', 'IDDO id of this quality-category row'),
  column('sdq_num_sample', 'INTEGER', 'Samples of the record in this quality category; null where IDDO has NULL or -1 (unknown)'),
  column('sdq_category', 'VARCHAR', 'Quality category: Good quality, Substandard, Falsified, Substandard or falsified'),
  column('excluded_from_prevalence', 'VARCHAR', 'Why the row is not in the med_survey_* indicators; null when it is'),
  column('source', 'VARCHAR', 'Source id'),
  column('source_ref', 'VARCHAR', "file:sheet:row of the row in the publisher's file"),
];

type SurveyRow = Record<string, string | number | boolean | null>;

/** IDDO writes missing values as the text NULL. */
function value(t: RawTable, r: RawRow, column: string): string | null {
  const s = text(t, r, column);
  return s === null || s === 'NULL' ? null : s;
}

/** A whole number, with IDDO's "NULL" and (where documented) "-1 = unknown" read as missing. */
function int(t: RawTable, r: RawRow, column: string, minusOneIsUnknown = false): number | null {
  const s = value(t, r, column);
  if (s === null || (minusOneIsUnknown && s === '-1')) return null;
  return count(t, r, column);
}

function real(t: RawTable, r: RawRow, column: string): number | null {
  return value(t, r, column) === null ? null : decimal(t, r, column);
}

/** DOI and URL use -1 as well as NULL for "none". */
function link(t: RawTable, r: RawRow, column: string): string | null {
  const s = value(t, r, column);
  return s === '-1' ? null : s;
}

function date(t: RawTable, r: RawRow, column: string): string | null {
  const s = value(t, r, column);
  return s === null ? null : dayMonthYear(t, r, column, s);
}

function known<T>(t: RawTable, r: RawRow, column: string, allowed: Readonly<Record<string, T>>): T | null {
  const s = value(t, r, column);
  if (s === null) return null;
  if (!(s in allowed)) throw new PipelineError(t.at(r, column), `unknown label ${JSON.stringify(s)}; classify it in ${ID}.ts`);
  return allowed[s]!;
}

function resolveCountry(t: RawTable, r: RawRow, input: NormalizeInput): string | null {
  const name = value(t, r, 'countryName');
  if (name === null) return null;
  const res = input.geo.resolveName(name, input.aliases);
  if (res === null || 'reason' in res) {
    throw new PipelineError(t.at(r, 'countryName'), `unknown geography name ${JSON.stringify(name)}; add it to data/reference/aliases/${ID}.csv`);
  }
  return res.geo;
}

function requiredValue(t: RawTable, r: RawRow, column: string): string {
  const s = value(t, r, column);
  if (s === null) throw new PipelineError(t.at(r, column), `expected a value, found ${JSON.stringify(t.get(r, column))}`);
  return s;
}

function readRow(t: RawTable, r: RawRow, input: NormalizeInput): SurveyRow {
  known(t, r, 'sampling_type_name', SAMPLING);
  known(t, r, 'sdq_category', QUALITY);
  return {
    medicine_type: requiredValue(t, r, 'type'),
    publication_id: int(t, r, 'publication_id'),
    doi: link(t, r, 'doi'),
    title: value(t, r, 'title'),
    first_author: value(t, r, 'first_author'),
    publication_year: year(t, r, 'year'),
    publisher: value(t, r, 'publisher'),
    publication_type_id: int(t, r, 'publication_type'),
    publication_type: value(t, r, 'publication_type_name'),
    url: link(t, r, 'url'),
    inn_drug_id: int(t, r, 'inn_drug_id'),
    drug_short_name: value(t, r, 'short_name'),
    drug_name: value(t, r, 'drug_name'),
    medicine_class: requiredValue(t, r, 'name').replace(/,(?=\S)/g, ', '),
    country_id: int(t, r, 'countryId'),
    country: value(t, r, 'countryName'),
    geo: resolveCountry(t, r, input),
    country_lat: real(t, r, 'lat'),
    country_lon: real(t, r, 'lon'),
    location_id: int(t, r, 'id'),
    location_name: value(t, r, 'location_name'),
    latitude: real(t, r, 'latitude'),
    longitude: real(t, r, 'longitude'),
    survey_data_id: int(t, r, 'survey_data_id'),
    outlet_type_id: int(t, r, 'outlet_type_id'),
    outlet_type: value(t, r, 'outlet_type_name'),
    sampling_type_id: int(t, r, 'sampling_type_id'),
    sampling_type: requiredValue(t, r, 'sampling_type_name'),
    drug_quality_category_id: int(t, r, 'drug_quality_category_id'),
    drug_quality_category: value(t, r, 'drug_quality_category_name'),
    failure_rate: real(t, r, 'failure_rate'),
    starting_date: date(t, r, 'starting_date'),
    ending_date: date(t, r, 'ending_date'),
    samples_total: int(t, r, 'samples_total', true),
    samples_total_unit: value(t, r, 'samples_total_unit'),
    sdq_id: int(t, r, 'sdq_id'),
    sdq_num_sample: int(t, r, 'sdq_num_sample', true),
    sdq_category: value(t, r, 'sdq_category'),
    excluded_from_prevalence: null,
    source: ID,
    source_ref: sourceRef(t.file, t.sheet, r.row),
  };
}

function hasCount(s: SurveyRow): boolean {
  return s['sdq_num_sample'] !== null && s['sdq_category'] !== null;
}

/** Why a row cannot carry a prevalence (null when it can); `recordComplete` is false when a sibling row lacks a count. */
function exclusion(s: SurveyRow, recordComplete: boolean): string | null {
  if (!hasCount(s)) return 'no sample count by quality category';
  if (!recordComplete) return 'another quality category of the same survey record has no sample count';
  if (!SAMPLING[s['sampling_type'] as string]!.market) return `sampling type "${s['sampling_type']}" is not a market survey`;
  if (s['geo'] === null) return 'no country (multi-country or unspecified record)';
  if (s['starting_date'] === null) return 'no survey start date';
  return null;
}

interface Cell {
  geo: string;
  year: number;
  category: string;
  samples: number;
  sf: number;
  rows: number[];
  records: Set<number>;
}

function tally(rows: { s: SurveyRow; row: number }[]): Cell[] {
  const cells = new Map<string, Cell>();
  for (const { s, row } of rows) {
    const y = Number((s['starting_date'] as string).slice(0, 4));
    for (const category of [TOTAL, s['medicine_class'] as string]) {
      const key = `${s['geo']}|${y}|${category}`;
      let c = cells.get(key);
      if (!c) cells.set(key, (c = { geo: s['geo'] as string, year: y, category, samples: 0, sf: 0, rows: [], records: new Set() }));
      const n = s['sdq_num_sample'] as number;
      c.samples += n;
      if (QUALITY[s['sdq_category'] as string]) c.sf += n;
      c.rows.push(row);
      c.records.add(s['survey_data_id'] as number);
    }
  }
  const rank = (c: Cell) => (c.category === TOTAL ? 0 : 1);
  return [...cells.values()].sort(
    (a, b) => byCode(a.geo, b.geo) || a.year - b.year || rank(a) - rank(b) || byCode(a.category, b.category),
  );
}

function cellObservation(c: Cell, file: string, indicator: string, value: number, unit: string, note: string | null): Observation {
  const source_ref = sourceRefRows(file, undefined, c.rows);
  return observation({ domain: DOMAIN, indicator, geo: c.geo, year: c.year, dimension: c.category === TOTAL ? TOTAL : CLASS_DIMENSION, category: c.category, value, unit, source: ID, source_ref, note });
}

/** A cell whose surveys report zero samples has no prevalence; the counts are still published. */
function toObservations(cells: Cell[], file: string, suffix: '' | '_random'): Observation[] {
  return cells.flatMap((c) => {
    const out = [
      cellObservation(c, file, `med_survey_samples${suffix}`, c.samples, 'samples', null),
      cellObservation(c, file, `med_survey_sf_samples${suffix}`, c.sf, 'samples', null),
    ];
    if (c.samples > 0) {
      const records = `${c.records.size} survey record${c.records.size === 1 ? '' : 's'}`;
      const note = `computed by the observatory: ${c.sf} substandard or falsified ÷ ${c.samples} samples × 100, from ${records}`;
      out.push(cellObservation(c, file, `med_survey_sf_prevalence${suffix}`, Math.round((c.sf / c.samples) * 10_000) / 100, 'percent', note));
    }
    return out;
  });
}

/** Each sdq_id is one quality-category row: an exact repeat is quarantined, a repeat with other values stops. */
function admit(t: RawTable, r: RawRow, s: SurveyRow, seen: Map<string, number>, seenSdq: Map<number, number>, ledger: FileLedger): boolean {
  const cells = JSON.stringify(r.cells);
  const first = seen.get(cells);
  if (first !== undefined) {
    ledger.quarantine(r, `exact duplicate of row ${first}`);
    return false;
  }
  seen.set(cells, r.row);
  const sdq = s['sdq_id'] as number | null;
  if (sdq !== null) {
    const prior = seenSdq.get(sdq);
    if (prior !== undefined) throw new PipelineError(t.at(r, 'sdq_id'), `duplicate key with conflicting values: sdq_id ${sdq} also on row ${prior} with other values`);
    seenSdq.set(sdq, r.row);
  }
  return true;
}

function dateNotes(s: SurveyRow): QualityNote[] {
  const start = s['starting_date'] as string | null;
  const end = s['ending_date'] as string | null;
  if (start === null || end === null || end >= start) return [];
  return [{ source: ID, source_ref: s['source_ref'] as string, check: 'survey ends before it starts', message: `starting_date ${start}, ending_date ${end}` }];
}

/** samples_total is the record's total: where all its category counts are known they must add up to it. */
function totalNotes(records: Map<number, { s: SurveyRow; row: number }[]>, file: string): QualityNote[] {
  const notes: QualityNote[] = [];
  for (const [id, rows] of records) {
    const total = rows[0]!.s['samples_total'] as number | null;
    if (total === null || !rows.every((x) => hasCount(x.s))) continue;
    const sum = rows.reduce((a, x) => a + (x.s['sdq_num_sample'] as number), 0);
    if (sum === total) continue;
    notes.push({
      source: ID,
      source_ref: sourceRefRows(file, undefined, rows.map((x) => x.row)),
      check: 'category counts do not add up to samples_total',
      message: `survey record ${id}: samples_total ${total}, categories add up to ${sum}`,
    });
  }
  return notes;
}

function normalize(input: NormalizeInput): NormalizeOutput {
  const { table: t, ledger } = onlyTable(input, FILE);
  const rows: { s: SurveyRow; row: number }[] = [];
  const seen = new Map<string, number>();
  const seenSdq = new Map<number, number>();
  for (const r of t.rows) {
    const s = readRow(t, r, input);
    if (!admit(t, r, s, seen, seenSdq, ledger)) continue;
    rows.push({ s, row: r.row });
    ledger.emit(r);
  }

  const records = new Map<number, { s: SurveyRow; row: number }[]>();
  for (const x of rows) {
    const id = x.s['survey_data_id'] as number;
    records.set(id, [...(records.get(id) ?? []), x]);
  }
  for (const group of records.values()) {
    const complete = group.every((x) => hasCount(x.s));
    for (const x of group) x.s['excluded_from_prevalence'] = exclusion(x.s, complete);
  }

  const usable = rows.filter((x) => x.s['excluded_from_prevalence'] === null);
  const random = usable.filter((x) => SAMPLING[x.s['sampling_type'] as string]!.random);
  const observations = [...toObservations(tally(usable), t.file, ''), ...toObservations(tally(random), t.file, '_random')];
  const quality = [...rows.flatMap((x) => dateNotes(x.s)), ...totalNotes(records, t.file)];
  const events: EventTable[] = [
    {
      name: 'medicine_quality_surveys',
      title: 'Published medicine quality surveys: samples by quality category (IDDO/WWARN Literature Surveyor)',
      description:
        'One row per quality category of a survey record (publication × medicine × place × outlet × sampling design), as in the IDDO/WWARN export: antimalarials and antidiabetics. sdq_num_sample is the number of samples in the category; samples_total repeats the record total on each row and must not be summed.',
      columns: COLUMNS,
      rows: rows.map((x) => x.s),
    },
  ];
  return { observations, events, quality };
}

const source: SourceModule = { id: ID, indicators: INDICATORS, normalize };
export default source;
