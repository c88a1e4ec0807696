/**
 * The publisher_labels table: every distinct set of a publisher's own labels (dataUNODC's Indicator, Dimension,
 * Category, Sex, Age, Unit of measurement, Source) once, numbered; observations.labels_id points to its row.
 *
 * Why a table and not seven columns on observations: the labels repeat (1,172 distinct sets for 82,558 labelled
 * observations of the mirror). As columns they cost observations.csv 6.8 MB (+35 %) and observations.parquet 49 KB;
 * as one integer column and this table, 0.3 MB of CSV, 31 KB of Parquet and an 11 KB table. The view files, which the
 * browser reads, carry neither (views.ts picks its columns).
 */
import type { Observation, PublisherLabels } from '../model.ts';
import { compareKeys } from '../arrays.ts';

export interface PublisherLabelRow {
  labels_id: number;
  source: string;
  publisher_indicator: string | null;
  publisher_dimension: string | null;
  publisher_category: string | null;
  publisher_sex: string | null;
  publisher_age: string | null;
  publisher_unit: string | null;
  publisher_source: string | null;
}

export interface LabelIndex {
  /** One row per distinct (source, labels), in key order; labels_id is the row's 1-based position. */
  rows: PublisherLabelRow[];
  /** The row an observation's labels are in; null when it has none (aggregates, derived values). */
  idOf(o: Observation): number | null;
}

type Tuple = [string, ...(string | null)[]];

function tupleOf(source: string, l: PublisherLabels): Tuple {
  return [source, l.indicator, l.dimension, l.category, l.sex, l.age, l.unit, l.source];
}

/**
 * Numbers the distinct label sets of the observations in a fixed order. The ids hold within one release; a new label
 * in a later file renumbers the ones after it, so join on labels_id within a release, never across releases.
 */
export function indexPublisherLabels(observations: readonly Observation[]): LabelIndex {
  const distinct = new Map<string, Tuple>();
  for (const o of observations) {
    if (!o.publisher) continue;
    const t = tupleOf(o.source, o.publisher);
    distinct.set(JSON.stringify(t), t);
  }
  // Null first, then code-unit order: the same on every machine, so the same labels get the same ids.
  const sorted = [...distinct.entries()].sort(([, a], [, b]) => compareKeys(a, b));
  const ids = new Map(sorted.map(([key], i) => [key, i + 1]));
  const rows = sorted.map(([, [source, indicator, dimension, category, sex, age, unit, code]], i) => ({
    labels_id: i + 1,
    source,
    publisher_indicator: indicator ?? null,
    publisher_dimension: dimension ?? null,
    publisher_category: category ?? null,
    publisher_sex: sex ?? null,
    publisher_age: age ?? null,
    publisher_unit: unit ?? null,
    publisher_source: code ?? null,
  }));
  return {
    rows,
    idOf: (o) => (o.publisher ? ids.get(JSON.stringify(tupleOf(o.source, o.publisher)))! : null),
  };
}
