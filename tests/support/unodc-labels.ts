/**
 * The publisher's labels a dataUNODC fixture row must carry, read from the fixture's own cells by header name: the
 * expected values come from the row as written in the publisher's layout, not from the normalizer.
 */
import type { Observation, PublisherLabels } from '../../scripts/pipeline/model.ts';
import type { FixtureCell } from './fixtures.ts';

const COLUMN: Record<keyof PublisherLabels, string> = {
  indicator: 'Indicator',
  dimension: 'Dimension',
  category: 'Category',
  sex: 'Sex',
  age: 'Age',
  unit: 'Unit of measurement',
  source: 'Source',
};

/** A fixture cell as a spreadsheet shows its text; an empty cell is null. */
function shown(cell: FixtureCell | undefined): string | null {
  if (cell === null || cell === undefined || cell === '') return null;
  if (typeof cell === 'object' && !(cell instanceof Date)) throw new Error('an error cell has no label');
  return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
}

export function fixtureLabels(header: readonly string[], cells: readonly FixtureCell[]): PublisherLabels {
  const at = (k: keyof PublisherLabels) => {
    const i = header.indexOf(COLUMN[k]);
    if (i < 0) throw new Error(`the header has no ${COLUMN[k]}`);
    return shown(cells[i]);
  };
  return { indicator: at('indicator'), dimension: at('dimension'), category: at('category'), sex: at('sex'), age: at('age'), unit: at('unit'), source: at('source') };
}

/**
 * Each observation's labels against the fixture row its source_ref names (`file:sheet:row`, data from `firstRow`),
 * as [source_ref, labels] pairs for one toEqual: a mismatch shows the row.
 */
export function labelsByRow(observations: readonly Observation[], header: readonly string[], rows: readonly FixtureCell[][], firstRow: number) {
  const got = observations.map((o) => [o.source_ref, o.publisher ?? null] as const);
  const want = observations.map((o) => {
    const n = Number(o.source_ref.split(':').at(-1));
    const cells = rows[n - firstRow];
    if (!cells) throw new Error(`${o.source_ref}: no such fixture row`);
    return [o.source_ref, fixtureLabels(header, cells)] as const;
  });
  return { got, want };
}
