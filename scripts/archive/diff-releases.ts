/**
 * What changed in the released values between two releases: observations matched by their key (the columns
 * validate.ts holds unique, `observationKey` in model.ts), compared on what a reader sees as the value — the number,
 * the censoring mark and its bounds. Where a value comes from (`source_ref`) and the note are not values: a row that
 * moved in the publisher's file is unchanged. Reuses the row diff `npm run data -- --accept` shows (accept/diff-rows.ts).
 */
import { diffByKey, type Row } from '../pipeline/accept/diff-rows.ts';

/** The observation's identity: two releases' rows with the same key are the same value, perhaps revised. */
export const KEY_COLUMNS = ['indicator', 'geo', 'year', 'sex', 'age', 'dimension', 'category', 'counterpart', 'unit'] as const;
/** What a revision changes. A value turning from `<5` into 3 (or back) is a revision. */
export const VALUE_COLUMNS = ['value', 'censored', 'value_min', 'value_max'] as const;
/** The columns a diff reads from observations.parquet. */
export const DIFF_COLUMNS = [...KEY_COLUMNS, ...VALUE_COLUMNS, 'source', 'source_ref'] as const;

export type ChangeKind = 'added' | 'revised' | 'removed';

/** A released value as a reader sees it: a number, or a censoring mark with its bounds. */
export interface ValueCell {
  value: number | null;
  censored: string | null;
  value_min: number | null;
  value_max: number | null;
}

export interface ValueChange {
  kind: ChangeKind;
  indicator: string;
  source: string;
  geo: string;
  year: number;
  sex: string;
  age: string;
  dimension: string;
  category: string;
  counterpart: string | null;
  unit: string;
  /** The value in the earlier release (null when added). */
  before: ValueCell | null;
  /** The value in the later release (null when removed). */
  after: ValueCell | null;
  /** Where the value is in the publisher's file: the later release's row, or the earlier one's for a removal. */
  sourceRef: string;
}

export interface ChangeCounts {
  added: number;
  revised: number;
  removed: number;
}

export interface ReleaseDiff {
  counts: ChangeCounts;
  /** Counts per indicator and source, in indicator then source order. */
  groups: (ChangeCounts & { indicator: string; source: string })[];
  /** Every change, by indicator, source, kind (added, revised, removed) and key. */
  changes: ValueChange[];
  unchanged: number;
}

const KEY_SEP = '\u241f';
const keyOf = (r: Row): string => KEY_COLUMNS.map((c) => String(r[c] ?? '')).join(KEY_SEP);

const num = (v: Row[string] | undefined): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: Row[string] | undefined): string | null => (v === null || v === undefined ? null : String(v));

function cellOf(r: Row): ValueCell {
  return { value: num(r['value']), censored: str(r['censored']), value_min: num(r['value_min']), value_max: num(r['value_max']) };
}

/** Only the key, the value columns and where the row comes from: other columns (note, domain) are not compared. */
function project(r: Row): Row {
  const out: Row = {};
  for (const c of DIFF_COLUMNS) out[c] = r[c] ?? null;
  // DuckDB hands DOUBLE columns back as numbers, but a value 2 and 2.0 must compare equal whatever the reader gives.
  for (const c of ['value', 'value_min', 'value_max', 'year'] as const) out[c] = num(r[c]);
  return out;
}

function change(kind: ChangeKind, r: Row, before: ValueCell | null, after: ValueCell | null): ValueChange {
  return {
    kind,
    indicator: String(r['indicator']),
    source: String(r['source']),
    geo: String(r['geo']),
    year: Number(r['year']),
    sex: String(r['sex']),
    age: String(r['age']),
    dimension: String(r['dimension']),
    category: String(r['category']),
    counterpart: str(r['counterpart']),
    unit: String(r['unit']),
    before,
    after,
    sourceRef: String(r['source_ref'] ?? ''),
  };
}

const KIND_ORDER: Record<ChangeKind, number> = { added: 0, revised: 1, removed: 2 };

function compare(a: ValueChange, b: ValueChange): number {
  const text = (x: string | null) => x ?? '';
  return (
    a.indicator.localeCompare(b.indicator) || a.source.localeCompare(b.source) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    a.geo.localeCompare(b.geo) || a.year - b.year || a.sex.localeCompare(b.sex) || a.age.localeCompare(b.age) ||
    a.dimension.localeCompare(b.dimension) || a.category.localeCompare(b.category) ||
    text(a.counterpart).localeCompare(text(b.counterpart)) || a.unit.localeCompare(b.unit)
  );
}

/** Values added, revised (old → new) and removed from `before` to `after`, with counts per indicator and source. */
export function diffObservations(before: Row[], after: Row[]): ReleaseDiff {
  const d = diffByKey('observations', before.map(project), after.map(project), keyOf);
  const changes = [
    ...d.added.map((r) => change('added', r, null, cellOf(r))),
    ...d.changed.map(({ before: b, after: a }) => change('revised', a, cellOf(b), cellOf(a))),
    ...d.removed.map((r) => change('removed', r, cellOf(r), null)),
  ].sort(compare);
  const groups = new Map<string, ChangeCounts & { indicator: string; source: string }>();
  for (const c of changes) {
    const k = `${c.indicator}${KEY_SEP}${c.source}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { indicator: c.indicator, source: c.source, added: 0, revised: 0, removed: 0 }));
    g[c.kind]++;
  }
  return {
    counts: { added: d.added.length, revised: d.changed.length, removed: d.removed.length },
    groups: [...groups.values()],
    changes,
    unchanged: d.unchanged,
  };
}
