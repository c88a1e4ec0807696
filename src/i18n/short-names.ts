/**
 * English short forms of long UN country names, for the names drawn on charts (legends, direct labels, bar labels,
 * map labels), where "United Kingdom of Great Britain and Northern Ireland" would be cut to "United Kingdom of Grea…".
 * Tables, tooltips and descriptions keep the full UN name. Keyed by ISO 3166-1 alpha-3, never by name.
 * Only common, unambiguous forms are listed; names whose short form is disputed keep their UN name.
 */
const SHORT: Readonly<Record<string, string>> = {
  BOL: 'Bolivia',
  BRN: 'Brunei',
  CAF: 'Central African Rep.',
  COD: 'DR Congo',
  DOM: 'Dominican Rep.',
  FSM: 'Micronesia',
  GBR: 'United Kingdom',
  HKG: 'Hong Kong',
  IRN: 'Iran',
  KOR: 'South Korea',
  LAO: 'Laos',
  MAC: 'Macao',
  MDA: 'Moldova',
  NLD: 'Netherlands',
  PRK: 'North Korea',
  PSE: 'Palestine',
  RUS: 'Russia',
  SYR: 'Syria',
  TUR: 'Türkiye',
  TZA: 'Tanzania',
  UMI: 'US Minor Outlying Islands',
  USA: 'United States',
  VEN: 'Venezuela',
  VIR: 'US Virgin Islands',
};

/** The short name of a country for drawing, or its full name when it has none (regions, short names, unknown codes). */
export function shortName(geo: string, fullName: string): string {
  return SHORT[geo] ?? fullName;
}
