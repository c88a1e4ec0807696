/**
 * A drawing's page CSS written onto its elements as presentation attributes: a file opened elsewhere has no site.css.
 * What the page hides is left out, as the reader does not see it.
 */

/** Presentation properties a chart's CSS may set; resolved from the page and written on each element. */
const PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'paint-order', 'letter-spacing'] as const;

/** `to` is a deep clone of `from`; its hidden parts are removed and the rest carry their computed styles. */
export function inlineStyles(from: Element, to: Element): void {
  const cs = getComputedStyle(from);
  if (cs.display === 'none' || cs.visibility === 'hidden') {
    to.remove();
    return;
  }
  for (const p of PROPS) {
    const v = cs.getPropertyValue(p);
    if (v) to.setAttribute(p, v);
  }
  to.removeAttribute('class');
  to.removeAttribute('style');
  const a = [...from.children];
  const b = [...to.children];
  a.forEach((child, i) => inlineStyles(child, b[i]!));
}
