import type { RawRow, RawTable } from '../../read-table.ts';
import { PipelineError } from '../../errors.ts';
import { text } from '../../values.ts';
import type { Dimension } from './dimensions.ts';

/** What one published `Indicator` becomes in the release. */
export interface Series {
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

/** The indicators of the flow dimensions, which have no totals to check parts against. */
export const FLOW_INDICATORS: ReadonlySet<string> = new Set(Object.values(SERIES).flatMap((s) => Object.values(s.flows)));

export function seriesOf(t: RawTable, r: RawRow): Series {
  const label = text(t, r, 'Indicator');
  const series = label === null ? undefined : SERIES[label];
  if (!series) throw new PipelineError(t.at(r, 'Indicator'), `unknown indicator ${JSON.stringify(label)}, expected one of ${Object.keys(SERIES).map((k) => JSON.stringify(k)).join(', ')}`);
  return series;
}

/** A flow dimension published for a series that has no flow indicator would have nowhere to go: it stops the build. */
export function indicatorOf(t: RawTable, r: RawRow, series: Series, dimension: Dimension): string {
  if (dimension === 'Total' || dimension === 'by form of exploitation') return series.base;
  const id = series.flows[dimension];
  if (!id) throw new PipelineError(t.at(r, 'Dimension'), `dimension ${JSON.stringify(dimension)} is not expected for indicator ${JSON.stringify(text(t, r, 'Indicator'))}`);
  return id;
}
