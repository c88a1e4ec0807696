/**
 * A map's data path on the release this site is built from (public/data): the publishers' groupings (GLOTIP's UNODC
 * codes, membership not published) have values of their own for the indicators they report, and none of them reaches
 * a map. The groupings are found by the geo table's kind, read here with DuckDB directly from the Parquet, not through
 * the site's loaders.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { mapValues, yearsOf } from '../../src/data/load.ts';

const DATA = join(process.cwd(), 'public', 'data');
const RELEASE = existsSync(join(DATA, 'current.json')) ? join(DATA, (JSON.parse(readFileSync(join(DATA, 'current.json'), 'utf8')) as { version: string }).version) : null;

describe.skipIf(RELEASE === null)('maps and the UNODC groupings', () => {
  it('leaves every grouping off the map of each indicator it has a value for', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (
      await conn.runAndReadAll(
        `SELECT o.indicator, list(DISTINCT o.geo ORDER BY o.geo) AS groupings
         FROM read_parquet('${join(RELEASE!, 'observations.parquet')}') o JOIN read_parquet('${join(RELEASE!, 'geo.parquet')}') g USING (geo)
         WHERE g.kind = 'unodc grouping' AND o.dimension = 'total' AND o.sex = 'total' AND o.age = 'total' AND o.counterpart IS NULL
         GROUP BY o.indicator ORDER BY o.indicator`,
      )
    ).getRowObjectsJson() as { indicator: string; groupings: string[] }[];
    // The groupings do have totals to leak: victims, convictions, prosecutions, formal contacts, offences.
    expect(rows.map((r) => r.indicator)).toEqual(['tip_offences', 'tip_persons_convicted', 'tip_persons_formal_contact', 'tip_persons_prosecuted', 'tip_victims_detected']);
    for (const { indicator, groupings } of rows) {
      const drawn = new Set((await mapValues(indicator, yearsOf(indicator))).map((d) => d.geo));
      expect(drawn.size, indicator).toBeGreaterThan(50);
      expect(groupings.filter((g) => drawn.has(g)), indicator).toEqual([]);
    }
  });
});
