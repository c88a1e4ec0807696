/**
 * Which row groups of a view file can hold the places asked for, and which bytes they occupy. Pure: a function of
 * the file's footer. View files are sorted by place (scripts/pipeline/release/views.ts), so a group's min/max
 * statistics for `geo` bound the places in it.
 */
import type { FileMetaData } from 'hyparquet';
import { compareText } from '../data/text-order.ts';

export interface GroupPlan {
  index: number;
  rowStart: number;
  rowEnd: number;
  byteStart: number;
  byteEnd: number;
}

export interface Span {
  start: number;
  end: number;
}

/** The row groups whose `column` statistics admit one of `values` (every group when `values` is null). */
export function groupsHolding(meta: FileMetaData, column: string, values: readonly string[] | null): GroupPlan[] {
  const out: GroupPlan[] = [];
  let rowStart = 0;
  meta.row_groups.forEach((g, index) => {
    const rows = Number(g.num_rows);
    const chunk = g.columns.find((c) => c.meta_data?.path_in_schema[0] === column);
    const min = chunk?.meta_data?.statistics?.min_value;
    const max = chunk?.meta_data?.statistics?.max_value;
    // Without statistics a group may hold anything.
    const admits = (v: string) => typeof min !== 'string' || typeof max !== 'string' || (compareText(min, v) <= 0 && compareText(v, max) <= 0);
    if (values === null || values.some(admits)) {
      let byteStart = Infinity;
      let byteEnd = 0;
      for (const c of g.columns) {
        const m = c.meta_data;
        if (!m) continue;
        const start = Number(m.dictionary_page_offset ?? m.data_page_offset);
        byteStart = Math.min(byteStart, start);
        byteEnd = Math.max(byteEnd, start + Number(m.total_compressed_size));
      }
      out.push({ index, rowStart, rowEnd: rowStart + rows, byteStart, byteEnd });
    }
    rowStart += rows;
  });
  return out;
}

/** Byte ranges merged where they touch or lie within `gap` bytes: fewer requests for a few wasted bytes. */
export function coalesce(spans: readonly Span[], gap: number): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end + gap) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
