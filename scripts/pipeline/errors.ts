/** Where in a publisher's file a problem was found, as a person opening the file would see it. */
export interface CellLocation {
  file: string;
  sheet?: string | undefined;
  /** 1-based row number as shown by a spreadsheet program (the header row counts). */
  row?: number | undefined;
  column?: string | undefined;
}

export function formatLocation(loc: CellLocation): string {
  const parts = [`file ${loc.file}`];
  if (loc.sheet !== undefined) parts.push(`sheet ${loc.sheet}`);
  if (loc.row !== undefined) parts.push(`row ${loc.row}`);
  if (loc.column !== undefined) parts.push(`column ${loc.column}`);
  return parts.join(', ');
}

/**
 * A defect in the input that must stop the release. The message always names the place,
 * so whoever maintains the manifest can open the file and look.
 */
export class PipelineError extends Error {
  readonly location: CellLocation;
  readonly problem: string;
  constructor(location: CellLocation, problem: string) {
    super(`${formatLocation(location)}: ${problem}`);
    this.name = 'PipelineError';
    this.location = location;
    this.problem = problem;
  }
}
