import type { IndicatorDef, Observation, PopulationRow } from './model.ts';
import { TOTAL } from './model.ts';

/**
 * Count indicators that get a rate per 100,000 population computed by the observatory. Only counts that relate to
 * the resident population qualify: migrants dead in a country of transit are not, so IOM figures get no rate.
 */
export interface RateRule {
  from: string;
  id: string;
  title: string;
}

export const RATE_RULES: RateRule[] = [
  { from: 'tip_victims_detected', id: 'tip_victims_detected_rate', title: 'Detected victims of trafficking per 100,000 population' },
  { from: 'tip_persons_convicted', id: 'tip_persons_convicted_rate', title: 'Persons convicted of trafficking in persons per 100,000 population' },
  { from: 'fa_arms_seized', id: 'fa_arms_seized_rate', title: 'Firearms seized per 100,000 population' },
];

function rateDef(rule: RateRule, base: IndicatorDef): IndicatorDef {
  return {
    id: rule.id,
    domain: base.domain,
    title: rule.title,
    unit: 'per 100,000 population',
    definition: `${base.title} divided by the mid-year population (World Bank SP.POP.TOTL) of the same country and year, times 100,000. Computed by the observatory, not by the publisher. ${base.definition}`,
    caveat: `Derived by the observatory. ${base.caveat} No rate is given where the count is censored or the population is unknown.`,
    breakdowns: [],
    dimensions: [],
    derived: true,
    sources: [...base.sources, 'population-worldbank'],
    label_packing: null,
  };
}

/**
 * Rates for country totals only (no breakdown, no flow), where the count is exact and a population exists.
 * A censored count yields no rate: dividing a bound would look more precise than it is.
 */
export function deriveRates(
  observations: Observation[],
  indicators: Map<string, IndicatorDef>,
  population: PopulationRow[],
): { observations: Observation[]; indicators: IndicatorDef[] } {
  const pop = new Map(population.map((p) => [`${p.geo}|${p.year}`, p]));
  const outObs: Observation[] = [];
  const outDefs: IndicatorDef[] = [];
  for (const rule of RATE_RULES) {
    const base = indicators.get(rule.from);
    if (!base) continue;
    outDefs.push(rateDef(rule, base));
    for (const o of observations) {
      if (o.indicator !== rule.from || o.sex !== TOTAL || o.age !== TOTAL || o.category !== TOTAL || o.counterpart !== null) continue;
      if (o.value === null || o.censored !== null) continue;
      const p = pop.get(`${o.geo}|${o.year}`);
      if (!p) continue;
      // The rate is the observatory's, not a cell of the publisher's: it keeps the count's row, not its labels.
      const { publisher: _labels, ...count } = o;
      outObs.push({
        ...count,
        indicator: rule.id,
        value: (o.value / p.population) * 100_000,
        unit: 'per 100,000 population',
        note: `derived: ${o.value} / ${p.population} × 100,000; population from ${p.source} ${p.source_ref}`,
      });
    }
  }
  return { observations: outObs, indicators: outDefs };
}
