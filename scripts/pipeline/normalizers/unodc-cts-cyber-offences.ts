/**
 * UN-CTS "corruption and economic crime" (dataUNODC long layout): offences recorded by police, as counts and as
 * UNODC's own rates per 100,000 population, by offence category.
 *
 * Each offence category is its own indicator, in the domain it serves: the cyber-related categories (cyb_),
 * smuggling of migrants (smg_), trade in protected species (wl_), everything else as context (ctx_). Each has a count
 * indicator and a `_rate` twin carrying UNODC's published rate (not recomputed here). Every category in the file must
 * be in CATEGORIES: a new one stops the build at its cell, so nothing is dropped unseen.
 *
 * Six count cells are not whole numbers (UNODC estimates, it seems); they are published as given, with a note on the
 * row and an entry in the quality report. Sub-national jurisdictions (GBR_E_W, GBR_S, GBR_NI, IRQ_C) and XKX are
 * mapped by data/reference/non-iso-codes.csv.
 */
import type { Domain, IndicatorDef, Observation } from '../model.ts';
import { sourceRef } from '../model.ts';
import type { NormalizeInput, NormalizeOutput, QualityNote, SourceModule } from '../source-module.ts';
import { onlyTable } from '../source-module.ts';
import type { RawRow, RawTable } from '../read-table.ts';
import { DuplicateGuard } from '../duplicate-guard.ts';
import { PipelineError } from '../errors.ts';
import { decimal, oneOf, requiredText, text, year } from '../values.ts';
import { unodcAge, unodcGeo, unodcLabelColumns, unodcLabels, unodcSex } from './unodc-common.ts';

const SOURCE = 'unodc-cts-cyber-offences';

interface Category {
  /** The publisher's `Indicator` column for this category. */
  group: 'Offences' | 'Acts against the environment';
  label: string;
  id: string;
  domain: Domain;
  title: string;
  definition: string;
  /** Caveat specific to the category (e.g. it is part of another one). */
  caveat?: string;
}

const ENV = 'Acts against the environment';

/** Every category in the file, with its indicator id (labels exactly as published, typos included). */
export const CATEGORIES: readonly Category[] = [
  { group: 'Offences', label: 'Fraud: Cyber-related (Cy)', id: 'cyb_fraud_cyber', domain: 'cybercrime', title: 'Cyber-related fraud',
    definition: 'Fraud offences recorded by police that UN-CTS tags as cyber-related ("Cy": committed with the use of computer data or systems).',
    caveat: 'Part of "Fraud" (ctx_offences_fraud); never add the two.' },
  { group: 'Offences', label: 'Unlawful access to a computer system', id: 'cyb_unlawful_access', domain: 'cybercrime', title: 'Unlawful access to a computer system',
    definition: 'Offences of unlawful access to a computer system recorded by police.' },
  { group: 'Offences', label: 'Unlawful interception or access of computer data', id: 'cyb_unlawful_interception', domain: 'cybercrime', title: 'Unlawful interception or access of computer data',
    definition: 'Offences of unlawful interception of, or access to, computer data recorded by police.' },
  { group: 'Offences', label: 'Unlawful interference with a computer system or computer data', id: 'cyb_unlawful_interference', domain: 'cybercrime', title: 'Unlawful interference with a computer system or data',
    definition: 'Offences of unlawful interference with a computer system or computer data recorded by police.' },
  { group: 'Offences', label: 'Smuggling of migrants', id: 'smg_offences_smuggling_migrants', domain: 'migrant-smuggling', title: 'Smuggling of migrants offences',
    definition: 'Offences of smuggling of migrants recorded by police.',
    caveat: 'Counts offences, not smuggled migrants or smugglers.' },
  { group: ENV, label: 'Trade or possession of protected or prohibited species of faune and flora', id: 'wl_offences_protected_species', domain: 'wildlife', title: 'Trade or possession of protected species offences',
    definition: 'Offences of trade in or possession of protected or prohibited species of fauna and flora recorded by police (UN-CTS "acts against the environment"; the publisher spells it "faune").',
    caveat: 'Counts offences, not animals, plants or seizures.' },
  { group: 'Offences', label: 'Corruption', id: 'ctx_offences_corruption', domain: 'context', title: 'Corruption offences',
    definition: 'Corruption offences recorded by police.', caveat: 'Includes bribery and other acts of corruption (separate indicators); never add them to this one.' },
  { group: 'Offences', label: 'Corruption: Bribery', id: 'ctx_offences_bribery', domain: 'context', title: 'Bribery offences',
    definition: 'Bribery offences recorded by police.', caveat: 'Part of "Corruption" (ctx_offences_corruption); never add the two.' },
  { group: 'Offences', label: 'Corruption: Other acts of corruption', id: 'ctx_offences_corruption_other', domain: 'context', title: 'Other acts of corruption',
    definition: 'Acts of corruption other than bribery recorded by police.', caveat: 'Part of "Corruption" (ctx_offences_corruption); never add the two.' },
  { group: 'Offences', label: 'Fraud', id: 'ctx_offences_fraud', domain: 'context', title: 'Fraud offences',
    definition: 'Fraud offences recorded by police.', caveat: 'Includes cyber-related fraud (cyb_fraud_cyber); never add the two.' },
  { group: 'Offences', label: 'Money laundering', id: 'ctx_offences_money_laundering', domain: 'context', title: 'Money laundering offences',
    definition: 'Money laundering offences recorded by police.' },
  { group: 'Offences', label: 'Burglary', id: 'ctx_offences_burglary', domain: 'context', title: 'Burglary offences',
    definition: 'Burglary offences recorded by police.' },
  { group: 'Offences', label: 'Theft', id: 'ctx_offences_theft', domain: 'context', title: 'Theft offences',
    definition: 'Theft offences recorded by police.', caveat: 'Theft of a motorized vehicle is a separate indicator (ctx_offences_motor_vehicle_theft); never add the two.' },
  { group: 'Offences', label: 'Theft: of a motorized vehicle', id: 'ctx_offences_motor_vehicle_theft', domain: 'context', title: 'Theft of a motorized vehicle',
    definition: 'Offences of theft of a motorized vehicle recorded by police.', caveat: 'Listed by UN-CTS under "Theft" (ctx_offences_theft); never add the two.' },
  { group: ENV, label: 'Acts that cause environmental pollution or degradation', id: 'ctx_offences_env_pollution', domain: 'context', title: 'Environmental pollution or degradation offences',
    definition: 'Acts that cause environmental pollution or degradation, recorded by police (UN-CTS "acts against the environment").' },
  { group: ENV, label: 'Acts involving the movement of dumping of waste', id: 'ctx_offences_env_waste', domain: 'context', title: 'Waste movement or dumping offences',
    definition: 'Acts involving the movement or dumping of waste, recorded by police (UN-CTS "acts against the environment"; the publisher writes "movement of dumping").' },
  { group: ENV, label: 'Acts that result in the depletion of degradation of natural resources', id: 'ctx_offences_env_resource_depletion', domain: 'context', title: 'Depletion or degradation of natural resources offences',
    definition: 'Acts that result in the depletion or degradation of natural resources, recorded by police (UN-CTS "acts against the environment"; the publisher writes "depletion of degradation").' },
];

const UNITS = { Counts: 'count', 'Rate per 100,000 population': 'rate' } as const;
const COUNT_UNIT = 'offences';
const RATE_UNIT = 'per 100,000 population';

const BY_LABEL = new Map(CATEGORIES.map((c) => [`${c.group}\u241f${c.label}`, c]));

const RECORDED =
  'Offences recorded by police reflect reporting and recording practice and national legal definitions, not how much crime happens; compare trends within a country rather than levels across countries.';
const COVERAGE = 'Coverage is unbalanced: the set of reporting countries changes from year to year, mostly Europe and the Americas.';
const JURISDICTIONS = 'England and Wales, Scotland, Northern Ireland and Central Iraq are reported as separate jurisdictions, not countries.';
const RATE_CAVEAT = "UNODC's own rate per 100,000 population, published as given (not recomputed from the observatory's population table).";

/**
 * A label "Parent: part" (Corruption: Bribery) packs the parent offence with the part. Both are published as their own
 * categories, so each is its own indicator; the packing is said, and the parent named.
 */
function packingOf(c: Category): string | null {
  const colon = c.label.indexOf(': ');
  if (colon < 0) return null;
  const parentLabel = c.label.slice(0, colon);
  const parent = CATEGORIES.find((x) => x.group === c.group && x.label === parentLabel);
  if (!parent) throw new Error(`${SOURCE}: "${c.label}" names a parent category "${parentLabel}" that is not in CATEGORIES`);
  return `UN-CTS Category "${c.label}" packs the parent offence ("${parentLabel}", indicator ${parent.id}) with the part; UN-CTS lists the part under the parent, so the two are never added. Each is a category of the file, so each is an indicator of its own.`;
}

function defsFor(c: Category): IndicatorDef[] {
  const caveat = [RECORDED, COVERAGE, JURISDICTIONS, ...(c.caveat ? [c.caveat] : [])].join(' ');
  const base = { domain: c.domain, breakdowns: [] as IndicatorDef['breakdowns'], dimensions: [], derived: false, sources: [SOURCE], label_packing: packingOf(c) };
  return [
    { ...base, id: c.id, title: `${c.title} (offences recorded by police)`, unit: COUNT_UNIT, definition: `${c.definition} UN-CTS category "${c.label}".`, caveat },
    {
      ...base,
      id: `${c.id}_rate`,
      title: `${c.title} (offences recorded by police per 100,000 population)`,
      unit: RATE_UNIT,
      definition: `${c.definition} Rate per 100,000 population as calculated and published by UNODC. UN-CTS category "${c.label}".`,
      caveat: `${RATE_CAVEAT} ${caveat}`,
    },
  ];
}

export const INDICATORS: IndicatorDef[] = CATEGORIES.flatMap(defsFor);

/** The category of a row; a label not in CATEGORIES stops the build, naming the cell. */
function categoryOf(t: RawTable, r: RawRow): Category {
  const group = requiredText(t, r, 'Indicator');
  const label = requiredText(t, r, 'Category');
  const c = BY_LABEL.get(`${group}\u241f${label}`);
  if (!c) {
    throw new PipelineError(t.at(r, 'Category'), `unmapped category ${JSON.stringify(label)} (indicator ${JSON.stringify(group)}); add it to CATEGORIES in ${SOURCE}.ts`);
  }
  return c;
}

const NOT_WHOLE = 'count is not a whole number in the file; published as given (probably a UNODC estimate)';

function noteFor(t: RawTable, r: RawRow, notWhole: boolean): string {
  const code = text(t, r, 'Source');
  const parts = [code === null ? 'UNODC Source column empty' : `UNODC Source column: ${code}`];
  if (notWhole) parts.push(NOT_WHOLE);
  return parts.join('; ');
}

function normalize(input: NormalizeInput): NormalizeOutput {
  const file = input.manifest.files[0]!.name;
  const { table: t, ledger } = onlyTable(input, file);
  const guard = new DuplicateGuard(t, 'VALUE');
  const observations: Observation[] = [];
  const quality: QualityNote[] = [];
  for (const r of t.rows) {
    const geo = unodcGeo(t, r, ledger, input.geo);
    if (geo === null) continue;
    oneOf(t, r, 'Dimension', { 'by type of offence': 'by type of offence' });
    const c = categoryOf(t, r);
    const kind = oneOf(t, r, 'Unit of measurement', UNITS);
    const value = decimal(t, r, 'VALUE', { min: 0 });
    if (value === null) throw new PipelineError(t.at(r, 'VALUE'), 'expected a value, found an empty cell');
    const notWhole = kind === 'count' && !Number.isInteger(value);
    const ref = sourceRef(t.file, t.sheet, r.row);
    const obs: Observation = {
      domain: c.domain,
      indicator: kind === 'count' ? c.id : `${c.id}_rate`,
      geo,
      year: year(t, r, 'Year'),
      sex: unodcSex(t, r),
      age: unodcAge(t, r),
      dimension: 'total',
      category: 'total',
      counterpart: null,
      value,
      unit: kind === 'count' ? COUNT_UNIT : RATE_UNIT,
      censored: null,
      value_min: null,
      value_max: null,
      source: SOURCE,
      source_ref: ref,
      note: noteFor(t, r, notWhole),
      publisher: unodcLabels(t, r),
    };
    const prior = guard.admit(obs, r);
    if (prior !== null) {
      ledger.quarantine(r, `exact duplicate of row ${prior}`, 'VALUE', value);
      continue;
    }
    if (notWhole) quality.push({ source: SOURCE, source_ref: ref, check: 'count-not-whole', message: `count ${value} is not a whole number (${obs.indicator}, ${geo}, ${obs.year})` });
    observations.push(obs);
    ledger.emit(r);
  }
  return { observations, events: [], quality };
}

/** UN-CTS's label columns and what the release makes of each (catalog.json and the data page show it). */
const LABEL_COLUMNS = unodcLabelColumns({
  indicator: { release: 'indicator', how: 'Offences or Acts against the environment: the group the offence category is listed under; with Category it chooses the indicator.' },
  dimension: { release: 'dimension', how: "Always by type of offence (checked): each category is an indicator of its own, so the release's dimension is 'total'." },
  category: {
    release: 'indicator, domain',
    how: "One indicator per offence category, in the domain it serves (cyb_fraud_cyber, smg_offences_smuggling_migrants, wl_offences_protected_species, ctx_offences_…); the release's category is 'total'. A label 'Parent: part' (Corruption: Bribery) is part of the parent's indicator.",
  },
  sex: { release: 'sex', how: 'Total in this file → total.' },
  age: { release: 'age', how: 'Total in this file → total.' },
  unit: { release: 'indicator, unit', how: "Counts → the category's count indicator (offences); Rate per 100,000 population → its _rate twin, UNODC's own rate as published." },
  source: { release: 'note', how: "Also in note ('UNODC Source column: …'): CTS, or codes such as CTS/MoI, CTS/NGO, MoI/CTS." },
});

const source: SourceModule = { id: SOURCE, indicators: INDICATORS, normalize, labelColumns: LABEL_COLUMNS };
export default source;
