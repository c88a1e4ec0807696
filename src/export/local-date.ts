/** The day a reader opened or printed something, as citations take it: YYYY-MM-DD of the reader's own calendar. */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
