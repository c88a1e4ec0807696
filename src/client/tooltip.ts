/**
 * A visible tooltip for the chart mark under the pointer or with keyboard focus, showing the mark's aria-label (the
 * same text a screen reader reads, so the tooltip itself is aria-hidden). Escape hides it; moving away hides it.
 * One tooltip element for the page, wired by event delegation, so redrawn figures need no rewiring.
 */

const MARK = '.figure-host svg [aria-label][data-key]';

/** Where the tooltip goes: centred above the mark, kept inside the viewport (all in page coordinates). */
export function placeTooltip(
  mark: { left: number; top: number; width: number; height: number },
  tip: { width: number; height: number },
  viewport: { width: number; scrollX: number; scrollY: number },
  gap = 8,
): { left: number; top: number } {
  const centre = mark.left + mark.width / 2;
  const left = Math.min(Math.max(centre - tip.width / 2, 4), Math.max(4, viewport.width - tip.width - 4));
  const above = mark.top - tip.height - gap;
  const top = above >= 4 ? above : mark.top + mark.height + gap;
  return { left: left + viewport.scrollX, top: top + viewport.scrollY };
}

export function initTooltip(doc: Document): void {
  const tip = doc.createElement('div');
  tip.className = 'chart-tooltip';
  tip.setAttribute('aria-hidden', 'true');
  tip.hidden = true;
  // Styled here (CSSOM, allowed by the CSP) so the component needs nothing from site.css.
  Object.assign(tip.style, {
    position: 'absolute', zIndex: '20', maxWidth: '22rem', padding: '0.3rem 0.5rem', pointerEvents: 'none',
    background: '#1a1a1a', color: '#fff', font: '0.85rem/1.3 system-ui, sans-serif', borderRadius: '4px',
    boxShadow: '0 2px 6px rgba(0,0,0,0.25)', left: '0', top: '0',
  } satisfies Partial<CSSStyleDeclaration>);
  doc.body.append(tip);
  let shownFor: Element | null = null;

  function show(mark: Element) {
    const label = mark.getAttribute('aria-label');
    if (!label) return;
    shownFor = mark;
    tip.textContent = label;
    tip.hidden = false;
    const r = mark.getBoundingClientRect();
    const win = doc.defaultView!;
    const { left, top } = placeTooltip(
      { left: r.left, top: r.top, width: r.width, height: r.height },
      { width: tip.offsetWidth, height: tip.offsetHeight },
      { width: doc.documentElement.clientWidth, scrollX: win.scrollX, scrollY: win.scrollY },
    );
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  function hide(mark?: Element | null) {
    if (mark && mark !== shownFor) return;
    shownFor = null;
    tip.hidden = true;
  }

  const markOf = (t: EventTarget | null) => (t instanceof Element ? t.closest(MARK) : null);

  doc.addEventListener('focusin', (ev) => {
    const m = markOf(ev.target);
    if (m) show(m);
    else hide();
  });
  doc.addEventListener('focusout', (ev) => hide(markOf(ev.target)));
  doc.addEventListener('pointerover', (ev) => {
    const m = markOf(ev.target);
    if (m) show(m);
  });
  doc.addEventListener('pointerout', (ev) => {
    const m = markOf(ev.target);
    if (m && !m.contains(ev.relatedTarget as Node | null)) hide(m);
  });
  doc.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && shownFor) hide();
  });
  doc.defaultView?.addEventListener('resize', () => hide());
}
