import { observationKey, type Observation } from './model.ts';
import type { RawRow, RawTable } from './read-table.ts';
import { PipelineError } from './errors.ts';

function sameValue(a: Observation, b: Observation): boolean {
  return a.value === b.value && a.censored === b.censored && a.value_min === b.value_min && a.value_max === b.value_max;
}

/**
 * Publishers repeat rows. An exact repeat is quarantined by the caller (admit returns the first row's number);
 * a repeat with a different value is a contradiction that stops the build, naming both rows.
 */
export class DuplicateGuard {
  private readonly seen = new Map<string, { obs: Observation; row: number }>();
  private readonly table: RawTable;
  private readonly valueColumn: string;

  constructor(table: RawTable, valueColumn: string) {
    this.table = table;
    this.valueColumn = valueColumn;
  }

  /** null if the observation is new; otherwise the row number of the identical earlier row. */
  admit(obs: Observation, row: RawRow): number | null {
    const key = observationKey(obs);
    const prior = this.seen.get(key);
    if (!prior) {
      this.seen.set(key, { obs, row: row.row });
      return null;
    }
    if (sameValue(prior.obs, obs)) return prior.row;
    const show = (o: Observation) => (o.censored ?? String(o.value));
    throw new PipelineError(
      this.table.at(row, this.valueColumn),
      `duplicate key with conflicting values: ${show(obs)} here, ${show(prior.obs)} on row ${prior.row} ` +
        `(${obs.indicator}, ${obs.geo}, ${obs.year}, sex ${obs.sex}, age ${obs.age}, category ${obs.category}${obs.counterpart ? `, counterpart ${obs.counterpart}` : ''})`,
    );
  }
}
