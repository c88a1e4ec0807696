/**
 * The readers of built pages (tests/support/figure-html.ts, displayed-value.ts) on a page written here by hand, in the
 * shapes the site produces and in the shapes chart changes may bring (a Year column, "Kenya · 2018", "2024 partial"):
 * so the displayed-values test over dist/ reads what a reader of the page reads.
 */
import { describe, expect, it } from 'vitest';
import { cellAt, columnIndex, figureByTitle, pageFigures, rowWhere, rowYear, tableByCaption, tablePage, textOf } from '../support/figure-html.ts';
import { numberWords, numbersIn, phraseAbout, readDisplayed, sentenceAbout, shows, valuesByYear } from '../support/displayed-value.ts';

const PAGE = `<!doctype html><html><head><style>.x{content:"<figure class=chart-figure>"}</style></head><body><main>
<div class="figure-host"><figure class="chart-figure" id="map-figure" aria-labelledby="map-figure-title">
  <figcaption><h3 id="map-figure-title">Victims: latest year &amp; value</h3><p class="subtitle">Persons, 2003–2021</p></figcaption>
  <div class="chart-svg"><svg><title>not the title</title><text>Kenya (1999) 1</text></svg></div>
  <p class="caveat"><strong>Caveat:</strong> detected is not prevalence.</p>
  <p class="visually-hidden" id="map-figure-desc">Victims. Highest: United Kingdom of Great Britain and Northern Ireland (2020) (10,613), Kenya (2018) (283), and Chad (2021) (suppressed (&lt;5)). Libya: 2,827 in 2014, 708 in 2024. Missing years: 2 (2015–2016).</p>
  <details class="chart-table"><summary>Table</summary><table class="data-table"><caption>Victims</caption>
    <thead><tr><th scope="col">Country or area</th><th scope="col" class="num">Value (persons)</th></tr></thead>
    <tbody>
      <tr><td>United Kingdom of Great Britain and Northern Ireland (2020)</td><td class="num">10,613</td></tr>
      <tr><td>Kenya (2018)</td><td class="num">283</td></tr>
      <tr><td>Chad · 2021</td><td class="num">suppressed (&lt;5)</td></tr>
      <tr><td>Côte d&#39;Ivoire</td><td class="missing">No data</td></tr>
    </tbody></table></details>
</figure></div>
<figure class="chart-figure" id="parts"><figcaption><h3 id="parts-title">Failed samples by class, Cambodia</h3></figcaption>
  <p class="visually-hidden" id="parts-desc">Failed samples. Largest reported total: 2003 (118).</p>
  <details class="chart-table"><summary>Table</summary><table><caption>Failed</caption>
    <thead><tr><th>Note</th><th>Year</th><th>Antimalarials</th><th>Total reported</th></tr></thead>
    <tbody><tr><td/><td>2003</td><td class="num">118</td><td class="num">118</td></tr>
      <tr><td>to 15 November</td><td>2024 partial</td><td class="missing">No data</td><td class="num">0.28</td></tr></tbody></table></details>
</figure>
<figure class="other"><h3>Not a chart</h3></figure>
<table class="plain"><caption>Latest value by country (persons)</caption>
  <thead><tr><th>Country or area</th><th>Year</th><th class="num">Value</th></tr></thead>
  <tbody><tr><td><a href="/country/KEN/">Kenya</a></td><td>2018</td><td class="num">283</td></tr></tbody></table>
<script>const t = '<table><caption>Latest value by country (persons)</caption></table>';</script>
</main></body></html>`;

describe('figure-html', () => {
  it('finds chart figures only, with title, description and data table, ignoring SVG, scripts and styles', () => {
    const figures = pageFigures(PAGE);
    expect(figures.map((f) => [f.id, f.title])).toEqual([
      ['map-figure', 'Victims: latest year & value'],
      ['parts', 'Failed samples by class, Cambodia'],
    ]);
    const map = figures[0]!;
    expect(map.description.startsWith('Victims. Highest: United Kingdom')).toBe(true);
    expect(map.description).toContain('(suppressed (<5))');
    expect(map.table.columns).toEqual(['Country or area', 'Value (persons)']);
    expect(map.table.rows).toEqual([
      ['United Kingdom of Great Britain and Northern Ireland (2020)', '10,613'],
      ['Kenya (2018)', '283'],
      ['Chad · 2021', 'suppressed (<5)'],
      ["Côte d'Ivoire", 'No data'],
    ]);
  });

  it('finds a figure by exact title or pattern, and names the titles it has when none or several match', () => {
    expect(figureByTitle(PAGE, /by class, Cambodia$/).id).toBe('parts');
    expect(() => figureByTitle(PAGE, 'Victims')).toThrow(/no figures titled Victims[\s\S]*- Failed samples by class, Cambodia/);
    expect(() => figureByTitle(PAGE, /a/)).toThrow(/2 figures titled/);
  });

  it('reads empty cells written as <td/> and finds columns by header, wherever they are', () => {
    const parts = figureByTitle(PAGE, /Cambodia/).table;
    expect(parts.rows[0]).toEqual(['', '2003', '118', '118']);
    expect(columnIndex(parts, 'Total reported')).toBe(3);
    expect(cellAt(parts, 'Year', '2003', 'Antimalarials')).toBe('118');
    expect(cellAt(parts, 'Year', '2024', /^Total/)).toBe('0.28');
    expect(() => columnIndex(parts, 'Antibiotics')).toThrow(/no columns headed Antibiotics[\s\S]*- Antimalarials/);
  });

  it('matches row labels without their year, and reads the year from a Year column or from the label', () => {
    const map = figureByTitle(PAGE, /^Victims/).table;
    expect(rowWhere(map, /^Country/, 'Kenya')).toEqual(['Kenya (2018)', '283']);
    expect(rowYear(map, /^Country/, 'Kenya')).toBe(2018);
    expect(rowYear(map, /^Country/, 'Chad')).toBe(2021);
    expect(rowYear(map, /^Country/, "Côte d'Ivoire")).toBeNull();
    expect(() => rowWhere(map, /^Country/, 'United Kingdom')).toThrow(/no rows labelled United Kingdom/);
    const plain = tableByCaption(PAGE, /^Latest value/);
    expect(rowYear(plain, /^Country/, 'Kenya')).toBe(2018);
    expect(cellAt(plain, /^Country/, 'Kenya', 'Value')).toBe('283');
  });

  it('finds tables by caption outside figures, not inside scripts', () => {
    expect(() => tableByCaption(PAGE, 'Victims')).not.toThrow();
    expect(tableByCaption(PAGE, /^Latest value/).rows).toHaveLength(1);
  });

  it('gives the text of markup with entities decoded and white space collapsed', () => {
    expect(textOf('<a href="x">Côte d&#x27;Ivoire</a>\n &lt;5&nbsp;&amp; <b>more</b>')).toBe("Côte d'Ivoire <5 & more");
  });
});

describe('displayed-value', () => {
  it('reads numbers as displayed, suppressed counts with their mark, and no data', () => {
    expect(readDisplayed('10,070')).toEqual({ kind: 'number', value: 10070, decimals: 0 });
    expect(readDisplayed('0.28')).toEqual({ kind: 'number', value: 0.28, decimals: 2 });
    expect(readDisplayed('118 + 1 suppressed')).toEqual({ kind: 'number', value: 118, decimals: 0 });
    expect(readDisplayed('suppressed (<5)')).toEqual({ kind: 'censored', mark: '<5' });
    expect(readDisplayed('No data')).toEqual({ kind: 'missing' });
    expect(() => readDisplayed('n/a')).toThrow(/not a displayed value/);
  });

  it('compares a displayed number with a raw one to the digits shown, and a suppressed cell only with its mark', () => {
    expect(shows('166', 165.74124429948799)).toBe(true);
    expect(shows('165', 165.74124429948799)).toBe(false);
    expect(shows('0.28', 2 / 719 * 100)).toBe(true);
    expect(shows('0.3', 2 / 719 * 100)).toBe(true);
    expect(shows('0.27', 2 / 719 * 100)).toBe(false);
    expect(shows('10,070', 10070)).toBe(true);
    expect(shows('10,069', 10070)).toBe(false);
    expect(shows('suppressed (<5)', { censored: '<5' })).toBe(true);
    expect(shows('0', { censored: '<5' })).toBe(false);
    expect(shows('suppressed (<5)', 0)).toBe(false);
    expect(shows('No data', 0)).toBe(false);
  });

  it('reads the sentence and the phrase a description gives one subject, and the numbers in them', () => {
    const d = figureByTitle(PAGE, /^Victims/).description;
    const libya = sentenceAbout(d, 'Libya:');
    expect(libya).toBe('Libya: 2,827 in 2014, 708 in 2024');
    expect(valuesByYear(libya)).toEqual([['2,827', 2014], ['708', 2024]]);
    expect(numbersIn(phraseAbout(d, 'Kenya'))).toEqual([2018, 283]);
    expect(numberWords(libya)).toEqual(['2,827', '2014', '708', '2024']);
    expect(numbersIn(phraseAbout(d, 'United Kingdom of Great Britain and Northern Ireland'))).toEqual([2020, 10613]);
    expect(phraseAbout(d, 'Chad')).toBe('Chad (2021) (suppressed (<5))');
    expect(() => sentenceAbout(d, 'Mali')).toThrow(/does not name "Mali"/);
  });

  it('reads a figure that links its table, and the table page it links', () => {
    const page = `<main><div class="figure-host"><figure class="chart-figure" id="flow-figure-0"><figcaption><h3 id="flow-figure-0-title">Flows</h3></figcaption>
      <div class="chart-svg"><svg><text>not a table</text></svg></div>
      <p class="caveat"><strong>Caveat:</strong> detected, not all.</p><p class="source">Source: UNODC. Data release abc.</p>
      <p class="visually-hidden" id="flow-figure-0-desc">Flows.</p>
      <p class="chart-table-link"><a href="/d/table/flow-figure-0/" data-table-page="">Data table (2,029 rows), on a page of its own</a></p></figure></div></main>`;
    const [f] = pageFigures(page);
    expect(f).toMatchObject({ id: 'flow-figure-0', title: 'Flows', tableHref: '/d/table/flow-figure-0/', tableLink: 'Data table (2,029 rows), on a page of its own' });
    expect(f!.table.rows).toEqual([]);
    expect([f!.caveat, f!.source]).toEqual(['Caveat: detected, not all.', 'Source: UNODC. Data release abc.']);
    expect(pageFigures(PAGE)[0]!.tableHref).toBeNull();

    const table = tablePage(`<html><body><nav><a href="/">Home</a></nav><main><p class="back"><a href="/d/#flow-figure-0">Back to the figure on “D”</a></p>
      <h1 id="flow-figure-0-title">Flows</h1><p class="subtitle">Persons</p><p class="caveat"><strong>Caveat:</strong> detected, not all.</p>
      <p class="source">Source: UNODC. Data release abc.</p><p>Flows.</p>
      <table class="data-table" data-ref-prefix="g.xlsx:Sheet &amp; 1:"><caption>Flows</caption><thead><tr><th>Origin</th><th class="num">Value</th><th class="num" data-identifies>Lat</th></tr></thead>
      <tbody><tr><td>Mexico</td><td class="num" data-value="5998.4" data-ref="4,9-11">5,998</td><td class="num">19.4</td></tr><tr><td>Albania</td><td class="num" data-ref="a.csv::2; b.csv::7">3,777</td><td class="num">41.3</td></tr>
      <tr><td>Chad</td><td class="missing">No data</td><td class="num">15.5</td></tr></tbody></table>
      <p class="back"><a href="/d/#flow-figure-0">Back to the figure on “D”</a></p></main></body></html>`);
    expect(table).toEqual({
      title: 'Flows',
      caveat: 'Caveat: detected, not all.',
      source: 'Source: UNODC. Data release abc.',
      table: {
        caption: 'Flows',
        columns: ['Origin', 'Value', 'Lat'],
        derived: null,
        rows: [['Mexico', '5,998', '19.4'], ['Albania', '3,777', '41.3'], ['Chad', 'No data', '15.5']],
        // A value column is numeric and not a row's coordinate; a short ref is completed by the table's prefix.
        valueColumns: [false, true, false],
        cells: [
          [{ text: 'Mexico', value: null, ref: null, missing: false }, { text: '5,998', value: '5998.4', ref: 'g.xlsx:Sheet & 1:4,9-11', missing: false }, { text: '19.4', value: null, ref: null, missing: false }],
          [{ text: 'Albania', value: null, ref: null, missing: false }, { text: '3,777', value: null, ref: 'a.csv::2; b.csv::7', missing: false }, { text: '41.3', value: null, ref: null, missing: false }],
          [{ text: 'Chad', value: null, ref: null, missing: false }, { text: 'No data', value: null, ref: null, missing: true }, { text: '15.5', value: null, ref: null, missing: false }],
        ],
      },
      back: ['/d/#flow-figure-0', '/d/#flow-figure-0'],
    });
    expect(() => tablePage('<main><p>no table</p></main>')).toThrow(/holds 0/);
    const summed = tablePage('<main><table class="data-table" data-derived="computed by the observatory: a sum &amp; more"><caption>S</caption><thead><tr><th>Year</th></tr></thead><tbody><tr><td>2020</td></tr></tbody></table></main>');
    expect(summed.table.derived).toBe('computed by the observatory: a sum & more');
  });
});
