import { unodcLabelColumns } from '../unodc-common.ts';

/** GLOTIP's label columns and what the release makes of each (catalog.json and the data page show it). */
export const LABEL_COLUMNS = unodcLabelColumns({
  indicator: {
    release: 'indicator',
    how: 'One indicator per UNODC Indicator (tip_victims_detected, tip_persons_convicted, tip_persons_prosecuted, tip_persons_formal_contact, tip_offences); its by-citizenship and by-country-of-repatriation rows are indicators of their own (tip_victims_by_citizenship, tip_persons_convicted_by_citizenship, tip_victims_repatriated_from).',
  },
  dimension: {
    release: 'dimension (and indicator)',
    how: "Total → 'total'; by form of exploitation → 'form of exploitation'; by citizenship → 'citizenship' and by country of repatriation → 'country of repatriation', each in its flow indicator.",
  },
  category: {
    release: 'category, counterpart',
    how: "Total → 'total'; forms of exploitation as published. A citizenship or repatriation label that names a country becomes its geo code, in category and counterpart (the published spelling goes to note when it differs); a label that names no country stays a category (translations merged: DESCONOCIDA → Unknown), and Nationals by citizenship has the reporting country as counterpart.",
  },
  sex: { release: 'sex', how: 'Total, Female, Male, Other, Unknown → total, female, male, other, unknown.' },
  age: { release: 'age', how: "Total → total; 0 to 17 years → 0-17; 18 years or over → 18+; Unknown → unknown." },
  unit: { release: 'unit', how: "Always Counts (checked): persons, or offences for Offences of trafficking in persons." },
  source: { release: '—', how: 'Always GLOTIP (checked); the release does not repeat it.' },
});
