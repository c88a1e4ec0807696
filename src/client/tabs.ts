/**
 * Chart / Map / Table tabs on indicator pages. Without JavaScript the tabs are plain links and every panel is visible;
 * with it they follow the WAI-ARIA tabs pattern: one panel shown, aria-selected on its tab, roving tabindex,
 * ←/→/Home/End move between tabs (and select them), and the choice is part of the URL's view state.
 */

export interface Tabs {
  /** Shows `tab`'s panel and hides the others; unknown names are ignored (returns false). */
  select(tab: string): boolean;
  readonly names: readonly string[];
}

/** The tab a key moves to from `current`: arrows step and wrap around, Home/End go to the ends; null for other keys. */
export function nextTab(names: readonly string[], current: string, key: string): string | null {
  const i = names.indexOf(current);
  if (names.length === 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return names[(i + 1) % names.length] ?? null;
    case 'ArrowLeft':
    case 'ArrowUp':
      return names[(i - 1 + names.length) % names.length] ?? null;
    case 'Home':
      return names[0] ?? null;
    case 'End':
      return names[names.length - 1] ?? null;
    default:
      return null;
  }
}

export function initTabs(nav: HTMLElement, initial: string, onSelect: (tab: string) => void): Tabs {
  const doc = nav.ownerDocument;
  const links = [...nav.querySelectorAll<HTMLAnchorElement>('a[data-tab]')];
  const panelOf = (name: string) => doc.querySelector<HTMLElement>(`[data-panel="${CSS.escape(name)}"]`);
  const names = links.map((a) => a.dataset['tab']!).filter((n) => panelOf(n) !== null);
  nav.setAttribute('role', 'tablist');
  for (const a of links) {
    const panel = panelOf(a.dataset['tab']!);
    if (!panel) continue;
    a.setAttribute('role', 'tab');
    if (panel.id) a.setAttribute('aria-controls', panel.id);
    panel.setAttribute('role', 'tabpanel');
    if (a.id && !panel.hasAttribute('aria-labelledby')) panel.setAttribute('aria-labelledby', a.id);
  }
  let current = names.includes(initial) ? initial : (names[0] ?? '');

  function select(tab: string): boolean {
    if (!names.includes(tab)) return false;
    current = tab;
    for (const a of links) {
      const on = a.dataset['tab'] === tab;
      a.setAttribute('aria-selected', String(on));
      a.tabIndex = on ? 0 : -1;
      const panel = panelOf(a.dataset['tab']!);
      if (panel) panel.hidden = !on;
    }
    return true;
  }

  function activate(tab: string, focus: boolean) {
    if (tab === current && !focus) return;
    const changed = tab !== current;
    select(tab);
    if (focus) links.find((a) => a.dataset['tab'] === tab)?.focus();
    if (changed) onSelect(tab);
  }

  nav.addEventListener('click', (ev) => {
    const a = (ev.target as Element).closest<HTMLAnchorElement>('a[data-tab]');
    if (!a || !names.includes(a.dataset['tab']!)) return;
    ev.preventDefault();
    activate(a.dataset['tab']!, false);
  });
  nav.addEventListener('keydown', (ev) => {
    const a = (ev.target as Element).closest<HTMLAnchorElement>('a[data-tab]');
    if (!a || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (ev.key === ' ') {
      ev.preventDefault(); // Space activates a tab as Enter does (links only react to Enter)
      activate(a.dataset['tab']!, false);
      return;
    }
    const next = nextTab(names, a.dataset['tab']!, ev.key);
    if (next === null) return;
    ev.preventDefault();
    activate(next, true);
  });

  select(current);
  return { select, names };
}
