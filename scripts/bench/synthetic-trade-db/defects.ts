/**
 * The bad records the generator plants, one of each kind per file, each with exactly one defect so the column and
 * value that must quarantine it are known in advance. The bench compares the release's quarantine with this list.
 */
import type { Column } from './layout.ts';

export interface Defect {
  kind: string;
  /** null for a blank row (no single column decides it). */
  column: Column | null;
  /** The cell as written; '' = empty. */
  value: string;
}

export function defects(releaseYear: number, unknownCodes: [string, string, string]): Defect[] {
  const [imp, exp, orig] = unknownCodes;
  return [
    { kind: 'blank row', column: null, value: '' },
    { kind: 'id missing', column: 'Id', value: '' },
    { kind: 'year unreadable', column: 'Year', value: 'c.1990' },
    { kind: 'year out of range', column: 'Year', value: '1850' },
    { kind: 'year after the release', column: 'Year', value: String(releaseYear + 8) },
    { kind: 'appendix unknown', column: 'Appendix', value: 'IV' },
    { kind: 'taxon missing', column: 'Taxon', value: '' },
    { kind: 'term missing', column: 'Term', value: '' },
    { kind: 'quantity missing', column: 'Quantity', value: '' },
    { kind: 'quantity unreadable', column: 'Quantity', value: '12 kg' },
    { kind: 'quantity negative', column: 'Quantity', value: '-3' },
    { kind: 'importer unknown', column: 'Importer', value: imp },
    { kind: 'exporter unknown', column: 'Exporter', value: exp },
    { kind: 'origin unknown', column: 'Origin', value: orig },
    { kind: 'purpose unknown', column: 'Purpose', value: 'K' },
    { kind: 'source unknown', column: 'Source', value: 'Z' },
    { kind: 'reporter unknown', column: 'Reporter.type', value: 'X' },
  ];
}
