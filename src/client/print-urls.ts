/**
 * On paper a link is only as good as the address a reader can type. The print stylesheet (src/styles/print.css)
 * writes a permalink's address after it; links hold paths, so this puts each one's absolute URL in
 * `data-print-url` for it to print: at start, and again whenever the page's content changes, since a redraw replaces
 * a figure's links with those of the view drawn (`beforeprint` alone would not do: a PDF printer need not fire it).
 */
export const PRINTED_LINKS = 'a[data-permalink], .chart-figure .source a[href], .chart-table-link a[href]';

export function markPrintUrls(root: ParentNode): void {
  for (const a of root.querySelectorAll<HTMLAnchorElement>(PRINTED_LINKS)) a.dataset['printUrl'] = a.href;
}

export function writePrintUrls(doc: Document): void {
  markPrintUrls(doc);
  const main = doc.querySelector('main');
  const win = doc.defaultView;
  if (!main || !win) return;
  new win.MutationObserver(() => markPrintUrls(main)).observe(main, { childList: true, subtree: true });
}
