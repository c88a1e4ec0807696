/**
 * Rhino poaching and rhino-horn seizures (AfRSG/AsRSG/TRAFFIC 2019 report to CITES CoP18, compiled by OWID).
 *
 * One CSV row per entity × year carries up to three values: rhinos poached (annual), and two seizure totals that
 * OWID stores under Year 2018 although they are cumulative for 2009 – September 2018. The seizure indicators
 * therefore say "cumulative" in their title, unit and definition, and every seizure observation carries a note,
 * so a 2018 value is never read as an annual one.
 *
 * The "Rhinos Poached/day" column is not published: it is OWID's own derivation (poached ÷ 365, rounded to two
 * decimals, given only for Africa and South Africa), not a figure from the report. It is checked against the
 * annual count so that a changed meaning would surface in the quality report.
 */
import type { IndicatorDef, Observation } from '../model.ts';
import { sourceRef } from '../model.ts';
import type { NormalizeInput, NormalizeOutput, QualityNote, SourceModule } from '../source-module.ts';
import { onlyTable } from '../source-module.ts';
import type { RawRow, RawTable } from '../read-table.ts';
import type { FileLedger } from '../ledger.ts';
import type { GeoIndex } from '../reference/geo-index.ts';
import { DuplicateGuard } from '../duplicate-guard.ts';
import { PipelineError } from '../errors.ts';
import { count, decimal, requiredText, year } from '../values.ts';

const ID = 'owid-afrsg-rhino-poaching';
const FILE = 'Rhino poaching rates (AfRSG, 2019).csv';

const COL = {
  entity: 'Entity',
  year: 'Year',
  poached: 'Rhinos Poached (AfRSG, 2019)',
  perDay: 'Rhinos Poached/day (AfRSG, 2019)',
  weight: 'Weight of seized rhino horns (AfRSG, 2019)',
  horns: 'Number of seized rhino horns and pieces (AfRSG, 2019)',
} as const;

const PERIOD = 'cumulative 2009–Sep 2018';
const SEIZURE_NOTE =
  'Cumulative total for 2009 – September 2018, stored by OWID under Year 2018; not an annual 2018 value.';
const SOURCE_CAVEAT =
  'A secondary compilation by Our World in Data of the IUCN/TRAFFIC report to CITES CoP18 (supplemented "where suitable" by poachingfacts.com), not the report\'s own tables.';

const INDICATORS: IndicatorDef[] = [
  {
    id: 'wl_rhinos_poached',
    domain: 'wildlife',
    title: 'Rhinos poached',
    unit: 'animals',
    definition:
      'Number of rhinos recorded as poached (illegally killed) in the year, by range state; "Africa" (M49 002) is the report\'s continental total.',
    caveat: `${SOURCE_CAVEAT} Years covered differ by country (South Africa 1990–2018, Zimbabwe 1980–1993 and 2006–2017, Nepal 1998–2017, other range states 2006–2017). Poached carcasses are those detected; OWID's per-day rate is not republished (it is the annual count ÷ 365).`,
    breakdowns: [],
    dimensions: [],
    derived: false,
    sources: [ID],
    label_packing: null,
  },
  {
    id: 'wl_rhino_horn_seized_kg',
    domain: 'wildlife',
    title: `Weight of rhino horn seized (${PERIOD})`,
    unit: `kg (${PERIOD})`,
    definition: `Total weight of rhino horn seized in the country over the whole period 2009 – September 2018 (${PERIOD}), as reported to CITES CoP18. Published with year 2018 because that is where OWID stores it; it is not an annual value. "World" (M49 001) is the report's global total.`,
    caveat: `${SOURCE_CAVEAT} One value per country for the whole period 2009 – Sept 2018: never compare it with annual figures or read it as 2018 seizures. Seizures in countries the report does not list separately ("Other") cannot be placed and are not published.`,
    breakdowns: [],
    dimensions: [],
    derived: false,
    sources: [ID],
    label_packing: null,
  },
  {
    id: 'wl_rhino_horns_seized',
    domain: 'wildlife',
    title: `Rhino horns and pieces seized (${PERIOD})`,
    unit: `horns and pieces (${PERIOD})`,
    definition: `Number of rhino horns and horn pieces seized in the country over the whole period 2009 – September 2018 (${PERIOD}), as reported to CITES CoP18. Published with year 2018 because that is where OWID stores it; it is not an annual value. "World" (M49 001) is the report's global total.`,
    caveat: `${SOURCE_CAVEAT} Whole horns and pieces are counted alike. One value per country for the whole period 2009 – Sept 2018: never compare it with annual figures or read it as 2018 seizures. Seizures in countries the report does not list separately ("Other") cannot be placed and are not published.`,
    breakdowns: [],
    dimensions: [],
    derived: false,
    sources: [ID],
    label_packing: null,
  },
];

interface RowValues {
  poached: number | null;
  weight: number | null;
  horns: number | null;
}

function readValues(t: RawTable, r: RawRow): RowValues {
  return { poached: count(t, r, COL.poached), weight: decimal(t, r, COL.weight, { min: 0 }), horns: count(t, r, COL.horns) };
}

/** OWID's per-day rate must stay what it is documented to be: the annual count ÷ 365, rounded. */
function checkPerDay(t: RawTable, r: RawRow, poached: number | null): QualityNote | null {
  const perDay = decimal(t, r, COL.perDay, { min: 0 });
  if (perDay === null) return null;
  if (poached === null) throw new PipelineError(t.at(r, COL.perDay), `per-day rate without an annual count, found ${JSON.stringify(t.get(r, COL.perDay))}`);
  if (Math.abs(poached / 365 - perDay) <= 0.005) return null;
  return {
    source: ID,
    source_ref: sourceRef(t.file, t.sheet, r.row),
    check: 'per-day rate is not the annual count ÷ 365',
    message: `${COL.perDay} is ${perDay}, but ${poached} ÷ 365 = ${(poached / 365).toFixed(3)}`,
  };
}

function resolveEntity(t: RawTable, r: RawRow, input: NormalizeInput, ledger: FileLedger): string | null {
  const name = requiredText(t, r, COL.entity);
  const res = input.geo.resolveName(name, input.aliases);
  if (res === null) {
    throw new PipelineError(t.at(r, COL.entity), `unknown geography name ${JSON.stringify(name)}; add it to data/reference/aliases/${ID}.csv`);
  }
  if ('reason' in res) {
    ledger.quarantine(r, res.reason, COL.entity, name);
    return null;
  }
  return res.geo;
}

function observation(indicator: IndicatorDef, geo: string, y: number, value: number, ref: string, note: string | null): Observation {
  return {
    domain: 'wildlife', indicator: indicator.id, geo, year: y, sex: 'total', age: 'total', dimension: 'total', category: 'total', counterpart: null,
    value, unit: indicator.unit, censored: null, value_min: null, value_max: null, source: ID, source_ref: ref, note,
  };
}

/**
 * The report's Africa row is the sum of the range states; where it is not, the file contradicts itself and the
 * quality report says so (both are published as they are).
 */
function checkAfricaTotals(poached: Observation[], geo: GeoIndex): QualityNote[] {
  const notes: QualityNote[] = [];
  for (const total of poached.filter((o) => o.geo === '002')) {
    const parts = poached.filter((o) => o.year === total.year && geo.rows.get(o.geo)?.region_m49 === '002');
    const sum = parts.reduce((s, o) => s + (o.value ?? 0), 0);
    if (parts.length === 0 || sum === total.value) continue;
    notes.push({
      source: ID,
      source_ref: total.source_ref,
      check: 'Africa total differs from the sum of the African range states',
      message: `Africa ${total.year}: ${total.value} rhinos poached, but the ${parts.length} African countries listed for that year add up to ${sum}`,
    });
  }
  return notes;
}

function normalize(input: NormalizeInput): NormalizeOutput {
  const { table: t, ledger } = onlyTable(input, FILE);
  const [poachedDef, weightDef, hornsDef] = INDICATORS as [IndicatorDef, IndicatorDef, IndicatorDef];
  const guards = { poached: new DuplicateGuard(t, COL.poached), weight: new DuplicateGuard(t, COL.weight), horns: new DuplicateGuard(t, COL.horns) };
  const observations: Observation[] = [];
  const quality: QualityNote[] = [];

  for (const r of t.rows) {
    const y = year(t, r, COL.year);
    const v = readValues(t, r);
    const perDay = checkPerDay(t, r, v.poached);
    if (perDay) quality.push(perDay);
    if (v.poached === null && v.weight === null && v.horns === null) {
      ledger.quarantine(r, 'no values');
      continue;
    }
    const geo = resolveEntity(t, r, input, ledger);
    if (geo === null) continue;

    const ref = sourceRef(t.file, t.sheet, r.row);
    const candidates: [keyof RowValues, Observation][] = [];
    if (v.poached !== null) candidates.push(['poached', observation(poachedDef, geo, y, v.poached, ref, null)]);
    if (v.weight !== null) candidates.push(['weight', observation(weightDef, geo, y, v.weight, ref, SEIZURE_NOTE)]);
    if (v.horns !== null) candidates.push(['horns', observation(hornsDef, geo, y, v.horns, ref, SEIZURE_NOTE)]);

    // A value already given by an identical earlier row is not repeated; a row that adds nothing new is a duplicate.
    let duplicateOf: number | null = null;
    let added = 0;
    for (const [key, o] of candidates) {
      const prior = guards[key].admit(o, r);
      if (prior === null) {
        observations.push(o);
        added++;
      } else duplicateOf ??= prior;
    }
    if (added > 0) ledger.emit(r);
    else ledger.quarantine(r, `exact duplicate of row ${duplicateOf}`);
  }

  quality.push(...checkAfricaTotals(observations.filter((o) => o.indicator === poachedDef.id), input.geo));
  return { observations, events: [], quality };
}

const source: SourceModule = { id: ID, indicators: INDICATORS, normalize };
export default source;
