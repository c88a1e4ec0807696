import { AGES, SEXES, observationKey, type IndicatorDef, type Observation } from './model.ts';
import type { GeoIndex } from './reference/geo-index.ts';
import { PipelineError } from './errors.ts';

function where(o: Observation): { file: string; sheet?: string; row?: number } {
  // source_ref is file:sheet:rows; a file name may itself contain ':' only in theory, so split from the right.
  const parts = o.source_ref.split(':');
  const rows = parts.pop() ?? '';
  const sheet = parts.pop() ?? '';
  const first = Number(rows.split(/[,-]/)[0]);
  return { file: `${o.source}/${parts.join(':')}`, ...(sheet ? { sheet } : {}), ...(Number.isInteger(first) ? { row: first } : {}) };
}

function check(cond: boolean, o: Observation, column: string, problem: string): void {
  if (!cond) throw new PipelineError({ ...where(o), column }, `${problem} (indicator ${o.indicator})`);
}

/** Indicator ids are global: two modules may not define the same one. */
export function indexIndicators(defs: IndicatorDef[]): Map<string, IndicatorDef> {
  const out = new Map<string, IndicatorDef>();
  for (const d of defs) {
    if (out.has(d.id)) throw new Error(`indicator ${d.id} is defined twice`);
    if (!/^(tip|smg|fa|wl|med|cyb|ctx)_[a-z0-9_]+$/.test(d.id)) throw new Error(`indicator id ${d.id} does not follow <domain>_<name>`);
    for (const k of ['title', 'unit', 'definition', 'caveat'] as const) {
      if (!d[k]) throw new Error(`indicator ${d.id} lacks ${k}`);
    }
    out.set(d.id, d);
  }
  return out;
}

/**
 * The release contract, checked on every row: vocabularies, codes, censoring, and key uniqueness. A failure names
 * the publisher's row the value came from.
 */
export function validateObservations(rows: Observation[], indicators: Map<string, IndicatorDef>, geo: GeoIndex): void {
  const seen = new Map<string, Observation>();
  for (const o of rows) {
    const def = indicators.get(o.indicator);
    check(def !== undefined, o, 'indicator', 'indicator not defined in any source module');
    check(def!.domain === o.domain, o, 'domain', `domain ${o.domain} differs from the indicator's ${def!.domain}`);
    check(def!.sources.includes(o.source), o, 'source', `source ${o.source} is not listed for the indicator`);
    check((SEXES as readonly string[]).includes(o.sex), o, 'sex', `sex ${JSON.stringify(o.sex)} outside the vocabulary`);
    check((AGES as readonly string[]).includes(o.age), o, 'age', `age ${JSON.stringify(o.age)} outside the vocabulary`);
    check(Number.isInteger(o.year) && o.year >= 1900 && o.year <= 2100, o, 'year', `year ${o.year} invalid`);
    check(geo.has(o.geo), o, 'geo', `geo ${JSON.stringify(o.geo)} is not in the geography table`);
    check(o.counterpart === null || geo.has(o.counterpart), o, 'counterpart', `counterpart ${JSON.stringify(o.counterpart)} is not in the geography table`);
    check(o.category.length > 0, o, 'category', 'empty category');
    check((o.category === 'total') === (o.dimension === 'total'), o, 'dimension', `dimension ${JSON.stringify(o.dimension)} and category ${JSON.stringify(o.category)}: only the total has neither`);
    const dim = def!.dimensions.find((d) => d.name === o.dimension);
    check(o.dimension === 'total' || dim !== undefined, o, 'dimension', `dimension ${JSON.stringify(o.dimension)} is not declared for the indicator`);
    // In a place dimension a category that is a geo code is the flow's other end; labels (Unknown, Nationals) are not.
    check(!dim?.geo || !geo.has(o.category) || o.counterpart === o.category, o, 'category', `category ${JSON.stringify(o.category)} of a place dimension must equal the counterpart`);
    check(o.unit.length > 0, o, 'unit', 'empty unit');
    if (o.censored === null) {
      check(o.value_min === null && o.value_max === null, o, 'value_min', 'bounds given for an exact value');
      check(o.value === null || Number.isFinite(o.value), o, 'value', `value ${o.value} is not finite`);
    } else {
      check(o.value === null, o, 'value', 'a censored value must not also carry a number');
      check(o.value_min !== null, o, 'value_min', 'a censored value needs at least a lower bound');
      check(o.value_max === null || o.value_max >= o.value_min!, o, 'value_max', 'upper bound below lower bound');
    }
    const key = observationKey(o);
    const prior = seen.get(key);
    if (prior) {
      throw new PipelineError(
        { ...where(o), column: 'value' },
        `duplicate key (${o.indicator}, ${o.geo}, ${o.year}, ${o.sex}, ${o.age}, ${o.dimension}, ${o.category}, ${o.counterpart ?? '-'}) also at ${prior.source_ref}`,
      );
    }
    seen.set(key, o);
  }
}
