/** The manifest of a synthetic Trade Database: the publisher's layout, the generated files' checksums and rows. */
import type { SourceManifest } from '../../pipeline/manifest.ts';
import { HEADER } from './layout.ts';
import type { Expected } from './generate.ts';

export const SYNTHETIC_ID = 'cites-trade-db';

export function syntheticManifest(expected: Expected, releaseDate: string): SourceManifest {
  return {
    id: SYNTHETIC_ID,
    domain: 'wildlife',
    feeds: ['wildlife'],
    core: false,
    title: 'CITES Trade Database – bulk shipment-level download (synthetic, for the scale bench)',
    publisher: 'synthetic: scripts/bench/synthetic-trade-db (layout of the CITES Secretariat / UNEP-WCMC bulk download)',
    release_date: releaseDate,
    url: 'https://trade.cites.org/',
    licence: 'synthetic test data',
    redistribution: { status: 'allowed', reason: 'synthetic test data, made by scripts/bench' },
    citation: 'Synthetic data in the layout of the Full CITES Trade Database Download (trade_db_<n>.csv).',
    caveats: ['Synthetic: generated for the scale bench; no value describes real trade.'],
    files: expected.files.map((f) => ({
      name: f.name,
      url: null,
      sha256: f.sha256,
      rows: f.rows,
      format: 'csv',
      header_row: 1,
      columns: [...HEADER],
    })),
  };
}
