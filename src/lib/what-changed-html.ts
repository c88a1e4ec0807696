/**
 * The what-changed pages' bodies (src/pages/releases/[version].astro and [version]/[indicator].astro) as pure
 * functions of the release index, the diff and the names to print: the pages only load those and put the HTML in
 * their layout. So the page a reader gets for a pair of releases can be written, and read back, for any pair — a test
 * builds a second release with one value revised and reads this HTML, instead of building the site a second time.
 */
import type { ReleaseDiff, ValueChange } from '../../scripts/archive/diff-releases.ts';
import type { RuntimeRelease } from '../../scripts/archive/runtime-index.ts';
import type { Locale } from '../charts/types.ts';
import { el, text, type Child } from '../charts/svg.ts';
import { SLOT, splitSlot } from '../i18n/locale.ts';
import { changeRow, LISTED_ON_RELEASE_PAGE, LISTED_PER_KIND } from './change-list.ts';

/** Indicator and source titles as the releases named them (release-history.ts titlesOf). */
export interface Titles {
  indicator: (id: string) => string;
  source: (id: string) => string;
}

/** What a what-changed page prints besides the diff: the titles of ids and the names of places. */
export interface ChangeNames {
  titles: Titles;
  places: ReadonlyMap<string, string>;
  locale: Locale;
}

const KINDS = ['revised', 'added', 'removed'] as const;

/** Markup side by side, with no element around it. */
function fragment(...kids: Child[]): string {
  return kids.map((k) => (Array.isArray(k) ? fragment(...k) : k || '')).join('');
}

/** One kind of change of one indicator and source, as a table; a long list is cut at LISTED_PER_KIND rows. */
export function changeTableHtml(kind: ValueChange['kind'], changes: ValueChange[], id: string, level: 3 | 4, n: ChangeNames): string {
  if (changes.length === 0) return '';
  const { locale } = n;
  const { t } = locale;
  const heading = { revised: t('changes.kind.revised'), added: t('changes.kind.added'), removed: t('changes.kind.removed') }[kind];
  const rows = changes.slice(0, LISTED_PER_KIND).map((c) => changeRow(c, n.places, locale));
  const th = (label: string, numeric = false) => el('th', { scope: 'col', class: numeric ? 'num' : null }, text(label));
  const head = el(
    'tr',
    {},
    th(t('changes.place')), th(t('chart.year'), true), th(t('changes.breakdown')), th(t('table.unit')),
    kind !== 'added' ? th(kind === 'revised' ? t('changes.before') : t('changes.value'), true) : null,
    kind !== 'removed' ? th(kind === 'revised' ? t('changes.after') : t('changes.value'), true) : null,
    th(t('table.sourceRow')),
  );
  const body = rows.map((r) =>
    el(
      'tr',
      {},
      el('td', {}, text(r.place)), el('td', { class: 'num' }, text(String(r.year))), el('td', {}, text(r.breakdown)), el('td', {}, text(r.unit)),
      kind !== 'added' ? el('td', { class: 'num', 'data-before': true }, text(r.before)) : null,
      kind !== 'removed' ? el('td', { class: 'num', 'data-after': true }, text(r.after)) : null,
      el('td', {}, el('small', {}, text(r.sourceRef))),
    ),
  );
  const more = changes.length > rows.length ? el('p', {}, text(t('changes.more', { n: locale.number(changes.length - rows.length) }))) : null;
  return fragment(
    el(level === 3 ? 'h3' : 'h4', { id }, text(`${heading} (${locale.number(changes.length)})`)),
    el('div', { class: 'table-wrap', role: 'region', 'aria-labelledby': id, tabindex: '0' },
      el('table', { class: 'data-table change-table', 'data-change-kind': kind }, el('thead', {}, head), el('tbody', {}, body))),
    more,
  );
}

/** Every change of one indicator, source by source: revised, then added, then removed. */
export function indicatorChangesHtml(changes: ValueChange[], heading: (source: string) => string, idPrefix: string, level: 2 | 3, n: ChangeNames): string {
  const sources = [...new Set(changes.map((c) => c.source))];
  return sources
    .map((s) =>
      el(
        'section',
        {},
        el(level === 2 ? 'h2' : 'h3', {}, text(heading(s))),
        KINDS.map((k) => changeTableHtml(k, changes.filter((c) => c.source === s && c.kind === k), `${idPrefix}-${s}-${k}`, level === 2 ? 3 : 4, n)),
      ),
    )
    .join('');
}

/** Counts per indicator and source, each linking the indicator's own list. */
function groupsHtml(version: string, diff: ReleaseDiff, n: ChangeNames): string {
  const { t, number } = n.locale;
  const th = (label: string, numeric = false) => el('th', { scope: 'col', class: numeric ? 'num' : null }, text(label));
  const head = el('tr', {}, th(t('table.indicator')), th(t('table.source')), th(t('releases.added'), true), th(t('releases.revised'), true), th(t('releases.removed'), true), th(t('changes.details')));
  const body = diff.groups.map((g) =>
    el(
      'tr',
      {},
      el('td', {}, text(n.titles.indicator(g.indicator)), ' ', el('small', {}, el('code', {}, text(g.indicator)))),
      el('td', {}, text(n.titles.source(g.source))),
      el('td', { class: 'num' }, text(number(g.added))), el('td', { class: 'num' }, text(number(g.revised))), el('td', { class: 'num' }, text(number(g.removed))),
      el('td', {}, el('a', { href: `/releases/${version}/${g.indicator}/` }, text(t('changes.details')))),
    ),
  );
  return fragment(
    el('h2', { id: 'by-indicator' }, text(t('changes.byIndicator'))),
    el('div', { class: 'table-wrap', role: 'region', 'aria-labelledby': 'by-indicator', tabindex: '0' },
      el('table', { class: 'data-table', 'data-change-groups': true }, el('thead', {}, head), el('tbody', {}, body))),
  );
}

/** The comparison with the previous release: totals, counts per indicator, and the changes when they are few. */
function comparisonHtml(release: RuntimeRelease, previous: RuntimeRelease, diff: ReleaseDiff, n: ChangeNames): Child[] {
  const { t, number } = n.locale;
  const against = el('p', {}, text(t('changes.against', {
    previous: previous.version, date: previous.published,
    added: number(diff.counts.added), revised: number(diff.counts.revised), removed: number(diff.counts.removed), unchanged: number(diff.unchanged),
  })));
  if (diff.changes.length === 0) return [against, el('p', {}, text(t('changes.nothing')))];
  if (diff.changes.length > LISTED_ON_RELEASE_PAGE) return [against, groupsHtml(release.version, diff, n), el('p', {}, text(t('changes.listElsewhere', { n: number(diff.changes.length) })))];
  const indicators = [...new Set(diff.changes.map((c) => c.indicator))];
  return [
    against,
    groupsHtml(release.version, diff, n),
    el('h2', {}, text(t('changes.all'))),
    indicators.map((id) =>
      indicatorChangesHtml(diff.changes.filter((c) => c.indicator === id), (s) => `${n.titles.indicator(id)} — ${n.titles.source(s)}`, id, 3, n),
    ),
  ];
}

/**
 * The body of /releases/<version>/: what the release changed against `previous` (null for the first release, whose
 * `diff` is then null too). The page's title is `changes.title`.
 */
export function releaseChangesHtml(release: RuntimeRelease, previous: RuntimeRelease | null, diff: ReleaseDiff | null, n: ChangeNames): string {
  const { t } = n.locale;
  const base = `/data/${release.version}`;
  const [filesBefore, filesAfter] = splitSlot(t('changes.files', { files: SLOT }));
  const files = [el('a', { href: `${base}/observations.parquet` }, 'observations.parquet'), ', ', el('a', { href: `${base}/catalog.json` }, 'catalog.json')];
  return fragment(
    el('p', {}, el('a', { href: '/releases/' }, text(t('nav.releases')))),
    el('h1', {}, text(t('changes.title', { version: release.version }))),
    el('p', {}, text(t('changes.published', { date: release.published })), ' ', text(filesBefore), files, text(filesAfter)),
    !diff || !previous ? el('p', { 'data-nothing-to-compare': true }, text(t('changes.first'))) : comparisonHtml(release, previous, diff, n),
  );
}

/** The title of /releases/<version>/<indicator>/. */
export function indicatorChangesTitle(version: string, indicator: string, n: ChangeNames): string {
  return n.locale.t('changes.indicatorTitle', { indicator: n.titles.indicator(indicator), version });
}

/** The body of /releases/<version>/<indicator>/: every change of one indicator in the release, source by source. */
export function releaseIndicatorChangesHtml(version: string, indicator: string, diff: ReleaseDiff, n: ChangeNames): string {
  const { t } = n.locale;
  return fragment(
    el('p', {}, el('a', { href: `/releases/${version}/` }, text(t('changes.back', { version })))),
    el('h1', {}, text(indicatorChangesTitle(version, indicator, n))),
    indicatorChangesHtml(diff.changes.filter((c) => c.indicator === indicator), n.titles.source, 'c', 2, n),
  );
}
