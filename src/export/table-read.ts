/** A figure's data table as chart-csv.ts reads it, from the page (the figure's own, or its table page's). */
import type { ReadTable, TableCell } from './chart-csv.ts';
import { fullRef } from '../charts/ref-prefix.ts';

export function readTable(table: HTMLTableElement): ReadTable {
  const heads = [...table.querySelectorAll('thead th')];
  // A number that identifies the row (a coordinate) is not a value drawn: a key column of the CSV.
  const columns = heads.map((th) => ({ label: (th.textContent ?? '').trim(), numeric: th.classList.contains('num') && !th.hasAttribute('data-identifies') }));
  const prefix = table.dataset['refPrefix'] ?? null;
  const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((td): TableCell => {
      const el = td as HTMLElement;
      return {
        text: (el.textContent ?? '').trim(),
        ...(el.dataset['value'] !== undefined ? { value: el.dataset['value'] } : {}),
        ...(el.dataset['ref'] !== undefined ? { ref: fullRef(el.dataset['ref'], prefix) } : {}),
        ...(el.classList.contains('missing') ? { missing: true } : {}),
      };
    }),
  );
  return { columns, rows, ...(table.dataset['derived'] ? { derived: table.dataset['derived'] } : {}) };
}
