/**
 * The states of one redrawable chart, and the only ways between them. The page never shows controls and a chart
 * that disagree without saying so: while a view loads, or after it failed, the chart still shows `shown` and is
 * marked as not yet the view asked for (`wanted`).
 *
 *   idle ──request──▶ loading ──loaded──▶ drawn ──request──▶ loading …
 *                      │   ▲
 *               failed │   │ request (retry)          cancel: loading | failed ──▶ idle or drawn, as before
 *                      ▼   │
 *                      failed
 */

export interface View {
  geo: readonly string[];
  years: readonly [number, number];
}

/** What the chart shows, and who drew it: the build (the page's default view) or the engine in the page. */
export interface Shown {
  view: View;
  by: 'build' | 'browser';
  /**
   * The drawing is from another data release than the one asked for (a link citing an older release, on a page built
   * from the newest): asking for its view must still load it.
   */
  otherRelease?: true;
}

export type Phase =
  | { name: 'idle' | 'drawn'; shown: Shown }
  | { name: 'loading'; shown: Shown; wanted: View }
  | { name: 'failed'; shown: Shown; wanted: View; error: unknown };

export type PhaseEvent =
  | { type: 'request'; view: View }
  | { type: 'loaded'; view: View }
  | { type: 'failed'; view: View; error: unknown }
  | { type: 'cancel' };

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Same countries (in any order: the query orders them) and same years. */
export const sameView = (a: View, b: View): boolean => sameSet(a.geo, b.geo) && a.years[0] === b.years[0] && a.years[1] === b.years[1];

/** The phase of a chart that shows `shown` and waits for nothing. */
export const settled = (shown: Shown): Phase => ({ name: shown.by === 'build' ? 'idle' : 'drawn', shown });

/** The build's drawing of the default view, before any script acted. */
export const initialPhase = (view: View, otherRelease = false): Phase => settled({ view, by: 'build', ...(otherRelease ? { otherRelease: true as const } : {}) });

export function nextPhase(p: Phase, e: PhaseEvent): Phase {
  switch (e.type) {
    case 'request':
      if (p.name === 'loading' && sameView(e.view, p.wanted)) return p;
      // Asking for what is on screen needs no load, and ends one of another view.
      if (sameView(e.view, p.shown.view) && !p.shown.otherRelease) return p.name === 'idle' || p.name === 'drawn' ? p : settled(p.shown);
      return { name: 'loading', shown: p.shown, wanted: e.view };
    case 'loaded':
      return p.name === 'loading' && sameView(e.view, p.wanted) ? { name: 'drawn', shown: { view: e.view, by: 'browser' } } : p;
    case 'failed':
      return p.name === 'loading' && sameView(e.view, p.wanted) ? { name: 'failed', shown: p.shown, wanted: p.wanted, error: e.error } : p;
    case 'cancel':
      return p.name === 'loading' || p.name === 'failed' ? settled(p.shown) : p;
  }
}
