/** An upload's outcome in words: the problem that stopped it, or how the new table joins the release. Pure. */
import type { Locale } from '../../charts/types.ts';
import type { UploadProblem } from '../../explore/csv-stream.ts';
import type { UploadPlan } from '../../explore/upload-table.ts';

const mb = (n: number, locale: Locale) => locale.number(Math.round(n / 1e5) / 10, 1);

export function uploadProblemText(p: UploadProblem, name: string, locale: Locale): string {
  switch (p.reason) {
    case 'too-big': return locale.t('explore.upload.tooBig', { name, size: mb(p.bytes, locale), limit: mb(p.limit, locale) });
    case 'encoding': return locale.t('explore.upload.encoding', { name, line: locale.number(p.line) });
    case 'malformed': return locale.t('explore.upload.malformed', { name, record: locale.number(p.record), what: p.what });
    case 'ragged': return locale.t('explore.upload.ragged', { name, record: locale.number(p.record), got: p.got, expected: p.expected });
    case 'no-header': return locale.t('explore.upload.noHeader', { name });
    case 'no-rows': return locale.t('explore.upload.noRows', { name });
    case 'unreadable': return locale.t('explore.upload.unreadable', { name, message: p.message });
  }
}

/** What the page says once the table exists: its size, its join, and the codes that matched nothing. */
export function uploadReport(plan: UploadPlan, locale: Locale): { summary: string[]; unmatched: string[]; more: string | null } {
  const summary = [locale.t('explore.upload.done', { table: plan.table, rows: locale.number(plan.rows), columns: locale.number(plan.columns.length) })];
  summary.push(locale.t('explore.upload.columns', { list: plan.columns.map((col) => `${col.name} (${col.type})`).join(', ') }));
  const c = plan.codes;
  if (!c) {
    summary.push(locale.t('explore.upload.noKey'));
  } else {
    const matched = plan.rows - c.mapped.unmatchedRows - c.mapped.emptyRows;
    const kind = c.kind === 'iso3' ? 'ISO3' : 'M49';
    const params = { column: c.header, kind, year: plan.year ?? '', matched: locale.number(matched), rows: locale.number(plan.rows) };
    summary.push(plan.year === null ? locale.t('explore.upload.joinsNoYear', params) : locale.t('explore.upload.joins', params));
    if (c.mapped.emptyRows > 0) summary.push(locale.t('explore.upload.noCode', { rows: locale.number(c.mapped.emptyRows) }));
    if (c.mapped.unmatchedCodes > 0) summary.push(locale.t('explore.upload.unmatched', { codes: locale.number(c.mapped.unmatchedCodes), rows: locale.number(c.mapped.unmatchedRows) }));
  }
  const unmatched = c?.mapped.unmatched ?? [];
  const more = c && c.mapped.unmatchedCodes > unmatched.length ? locale.t('explore.upload.unmatchedMore', { more: locale.number(c.mapped.unmatchedCodes - unmatched.length) }) : null;
  return { summary, unmatched, more };
}
