import { indicatorDef, type IndicatorDef, type IndicatorSpec } from '../../model.ts';
import { DIM, REPORTERS, reporterPacking } from '../cites-codes.ts';
import { COUNT_ID, QUANTITY_ID } from './observations.ts';
import { SOURCE_ID } from './shipments.ts';

const CAVEAT =
  'A legal-trade reporting database: records with source code I are confiscated or seized specimens that were then traded (re-exported, donated…), not a register of seizures. Importer- and exporter-reported records of the same shipment are kept apart and must never be added. Annual reports lag: the last years are incomplete at download.';

/** Both indicators are flows from exporter to importer, split by the reporting party, as for the pangolin extract. */
const SPECS: IndicatorSpec[] = [
  {
    id: COUNT_ID,
    title: 'CITES trade records of confiscated or seized specimens (all taxa)',
    unit: 'shipment records',
    definition:
      'Number of CITES shipment records with source code I (confiscated or seized), by importer and year, broken down by exporter (category and counterpart) separately for each reporting party: dimensions "exporter (reported by importer)" and "exporter (reported by exporter)".',
    caveat: `${CAVEAT} Records with an unknown importer (XX) or the former USSR (SU) are in the shipment table only.`,
    breakdowns: ['category', 'counterpart'],
    dimensions: REPORTERS.map((s) => ({ name: DIM.exporter(s), exclusive: true, geo: true })),
    label_packing: reporterPacking('exporter'),
  },
  {
    id: QUANTITY_ID,
    title: 'Quantity of confiscated or seized specimens in CITES trade records (all taxa)',
    unit: 'unit of each record (specimens, kg, m3…)',
    definition:
      'Sum of the quantities of CITES shipment records with source code I (confiscated or seized), by importer, year, exporter (counterpart) and item traded (category, the CITES term), in the unit of the records (a blank CITES unit means number of specimens), separately for each reporting party: dimensions "item traded (reported by importer)" and "item traded (reported by exporter)".',
    caveat: `${CAVEAT} Quantities in different units are not comparable and are never added.`,
    breakdowns: ['category', 'counterpart'],
    dimensions: REPORTERS.map((s) => ({ name: DIM.item(s), exclusive: true })),
    label_packing: reporterPacking('item traded'),
  },
];

export const INDICATORS: IndicatorDef[] = SPECS.map((spec) => indicatorDef(SOURCE_ID, 'wildlife', spec));
