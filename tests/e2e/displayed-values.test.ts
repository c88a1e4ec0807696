/**
 * The numbers a reader sees on the built site equal the publishers' own: for every page type and every domain, cells
 * of the figures' data tables (in the figure, or on the table's own page that a figure links), the numbers in their text descriptions, the home page's headline figures and the
 * counts on /countries/ and /data/, read from dist/ as a reader of the HTML sees them (tests/support/figure-html.ts).
 *
 * Every expected value below was read from the source mirror (../shared/sources) by other means than the pipeline:
 * python3 (zipfile + xml.etree for xlsx, the csv module for CSV), never through src/data/queries.ts, load.ts or
 * scripts/. Rows are the spreadsheet rows a person sees on opening the file. Unless said otherwise:
 * - GLOTIP, IAFQ, UN-CTS: the row whose Dimension, Category, Sex and Age are all "Total" (IAFQ: Sex and Age "na"),
 *   for the indicator, country (Iso3_code) and year named;
 * - IOM: the sum of "Total Number of Dead and Missing" over the records of that "Incident Year" (and "Country of
 *   Incident", "Migration Route" or "Cause of Death");
 * - USP MQDB: samples (rows) of that Country and Year, and those whose "Final Test Result" is Fail (any case);
 * - EIA: incidents (rows of sheet INCIDENTS) of that Country (spaces trimmed) and Year;
 * - CITES: shipment records with source I (confiscated) reported by the importer (reporter_type I).
 * Checks are chosen to catch the bugs a query can make: a country whose latest year is not its earliest nor its
 * largest (a map ordered by the wrong year fails), values at both ends of a year range (an off-by-one year filter
 * fails), breakdown totals of one dimension (stacking two dimensions doubles them), suppressed cells ('<5' shown as
 * such, never 0) and years the file does not have (shown as no data, never 0).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from './support/server.ts';
import { BUILT, title } from './support/suite.ts';
import {
  cellAt,
  columnIndex,
  elementsWithClass,
  figureByTitle,
  figuresByTitle,
  pageFigures,
  pageTables,
  rowYear,
  tablePage,
  textOf,
  type HtmlTable,
  type PageFigure,
  type TextMatch,
} from '../support/figure-html.ts';
import { numberWords, phraseAbout, readDisplayed, sentenceAbout, shows, valuesByYear, type RawValue } from '../support/displayed-value.ts';

/** A value read from the file, or null where the file has none (the page must then say "no data", never 0). */
type Expected = RawValue | null;

/** A cell of a table with one row per year (trends, breakdowns). */
interface YearCell {
  year: number;
  column: TextMatch;
  raw: Expected;
  from: string;
}

/** A place's latest value, with its year (maps, latest-value tables, region comparisons). */
interface Latest {
  place: string;
  year: number;
  raw: RawValue;
  from: string;
}

/** A row of a table with one row per item (flows, rankings), found by its label in column `key`. */
interface Item {
  item: string;
  raw: RawValue;
  from: string;
}

/** What a figure's text description says of one series: its first and last values, with their years. */
interface SeriesEnds {
  series: string;
  first: [RawValue, number];
  last: [RawValue, number];
  from: string;
}

/** A number the description gives for one subject (a map's highest values, a ranking's top and bottom). */
interface Mention {
  subject: string;
  raw: number;
  year?: number;
  from: string;
}

interface FigureCheck {
  title: TextMatch;
  /** The figure's id, where two figures of the page have the same title. */
  id?: string;
  years?: YearCell[];
  latest?: Latest[];
  /** Whether every latest value must show its year (maps: yes; the comparison bars do not show it yet). */
  yearShown?: boolean;
  items?: { key: TextMatch; rows: Item[] };
  ends?: SeriesEnds[];
  mentions?: Mention[];
  /** Places or items with a value: rows of the table with a value, and the count the description gives. */
  count?: { n: number; from: string };
  /** Columns that must not be there (parts of another breakdown). */
  absentColumns?: string[];
}

const GLOTIP = 'data_glotip.xlsx, sheet data_glotip_1';
const IAFQ = 'data_iafq_firearms_trafficking.xlsx';
const CTS = 'data_cts_corruption_and_economic_crime.xlsx';
const IOM = 'Missing_Migrants_Global_Figures_allData.xlsx';
const MQDB = 'MQD_ALL_CSV.csv';
const EIA = 'Pangolin seizures_EIA_030919.xlsx, sheet INCIDENTS';
const CITES = 'manidae_shipments.csv';
const RHINO = 'Rhino poaching rates (AfRSG, 2019).csv';
const LT5 = { censored: '<5' };
const COUNTRY = /^Country/;
const VALUE = /^Value/;
const TOTAL = /^Total reported/;

const pages = new Map<string, string>();
function page(path: string): string {
  let html = pages.get(path);
  if (html === undefined) pages.set(path, (html = readFileSync(join(DIST, path, 'index.html'), 'utf8')));
  return html;
}

/** The figure with its table where a reader finds it: in the figure, or on the page of its own that the figure links. */
function withTable(f: PageFigure): PageFigure {
  if (f.tableHref === null) return f;
  return { ...f, table: tablePage(readFileSync(join(DIST, f.tableHref, 'index.html'), 'utf8')).table };
}

function rawText(raw: Expected): string {
  return raw === null ? 'no value' : typeof raw === 'number' ? String(raw) : raw.censored;
}

function expectShows(text: string, raw: Expected, what: string): void {
  const message = `${what}: the page shows "${text}", the file has ${rawText(raw)}`;
  if (raw === null) expect(readDisplayed(text).kind, message).toBe('missing');
  else expect(shows(text, raw), message).toBe(true);
}

function checkYears(f: PageFigure, cells: YearCell[]): void {
  for (const c of cells) expectShows(cellAt(f.table, /^Year$/, String(c.year), c.column), c.raw, `${f.title}, ${c.year}, ${String(c.column)} (${c.from})`);
}

function checkLatest(table: HtmlTable, what: string, rows: Latest[], yearShown: boolean): void {
  for (const r of rows) {
    const where = `${what}, ${r.place} (${r.from})`;
    const year = rowYear(table, COUNTRY, r.place);
    if (yearShown || year !== null) expect(year, `${where}: year shown`).toBe(r.year);
    expectShows(cellAt(table, COUNTRY, r.place, VALUE), r.raw, where);
  }
}

function checkItems(f: PageFigure, key: TextMatch, rows: Item[]): void {
  for (const r of rows) expectShows(cellAt(f.table, key, r.item, VALUE), r.raw, `${f.title}, ${r.item} (${r.from})`);
}

function checkEnds(f: PageFigure, ends: SeriesEnds[]): void {
  for (const e of ends) {
    const pairs = valuesByYear(sentenceAbout(f.description, `${e.series}:`));
    const where = `description of ${f.title}, ${e.series} (${e.from})`;
    expect(pairs.length, `${where}: values with years`).toBeGreaterThanOrEqual(1);
    const [first, last] = [pairs[0]!, pairs.at(-1)!];
    expect([first[1], last[1]], `${where}: first and last years`).toEqual([e.first[1], e.last[1]]);
    expectShows(first[0], e.first[0], `${where}, ${e.first[1]}`);
    expectShows(last[0], e.last[0], `${where}, ${e.last[1]}`);
  }
}

function checkMentions(f: PageFigure, mentions: Mention[]): void {
  for (const m of mentions) {
    const phrase = phraseAbout(f.description, m.subject);
    const words = numberWords(phrase.slice(m.subject.length));
    const where = `description of ${f.title}: "${phrase}" (${m.from})`;
    if (m.year !== undefined) expect(words, `${where}: year`).toContain(String(m.year));
    const values = words.filter((w) => m.year === undefined || w !== String(m.year));
    expect(values.some((w) => shows(w, m.raw)), `${where}: value ${m.raw}`).toBe(true);
  }
}

function checkCount(f: PageFigure, count: { n: number; from: string }): void {
  const valueColumn = columnIndex(f.table, VALUE);
  const withValue = f.table.rows.filter((r) => readDisplayed(r[valueColumn] ?? '').kind !== 'missing');
  expect(withValue.length, `${f.title}: rows with a value (${count.from})`).toBe(count.n);
  expect(f.description, `${f.title}: the count in its description`).toMatch(new RegExp(`with data: ${count.n}\\b`));
}

function checkFigure(html: string, c: FigureCheck): void {
  const found = c.id === undefined ? figureByTitle(html, c.title) : figuresByTitle(html, c.title).find((x) => x.id === c.id);
  if (!found) throw new Error(`no figure ${c.id} titled ${String(c.title)}`);
  const f = withTable(found);
  if (c.years) checkYears(f, c.years);
  if (c.latest) checkLatest(f.table, f.title, c.latest, c.yearShown ?? true);
  if (c.items) checkItems(f, c.items.key, c.items.rows);
  if (c.ends) checkEnds(f, c.ends);
  if (c.mentions) checkMentions(f, c.mentions);
  if (c.count) checkCount(f, c.count);
  for (const column of c.absentColumns ?? []) expect(f.table.columns, `${f.title}: columns`).not.toContain(column);
}

/** The figures checked on each page: every domain's dashboard, indicator pages of every domain, country profiles. */
const FIGURES: { path: string; figures: FigureCheck[] }[] = [
  {
    path: '/trafficking-in-persons/',
    figures: [
      {
        title: 'Detected victims of trafficking in persons',
        years: [
          { year: 2007, column: 'United States of America', raw: 303, from: `${GLOTIP} row 36357` },
          { year: 2021, column: 'United States of America', raw: 10070, from: `${GLOTIP} row 36845 (the range's last year)` },
          { year: 2009, column: /^United Kingdom/, raw: 549, from: `${GLOTIP} row 13631` },
          { year: 2020, column: /^United Kingdom/, raw: 10613, from: `${GLOTIP} row 14251` },
          { year: 2019, column: 'Mexico', raw: null, from: `${GLOTIP}: no Mexico 2019 row` },
        ],
        ends: [
          { series: 'Mexico', first: [56, 2008], last: [115, 2021], from: `${GLOTIP} rows 22177, 22449` },
          { series: 'United States of America', first: [303, 2007], last: [10070, 2021], from: `${GLOTIP} rows 36357, 36845` },
        ],
      },
      {
        title: /^Detected victims of trafficking in persons: latest year/,
        latest: [
          { place: 'United States of America', year: 2021, raw: 10070, from: `${GLOTIP} row 36845; 2007: 303` },
          { place: 'United Kingdom of Great Britain and Northern Ireland', year: 2020, raw: 10613, from: `${GLOTIP} row 14251; 2019: 10,627` },
          { place: 'Kenya', year: 2018, raw: 283, from: `${GLOTIP} row 19602; 2017: 352` },
          { place: 'Mexico', year: 2021, raw: 115, from: `${GLOTIP} row 22449; 2015: 2,015` },
          { place: 'India', year: 2020, raw: 4709, from: `${GLOTIP} row 16891; 2011: 152` },
          { place: 'Nigeria', year: 2021, raw: 1470, from: `${GLOTIP} row 25637; 2008: 1,269` },
          { place: 'Lesotho', year: 2020, raw: LT5, from: `${GLOTIP} row 20658; 2012: 15` },
          { place: 'Saint Lucia', year: 2021, raw: LT5, from: `${GLOTIP} row 20345` },
        ],
        mentions: [
          { subject: 'United Kingdom of Great Britain and Northern Ireland', year: 2020, raw: 10613, from: `${GLOTIP} row 14251` },
          { subject: 'United States of America', year: 2021, raw: 10070, from: `${GLOTIP} row 36845` },
        ],
        // 167 Iso3_code values have a national total of detected victims; MCN, SAF and SAM are regional groupings.
        count: { n: 164, from: `${GLOTIP}: 167 codes with a national total, less MCN, SAF, SAM` },
      },
      {
        title: 'Detected victims by sex, Mexico',
        years: [
          { year: 2008, column: /^female$/i, raw: 37, from: `${GLOTIP} row 40474` },
          { year: 2008, column: /^male$/i, raw: 19, from: `${GLOTIP} row 40475` },
          { year: 2008, column: TOTAL, raw: 56, from: `${GLOTIP} rows 40474 + 40475` },
          { year: 2009, column: /^female$/i, raw: 45, from: `${GLOTIP} row 40476` },
          { year: 2009, column: /^male$/i, raw: LT5, from: `${GLOTIP} row 40477` },
          { year: 2009, column: TOTAL, raw: 45, from: `${GLOTIP} row 40476; the '<5' of row 40477 is not a number to add` },
          { year: 2020, column: /^female$/i, raw: 442, from: `${GLOTIP} row 40506` },
          { year: 2020, column: /^male$/i, raw: 82, from: `${GLOTIP} row 40507` },
          { year: 2021, column: TOTAL, raw: 21, from: `${GLOTIP} rows 40508 (15) + 40509 (6)` },
        ],
      },
      {
        title: 'Detected victims by age, Nigeria',
        years: [
          { year: 2008, column: '0-17', raw: 628, from: `${GLOTIP} row 25243` },
          { year: 2008, column: '18+', raw: 611, from: `${GLOTIP} row 25244` },
          { year: 2021, column: '0-17', raw: 768, from: `${GLOTIP} row 25635` },
          { year: 2021, column: '18+', raw: 702, from: `${GLOTIP} row 25636` },
          { year: 2021, column: TOTAL, raw: 1470, from: `${GLOTIP} rows 25635 + 25636` },
        ],
      },
      {
        title: /^Detected victims by citizenship/,
        items: {
          key: 'Flow',
          rows: [
            { item: 'Mexico → United States of America', raw: 5998, from: `${GLOTIP} rows 36360–36849: USA "by citizenship" Mexico, 2007–2021, summed` },
            { item: 'Albania → United Kingdom of Great Britain and Northern Ireland', raw: 3777, from: `${GLOTIP} rows 13656–14253: GBR "by citizenship" Albania, summed` },
          ],
        },
        mentions: [{ subject: 'Mexico → United States of America', raw: 5998, from: `${GLOTIP}, summed` }],
      },
    ],
  },
  {
    path: '/migrant-smuggling/',
    figures: [
      {
        // The point map below has the same title (reported to the lead): the trend is the one with id trend-figure.
        title: 'Migrants dead and missing',
        id: 'trend-figure',
        years: [
          { year: 2014, column: 'Libya', raw: 2827, from: `${IOM}, Libya 2014 (the range's first year)` },
          { year: 2024, column: 'Libya', raw: 708, from: `${IOM}, Libya 2024 (partial year, to 15 November)` },
          { year: 2014, column: 'Mexico', raw: 134, from: `${IOM}, Mexico 2014` },
          { year: 2024, column: 'Mexico', raw: 203, from: `${IOM}, Mexico 2024` },
        ],
        ends: [{ series: 'Libya', first: [2827, 2014], last: [708, 2024], from: `${IOM}, Libya` }],
      },
      {
        title: /^Migrants dead and missing: latest year/,
        latest: [
          { place: 'Iran (Islamic Republic of)', year: 2024, raw: 901, from: `${IOM}; 2023: 1,080` },
          { place: 'Mauritania', year: 2024, raw: 401, from: `${IOM}; 2015: 29` },
          { place: 'Kenya', year: 2022, raw: 2, from: `${IOM}; first year 2015` },
          { place: 'Afghanistan', year: 2024, raw: 20, from: `${IOM}; 2017: 10` },
        ],
        mentions: [{ subject: 'Libya', year: 2024, raw: 708, from: `${IOM}, Libya 2024` }],
        count: { n: 146, from: `${IOM}: 146 distinct "Country of Incident" values` },
      },
      {
        title: /^Dead and missing by migration route/,
        items: {
          key: /route/i,
          rows: [
            { item: 'Central Mediterranean', raw: 2526, from: `${IOM}, 2023` },
            { item: 'Afghanistan to Iran', raw: 1058, from: `${IOM}, 2023` },
            { item: 'Italy to France', raw: 3, from: `${IOM}, 2023` },
          ],
        },
        mentions: [
          { subject: 'Central Mediterranean', raw: 2526, from: `${IOM}, 2023, the largest route` },
          { subject: 'Italy to France', raw: 3, from: `${IOM}, 2023, the smallest of 20 routes` },
        ],
      },
      {
        title: /^Dead and missing by cause of death/,
        items: {
          key: /cause/i,
          rows: [
            { item: 'Drowning', raw: 4512, from: `${IOM}, 2023` },
            { item: 'Accidental death', raw: 261, from: `${IOM}, 2023` },
          ],
        },
      },
      {
        title: 'Migrants dead and missing',
        id: 'points-figure',
        mentions: [{ subject: 'total', raw: 69339, from: `${IOM}: 69,340 in all, less the one record without coordinates (row 13037: 1 person)` }],
      },
    ],
  },
  {
    path: '/firearms/',
    figures: [
      {
        title: 'Firearms seized (total and by type of firearm)',
        years: [
          { year: 2010, column: 'Colombia', raw: 44564, from: `${IAFQ} row 6919` },
          { year: 2022, column: 'Colombia', raw: 19397, from: `${IAFQ} row 724` },
          { year: 2018, column: 'Brazil', raw: 89615, from: `${IAFQ} row 6305` },
          { year: 2013, column: 'Mexico', raw: 8759, from: `${IAFQ} row 11782` },
          { year: 2014, column: 'Mexico', raw: null, from: `${IAFQ}: no Mexico 2014 total` },
        ],
        ends: [{ series: 'Türkiye', first: [9853, 2013], last: [26948, 2022], from: `${IAFQ} rows 15221, 4170` }],
      },
      {
        title: /^Firearms seized \(total and by type of firearm\): latest year/,
        latest: [
          { place: 'United States of America', year: 2020, raw: 392063, from: `${IAFQ} row 15369; 2013: 245,044` },
          { place: 'Brazil', year: 2018, raw: 89615, from: `${IAFQ} row 6305` },
          { place: 'Türkiye', year: 2022, raw: 26948, from: `${IAFQ} row 4170; 2013: 9,853` },
          { place: 'Kenya', year: 2021, raw: 1274, from: `${IAFQ} row 2251; 2017: 9,728` },
          { place: 'Mexico', year: 2022, raw: 23029, from: `${IAFQ} row 2879` },
        ],
      },
      {
        // The publisher's labels are "rifle (Inlcuding Carbine)" and "shotgun (Including Short Carbine)".
        title: 'Firearms seized by type, Colombia',
        years: [
          { year: 2020, column: 'revolver', raw: 6864, from: `${IAFQ} row 6920` },
          { year: 2020, column: 'pistol', raw: 3978, from: `${IAFQ} row 6967` },
          { year: 2020, column: /^rifle/, raw: 492, from: `${IAFQ} row 6992` },
          { year: 2020, column: /^shotgun/, raw: 4497, from: `${IAFQ} row 7009` },
          { year: 2020, column: 'machine gun', raw: 12, from: `${IAFQ} row 7033` },
          { year: 2020, column: 'submachine gun', raw: 0, from: `${IAFQ} row 7049` },
          { year: 2020, column: 'other weapons', raw: 109, from: `${IAFQ} row 7077` },
          { year: 2020, column: TOTAL, raw: 15952, from: `${IAFQ} row 6887 (Total), = the sum of the type rows` },
        ],
        absentColumns: ['national territory', 'land borders'],
      },
      {
        title: 'Firearms seized by location, Türkiye',
        years: [
          { year: 2022, column: 'land borders', raw: 3718, from: `${IAFQ} row 4185` },
          { year: 2022, column: 'national territory', raw: 7105, from: `${IAFQ} row 4186` },
          { year: 2022, column: 'vessels and harbours', raw: 15611, from: `${IAFQ} row 4190` },
          { year: 2022, column: TOTAL, raw: 26948, from: `${IAFQ} row 4189 (by location, Total)` },
        ],
        absentColumns: ['pistol', 'revolver'],
      },
    ],
  },
  {
    path: '/wildlife/',
    figures: [
      {
        title: 'Pangolin seizure incidents recorded by EIA',
        id: 'trend-figure',
        years: [
          { year: 2015, column: 'China', raw: 42, from: `${EIA}, China 2015` },
          { year: 2016, column: 'China', raw: 51, from: `${EIA}, China 2016` },
          { year: 2019, column: 'China', raw: 7, from: `${EIA}, China 2019 (the range's last year)` },
          { year: 2014, column: 'India', raw: 10, from: `${EIA}, "India", " India" and "India " 2014` },
          { year: 2019, column: 'India', raw: 21, from: `${EIA}, India 2019` },
        ],
      },
      {
        title: /^Pangolin seizure incidents recorded by EIA: latest year/,
        latest: [
          { place: 'India', year: 2019, raw: 21, from: `${EIA}; 2018: 32` },
          { place: 'China', year: 2019, raw: 7, from: `${EIA}; 2016: 51` },
          { place: 'Kenya', year: 2017, raw: 1, from: `${EIA}; 2016: 4` },
        ],
      },
      {
        title: /^Confiscated pangolin shipments in CITES trade records/,
        items: {
          key: 'Flow',
          rows: [
            { item: 'China → United States of America', raw: 127, from: `${CITES}: exporter CN, importer US` },
            { item: 'Mexico → United States of America', raw: 79, from: `${CITES}: exporter MX, importer US` },
            { item: 'Viet Nam → United States of America', raw: 61, from: `${CITES}: exporter VN, importer US` },
          ],
        },
      },
      // EIA's route roles, one map each, counted in the file's Origin and "Via (coming from, before seized)" columns.
      // Row 1033 (Uganda, 2019) names DRC in both: once on each map. A map adding the two roles shows 2, 8 and 20.
      {
        title: /^Pangolin seizures by country named as origin → country of seizure/,
        items: {
          key: 'Flow',
          rows: [
            { item: 'Democratic Republic of the Congo → Uganda', raw: 1, from: `${EIA}: Country Uganda, Origin "DRC": row 1033` },
            { item: 'Nigeria → China, Hong Kong Special Administrative Region', raw: 1, from: `${EIA}: Country "China - Hong Kong", Origin Nigeria: row 798` },
            { item: 'Viet Nam → China', raw: 1, from: `${EIA}: Country China, Origin Vietnam: row 800` },
          ],
        },
      },
      {
        title: /^Pangolin seizures by country the consignment came from/,
        items: {
          key: 'Flow',
          rows: [
            { item: 'Democratic Republic of the Congo → Uganda', raw: 1, from: `${EIA}: Country Uganda, Via "South Sudan, DRC": row 1033` },
            { item: 'Nigeria → China, Hong Kong Special Administrative Region', raw: 7, from: `${EIA}: Country "China - Hong Kong", Via naming Nigeria: rows 441, 667, 720, 865, 887, 941, 1030` },
            { item: 'Viet Nam → China', raw: 19, from: `${EIA}: Country China, Via naming Vietnam: rows 41, 319, 330, 348, 538, 548, 550, 556, 568, 569, 618, 636, 639, 648, 969, 1053, 1056, 1062, 1087` },
          ],
        },
      },
    ],
  },
  {
    path: '/falsified-medicines/',
    figures: [
      {
        title: 'Share of medicine samples failing quality tests (USP MQDB)',
        years: [
          { year: 2003, column: 'Cambodia', raw: (118 / 476) * 100, from: `${MQDB}: Cambodia 2003, 118 failed of 476 (the range's first year)` },
          { year: 2012, column: 'Cambodia', raw: (2 / 719) * 100, from: `${MQDB}: Cambodia 2012, 2 of 719` },
          { year: 2015, column: 'Ghana', raw: (5 / 39) * 100, from: `${MQDB}: Ghana 2015, 5 of 39` },
          { year: 2017, column: 'Nigeria', raw: 0, from: `${MQDB}: Nigeria 2017, 0 of 2 (the range's last year)` },
        ],
      },
      {
        title: /^Share of medicine samples failing quality tests \(USP MQDB\): latest year/,
        latest: [
          { place: 'Guatemala', year: 2011, raw: (8 / 37) * 100, from: `${MQDB}: 8 of 37` },
          { place: 'Peru', year: 2010, raw: (73 / 397) * 100, from: `${MQDB}: 73 of 397; 2008: 16 of 62` },
          { place: 'Cambodia', year: 2012, raw: (2 / 719) * 100, from: `${MQDB}: 2 of 719; 2003: 118 of 476` },
          { place: 'Kenya', year: 2012, raw: (2 / 516) * 100, from: `${MQDB}: 2 of 516; 2010: 11 of 388` },
        ],
      },
      {
        title: 'Failed samples by medicine class, Cambodia',
        years: [
          { year: 2003, column: 'Antimalarials', raw: 118, from: `${MQDB}: Cambodia 2003, antimalarials failed` },
          { year: 2003, column: 'Antibiotics', raw: 0, from: `${MQDB}: Cambodia 2003, antibiotics failed` },
          { year: 2003, column: TOTAL, raw: 118, from: `${MQDB}: Cambodia 2003, failed samples (never 236)` },
        ],
        absentColumns: ['Screening test', 'Compendial test'],
      },
      {
        title: 'Failed samples by type of test, Cambodia',
        years: [
          { year: 2003, column: 'Screening test', raw: 74, from: `${MQDB}: Cambodia 2003, failed at screening` },
          { year: 2003, column: 'Compendial test', raw: 44, from: `${MQDB}: Cambodia 2003, failed at compendial test` },
          { year: 2003, column: TOTAL, raw: 118, from: `${MQDB}: Cambodia 2003, failed samples` },
          { year: 2012, column: 'Compendial test', raw: 2, from: `${MQDB}: Cambodia 2012 (the last year Cambodia reports)` },
        ],
        absentColumns: ['Antimalarials', 'Antibiotics'],
      },
    ],
  },
  {
    path: '/cybercrime/',
    figures: [
      {
        title: /^Cyber-related fraud \(offences recorded by police per 100,000 population\)$/,
        years: [
          { year: 2013, column: 'Germany', raw: 221.38184306989399, from: `${CTS} row 19853 (the range's first year)` },
          { year: 2022, column: 'Germany', raw: 291.90171318902401, from: `${CTS} row 20169 (the range's last year)` },
          { year: 2016, column: 'Spain', raw: 152.461686884183, from: `${CTS} row 19933` },
          { year: 2022, column: 'Spain', raw: 491.88128938829101, from: `${CTS} row 20173` },
        ],
      },
      {
        title: /^Cyber-related fraud .*: latest year/,
        latest: [
          { place: 'Sweden', year: 2018, raw: 1699.1038837869201, from: `${CTS} row 20033; 2013: 713.6` },
          { place: 'Italy', year: 2022, raw: 172.2600800976, from: `${CTS} row 20182; 2021: 205.1` },
          { place: 'Mexico', year: 2022, raw: 0.81173844057304601, from: `${CTS} row 20188; 2015: 4.0` },
        ],
      },
      {
        title: /^Cyber offences recorded by police by type of offence, Italy/,
        years: [
          { year: 2013, column: /^Cyber-related fraud/, raw: 48.230386353763599, from: `${CTS} row 19856` },
          { year: 2020, column: /^Cyber-related fraud/, raw: 165.74124429948799, from: `${CTS} row 20101` },
          { year: 2022, column: /^Cyber-related fraud/, raw: 172.2600800976, from: `${CTS} row 20182` },
          { year: 2014, column: /^Unlawful access/, raw: 16.153098483903101, from: `${CTS} row 20741` },
          { year: 2021, column: /^Unlawful access/, raw: 33.502514250004999, from: `${CTS} row 21047` },
          { year: 2022, column: /^Unlawful access/, raw: null, from: `${CTS}: no Italy 2022 row` },
          { year: 2014, column: /^Unlawful interception/, raw: 0.399517316771412, from: `${CTS} row 21370` },
        ],
      },
    ],
  },
  {
    path: '/indicator/tip_victims_by_citizenship/',
    figures: [
      {
        title: /by citizenship, Netherlands \(Kingdom of the\), 2019$/,
        items: {
          key: 'citizenship',
          rows: [
            { item: 'Nigeria', raw: 512, from: `${GLOTIP} row 26770` },
            { item: 'Netherlands (Kingdom of the)', raw: 244, from: `${GLOTIP} row 26769 ("Netherlands (own country)")` },
            { item: 'Viet Nam', raw: 5, from: `${GLOTIP} row 26776` },
            { item: 'Philippines', raw: LT5, from: `${GLOTIP} row 26771` },
          ],
        },
      },
      {
        title: /: flows to the reporting country, summed over 2007–2021$/,
        items: { key: 'Flow', rows: [{ item: 'Mexico → United States of America', raw: 5998, from: `${GLOTIP} rows 36360–36849, summed` }] },
      },
    ],
  },
  {
    // EIA's Outbound ("going to, before seized") and Destination columns name where a seizure was going: the arrows
    // leave the country of seizure. Drawn the other way, India's 21 would read as Myanmar → India.
    path: '/indicator/wl_pangolin_seizure_routes/',
    figures: [
      {
        title: /, by outbound: flows from the reporting country, summed over 2000–2019$/,
        items: {
          key: 'Flow',
          rows: [
            { item: 'India → Myanmar', raw: 21, from: `${EIA}: Country India, Outbound naming Myanmar: rows 46, 56, 59, 64, 66, 81, 82, 97, 98, 120, 123–125, 137, 140, 143, 145, 149, 169, 181, 627` },
            { item: 'Viet Nam → China', raw: 16, from: `${EIA}: Country Vietnam, Outbound naming China: rows 20, 40, 76, 132, 146, 401, 406, 445, 537, 547, 561, 565, 606, 672, 873, 966` },
          ],
        },
      },
      {
        title: /, by destination: flows from the reporting country, summed over 2000–2019$/,
        items: { key: 'Flow', rows: [{ item: 'Viet Nam → China', raw: 4, from: `${EIA}: Country Vietnam, Destination naming China: rows 246, 445, 565, 822` }] },
      },
    ],
  },
  {
    path: '/indicator/fa_arms_seized_by_location/',
    figures: [
      {
        title: /by place of seizure, Spain$/,
        years: [
          { year: 2017, column: 'land borders', raw: 3, from: `${IAFQ} row 7698` },
          { year: 2017, column: 'other', raw: 4357, from: `${IAFQ} row 7992` },
          { year: 2017, column: 'planes and airports', raw: 21, from: `${IAFQ} row 7818` },
          { year: 2017, column: 'unknown', raw: 6208, from: `${IAFQ} row 7663` },
          { year: 2017, column: 'vessels and harbours', raw: 13, from: `${IAFQ} row 7797` },
          { year: 2017, column: 'national territory', raw: 0, from: `${IAFQ} row 7637` },
          { year: 2017, column: TOTAL, raw: 10602, from: `${IAFQ} rows 7662 and 7710 (by location, Total)` },
          { year: 2016, column: TOTAL, raw: 9003, from: `${IAFQ} rows 7661 and 7709 (by location, Total)` },
        ],
      },
      {
        title: /^Firearms seized, by place of seizure: latest year/,
        latest: [
          { place: 'Azerbaijan', year: 2021, raw: 202, from: `${IAFQ} row 287 (by location, Total; no Total/Total row)` },
          { place: 'Türkiye', year: 2022, raw: 26948, from: `${IAFQ} row 4189` },
        ],
      },
    ],
  },
  {
    path: '/indicator/smg_dead_missing/',
    figures: [
      {
        title: 'Migrants dead and missing',
        years: [
          { year: 2014, column: 'World', raw: 5550, from: `${IOM}: all records of 2014 (the range's first year)` },
          { year: 2023, column: 'World', raw: 8606, from: `${IOM}: all records of 2023` },
          { year: 2024, column: 'World', raw: 5988, from: `${IOM}: all records of 2024, a partial year (to 15 November)` },
        ],
        ends: [{ series: 'World', first: [5550, 2014], last: [5988, 2024], from: `${IOM}, all records` }],
      },
      {
        title: /by migration route, World$/,
        years: [
          { year: 2023, column: 'Central Mediterranean', raw: 2526, from: `${IOM}, 2023` },
          { year: 2024, column: 'Central Mediterranean', raw: 1347, from: `${IOM}, 2024 (partial)` },
          { year: 2014, column: 'Central Mediterranean', raw: 3126, from: `${IOM}, 2014` },
        ],
      },
      {
        title: /by cause of death, World$/,
        years: [
          { year: 2023, column: TOTAL, raw: 8606, from: `${IOM}: every 2023 record has one cause` },
          { year: 2024, column: TOTAL, raw: 5988, from: `${IOM}: every 2024 record has one cause (partial year)` },
          { year: 2024, column: 'Drowning', raw: 3221, from: `${IOM}, 2024` },
        ],
      },
    ],
  },
  {
    path: '/country/KEN/',
    figures: [
      {
        title: 'Detected victims of trafficking in persons, Kenya',
        years: [
          { year: 2014, column: 'Kenya', raw: 143, from: `${GLOTIP} row 19544` },
          { year: 2018, column: 'Kenya', raw: 283, from: `${GLOTIP} row 19602` },
        ],
        ends: [{ series: 'Kenya', first: [143, 2014], last: [283, 2018], from: `${GLOTIP} rows 19544, 19602` }],
      },
      {
        title: /^Detected victims of trafficking in persons: Sub-Saharan Africa/,
        yearShown: false,
        latest: [
          { place: 'Nigeria', year: 2021, raw: 1470, from: `${GLOTIP} row 25637; 2008: 1,269` },
          { place: 'Kenya', year: 2018, raw: 283, from: `${GLOTIP} row 19602` },
          { place: 'Zambia', year: 2020, raw: LT5, from: `${GLOTIP} row 37708; 2009: 30, 2019: 8` },
        ],
      },
      {
        title: 'Firearms seized (total and by type of firearm), Kenya',
        years: [
          { year: 2016, column: 'Kenya', raw: 5264, from: `${IAFQ} row 10060` },
          { year: 2018, column: 'Kenya', raw: null, from: `${IAFQ}: no Kenya 2018 total` },
          { year: 2021, column: 'Kenya', raw: 1274, from: `${IAFQ} row 2251` },
        ],
      },
      {
        title: 'Rhinos poached, Kenya',
        years: [
          { year: 2006, column: 'Kenya', raw: 3, from: `${RHINO} line 47` },
          { year: 2017, column: 'Kenya', raw: 9, from: `${RHINO} line 58` },
        ],
      },
      {
        title: /^Share of medicine samples failing quality tests \(USP MQDB\), Kenya/,
        years: [
          { year: 2010, column: 'Kenya', raw: (11 / 388) * 100, from: `${MQDB}: Kenya 2010, 11 of 388` },
          { year: 2011, column: 'Kenya', raw: null, from: `${MQDB}: no Kenya samples in 2011` },
          { year: 2012, column: 'Kenya', raw: (2 / 516) * 100, from: `${MQDB}: Kenya 2012, 2 of 516` },
        ],
      },
    ],
  },
  {
    path: '/country/MEX/',
    figures: [
      {
        title: 'Detected victims of trafficking in persons, Mexico',
        years: [
          { year: 2008, column: 'Mexico', raw: 56, from: `${GLOTIP} row 22177` },
          { year: 2019, column: 'Mexico', raw: null, from: `${GLOTIP}: no Mexico 2019 row` },
          { year: 2021, column: 'Mexico', raw: 115, from: `${GLOTIP} row 22449` },
        ],
      },
      {
        title: 'Migrants dead and missing, Mexico',
        ends: [{ series: 'Mexico', first: [134, 2014], last: [203, 2024], from: `${IOM}, Mexico` }],
      },
      {
        title: 'Cyber-related fraud (offences recorded by police), Mexico',
        years: [
          { year: 2015, column: 'Mexico', raw: 4800, from: `${CTS} row 8531` },
          { year: 2022, column: 'Mexico', raw: 1035, from: `${CTS} row 8811` },
        ],
      },
    ],
  },
  {
    path: '/country/USA/',
    figures: [
      {
        title: 'Detected victims of trafficking in persons, United States of America',
        ends: [{ series: 'United States of America', first: [303, 2007], last: [10070, 2021], from: `${GLOTIP} rows 36357, 36845` }],
      },
      {
        title: 'Firearms seized (total and by type of firearm), United States of America',
        years: [
          { year: 2013, column: 'United States of America', raw: 245044, from: `${IAFQ} row 15364` },
          { year: 2020, column: 'United States of America', raw: 392063, from: `${IAFQ} row 15369` },
        ],
      },
    ],
  },
];

/** The latest-year map of indicator pages: each country's latest value and its year (and the file row it came from). */
const LATEST_TABLES: { path: string; rows: (Latest & { row?: string })[] }[] = [
  {
    path: '/indicator/tip_victims_detected/',
    rows: [
      { place: 'Kenya', year: 2018, raw: 283, row: ':19602', from: `${GLOTIP} row 19602` },
      { place: 'United States of America', year: 2021, raw: 10070, row: ':36845', from: `${GLOTIP} row 36845` },
      { place: 'Mexico', year: 2021, raw: 115, row: ':22449', from: `${GLOTIP} row 22449` },
      { place: 'Lesotho', year: 2020, raw: LT5, row: ':20658', from: `${GLOTIP} row 20658` },
    ],
  },
  {
    path: '/indicator/cyb_fraud_cyber/',
    rows: [
      { place: 'Italy', year: 2022, raw: 101698, row: ':8805', from: `${CTS} row 8805; 2021: 121,498` },
      { place: 'Germany', year: 2022, raw: 243358, row: ':8792', from: `${CTS} row 8792` },
      { place: 'Mexico', year: 2022, raw: 1035, row: ':8811', from: `${CTS} row 8811` },
    ],
  },
  {
    path: '/indicator/wl_rhinos_poached/',
    rows: [
      { place: 'Kenya', year: 2017, raw: 9, row: '::58', from: `${RHINO} line 58 (line 59, 2018, has no count)` },
      { place: 'South Africa', year: 2018, raw: 778, row: '::151', from: `${RHINO} line 151` },
    ],
  },
  {
    path: '/indicator/med_samples_failed/',
    rows: [
      { place: 'Cambodia', year: 2012, raw: 2, from: `${MQDB}: Cambodia 2012, 2 failed; 2003: 118` },
      { place: 'Kenya', year: 2012, raw: 2, from: `${MQDB}: Kenya 2012, 2 failed; 2010: 11` },
    ],
  },
];

/**
 * Home page headlines given by a publisher's file directly (its world or regional total), or pooled from sample rows
 * counted here; the sums of the same countries every year are held to the release by tests/e2e/home.test.ts.
 */
const HEADLINES: { domain: string; raw: RawValue; year: number; from: string }[] = [
  { domain: 'migrant-smuggling', raw: 8606, year: 2023, from: `${IOM}: all records of 2023 (world)` },
  { domain: 'wildlife', raw: 1124, year: 2017, from: `${RHINO} line 13 (Africa)` },
  { domain: 'falsified-medicines', raw: 0, year: 2017, from: `${MQDB}: 0 of the 583 samples of 2017 (Nigeria, Philippines) failed` },
];

/** /data/: rows read from each publisher's file, counted with python3 (csv rows after the header; xlsx data rows). */
const ROWS_READ: { file: string; rows: number }[] = [
  { file: 'data_glotip.xlsx', rows: 46556 },
  { file: 'data_iafq_firearms_trafficking.xlsx', rows: 15468 },
  { file: 'data_cts_corruption_and_economic_crime.xlsx', rows: 22754 },
  { file: 'Missing_Migrants_Global_Figures_allData.xlsx', rows: 17474 },
  { file: 'Pangolin seizures_EIA_030919.xlsx', rows: 1104 },
  { file: 'manidae_shipments.csv', rows: 3631 },
  { file: 'Rhino poaching rates (AfRSG, 2019).csv', rows: 234 },
  { file: 'MQD_ALL_CSV.csv', rows: 17070 },
  { file: 'publications.csv', rows: 1553 },
  { file: 'population.csv', rows: 17195 },
  { file: 'UNSD-Methodology.csv', rows: 248 },
  { file: 'all.csv', rows: 249 },
];

describe.skipIf(!BUILT)(title('displayed values equal the publishers’ files'), () => {
  for (const { path, figures } of FIGURES) {
    describe(path, () => {
      it.each(figures.map((f) => ({ ...f, name: f.id ? `${String(f.title)} (#${f.id})` : String(f.title) })))('$name', (check) => checkFigure(page(path), check));
    });
  }

  // The Table tab follows the chosen view (tests/e2e/client-states.test.ts); each country's latest value and year is the
  // map's data table.
  it.each(LATEST_TABLES)('$path: the map table gives each country its latest value and year', ({ path, rows }) => {
    const found = pageFigures(page(path)).find((f) => f.id === 'map-figure');
    if (!found) throw new Error(`${path}: no map figure`);
    const map = withTable(found);
    checkLatest(map.table, `${path} map table`, rows, true);
  });

  // IOM's file ends on 15 November 2024 (PROVENANCE.md) and GLOTIP's 2021 is incomplete: those years are marked on the
  // chart itself, in its table and in its description, never drawn as a plain drop.
  it.each([
    { path: '/indicator/smg_dead_missing/', year: '2024', note: /incidents to 15 November 2024/ },
    { path: '/trafficking-in-persons/', year: '2021', note: /incomplete/ },
  ])('$path: the partial year $year is marked', ({ path, year, note }) => {
    const trend = pageFigures(page(path)).find((f) => f.id === 'trend-figure');
    if (!trend) throw new Error(`${path}: no trend figure`);
    expect(cellAt(trend.table, /^Year$/, year, /^Note$/), `${path} ${year}: note in the table`).toMatch(note);
    expect(trend.description, `${path}: the description says ${year} is partial`).toMatch(new RegExp(`${year} covers part of the period only`));
  });

  it('/ shows the publishers’ headline figures with their years', () => {
    const sections = elementsWithClass(page('/'), 'section', 'headline').map(({ attrs, inner }) => ({
      domain: /data-domain="([^"]+)"/.exec(attrs)?.[1],
      number: textOf(/<p class="headline-number"><strong>([\s\S]*?)<\/strong>/.exec(inner)?.[1] ?? ''),
      label: textOf(/<p class="headline-number">([\s\S]*?)<\/p>/.exec(inner)?.[1] ?? ''),
    }));
    for (const h of HEADLINES) {
      const shown = sections.find((x) => x.domain === h.domain);
      expect(shown, `home: a headline for ${h.domain}`).toBeDefined();
      expectShows(shown!.number.replace(/%$/, ''), h.raw, `home, ${h.domain} (${h.from})`);
      expect(numberWords(shown!.label), `home, ${h.domain}: year of the figure`).toContain(String(h.year));
    }
  });

  it('/countries/ counts the places it lists, and lists exactly the places that have a page', () => {
    const html = page('/countries/');
    const links = [...html.matchAll(/<li>\s*<a href="\/country\/([^/"]+)\/"/g)].map((m) => decodeURIComponent(m[1]!));
    const intro = /(\d[\d,]*) countries, areas and reporting jurisdictions/.exec(textOf(html));
    expect(intro, 'the count in the intro').not.toBeNull();
    expect(Number(intro![1]!.replace(/,/g, ''))).toBe(links.length);
    expect(new Set(links).size).toBe(links.length);
    const built = readdirSync(join(DIST, 'country')).filter((d) => existsSync(join(DIST, 'country', d, 'index.html')));
    expect([...links].sort()).toEqual([...built].sort());
    // Kenya, Mexico and the United States have values in every domain; Tuvalu has only a repatriation category in GLOTIP.
    expect(links).toEqual(expect.arrayContaining(['KEN', 'MEX', 'USA']));
    expect(links).not.toContain('TUV');
  });

  it('/data/ gives the rows read from each publisher’s file, each emitted or quarantined', () => {
    const sources = pageTables(page('/data/')).find((t) => t.columns.includes('Rows read'));
    expect(sources, 'the sources table').toBeDefined();
    const [read, emitted, quarantined] = ['Rows read', 'Emitted', 'Quarantined'].map((c) => columnIndex(sources!, c));
    for (const f of ROWS_READ) {
      const row = sources!.rows.find((r) => r[0]!.endsWith(f.file));
      expect(row, `a row for ${f.file}`).toBeDefined();
      const n = (i: number) => Number(row![i]!.replace(/,/g, ''));
      expect(n(read!), `${f.file}: rows read`).toBe(f.rows);
      expect(n(emitted!) + n(quarantined!), `${f.file}: emitted + quarantined`).toBe(f.rows);
    }
  });
});

