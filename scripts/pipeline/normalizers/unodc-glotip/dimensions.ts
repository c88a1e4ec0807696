/** The breakdowns UNODC publishes in the `Dimension` column; any other stops the build. */
export type Dimension = 'Total' | 'by form of exploitation' | 'by citizenship' | 'by country of repatriation';

export const DIMENSIONS: Record<string, Dimension> = {
  Total: 'Total',
  'by form of exploitation': 'by form of exploitation',
  'by citizenship': 'by citizenship',
  'by country of repatriation': 'by country of repatriation',
};

/** Forms of exploitation, the categories of the form dimension. */
export const FORMS: Record<string, string> = {
  'Sexual exploitation': 'Sexual exploitation',
  'Forced labour': 'Forced labour',
  'Other forms of exploitation': 'Other forms of exploitation',
};

export const OTHER_FORMS = 'Other forms of exploitation';
