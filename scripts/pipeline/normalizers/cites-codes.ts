/**
 * The CITES Trade Database's code tables and the reading of its shipment records that every CITES source shares
 * (the pangolin extract and the full bulk download): what each code means, which codes are not places, and how
 * the two reporting sides are kept apart.
 */
import type { GeoIndex } from '../reference/geo-index.ts';

/** CITES source codes (Res. Conf. 12.3); I = confiscated or seized specimens. */
export const SOURCE_CODES: Record<string, string> = {
  W: 'W', R: 'R', D: 'D', A: 'A', C: 'C', F: 'F', U: 'U', I: 'I', O: 'O', X: 'X', Y: 'Y',
};
/** CITES purpose codes. */
export const PURPOSE_CODES: Record<string, string> = {
  T: 'T', P: 'P', S: 'S', E: 'E', Z: 'Z', L: 'L', Q: 'Q', M: 'M', H: 'H', B: 'B', G: 'G', N: 'N',
};
/** Which party reported the record. */
export const REPORTER = { I: 'importer', E: 'exporter' } as const;
export type Reporter = (typeof REPORTER)[keyof typeof REPORTER];
export const APPENDIX = { I: 'I', II: 'II', III: 'III' } as const;

/** The source code of confiscated or seized specimens: the only one that relates to enforcement. */
export const SEIZED_SOURCE = 'I';

/** A blank CITES unit means a number of specimens. */
export const BLANK_UNIT_LABEL = 'specimens';

/** Codes in the CITES database that are not places of today's ISO list; the record keeps the code, geo stays null. */
export const NOT_A_PLACE: Record<string, string> = {
  XX: 'XX = unknown (CITES code, not a place)',
  SU: 'SU = former USSR (CITES keeps the code for reports naming it); not attributable to a current country',
};

/** ISO 3166-1 alpha-2 → the geo code of that country, from the geography table. */
export function iso2Index(geo: GeoIndex): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of geo.rows.values()) if (g.iso2 && g.iso3) out.set(g.iso2, g.geo);
  return out;
}

/**
 * Each reporting side is its own breakdown: the same shipment can be in both, so a dimension never mixes them. The
 * shipment counts break down by exporter (a place: category = counterpart), the quantities by item traded.
 */
export const DIM = {
  exporter: (s: { reporter: Reporter }) => `exporter (reported by ${s.reporter})`,
  item: (s: { reporter: Reporter }) => `item traded (reported by ${s.reporter})`,
};
/**
 * Why a dimension's name carries the reporting party (catalog.json `label_packing`): the site stacks the parts of one
 * dimension, and the two parties report the same shipments.
 */
export function reporterPacking(breakdown: 'exporter' | 'item traded'): string {
  return (
    `Each dimension packs two things: the breakdown (${breakdown}) and the party that reported the records ("${breakdown} (reported by importer)", "${breakdown} (reported by exporter)"). ` +
    'Both parties report the same shipments, and the parts of one dimension are stacked on charts; with the party in a column of its own, one dimension would stack the two reports of the same shipments and count them twice. So the party stays in the dimension: filter on dimension to keep one side.'
  );
}

export const REPORTERS: { reporter: Reporter }[] = Object.values(REPORTER).map((reporter) => ({ reporter }));

/** An exporter that is no place of today's list keeps its CITES code in the label. */
export function exporterCategory(exporter: { code: string | null; geo: string | null }): string {
  return exporter.geo ?? (exporter.code === null ? 'exporter not given' : `exporter code ${exporter.code}`);
}

/** Why a flow has no counterpart. */
export function exporterNote(exporter: { code: string | null; geo: string | null }): string | null {
  return exporter.geo === null ? `exporter not known (${exporter.code ?? 'blank'})` : null;
}
