import type { NormalizeInput } from '../../source-module.ts';
import type { RawRow, RawTable } from '../../read-table.ts';
import { oneOf, text } from '../../values.ts';
import { unodcCategory } from '../unodc-common.ts';
import { FORM_DIMENSION, FORMS, type Dimension } from './dimensions.ts';
import { flowLabel, type FlowLabel } from './flow-label.ts';
import { REASONS } from './reasons.ts';

/**
 * Category and counterpart of a row, or the reason it is quarantined. An empty Category in a flow row is sometimes
 * the breakdown's total (Bolivia, Kazakhstan), sometimes the non-nationals (Namibia 2020), and twice the year typed
 * as a value ('2,020'): it cannot be attributed.
 */
export function breakdown(input: NormalizeInput, t: RawTable, r: RawRow, dimension: Dimension, reporter: string): FlowLabel {
  if (dimension === 'Total') return { dimension: 'total', category: unodcCategory(oneOf(t, r, 'Category', { Total: 'Total' })), counterpart: null, note: null };
  if (dimension === 'by form of exploitation') return { dimension: FORM_DIMENSION, category: oneOf(t, r, 'Category', FORMS), counterpart: null, note: null };
  const label = text(t, r, 'Category');
  if (label === null) return { reason: REASONS.emptyCategory };
  return flowLabel(input, t, r, label, dimension, reporter);
}
