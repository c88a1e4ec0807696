/**
 * Other names people type for a country, for site search only (the site always shows the UN M49 name). Keyed by ISO
 * 3166-1 alpha-3, never by name. Search also matches each country's M49 name, its short form (short-names.ts) and its
 * ISO alpha-2 and alpha-3 codes, whatever the case, accents or apostrophes ("cote d'ivoire", "turkiye"), so only
 * names that none of those give are listed here.
 *
 * Where each comes from (the `why` of an entry):
 * - former: the country's earlier official English name, as the UN recorded the change (Türkiye 2022, Eswatini 2018,
 *   Czechia 2016, Cabo Verde 2013, North Macedonia 2019, Côte d'Ivoire's request of 1985 to use its French name only);
 * - publisher: spelled so in a publisher's file this release reads (data/reference/aliases/<source>.csv);
 * - common: the everyday English short name or abbreviation (as used by e.g. the UK and US governments' own sites).
 */
export interface PlaceAlias {
  name: string;
  why: 'former' | 'publisher' | 'common';
}

const a = (why: PlaceAlias['why'], ...names: string[]): PlaceAlias[] => names.map((name) => ({ name, why }));

export const PLACE_ALIASES: Readonly<Record<string, readonly PlaceAlias[]>> = {
  ARE: a('common', 'UAE', 'Emirates'),
  BOL: a('publisher', 'Bolivia'),
  BRN: a('common', 'Brunei'),
  CIV: a('former', 'Ivory Coast'),
  COD: a('common', 'DRC', 'DR Congo', 'Congo-Kinshasa', 'Zaire'),
  COG: a('common', 'Republic of the Congo', 'Congo-Brazzaville'),
  CPV: a('former', 'Cape Verde'),
  CZE: a('publisher', 'Czech Republic'),
  FSM: a('common', 'Micronesia'),
  GBR: a('common', 'UK', 'United Kingdom', 'Britain', 'Great Britain'),
  IRN: a('publisher', 'Iran'),
  KOR: a('common', 'South Korea', 'Korea, Republic of'),
  LAO: a('publisher', 'Laos', 'Lao PDR'),
  MDA: a('common', 'Moldova'),
  MKD: a('former', 'Macedonia'),
  MMR: a('former', 'Burma'),
  NLD: a('publisher', 'Netherlands', 'Holland'),
  PRK: a('common', 'North Korea', 'DPRK'),
  PSE: a('common', 'Palestine'),
  RUS: a('common', 'Russia'),
  SWZ: a('publisher', 'Swaziland'),
  SYR: a('common', 'Syria'),
  TLS: a('former', 'East Timor'),
  TUR: a('former', 'Turkey'),
  TZA: a('publisher', 'Tanzania'),
  USA: a('common', 'USA', 'US', 'United States', 'America'),
  VAT: a('common', 'Vatican', 'Vatican City'),
  VEN: a('common', 'Venezuela'),
  VNM: a('publisher', 'Vietnam'),
};

/** The other names of a country (none for most). */
export function aliasesOf(iso3: string | null): string[] {
  return iso3 ? (PLACE_ALIASES[iso3] ?? []).map((x) => x.name) : [];
}
