/** A "Print" button (a handout's) is shown only where a script can press it for the reader. */
export function wirePrintButtons(doc: Document): void {
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => doc.defaultView?.print());
  }
}
