/** The breakdowns UNODC publishes in the `Dimension` column; any other stops the build. */
export type Dimension = 'Total' | 'by form of exploitation' | 'by citizenship' | 'by country of repatriation';

export const DIMENSIONS: Record<string, Dimension> = {
  Total: 'Total',
  'by form of exploitation': 'by form of exploitation',
  'by citizenship': 'by citizenship',
  'by country of repatriation': 'by country of repatriation',
};

/** The release's name (observations.dimension) of each breakdown UNODC publishes. */
export const FORM_DIMENSION = 'form of exploitation';
export const FLOW_DIMENSION: Record<Dimension, string> = {
  Total: 'total',
  'by form of exploitation': FORM_DIMENSION,
  'by citizenship': 'citizenship',
  'by country of repatriation': 'country of repatriation',
};

/** Forms of exploitation, the categories of the form dimension. */
export const FORMS: Record<string, string> = {
  'Sexual exploitation': 'Sexual exploitation',
  'Forced labour': 'Forced labour',
  'Other forms of exploitation': 'Other forms of exploitation',
};

export const OTHER_FORMS = 'Other forms of exploitation';
