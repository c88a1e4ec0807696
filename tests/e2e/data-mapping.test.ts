/**
 * The data page's mapping from the publishers' columns to the release's, read from the built page on disk: per
 * source that keeps its labels, one row per label column the catalog lists (the publisher's column, the
 * publisher_labels column that keeps it, the release column, how), covering every column of publisher_labels; and
 * every indicator whose labels pack two things, with the explanation.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './support/server.ts';
import { BUILT, title } from './support/suite.ts';
import { parseTable, textOf } from '../support/figure-html.ts';

interface LabelColumn { published: string; kept_as: string; release: string; how: string }

/** Cell text without white space: the page may break a long column name (<wbr>) where the catalog has none. */
const squash = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!BUILT)(title("the data page's mapping of the publishers' columns"), () => {
  const pointer = BUILT ? JSON.parse(readFileSync(join(DIST, 'data', 'current.json'), 'utf8')) : null;
  const catalog = BUILT ? JSON.parse(readFileSync(join(DIST, 'data', pointer.version, 'catalog.json'), 'utf8')) : null;
  const html = BUILT ? readFileSync(join(DIST, 'data', 'index.html'), 'utf8') : '';

  it('shows, for each dataUNODC source, every label column: where publisher_labels keeps it, the release column and how', () => {
    const labelled = catalog.sources.filter((s: { label_columns: LabelColumn[] }) => s.label_columns.length > 0);
    expect(labelled.map((s: { id: string }) => s.id).sort()).toEqual(['unodc-cts-cyber-offences', 'unodc-glotip', 'unodc-iafq']);
    const kept = catalog.datasets.find((d: { name: string }) => d.name === 'publisher_labels').columns.map((c: { name: string }) => c.name).filter((n: string) => n.startsWith('publisher_'));
    for (const s of labelled as { id: string; label_columns: LabelColumn[] }[]) {
      const table = new RegExp(`<table\\b[^>]*data-label-columns="${s.id}"[^>]*>[\\s\\S]*?</table>`).exec(html);
      expect(table, s.id).not.toBeNull();
      const rows = parseTable(table![0]).rows.map((r) => r.map(squash));
      expect(rows, s.id).toEqual(s.label_columns.map((c) => [squash(`${c.published} ${c.kept_as}`), squash(c.release), squash(c.how)]));
      expect(s.label_columns.map((c) => c.kept_as).sort(), `${s.id} names every column of publisher_labels`).toEqual([...kept].sort());
    }
  });

  it('lists every indicator whose labels pack two things, with why the release keeps them whole', () => {
    const packed = catalog.indicators.filter((i: { label_packing: string | null }) => i.label_packing !== null);
    expect(packed.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(['fa_arms_seized_by_tracing', 'ctx_offences_bribery', 'wl_cites_confiscated_shipments']));
    const list = /<dl class="label-packing"[^>]*>([\s\S]*?)<\/dl>/.exec(html)?.[1] ?? '';
    const text = textOf(list);
    for (const i of packed as { id: string; label_packing: string }[]) {
      expect(text, i.id).toContain(i.id);
      expect(text, i.id).toContain(textOf(i.label_packing));
    }
  });
});
