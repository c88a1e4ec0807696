import type { NormalizeInput } from '../../source-module.ts';
import type { RawRow, RawTable } from '../../read-table.ts';
import { PipelineError } from '../../errors.ts';
import { nameKey } from '../../reference/geo-index.ts';
import type { Dimension } from './dimensions.ts';
import { nonCountryRule } from './labels.ts';
import { FLOW_DIMENSION } from './dimensions.ts';

/** What a citizenship/repatriation label becomes, or why its row cannot be placed. */
export type FlowLabel = { dimension: string; category: string; counterpart: string | null; note: string | null } | { reason: string };

/**
 * A documented non-country label, or a country through UN names and the aliases (Spanish, French and misspelt
 * names, demonyms, mojibake). Any other label stops the build, so a new spelling cannot pass unnoticed.
 */
export function flowLabel(input: NormalizeInput, t: RawTable, r: RawRow, label: string, dimension: Dimension, reporter: string): FlowLabel {
  const rule = nonCountryRule(label);
  if (rule) {
    const counterpart = rule.self && dimension === 'by citizenship' ? reporter : null;
    const isTotal = rule.category === 'total';
    return { dimension: isTotal ? 'total' : FLOW_DIMENSION[dimension], category: rule.category, counterpart, note: publishedNote(label, rule.category, rule.note) };
  }
  const res = input.geo.resolveName(label, input.aliases);
  if (res === null) {
    throw new PipelineError(
      t.at(r, 'Category'),
      `unknown ${dimension} label ${JSON.stringify(label)}: add it to data/reference/aliases/unodc-glotip.csv or, if it names no country, to NON_COUNTRY_LABELS`,
    );
  }
  if ('reason' in res) return res;
  const place = input.geo.rows.get(res.geo);
  if (!place) throw new PipelineError(t.at(r, 'Category'), `label ${JSON.stringify(label)} resolves to ${res.geo}, which is not in the geography table`);
  // The place is the category of its breakdown, and the flow's other end: one code, in both columns.
  return { dimension: FLOW_DIMENSION[dimension], category: res.geo, counterpart: res.geo, note: publishedNote(label, place.name) };
}

/** The published label goes to the note when the release shows another spelling, so nothing typed is lost. */
function publishedNote(label: string, shown: string, extra?: string): string | null {
  const parts = [nameKey(label) === nameKey(shown) ? null : `published label ${JSON.stringify(label)}`, extra ?? null].filter((p) => p !== null);
  return parts.length > 0 ? parts.join('; ') : null;
}
