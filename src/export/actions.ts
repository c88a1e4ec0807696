/**
 * A figure's Download, Cite and Embed, loaded on first use (a dynamic import from figure-actions-boot.ts), so chart
 * pages load none of it before a reader asks. Everything is made in the browser from the view on screen: the drawing
 * as laid out now (after a redraw too), its data table, the release's catalog.json, and the page's address.
 */
import type { Catalog } from '../../scripts/pipeline/release/catalog.ts';
import { makeLocale } from '../i18n/locale.ts';
import { pagePath } from '../client/page-path.ts';
import { fillTables } from '../client/later-table.ts';
import { chartCsv } from './chart-csv.ts';
import { localDate } from './local-date.ts';
import { citation } from './cite.ts';
import { citationStyles, copyBox } from './copy-box.ts';
import { exportFileName, type FileNameParts } from './file-name.ts';
import { catalogPart, citeInput, figureMetadata, METADATA_SCHEMA_PATH } from './metadata.ts';
import { pngOf } from './png-file.ts';
import { standaloneSvg, type FooterLine } from './svg-file.ts';
import { readTable } from './table-read.ts';
import { embedSnippet, embedUrl } from './embed-snippet.ts';

/** What Figure.astro writes on a figure's actions (`data-export`). */
export interface ExportSpec {
  figure: string;
  indicator: string;
  sources: string[];
  years: [number, number];
  geos: string[] | null;
  version: string;
  /** The figure's embed page, where it has one. */
  embed: string | null;
}

function parseSpec(raw: string | undefined): ExportSpec {
  const spec = JSON.parse(raw ?? 'null') as ExportSpec | null;
  if (!spec || typeof spec.figure !== 'string' || typeof spec.indicator !== 'string') throw new Error('figure actions without data-export');
  return spec;
}


const catalogs = new Map<string, Promise<Catalog>>();
function catalogOf(version: string): Promise<Catalog> {
  let c = catalogs.get(version);
  if (!c) {
    c = fetch(`/data/${encodeURIComponent(version)}/catalog.json`).then((r) => {
      if (!r.ok) throw new Error(`catalog.json of release ${version}: HTTP ${r.status}`);
      return r.json() as Promise<Catalog>;
    });
    catalogs.set(version, c);
    c.catch(() => catalogs.delete(version));
  }
  return c;
}

/** The view the figure shows: a redrawn chart's places and years (its host's `data-state`, a map's `data-years`), else the build's. */
function viewOf(host: HTMLElement | null, spec: ExportSpec): { geos: string[] | null; years: [number, number]; search: string } {
  const state = host?.dataset['state'];
  if (host?.dataset['renderedBy'] === 'browser' && state !== undefined) {
    const q = new URLSearchParams(state);
    const geo = q.get('geo');
    // A map redrawn for one year says it in `data-years` (its state names the year by the map's own parameter).
    const years = /^(\d{4})-(\d{4})$/.exec(q.get('years') ?? host.dataset['years'] ?? '');
    return { geos: geo ? geo.split(',') : spec.geos, years: years ? [Number(years[1]), Number(years[2])] : spec.years, search: state };
  }
  return { geos: spec.geos, years: spec.years, search: '' };
}

/** The page's address with the view's state, the data version (`v`) and the figure. */
function permalinkOf(doc: Document, spec: ExportSpec, search: string): string {
  const win = doc.defaultView!;
  const url = new URL(`${pagePath(doc) ?? '/'}${win.location.search}`, win.location.origin);
  for (const [k, v] of new URLSearchParams(search)) url.searchParams.set(k, v);
  url.searchParams.set('v', spec.version);
  url.hash = spec.figure;
  return url.href;
}

function save(doc: Document, bytes: BlobPart, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The figure's data table: in the figure, or on its own page (a long one; src/lib/table-pages.ts). */
async function tableOf(figure: HTMLElement): Promise<HTMLTableElement> {
  fillTables(figure);
  const own = figure.querySelector<HTMLTableElement>('table.data-table');
  if (own) return own;
  const link = figure.querySelector<HTMLAnchorElement>('a[data-table-page]');
  if (!link) throw new Error(`figure ${figure.id}: no data table`);
  const res = await fetch(link.href);
  if (!res.ok) throw new Error(`${link.pathname}: HTTP ${res.status}`);
  const page = new DOMParser().parseFromString(await res.text(), 'text/html');
  const table = page.querySelector<HTMLTableElement>('table.data-table');
  if (!table) throw new Error(`${link.pathname}: no data table`);
  return table;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(doc.createElement(tag), props);
  e.append(...kids);
  return e;
}

/** Builds (again, on every opening: the view may have changed) the actions of one figure. */
export async function fillActions(details: HTMLDetailsElement): Promise<void> {
  const doc = details.ownerDocument;
  const locale = makeLocale(doc.documentElement.lang || 'en');
  const { t } = locale;
  const spec = parseSpec(details.dataset['export']);
  const body = details.querySelector<HTMLElement>('[data-actions-body]')!;
  const status = el(doc, 'p', { className: 'actions-status' });
  status.setAttribute('role', 'status');
  const say = (s: string) => { status.textContent = s; };
  body.replaceChildren(el(doc, 'p', {}, t('actions.loading')));

  const figure = doc.getElementById(spec.figure);
  if (!figure) throw new Error(`no figure ${spec.figure} on this page`);
  const host = figure.closest<HTMLElement>('.figure-host');
  const view = viewOf(host, spec);
  const permalink = permalinkOf(doc, spec, view.search);
  const accessed = localDate(new Date());
  const part = catalogPart(await catalogOf(spec.version), spec.indicator, spec.sources);
  const title = figure.querySelector(`#${CSS.escape(spec.figure)}-title`)?.textContent ?? '';
  const subtitle = figure.querySelector('.subtitle')?.textContent ?? '';
  const cite = citeInput(part, { id: spec.figure, title, permalink, accessed });
  const name = (ext: FileNameParts['ext']) => exportFileName({ indicator: spec.indicator, geos: view.geos, years: view.years, figure: spec.figure, version: spec.version, ext });

  const footer = (): FooterLine[] => {
    const sourceText = figure.querySelector('.source')?.firstChild?.textContent?.trim() ?? '';
    return [
      { field: 'title', text: title },
      { field: 'source', text: sourceText },
      { field: 'link', text: t('export.link', { href: permalink }) },
      { field: 'accessed', text: t('export.accessed', { date: accessed }) },
    ];
  };
  const drawing = () => standaloneSvg(doc.getElementById(spec.figure)!, footer(), getComputedStyle(doc.body).fontFamily);

  const action = (label: string, kind: string, run: () => Promise<void>) => {
    const b = el(doc, 'button', { type: 'button' }, label);
    b.dataset['download'] = kind;
    b.addEventListener('click', () => {
      run().then(() => say(''), (e: unknown) => say(t('actions.failed', { error: e instanceof Error ? e.message : String(e) })));
    });
    return b;
  };
  const downloads = el(doc, 'div', { className: 'actions-row' },
    action(t('actions.png'), 'png', async () => {
      const { svg, width, height } = drawing();
      const lines = footer();
      const png = await pngOf(svg, width, height, { Title: title, Source: lines[1]!.text, Version: spec.version, URL: permalink, 'Creation Time': accessed });
      save(doc, png, 'image/png', name('png'));
    }),
    action(t('actions.svg'), 'svg', async () => save(doc, drawing().svg, 'image/svg+xml', name('svg'))),
    action(t('actions.csv'), 'csv', async () => {
      const { csv } = chartCsv(readTable(await tableOf(doc.getElementById(spec.figure)!)), spec.sources);
      save(doc, csv, 'text/csv;charset=utf-8', name('csv'));
    }),
    action(t('actions.json'), 'json', async () => {
      const meta = figureMetadata(part, { id: spec.figure, title, subtitle, permalink, accessed, origin: doc.defaultView!.location.origin });
      save(doc, `${JSON.stringify(meta, null, 2)}\n`, 'application/json', name('json'));
    }),
  );
  const parts: Node[] = [
    el(doc, 'p', {}, el(doc, 'strong', {}, t('actions.download'))),
    downloads,
    el(doc, 'p', { className: 'meta' }, el(doc, 'a', { href: METADATA_SCHEMA_PATH }, t('actions.schema'))),
    el(doc, 'p', {}, el(doc, 'strong', {}, t('actions.cite'))),
    ...citationStyles(locale).map(([style, label]) => copyBox(doc, `${spec.figure}-cite-${style}`, label, citation(style, cite), locale, say)),
  ];

  parts.push(el(doc, 'p', {}, el(doc, 'strong', {}, t('actions.embed'))));
  if (spec.embed) {
    const origin = doc.defaultView!.location.origin;
    const snippetOf = (pinned: boolean) => embedSnippet(embedUrl(origin, spec.embed!, view.search, pinned ? spec.version : null), title);
    const box = copyBox(doc, `${spec.figure}-embed-code`, t('actions.embedCode'), snippetOf(false), locale, say);
    const area = box.querySelector('textarea')!;
    const radio = (pinned: boolean, label: string) => {
      const input = el(doc, 'input', { type: 'radio', name: `${spec.figure}-embed-version`, checked: !pinned, value: pinned ? 'version' : 'newest' });
      input.addEventListener('change', () => { if (input.checked) area.value = snippetOf(pinned); });
      return el(doc, 'label', {}, input, ` ${label}`);
    };
    parts.push(el(doc, 'fieldset', {}, el(doc, 'legend', {}, t('actions.embedData')), radio(false, t('actions.embedNewest')), ' ', radio(true, t('actions.embedVersion', { version: spec.version }))), box);
  } else {
    parts.push(el(doc, 'p', {}, t('actions.embedNone')));
  }
  parts.push(status);
  body.replaceChildren(...parts);
}
