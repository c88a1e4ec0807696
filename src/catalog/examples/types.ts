/** The code a catalog page shows for loading its data, one text per language, each runnable as shown. */
export interface CodeExamples {
  python: string;
  r: string;
  sql: string;
}
