/** Paging of a result: which rows a page shows, and how many pages there are. Pure. */
export const PAGE_SIZE = 50;

export interface PageSlice {
  /** 0-based, clamped to the pages that exist. */
  page: number;
  pages: number;
  /** Row indexes [from, to). */
  from: number;
  to: number;
}

export function pageSlice(rows: number, page: number, size = PAGE_SIZE): PageSlice {
  const pages = Math.max(1, Math.ceil(rows / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { page: p, pages, from: p * size, to: Math.min(rows, (p + 1) * size) };
}
