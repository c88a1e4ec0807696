import { observation, sourceRefRows, type Observation } from '../../model.ts';
import type { QualityNote } from '../../source-module.ts';
import type { RawTable } from '../../read-table.ts';
import { byCode } from '../../arrays.ts';
import { WORLD, type Cell } from './breakdown-cells.ts';
import { ID } from './id.ts';
import { DOMAIN, UNIT } from './indicators.ts';

/** The release year is still running when IOM publishes, so its figures carry a note saying where they stop. */
export interface PartialYear {
  year: number;
  note: string;
}

/** Dead and missing always; dead and missing apart only where the cell's split is known and not negative. */
export function observationsOf(cells: Cell[], t: RawTable, partialYear: PartialYear, quality: QualityNote[]): Observation[] {
  const out: Observation[] = [];
  for (const c of cells) {
    const source_ref = sourceRefRows(t.file, t.sheet, c.rows);
    const note = c.year === partialYear.year ? partialYear.note : null;
    const obs = (indicator: string, value: number): Observation =>
      observation({ domain: DOMAIN, indicator, geo: c.geo, year: c.year, dimension: c.dimension, category: c.category, value, unit: UNIT, source: ID, source_ref, note });
    out.push(obs('smg_dead_missing', c.total));
    if (!c.partsKnown) continue;
    if (c.dead < 0 || c.missing < 0) {
      quality.push(negativeSplitNote(t, c));
      continue;
    }
    out.push(obs('smg_dead', c.dead), obs('smg_missing', c.missing));
  }
  return out.sort((a, b) => byCode(a.indicator, b.indicator) || byCode(a.geo, b.geo) || a.year - b.year || byCode(a.dimension, b.dimension) || byCode(a.category, b.category));
}

/** Why a cell has no dead/missing split: the correction sits in this cell, the record it corrects in another. */
function negativeSplitNote(t: RawTable, c: Cell): QualityNote {
  return {
    source: ID,
    source_ref: sourceRefRows(t.file, t.sheet, c.corrections.length > 0 ? c.corrections : c.rows),
    check: 'dead / missing split of an aggregate',
    message:
      `${cellLabel(c)}: dead sums to ${c.dead} and missing to ${c.missing}: correction records in this cell move persons from missing to dead ` +
      `while the original record counting them as missing sits in another; smg_dead and smg_missing not published for this cell (smg_dead_missing is)`,
  };
}

function cellLabel(c: Cell): string {
  return c.geo === WORLD ? (c.category === 'total' ? `world ${c.year}` : `${c.dimension}: ${c.category} ${c.year}`) : `${c.geo} ${c.year}`;
}
