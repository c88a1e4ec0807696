/**
 * A world map's year control (MapControls.astro), wired: a range input over the years the map has values for (its
 * whole view, each country's latest value, every year summed or every event of a point map, at the right end), the
 * year in words beside it, a Play button that steps through the years, and, where the release has a rate per 100,000,
 * a choice of measure. Every change asks for one view; the latest asked for wins, and the map, its legend, its
 * description and its data table are redrawn together (map-redraw.ts, or point-redraw.ts for a point map, loaded on
 * first use and kept; a closed table's rows follow a frame after the map: later-table.ts). The whole view the build
 * drew is put back from the page's own HTML. Play never starts by itself; with `prefers-reduced-motion` it becomes
 * "Next year", one step a press. The choice is reported to the page (`onChange`), which keeps it in the URL.
 */
import type { Locale } from '../charts/types.ts';
import type { MapControl } from '../data/map-control.ts';
import {
  choiceAt,
  defaultChoice,
  isLastYear,
  nextYear,
  positionOf,
  withMeasure,
  yearsOf,
  type MapChoice,
  type MapSpace,
} from '../state/map-state.ts';
import type { DrawnMap } from './drawn-map.ts';
import type { MapContext } from './map-redraw.ts';
import { failureOf, failureText, isAbort } from './read-failure.ts';
import { tableLater } from './later-table.ts';

/** Between two steps of Play, once a year is drawn: long enough to read the map. */
const PLAY_STEP_MS = 1500;
/** A view that takes longer than this to arrive is shown as loading (a quick one would only flicker). */
const SLOW_MS = 250;

export interface MapDeps {
  locale: Locale;
  release: string;
  origin: string;
  /** The permalink of a choice (null: the view the build drew, which has none). */
  href(choice: MapChoice): string | null;
  /** The map shows another choice (asked for, not yet drawn): the page writes it into its URL. */
  onChange(): void;
}

type Draw = (choice: MapChoice, ctx: MapContext) => Promise<DrawnMap>;

export interface MapHandle {
  space: MapSpace;
  /** The choice asked for (what the URL says). */
  readonly choice: MapChoice;
  /** Shows `choice` (a permalink's, on load). */
  request(choice: MapChoice): void;
}

/** What the URL and the control know of a map's spec. */
export function spaceOf(spec: MapControl): MapSpace {
  if (spec.kind !== 'choropleth') return { param: spec.chartId, whole: 'all', measures: [{ id: 'count', years: spec.years }] };
  return {
    param: spec.chartId,
    whole: 'latest',
    measures: spec.measures.map((m) => ({ id: m.id, years: m.years })),
    ...(spec.measureParam ? { measureParam: spec.measureParam } : {}),
  };
}

const same = (a: MapChoice, b: MapChoice) => a.year === b.year && a.measure === b.measure;

/** The host's `data-map` JSON, or null when it is not one this script can redraw. */
export function readMapSpec(raw: string | undefined): MapControl | null {
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Partial<MapControl> | null;
    if (s?.kind === 'choropleth' && Array.isArray(s.measures) && s.measures.length > 0 && typeof s.chartId === 'string') return s as MapControl;
    if (s?.kind === 'flows' && Array.isArray(s.years) && typeof s.chartId === 'string') return s as MapControl;
    if (s?.kind === 'points' && Array.isArray(s.years) && typeof s.files === 'object' && s.files !== null && typeof s.chartId === 'string') return s as MapControl;
  } catch {
    // Malformed: the page keeps its map as built.
  }
  return null;
}

export function wireMap(host: HTMLElement, box: HTMLElement, spec: MapControl, deps: MapDeps): MapHandle {
  const doc = host.ownerDocument;
  const win = doc.defaultView!;
  const { locale } = deps;
  const { t } = locale;
  const space = spaceOf(spec);
  const built = host.innerHTML;
  const range = box.querySelector<HTMLInputElement>('input[type=range]')!;
  const output = box.querySelector<HTMLOutputElement>('output')!;
  const play = box.querySelector<HTMLButtonElement>('button[data-play]')!;
  const status = box.querySelector<HTMLElement>('[data-map-status]')!;
  const radios = [...box.querySelectorAll<HTMLInputElement>('input[type=radio]')];
  const motion = win.matchMedia?.('(prefers-reduced-motion: reduce)');
  const reduced = () => motion?.matches === true;

  let shown = defaultChoice(space);
  let wanted = shown;
  /**
   * The load whose result is still wanted; an older one finishing later is ignored, not aborted (the view file it
   * is reading serves the next one too: dragging the slider asks for a view per year it crosses).
   */
  let inflight: { choice: MapChoice } | null = null;
  let playing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const wholeText = spec.kind === 'choropleth' ? t('map.control.latest') : t('map.control.all');
  const label = (c: MapChoice) => (c.year === null ? wholeText : String(c.year));

  /** The controls say `c`: the slider's positions are its measure's years. */
  function showChoice(c: MapChoice) {
    range.max = String(yearsOf(space, c.measure).length);
    range.value = String(positionOf(space, c));
    range.setAttribute('aria-valuetext', label(c));
    output.textContent = label(c);
    for (const r of radios) r.checked = r.value === c.measure;
  }

  function playButton() {
    play.textContent = reduced() ? t('map.control.next') : playing ? t('map.control.pause') : t('map.control.play');
  }

  function stop() {
    playing = false;
    clearTimeout(timer);
    playButton();
  }

  function settle(summary: string | null) {
    host.removeAttribute('aria-busy');
    host.style.opacity = '';
    if (summary !== null) status.replaceChildren(summary);
    if (playing) {
      if (isLastYear(space, shown)) stop();
      else timer = setTimeout(step, PLAY_STEP_MS);
    }
  }

  function failed(e: unknown, c: MapChoice) {
    stop();
    host.removeAttribute('aria-busy');
    host.style.opacity = '';
    const retry = doc.createElement('button');
    retry.type = 'button';
    retry.textContent = t('pending.retry');
    retry.addEventListener('click', () => request(c, true));
    status.replaceChildren(t('map.status.failed', { view: label(c), error: failureText(e, locale) }), ' ', retry);
  }

  function paint(html: string, c: MapChoice, by: 'build' | 'browser', table?: () => string) {
    const open = host.querySelector<HTMLDetailsElement>('details.chart-table')?.open === true;
    host.innerHTML = html;
    const details = host.querySelector<HTMLDetailsElement>('details[data-table-pending]');
    if (details && table) tableLater(details, table, open);
    host.dataset['renderedBy'] = by;
    const href = deps.href(c);
    if (href) host.dataset['state'] = new URL(href, deps.origin).search;
    else delete host.dataset['state'];
    if (c.year === null) delete host.dataset['years'];
    else host.dataset['years'] = `${c.year}-${c.year}`;
    shown = c;
  }

  let loaded: Draw | null = null;
  /**
   * The redraw code, imported on the first change and then kept: an import() waits for a task of its own even when
   * its module is loaded, and the page would paint a frame in between (the slider moved, the map not yet redrawn).
   */
  function drawer(): Promise<Draw> {
    if (loaded) return Promise.resolve(loaded);
    // A point map's year is a small JSON file: its code loads no Parquet reader.
    const code: Promise<Draw> =
      spec.kind === 'points'
        ? import('./point-redraw.ts').then((m) => (c, ctx) => m.drawPointView(host, spec, c, ctx))
        : import('./map-redraw.ts').then((m) => (c, ctx) => m.drawMapView(host, spec, c, ctx));
    return code.then(
      (draw) => (loaded = draw),
      (e: unknown) => {
        throw failureOf('code', e);
      },
    );
  }

  function load(c: MapChoice) {
    const mine = { choice: c };
    inflight = mine;
    const slow = setTimeout(() => {
      if (inflight !== mine) return;
      host.setAttribute('aria-busy', 'true');
      host.style.opacity = '0.4';
      status.replaceChildren(t('map.status.loading', { view: label(c) }));
    }, SLOW_MS);
    const href = deps.href(c);
    const ctx = { locale, release: deps.release, origin: deps.origin, ...(href ? { href } : {}) };
    drawer()
      .then((draw) => draw(c, ctx))
      .then(
        (drawn) => {
          clearTimeout(slow);
          if (inflight !== mine) return;
          inflight = null;
          paint(drawn.figure, c, 'browser', drawn.table);
          settle(drawn.summary);
        },
        (e: unknown) => {
          clearTimeout(slow);
          if (inflight !== mine || isAbort(e)) return;
          inflight = null;
          failed(e, c);
        },
      );
  }

  function request(c: MapChoice, again = false) {
    const changed = !same(c, wanted);
    wanted = c;
    showChoice(c);
    if (changed) deps.onChange();
    if (!again && inflight && same(inflight.choice, c)) return;
    if (same(c, shown) && !again) {
      inflight = null;
      settle(null);
      return;
    }
    if (same(c, defaultChoice(space))) {
      // The view the build drew: put back as it was.
      inflight = null;
      paint(built, c, 'build');
      settle(t('map.status.built', { view: label(c) }));
      return;
    }
    load(c);
  }

  function step() {
    const y = nextYear(space, wanted);
    if (y === null) return stop();
    request({ year: y, measure: wanted.measure });
  }

  range.addEventListener('input', () => {
    stop();
    request(choiceAt(space, wanted.measure, Number(range.value)));
  });
  for (const r of radios) {
    r.addEventListener('change', () => {
      if (r.checked) request(withMeasure(space, wanted, r.value));
    });
  }
  play.addEventListener('click', () => {
    if (reduced()) {
      stop();
      return step();
    }
    if (playing) return stop();
    playing = true;
    playButton();
    step();
  });
  motion?.addEventListener?.('change', () => {
    stop();
  });

  playButton();
  showChoice(shown);
  box.hidden = false;
  return {
    space,
    get choice() {
      return wanted;
    },
    request,
  };
}
