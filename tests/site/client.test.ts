/**
 * The pure parts of the browser code: reading the chart spec, validating the form through the URL parser, texts of
 * the notice and the status line, progress, tab keys, tooltip placement, the Arrow buffers handed to DuckDB-WASM and
 * the redrawn figure. The DOM wiring and the engine itself are exercised in real Chromium by the e2e tests.
 */
import { describe, expect, it, vi } from 'vitest';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { readEngineBytes, readSpec } from '../../src/client/page-data.ts';
import { canonical, formSearch, spaceOf } from '../../src/client/trend-form.ts';
import { formProblem, linkNotice } from '../../src/client/status-text.ts';
import { sameView } from '../../src/client/chart-phase.ts';
import type { ChartSpec } from '../../src/client/redraw.ts';
import { percent, progressText } from '../../src/client/progress.ts';
import { nextTab } from '../../src/client/tabs.ts';
import { placeTooltip } from '../../src/client/tooltip.ts';
import { COLUMNS, createTableSql, toArrow, utf8Column, validity } from '../../src/client/engine.ts';
import { totalFromContentRange } from '../../src/client/parquet-slice.ts';
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
};
const space = spaceOf(spec, ['GBR', 'MEX', 'NGA', 'THA', 'USA'], [2003, 2021]);

describe('chart spec from the page', () => {
  it('reads the JSON Figure.astro writes and refuses anything else', () => {
    expect(readSpec(JSON.stringify(spec))).toEqual(spec);
    expect(readSpec(undefined)).toBeNull();
    expect(readSpec('{not json')).toBeNull();
    expect(readSpec(JSON.stringify({ ...spec, kind: 'map' }))).toBeNull();
    expect(readSpec(JSON.stringify({ ...spec, defaults: { geo: ['USA'], years: [2003] } }))).toBeNull();
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

  it('reads the engine size the page was built with', () => {
    expect(readEngineBytes('{"wasmBytes":34242586}')).toBe(34242586);
    expect(readEngineBytes(undefined)).toBeNull();
    expect(readEngineBytes('{"wasmBytes":"big"}')).toBeNull();
    expect(readEngineBytes('<')).toBeNull();
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
      'CREATE TABLE observations ("domain" VARCHAR, "indicator" VARCHAR, "geo" VARCHAR, "year" INTEGER, "sex" VARCHAR, "age" VARCHAR, "category" VARCHAR, "counterpart" VARCHAR, "value" DOUBLE, "unit" VARCHAR, "censored" VARCHAR, "value_min" DOUBLE, "value_max" DOUBLE, "source" VARCHAR, "source_ref" VARCHAR, "note" VARCHAR)',
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
