/**
 * The pure parts of the browser code: reading the chart spec, validating the form through the URL parser, texts of
 * the notice and the status line, progress, tab keys, tooltip placement, the Arrow buffers handed to DuckDB-WASM, the
 * redrawn figure, a chart's phases and its controller, failures in words, and links from the page's own path. The DOM
 * wiring and the engine itself are exercised in real Chromium by the e2e tests (tests/e2e/client-states.test.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { readSpec } from '../../src/client/page-data.ts';
import { canonical, formSearch, spaceOf } from '../../src/client/trend-form.ts';
import { formProblem, linkNotice } from '../../src/client/status-text.ts';
import { initialPhase, nextPhase, sameView, type View } from '../../src/client/chart-phase.ts';
import { chartController } from '../../src/client/chart-controller.ts';
import { pendingText, viewText } from '../../src/client/status-text.ts';
import { failureOf, failureText, ReadFailure } from '../../src/client/read-failure.ts';
import { sitePath, viewAddress } from '../../src/client/page-path.ts';
import type { ChartSpec } from '../../src/client/redraw.ts';
import { percent, progressText } from '../../src/client/progress.ts';
import { nextTab } from '../../src/client/tabs.ts';
import { placeTooltip } from '../../src/client/tooltip.ts';
import { COLUMNS, createTableSql, toArrow } from '../../src/client/engine.ts';
import { utf8Column, validity } from '../../src/client/arrow-columns.ts';
import { totalFromContentRange } from '../../src/client/parquet-slice.ts';
import { neighbours } from '../../src/client/point-redraw.ts';
import { trendFrame, trendHtml, updatedText } from '../../src/client/redraw.ts';
import { parseState, serializeState } from '../../src/state/url-state.ts';
import { lineChart } from '../../src/charts/line-chart.ts';
import { figureHtml } from '../../src/charts/figure.ts';
import { makeLocale } from '../../src/i18n/locale.ts';
import { toSeries } from '../../src/data/shape.ts';

/** As Figure.astro writes it into `data-chart` (control + frame from src/lib/frames.ts). */
const spec: ChartSpec = {
  kind: 'line',
  chartId: 'trend',
  indicator: 'tip_victims_detected',
  defaults: { geo: ['USA', 'MEX', 'NGA'], years: [2003, 2021] },
  unit: 'persons',
  frame: {
    id: 'trend-figure',
    title: 'Detected victims of trafficking in persons',
    subtitle: 'Persons, 2003–2021',
    source: 'UNODC, Global Report on Trafficking in Persons',
    version: '2f030507262e',
    caveat: 'Detected victims are not prevalence.',
  },
  view: { path: 'views/series/tip_victims_detected.parquet', bytes: 5321 },
};
const space = spaceOf(spec, ['GBR', 'MEX', 'NGA', 'THA', 'USA'], [2003, 2021]);

describe('a point map reads ahead', () => {
  it('the years beside the one drawn, in the control’s years (which may skip some)', () => {
    expect(neighbours([2014, 2015, 2017, 2020], 2015)).toEqual([2014, 2017]);
    expect(neighbours([2014, 2015, 2017, 2020], 2014)).toEqual([2015]);
    expect(neighbours([2014, 2015, 2017, 2020], 2020)).toEqual([2017]);
    expect(neighbours([2014, 2015], 2016)).toEqual([]);
    expect(neighbours([2016], 2016)).toEqual([]);
  });
});

describe('chart spec from the page', () => {
  it('reads the JSON Figure.astro writes and refuses anything else', () => {
    expect(readSpec(JSON.stringify(spec))).toEqual(spec);
    expect(readSpec(undefined)).toBeNull();
    expect(readSpec('{not json')).toBeNull();
    expect(readSpec(JSON.stringify({ ...spec, kind: 'map' }))).toBeNull();
    expect(readSpec(JSON.stringify({ ...spec, defaults: { geo: ['USA'], years: [2003] } }))).toBeNull();
    // The view file must be a series view inside the release folder, with a size.
    expect(readSpec(JSON.stringify({ ...spec, view: { path: '../../etc/x.parquet', bytes: 10 } }))).toBeNull();
    expect(readSpec(JSON.stringify({ ...spec, view: { path: 'views/series/tip_victims_detected.parquet' } }))).toBeNull();
    expect(readSpec(JSON.stringify({ ...spec, view: undefined }))).toBeNull();
  });

  it('allows the offered countries and the defaults, the form years, one indicator; default tab is the chart', () => {
    const s = spaceOf(spec, ['GBR'], [2000, 2020], 3);
    expect([...s.geos].sort()).toEqual(['GBR', 'MEX', 'NGA', 'USA']);
    expect(s.defaults).toEqual({ geo: ['USA', 'MEX', 'NGA'], years: [2003, 2021], tab: 'chart', indicator: 'tip_victims_detected' });
    expect(s.yearRange).toEqual([2000, 2020]);
    expect(s.maxGeos).toBe(3);
  });
});

describe('form → view state (validated by the URL parser)', () => {
  it('turns the form into the parameters the browser submits without JavaScript', () => {
    expect(formSearch(['MEX', 'USA'], '2010', '2020')).toBe('?geo=MEX&geo=USA&from=2010&to=2020');
    expect(formSearch(['MEX'], '2015', '2015')).toBe('?geo=MEX&from=2015&to=2015');
    // No selection: an empty geo, so that the parser says so (the browser itself would send no geo at all).
    expect(formSearch([], '2015', '2016')).toBe('?geo=&from=2015&to=2016');
    const { state, problems } = parseState(formSearch(['MEX', 'USA'], '2010', '2020'), space);
    expect(problems).toEqual([]);
    expect(state).toEqual({ geo: ['MEX', 'USA'], years: [2010, 2020], tab: 'chart', indicator: 'tip_victims_detected' });
  });

  it('says why a form cannot be applied', () => {
    const empty = parseState(formSearch([], '2010', '2020'), space).problems;
    expect(formProblem(empty, [2003, 2021])).toBe('Not updated: choose at least one country or area.');
    const reversed = parseState(formSearch(['USA'], '2020', '2010'), space).problems;
    expect(formProblem(reversed, [2003, 2021])).toBe('Not updated: years must be between 2003 and 2021, the first not after the last.');
    const blank = parseState(formSearch(['USA'], '', '2010'), space).problems;
    expect(blank.map((p) => p.param)).toEqual(['from']);
    expect(formProblem(blank, [2003, 2021])).toBe('Not updated: years must be between 2003 and 2021, the first not after the last.');
    // Both years blank: one sentence, not the same one twice.
    const blanks = parseState(formSearch(['USA'], '', ''), space).problems;
    expect(blanks.map((p) => p.param)).toEqual(['from', 'to']);
    expect(formProblem(blanks, [2003, 2021])).toBe('Not updated: years must be between 2003 and 2021, the first not after the last.');
    const many = parseState(formSearch(['GBR', 'MEX', 'NGA', 'THA', 'USA'], '2010', '2020'), spaceOf(spec, ['GBR', 'MEX', 'NGA', 'THA', 'USA'], [2003, 2021], 4)).problems;
    expect(formProblem(many, [2003, 2021])).toBe('Not updated: countries: at most 4 countries or areas.');
  });

  it('treats the default countries in another order as the default view (no URL, no redraw)', () => {
    const picked = { ...space.defaults, geo: ['MEX', 'NGA', 'USA'] };
    expect(canonical(picked, space.defaults)).toEqual(space.defaults);
    expect(serializeState(canonical(picked, space.defaults), space.defaults)).toBe('');
    expect(sameView(picked, space.defaults)).toBe(true);
    expect(sameView({ ...picked, years: [2004, 2021] }, space.defaults)).toBe(false);
    const other = { ...space.defaults, geo: ['THA', 'GBR'] };
    expect(canonical(other, space.defaults)).toBe(other);
  });

  it('lists what a malformed link lost, and why', () => {
    const { state, problems } = parseState('?years=abc&geo=ZZZ&tab=map', space);
    expect(state).toEqual({ ...space.defaults, tab: 'map' });
    expect(linkNotice(problems)).toBe(
      'Part of this link was not used: “years=abc” (expected YYYY or YYYY-YYYY); “geo=ZZZ” (unknown code ZZZ). Where it could not be used, the page shows its default view.',
    );
  });
});

describe('progress and status', () => {
  it('shows the engine download in whole percent, rounded down to the step', () => {
    expect(percent(5, 10)).toBe(50);
    expect(percent(5, null)).toBeNull();
    expect(percent(11, 10)).toBe(100);
    expect(progressText('engine', 42, 100)).toBe('Loading the query engine… 42%');
    expect(progressText('engine', 47, 100, 10)).toBe('Loading the query engine… 40%');
    expect(progressText('engine', 1234, null)).toBe('Loading the query engine…');
    expect(progressText('data', 1234, null)).toBe('Reading the data release…');
    expect(progressText('query', 0, null)).toBe('Querying…');
  });

  it('says what was drawn and how long the query took', () => {
    expect(updatedText(3, [2010, 2020], 12.4)).toBe('Updated: 3 countries, 2010–2020 (query 12 ms)');
    expect(updatedText(1, [2015, 2015], 0.2)).toBe('Updated: 1 country, 2015 (query 0 ms)');
  });
});

describe('tabs and tooltip', () => {
  const tabs = ['chart', 'map', 'table'];
  it('moves between tabs with arrows (wrapping), Home and End', () => {
    expect(nextTab(tabs, 'chart', 'ArrowRight')).toBe('map');
    expect(nextTab(tabs, 'table', 'ArrowRight')).toBe('chart');
    expect(nextTab(tabs, 'chart', 'ArrowLeft')).toBe('table');
    expect(nextTab(tabs, 'map', 'Home')).toBe('chart');
    expect(nextTab(tabs, 'map', 'End')).toBe('table');
    expect(nextTab(tabs, 'map', 'Enter')).toBeNull();
  });

  it('places the tooltip above the mark, inside the viewport, or below when there is no room', () => {
    const viewport = { width: 800, scrollX: 0, scrollY: 100 };
    expect(placeTooltip({ left: 400, top: 300, width: 10, height: 10 }, { width: 100, height: 30 }, viewport)).toEqual({ left: 355, top: 362 });
    expect(placeTooltip({ left: 790, top: 300, width: 10, height: 10 }, { width: 100, height: 30 }, viewport).left).toBe(696);
    expect(placeTooltip({ left: 0, top: 300, width: 10, height: 10 }, { width: 100, height: 30 }, viewport).left).toBe(4);
    expect(placeTooltip({ left: 400, top: 10, width: 10, height: 10 }, { width: 100, height: 30 }, viewport).top).toBe(128);
  });
});

describe('Arrow buffers for DuckDB-WASM', () => {
  it('sets a validity bit per present value', () => {
    const { bitmap, nulls } = validity([1, null, 3, undefined, 5, 6, 7, 8, 9]);
    expect(nulls).toBe(2);
    expect(bitmap.length % 8).toBe(0);
    expect([...bitmap.slice(0, 2)]).toEqual([0b11110101, 0b1]);
  });

  it('encodes strings as UTF-8 with offsets; nulls take no bytes', () => {
    const { offsets, bytes } = utf8Column(['KEN', null, 'Côte d’Ivoire', '']);
    expect([...offsets]).toEqual([0, 3, 3, 3 + new TextEncoder().encode('Côte d’Ivoire').length, 3 + new TextEncoder().encode('Côte d’Ivoire').length]);
    expect(new TextDecoder().decode(bytes)).toBe('KENCôte d’Ivoire');
  });

  it('round-trips rows through Arrow IPC (what insertArrowTable sends), nulls kept, without compiling code', async () => {
    const rows = [
      { domain: 'tip', indicator: 'tip_victims_detected', geo: 'CIV', year: 2019, sex: 'total', age: 'total', category: 'total', counterpart: null, value: 12.5, unit: 'persons', censored: null, value_min: null, value_max: null, source: 'unodc-glotip', source_ref: 'data_glotip.xlsx:data_glotip_1:17', note: 'Côte d’Ivoire' },
      { domain: 'tip', indicator: 'tip_victims_detected', geo: 'KEN', year: 2020, sex: 'total', age: 'total', category: 'total', counterpart: 'UGA', value: null, unit: 'persons', censored: '<5', value_min: 1, value_max: 4, source: 'unodc-glotip', source_ref: 'x:y:18' },
    ];
    // The CSP forbids eval: Arrow's builders compile their null test with `new Function`, so they must not be used.
    const spy = vi.spyOn(globalThis, 'Function');
    const table = await toArrow(rows);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    const back = tableFromIPC(tableToIPC(table));
    expect(back.schema.fields.map((f) => f.name)).toEqual(COLUMNS.map(([n]) => n));
    const out = back.toArray().map((r) => r.toJSON());
    expect(out).toEqual(rows.map((r) => Object.fromEntries(COLUMNS.map(([n]) => [n, (r as Record<string, unknown>)[n] ?? null]))));
  });

  it('creates the table with the release column types', () => {
    expect(createTableSql()).toBe(
      'CREATE TABLE observations ("domain" VARCHAR, "indicator" VARCHAR, "geo" VARCHAR, "year" INTEGER, "sex" VARCHAR, "age" VARCHAR, "dimension" VARCHAR, "category" VARCHAR, "counterpart" VARCHAR, "value" DOUBLE, "unit" VARCHAR, "censored" VARCHAR, "value_min" DOUBLE, "value_max" DOUBLE, "source" VARCHAR, "source_ref" VARCHAR, "note" VARCHAR, "labels_id" INTEGER)',
    );
  });

  it('reads the file size from Content-Range', () => {
    expect(totalFromContentRange('bytes 699765-765300/765301')).toBe(765301);
    expect(totalFromContentRange('bytes */765301')).toBe(765301);
    expect(totalFromContentRange('bytes 0-9/*')).toBeNull();
    expect(totalFromContentRange(null)).toBeNull();
  });
});

describe('the redrawn figure', () => {
  const en = makeLocale('en');
  const names = new Map([['MEX', 'Mexico'], ['USA', 'United States of America']]);
  const rows = [
    { geo: 'MEX', year: 2010, value: 100, censored: null, value_min: null, value_max: null, source_ref: 'f:s:1' },
    { geo: 'MEX', year: 2011, value: null, censored: '<5', value_min: 1, value_max: 4, source_ref: 'f:s:2' },
    { geo: 'USA', year: 2010, value: 2000, censored: null, value_min: null, value_max: null, source_ref: 'f:s:3' },
  ];

  it('frames the default view exactly as the build did', () => {
    expect(trendFrame(spec, [2003, 2021])).toEqual(spec.frame);
    expect(trendFrame(spec, [2010, 2015]).subtitle).toBe('Persons, 2010–2015');
  });

  it('is the build path: figureHtml(lineChart(toSeries(rows))) with the view years', () => {
    const built = figureHtml(
      lineChart(toSeries(rows, names), { id: 'trend', title: spec.frame.title, unit: spec.unit, yearDomain: [2003, 2021] }, en),
      spec.frame,
      en,
    );
    expect(trendHtml(rows, spec, { years: [2003, 2021] }, names)).toBe(built);
  });

  it('links a non-default view to itself', () => {
    const html = trendHtml(rows, spec, { years: [2010, 2011] }, names, '/trafficking-in-persons/?geo=MEX,USA&years=2010-2011');
    expect(html).toContain('<a href="/trafficking-in-persons/?geo=MEX,USA&amp;years=2010-2011">Link to this view</a>');
    expect(html).toContain('Persons, 2010–2011');
    expect(html).toContain('Mexico');
  });
});

describe('chart phases', () => {
  const a = { geo: ['USA', 'MEX'], years: [2003, 2021] as const };
  const b = { geo: ['GBR'], years: [2010, 2015] as const };
  const c = { geo: ['THA'], years: [2010, 2015] as const };
  const idle = initialPhase(a);

  it('loads a view other than the one shown, and draws it when it arrives', () => {
    expect(idle).toEqual({ name: 'idle', shown: { view: a, by: 'build' } });
    const loading = nextPhase(idle, { type: 'request', view: b });
    expect(loading).toEqual({ name: 'loading', shown: { view: a, by: 'build' }, wanted: b });
    expect(nextPhase(loading, { type: 'loaded', view: b })).toEqual({ name: 'drawn', shown: { view: b, by: 'browser' } });
  });

  it('ignores a result for a view no longer wanted, and a request for the view on screen', () => {
    const loadingC = nextPhase(nextPhase(idle, { type: 'request', view: b }), { type: 'request', view: c });
    expect(loadingC).toMatchObject({ name: 'loading', wanted: c });
    expect(nextPhase(loadingC, { type: 'loaded', view: b })).toBe(loadingC);
    expect(nextPhase(loadingC, { type: 'failed', view: b, error: 'x' })).toBe(loadingC);
    // The countries in another order are the view on screen.
    expect(nextPhase(idle, { type: 'request', view: { geo: ['MEX', 'USA'], years: [2003, 2021] } })).toBe(idle);
    // Asking for the view on screen while another loads ends the wait, and keeps who drew it.
    expect(nextPhase(loadingC, { type: 'request', view: a })).toEqual(idle);
  });

  it('loads the view on screen when the build drew it from another release than the one asked for', () => {
    const other = initialPhase(a, true);
    const loading = nextPhase(other, { type: 'request', view: a });
    expect(loading).toEqual({ name: 'loading', shown: { view: a, by: 'build', otherRelease: true }, wanted: a });
    expect(nextPhase(loading, { type: 'loaded', view: a })).toEqual({ name: 'drawn', shown: { view: a, by: 'browser' } });
  });

  it('keeps the chart shown after a failure; retry loads again, cancel goes back', () => {
    const failed = nextPhase(nextPhase(idle, { type: 'request', view: b }), { type: 'failed', view: b, error: 'HTTP 416' });
    expect(failed).toEqual({ name: 'failed', shown: { view: a, by: 'build' }, wanted: b, error: 'HTTP 416' });
    expect(nextPhase(failed, { type: 'request', view: b })).toEqual({ name: 'loading', shown: { view: a, by: 'build' }, wanted: b });
    expect(nextPhase(failed, { type: 'cancel' })).toEqual(idle);
    const drawn = nextPhase(nextPhase(idle, { type: 'request', view: b }), { type: 'loaded', view: b });
    const loading = nextPhase(drawn, { type: 'request', view: c });
    expect(nextPhase(loading, { type: 'cancel' })).toEqual({ name: 'drawn', shown: { view: b, by: 'browser' } });
    expect(nextPhase(idle, { type: 'cancel' })).toBe(idle);
  });
});

describe('chart controller', () => {
  const a = { geo: ['USA'], years: [2003, 2021] as const };
  const b = { geo: ['GBR'], years: [2010, 2015] as const };
  const c = { geo: ['THA'], years: [2010, 2015] as const };

  /** A controller whose loads are settled by the test; it records loads, paints and the phases shown. */
  function harness() {
    const loads: { view: View; signal: AbortSignal; resolve(v: string): void; reject(e: unknown): void }[] = [];
    const painted: [string, View][] = [];
    const phases: string[] = [];
    const controller = chartController<string>({
      initial: a,
      load: (view, io) => new Promise<string>((resolve, reject) => loads.push({ view, signal: io.signal, resolve, reject })),
      paint: (result, view) => painted.push([result, view]),
      render: (phase) => phases.push(phase.name),
    });
    return { controller, loads, painted, phases };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('paints the view it loaded, then says it is drawn', async () => {
    const h = harness();
    h.controller.request(b);
    h.controller.request(b); // the same view again: no second load
    expect(h.loads.map((l) => l.view)).toEqual([b]);
    h.loads[0]!.resolve('B');
    await settle();
    expect(h.painted).toEqual([['B', b]]);
    expect(h.phases).toEqual(['loading', 'drawn']);
  });

  it('lets the newest request win: an older load that ends later is not painted', async () => {
    const h = harness();
    h.controller.request(b);
    h.controller.request(c);
    h.loads[1]!.resolve('C');
    h.loads[0]!.resolve('B');
    await settle();
    expect(h.painted).toEqual([['C', c]]);
    // Superseded, not aborted: whatever it started (the engine) serves the next load.
    expect(h.loads[0]!.signal.aborted).toBe(false);
  });

  it('shows a failure, and a retry that works', async () => {
    const h = harness();
    h.controller.request(b);
    h.loads[0]!.reject(new Error('HTTP 416'));
    await settle();
    expect(h.controller.phase).toMatchObject({ name: 'failed', wanted: b });
    h.controller.retry();
    expect(h.loads.map((l) => l.view)).toEqual([b, b]);
    h.loads[1]!.resolve('B');
    await settle();
    expect(h.painted).toEqual([['B', b]]);
    expect(h.phases).toEqual(['loading', 'failed', 'loading', 'drawn']);
  });

  it('cancels: aborts the load, keeps the chart shown, paints nothing later', async () => {
    const h = harness();
    h.controller.request(b);
    h.controller.cancel();
    expect(h.loads[0]!.signal.aborted).toBe(true);
    expect(h.controller.phase).toEqual({ name: 'idle', shown: { view: a, by: 'build' } });
    h.loads[0]!.resolve('B');
    await settle();
    expect(h.painted).toEqual([]);
    expect(h.phases).toEqual(['loading', 'idle']);
  });
});

describe('what a chart that is not (yet) the view says', () => {
  const names = new Map([['KEN', 'Kenya'], ['DEU', 'Germany'], ['USA', 'United States']]);
  const shown = { geo: ['USA'], years: [2003, 2021] as const };
  const wanted = { geo: ['KEN', 'DEU'], years: [2010, 2020] as const };

  it('names the view loading and the view still shown', () => {
    expect(viewText(wanted, names)).toBe('Kenya, Germany, 2010–2020');
    expect(viewText({ geo: ['ZZZ'], years: [2015, 2015] }, names)).toBe('ZZZ, 2015');
    expect(pendingText(shown, wanted, undefined, names)).toBe(
      'Not yet the view asked for: loading Kenya, Germany, 2010–2020. The chart still shows United States, 2003–2021.',
    );
  });

  it('says plainly what failed: the engine, the data or the query', () => {
    expect(pendingText(shown, wanted, new ReadFailure('data', { kind: 'http', status: 416 }), names)).toBe(
      'Could not show Kenya, Germany, 2010–2020: the data release could not be read (HTTP 416). The chart still shows United States, 2003–2021.',
    );
    const en = makeLocale('en');
    expect(failureText(new ReadFailure('engine', { kind: 'http', status: 404 }), en)).toBe('the query engine could not be loaded (HTTP 404)');
    expect(failureText(new ReadFailure('data', { kind: 'truncated', got: 1000, expected: 65536 }), en)).toBe(
      'the data release could not be read (the server sent 1,000 of 65,536 bytes)',
    );
    expect(failureText(new Error('Binder Error'), en)).toBe('the query failed (Binder Error)');
    // A failure already named keeps its part; a cancellation is not turned into one.
    const named = new ReadFailure('engine', { kind: 'message', message: 'x' });
    expect(failureOf('data', named)).toBe(named);
    const abort = new DOMException('cancelled', 'AbortError');
    expect(failureOf('data', abort)).toBe(abort);
    expect(failureOf('data', new TypeError('Failed to fetch'))).toMatchObject({ part: 'data', why: { kind: 'message', message: 'Failed to fetch' } });
  });
});

describe("links built from the page's own path", () => {
  it('accepts a path the site can have and nothing that leaves it', () => {
    expect(sitePath('/trafficking-in-persons/')).toBe('/trafficking-in-persons/');
    expect(sitePath('/')).toBe('/');
    expect(sitePath('//evil.example/%2E%2E%2Ftrafficking-in-persons/')).toBeNull();
    expect(sitePath('///trafficking-in-persons/')).toBeNull();
    expect(sitePath('/\\evil.example/')).toBeNull();
    expect(sitePath('https://evil.example/')).toBeNull();
    expect(sitePath('/x/?geo=KEN')).toBeNull();
    expect(sitePath('')).toBeNull();
    expect(sitePath(undefined)).toBeNull();
  });

  it('writes the address bar on the page origin', () => {
    expect(viewAddress('http://127.0.0.1:4321', '/trafficking-in-persons/', '?geo=KEN', '#trend')).toBe('http://127.0.0.1:4321/trafficking-in-persons/?geo=KEN#trend');
  });
});
