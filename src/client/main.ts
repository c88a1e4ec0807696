/**
 * The page's only script before interaction (kept small: the chart code and the view-file reader are a dynamic import).
 * It only wires: each redrawable chart (`.figure-host[data-chart]`) gets its form (trend-form.ts), a controller
 * (chart-controller.ts), its view on the page (chart-view.ts) and its place picker (place-picker.ts, which turns the
 * form's plain list into a combobox); the first chart's view is kept in the URL, built
 * from the page's own path (page-path.ts), with each world map's year and measure (map-figure.ts); the tabs, the
 * tooltip and the notice for a link not fully used.
 * A link that cites another data release (`v=`) first learns the published releases (release-index.ts), then has
 * the charts redrawn from that release's view files and says so (release-notice.ts).
 * `start()` is called by ClientScript.astro.
 */
import { parseState, serializeState, type Problem, type StateSpace, type ViewState } from '../state/url-state.ts';
import { mapParams, parseMapState, serializeMapChoice, type MapChoice } from '../state/map-state.ts';
import { readMapSpec, spaceOf, wireMap, type MapHandle } from './map-figure.ts';
import type { Phase, View } from './chart-phase.ts';
import { chartController, type ChartController } from './chart-controller.ts';
import { chartView } from './chart-view.ts';
import { pageLocale, readSpec, viewSource } from './page-data.ts';
import { pagePath, viewAddress } from './page-path.ts';
import { failureOf, ReadFailure } from './read-failure.ts';
import type { DrawnTrend } from './redraw.ts';
import { formProblem, linkNotice } from './status-text.ts';
import { loadReleaseList, type ReleaseList } from './release-index.ts';
import { releaseNotice } from './release-notice.ts';
import { canonical, findTrendForm, readForm, showInForm } from './trend-form.ts';
import { enhancePicker, type PlacePicker } from './place-picker.ts';
import { initTabs } from './tabs.ts';
import { initTooltip } from './tooltip.ts';

/** The chart code and the view-file reader, loaded on first need; a failed download may be retried. */
function loadRedraw() {
  return import('./redraw.ts').catch((e: unknown) => {
    throw failureOf('code', e);
  });
}

export function start(doc: Document = document): void {
  const win = doc.defaultView!;
  const cited = new URLSearchParams(win.location.search).get('v');
  // Only a link naming another release needs the list of releases; it is parsed once the list is known (or failed
  // to load, and the link is then reported as naming no known release).
  if (cited !== null && cited !== doc.body.dataset['release']) {
    void loadReleaseList(win.location.origin).then((list) => wire(doc, list), () => wire(doc, { releases: [] }));
  } else wire(doc, { releases: [] });
}

function wire(doc: Document, releases: ReleaseList): void {
  const win = doc.defaultView!;
  const locale = pageLocale(doc);
  const { t } = locale;
  initTooltip(doc);
  const path = pagePath(doc);

  const charts = [...doc.querySelectorAll<HTMLElement>('.figure-host[data-chart]')].flatMap((host) => {
    const spec = readSpec(host.dataset['chart']);
    const form = spec ? findTrendForm(host, spec) : null;
    return spec && form ? [{ host, spec, form }] : [];
  });
  // World maps with a year control: each has its own parameters in the URL (src/state/map-state.ts).
  const maps = [...doc.querySelectorAll<HTMLElement>('.figure-host[data-map]')].flatMap((host) => {
    const spec = readMapSpec(host.dataset['map']);
    const box = spec ? doc.querySelector<HTMLElement>(`[data-map-controls="${CSS.escape(spec.chartId)}"]`) : null;
    return spec && box ? [{ host, spec, box, space: spaceOf(spec) }] : [];
  });
  // The URL describes the page's first redrawable chart (pages have one); the tabs belong to the same state.
  const first = charts[0];
  const pageRelease = doc.body.dataset['release'] ?? '';
  const versions = new Set([pageRelease, ...releases.releases.map((r) => r.version)]);
  const otherParams = mapParams(maps.map((m) => m.space));
  const space: StateSpace = first ? { ...first.form.space, versions, otherParams } : {
    geos: new Set(), indicators: new Set(), yearRange: [0, 9999], maxGeos: 0,
    defaults: { geo: [], years: [0, 9999], tab: 'chart', indicator: '' }, versions, otherParams,
  };
  const parsed = first ? parseState(win.location.search, space) : { state: space.defaults, problems: [] as Problem[], version: null };
  const mapParsed = maps.map((m) => parseMapState(win.location.search, m.space));
  let state = canonical(parsed.state, space.defaults);
  /** The link's release, kept in every address this page writes; `cited` when it is not the page's own. */
  const version = parsed.version;
  const cited = version !== null && version !== pageRelease ? version : null;
  const handles: MapHandle[] = [];

  /** The maps' parameters, with `choice` in place of one map's own (for that map's permalink). */
  const mapPairs = (own?: MapHandle, choice?: MapChoice) =>
    handles.flatMap((h) => serializeMapChoice(h === own && choice ? choice : h.choice, h.space));

  /** Puts `state` in the address bar (the canonical form of what the link or form said), on this page's own path. */
  const writeUrl = () => {
    if ((!first && handles.length === 0) || !path) return;
    const qs = serializeState(state, space.defaults, version, mapPairs());
    if (`${path}${qs}` !== `${win.location.pathname}${win.location.search}`) {
      win.history.replaceState(win.history.state, '', viewAddress(win.location.origin, path, qs, win.location.hash));
    }
  };

  const notice = doc.querySelector<HTMLElement>('[data-notice]');
  const problems = [...parsed.problems, ...mapParsed.flatMap((p) => p.problems)];
  if (notice && problems.length > 0) {
    notice.textContent = linkNotice(problems, locale);
    notice.hidden = false;
  }
  maps.forEach(({ host, spec, box }, i) => {
    const handle: MapHandle = wireMap(host, box, spec, {
      locale,
      release: pageRelease,
      origin: win.location.origin,
      href(choice) {
        if (!path) return null;
        const qs = serializeState(state, space.defaults, version, mapPairs(handle, choice));
        return qs ? `${path}${qs}` : null;
      },
      onChange: () => writeUrl(),
    });
    handles.push(handle);
    const wanted = mapParsed[i]!.choice;
    if (wanted.year !== null || wanted.measure !== handle.choice.measure) handle.request(wanted);
  });

  writeUrl(); // the address bar now says what is asked for; the notice says what was not used
  if (cited && path) {
    const newestHref = `${path}${serializeState(state, space.defaults)}`;
    const box = releaseNotice(doc, { cited, page: pageRelease, list: releases, newestHref }, locale);
    const main = doc.querySelector('main');
    const heading = main?.querySelector('h1');
    if (heading) heading.after(box);
    else main?.prepend(box);
  }

  const nav = doc.querySelector<HTMLElement>('[data-tabs]');
  if (nav) {
    initTabs(nav, state.tab, (tab) => {
      state = { ...state, tab: tab as ViewState['tab'] };
      writeUrl();
    });
  }

  charts.forEach(({ host, spec, form }, i) => {
    const urlBound = i === 0;
    // A cited release's view file: its size is not in this page, so the reader asks for it first.
    const parquet = cited ? { url: `${win.location.origin}/data/${cited}/${spec.view.path}`, bytes: null } : viewSource(doc, spec);
    // The page's break marks were read from its own release's notes: a cited release's view is marked by its rows alone.
    const drawn = cited ? { ...spec, breaks: undefined, frame: { ...spec.frame, version: cited } } : spec;
    const defaults = form.space.defaults;
    const stateOf = (v: View): string => serializeState({ ...defaults, geo: [...v.geo], years: [v.years[0], v.years[1]] }, defaults, version);
    const tableId = form.form.dataset['controls'];
    const table = urlBound && tableId ? doc.querySelector<HTMLElement>(`[data-series-table="${CSS.escape(tableId)}"]`) : null;

    let controller: ChartController | undefined;
    let picker: PlacePicker | null = null;
    /** Puts a view in the form, and in the picker that stands for the form's list. */
    const showView = (v: View) => {
      showInForm(form, v);
      picker?.show(v.geo);
    };
    const view = chartView({
      host, table, status: form.status, names: form.names, locale,
      onRetry: () => controller?.retry(),
      onCancel: () => {
        controller?.cancel();
        if (controller) showView(controller.phase.shown.view);
      },
    });

    controller = chartController<DrawnTrend>({
      initial: defaults,
      otherRelease: cited !== null,
      async load(v, io) {
        if (!parquet) throw new ReadFailure('data', { kind: 'message', message: t('status.noRelease') });
        const m = await loadRedraw();
        const qs = stateOf(v);
        const ctx = { names: form.names, hrefs: form.hrefs, locale, table: table !== null, ...(path && qs ? { href: `${path}${qs}` } : {}) };
        try {
          return await m.drawTrend(m.viewSeries(parquet), drawn, v, ctx, io);
        } catch (e) {
          // The cited release predates this indicator: it has no view file, which is an answer, not a failure.
          if (cited && e instanceof ReadFailure && e.why.kind === 'http' && e.why.status === 404) {
            return m.absentTrend(m.trendFrame(drawn, [v.years[0], v.years[1]], ctx.href), cited, locale);
          }
          throw e;
        }
      },
      paint(drawn, v) {
        view.paint(drawn.figure, drawn.table, drawn.summary);
        host.dataset['renderedBy'] = 'browser';
        host.dataset['state'] = stateOf(v);
      },
      render(phase: Phase, previous: Phase) {
        view.render(phase, previous);
        if (!urlBound) return;
        // The address bar names the view asked for while it loads (or failed), and the view shown otherwise.
        const v = phase.name === 'loading' || phase.name === 'failed' ? phase.wanted : phase.shown.view;
        state = { ...state, geo: [...v.geo], years: [v.years[0], v.years[1]] };
        writeUrl();
      },
      progress: view.progress,
    });

    /** Reads and validates the form; asks for its view, or says in the status line why not. */
    const fromForm = () => {
      const { state: s, problems } = readForm(form);
      if (problems.length > 0) {
        form.status.replaceChildren(formProblem(problems, form.space.yearRange, locale));
        return;
      }
      // The link's notice described the view the page opened with; a view the reader chose replaces it.
      if (urlBound && notice) notice.hidden = true;
      controller.request(canonical(s, defaults));
    };
    // Each place added or removed in the picker is one deliberate act: asked for at once, not after a pause.
    picker = enhancePicker(form, locale, fromForm);

    // A first sign of intent fetches the chart code and the view file's footer, so a redraw asked for a moment
    // later has them.
    let warmed = false;
    const warm = () => {
      if (warmed || !parquet) return;
      warmed = true;
      void loadRedraw()
        .then((m) => m.viewSeries(parquet).prepare(spec.indicator))
        .catch(() => { warmed = false; });
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    form.form.addEventListener('pointerdown', warm);
    form.form.addEventListener('input', warm);
    form.form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      clearTimeout(timer);
      fromForm();
    });
    form.form.addEventListener('change', () => {
      clearTimeout(timer);
      // Keyboard selection in a list fires a change per keystroke: wait for a pause before redrawing.
      timer = setTimeout(fromForm, 400);
    });

    if (urlBound) {
      showView(state);
      controller.request(state); // the view of a permalink: loads, marked as such, unless it is the default
    }
  });
}
