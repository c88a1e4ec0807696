import { describe, expect, it } from 'vitest';
import { figureHtml, type Frame } from '../../src/charts/figure.ts';
import { lineChart } from '../../src/charts/line-chart.ts';
import { flowMap } from '../../src/charts/flow-map.ts';
import { makeLocale } from '../../src/i18n/locale.ts';
import { tinyWorld } from './tiny-world.ts';

const en = makeLocale('en');
const frame: Frame = { id: 'trend-figure', title: 'Detected victims', subtitle: 'Persons, 2019–2020', source: 'UNODC', version: 'abc123', caveat: 'Detection is not prevalence.' };
const v = (value: number) => ({ value, censored: null, min: null, max: null });

/** Every id the HTML defines, in order. */
const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

describe('figureHtml', () => {
  it('holds every layout of a chart, narrowest first, for the page to show the one that fits, with no id twice', () => {
    const chart = lineChart([{ series: 'Kenya', year: 2019, ...v(3) }, { series: 'Kenya', year: 2020, ...v(5) }], { id: 'trend', title: 'Detected victims', unit: 'Persons' }, en);
    const html = figureHtml(chart, frame, en);
    expect([...html.matchAll(/<div class="chart-layout chart-(\w+)"><svg [^>]*aria-labelledby="([^"]+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['narrow', 'trend-narrow-svg-title'],
      ['wide', 'trend-svg-title'],
      ['full', 'trend-full-svg-title'],
    ]);
    const all = ids(html);
    expect(all.length).toBeGreaterThan(6);
    expect(new Set(all).size).toBe(all.length);
    // One data table and one description for the figure, whatever the layouts.
    expect(html.match(/<table/g)).toHaveLength(1);
    expect(html).toContain('<p class="visually-hidden" id="trend-figure-desc">');
  });

  it('lays a map\'s names over its drawing and puts its key under it, inside the drawing area', () => {
    const chart = flowMap([{ from: 'NGA', to: 'ITA', value: 400 }], { id: 'flows', title: 'Flows', unit: 'persons', world: tinyWorld() }, en);
    const html = figureHtml(chart, { ...frame, id: 'flows-figure' }, en);
    expect(html).toMatch(/<div class="chart-svg"><div class="chart-stage"><svg [^>]*role="group"[\s\S]*?<\/svg><svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="map-labels"[\s\S]*?<\/svg><\/div><div class="map-key">/);
    expect(html).not.toContain('chart-layout');
  });
});
