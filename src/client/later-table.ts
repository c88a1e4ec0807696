/**
 * A redrawn map's data table, written after the frame that shows the map. A year's table has a row per country or
 * flow (hundreds); building and laying it out doubled the work between the key press and the new map, for rows a
 * closed <details> does not show. The figure arrives with its <details> empty (`data-table-pending`, figure.ts's
 * `tableLater`); the rows follow a frame later, or at once when the reader opens the table first or the figure's
 * export asks for it. A table open when the year changes is written with the map, in the same frame, so a reader
 * following it year by year never sees one year's map over another year's rows.
 */
const pending = new WeakMap<HTMLDetailsElement, () => string>();

/** Writes the pending table of `details` (nothing when it has none, or it left the page). */
export function fillTable(details: HTMLDetailsElement): void {
  const html = pending.get(details);
  if (!html) return;
  pending.delete(details);
  if (!details.isConnected) return;
  details.insertAdjacentHTML('beforeend', html());
  details.removeAttribute('data-table-pending');
}

/** Every pending table under `root`, written now: the export reads a figure's table from the page. */
export function fillTables(root: ParentNode): void {
  for (const d of root.querySelectorAll<HTMLDetailsElement>('details[data-table-pending]')) fillTable(d);
}

/** Gives `details` its table: at once when `open` (it stays open), else after the next frame or when opened. */
export function tableLater(details: HTMLDetailsElement, html: () => string, open: boolean): void {
  pending.set(details, html);
  if (open) {
    details.open = true;
    fillTable(details);
    return;
  }
  details.addEventListener('toggle', () => fillTable(details), { once: true });
  const win = details.ownerDocument.defaultView!;
  // After the frame: a task queued from a frame callback runs once that frame is painted.
  win.requestAnimationFrame(() => win.setTimeout(() => fillTable(details)));
}
