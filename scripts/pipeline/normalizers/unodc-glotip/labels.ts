import { nameKey } from '../../reference/geo-index.ts';

/** A citizenship or repatriation label that names no country. */
export interface LabelRule {
  /** Published labels (compared by nameKey: case, accents and punctuation do not matter). */
  labels: string[];
  /** The category shown; the published label goes to the note when it differs. */
  category: string;
  /** Citizens of the reporting country (counterpart = geo) — only meaningful by citizenship. */
  self?: boolean;
  note?: string;
}

const R = '\uFFFD'; // the file has replacement characters where accents were lost (e.g. "pa\uFFFDs" for "país")

/**
 * Non-country labels, kept as categories with counterpart null. Translations of the same notion are merged under one
 * English label (the published one stays in the note); everything else keeps its published label.
 */
export const NON_COUNTRY_LABELS: readonly LabelRule[] = [
  { labels: ['Nationals', `Ciudadanos de su pa${R}s`, 'own country'], category: 'Nationals', self: true },
  { labels: ['Abroad'], category: 'Abroad' },
  { labels: [`Personnes de nationalit${R} ${R}trang${R}re`], category: 'Foreign nationals' },
  {
    labels: ['Unknown', 'DESCONOCIDA', 'Desconocido', 'Inconnue', 'NO DETERMINADA', 'Sin determinar', 'no information', 'NO REGISTRA', 'N/A'],
    category: 'Unknown',
  },
  { labels: ['Stateless'], category: 'Stateless' },
  { labels: ['OTROS', '(especifique otras nacionalidades)'], category: 'Other' },
  { labels: [`(especifique el pa${R}s)`], category: 'Country not specified', note: 'questionnaire placeholder "(specify the country)" left unfilled' },
  { labels: ['TOTAL', 'TOTAL POR AÑO'], category: 'total', note: 'total of the breakdown as published by the reporting country' },
  { labels: ['Africa others'], category: 'Africa others' },
  { labels: ['Asia others'], category: 'Asia others' },
  { labels: ['Europe others'], category: 'Europe others' },
  { labels: ['EU-28 others'], category: 'EU-28 others' },
  { labels: ['Amercias'], category: 'Americas' },
  { labels: ['Central africa'], category: 'Central Africa' },
  { labels: ['Caribbean (Trinidad and Tobago, Barbados, etc)'], category: 'Caribbean (Trinidad and Tobago, Barbados, etc)' },
  { labels: ['Other Countries (Dominica, Panama, French Guiana, Brazil, etc.)'], category: 'Other Countries (Dominica, Panama, French Guiana, Brazil, etc.)' },
  { labels: ['European Economic Area'], category: 'European Economic Area' },
  { labels: ['M49 Region: Africa'], category: 'M49 Region: Africa' },
  { labels: ['M49 Region: Americas'], category: 'M49 Region: Americas' },
  { labels: ['M49 Region: Asia'], category: 'M49 Region: Asia' },
  { labels: ['Former Yugoslavia'], category: 'Former Yugoslavia' },
  { labels: ['Former Czechoslovakia'], category: 'Former Czechoslovakia' },
  { labels: ['The former Netherlands Antilles'], category: 'The former Netherlands Antilles' },
  { labels: ['Disputed'], category: 'Disputed' },
  { labels: ['Rohingya'], category: 'Rohingya', note: 'an ethnic group, largely stateless; not a country' },
  { labels: ['Congolese'], category: 'Congolese', note: 'ambiguous: Congo or the Democratic Republic of the Congo' },
  { labels: ['Nationality'], category: 'Nationality', note: 'label as published; its meaning is not documented (a residual line in the reporting country\'s table)' },
  { labels: ['without'], category: 'without', note: 'label as published (Germany); probably without citizenship or without information' },
  { labels: ['3 nigériens et 1 tunisien'], category: '3 nigériens et 1 tunisien', note: 'free text from the questionnaire: three Nigeriens and one Tunisian' },
];

const LABEL_INDEX: ReadonlyMap<string, LabelRule> = new Map(NON_COUNTRY_LABELS.flatMap((rule) => rule.labels.map((l) => [nameKey(l), rule] as const)));

/** The rule for a published label, if it names no country. */
export function nonCountryRule(label: string): LabelRule | undefined {
  return LABEL_INDEX.get(nameKey(label));
}
