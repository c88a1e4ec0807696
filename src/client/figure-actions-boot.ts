/**
 * The only code a figure's Download, Cite and Embed add before a reader asks: when its <details> opens, the actions
 * (src/export/actions.ts, with the SVG, PNG, CSV and citation code) are loaded and built for the view then on screen.
 */
export function bootFigureActions(doc: Document = document): void {
  doc.addEventListener('toggle', (ev) => {
    const details = ev.target;
    if (!(details instanceof HTMLDetailsElement) || !details.open || details.dataset['export'] === undefined) return;
    details.dataset['actions'] = 'loading';
    import('../export/actions.ts')
      .then((m) => m.fillActions(details))
      .then(() => { details.dataset['actions'] = 'ready'; })
      .catch((e: unknown) => {
        details.dataset['actions'] = 'failed';
        const body = details.querySelector('[data-actions-body]');
        if (body) body.textContent = `${body.textContent ?? ''} (${e instanceof Error ? e.message : String(e)})`;
      });
  }, true);
}
