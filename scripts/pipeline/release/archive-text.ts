/** The text files the release archive carries besides the data: README.txt and LICENCES.txt. */
import type { SourceManifest } from '../manifest.ts';
import type { ReleaseDataset } from './tables.ts';
import type { Downloads } from './write-downloads.ts';

export interface ArchiveTextInput {
  version: string;
  releaseDate: string | null;
  tables: readonly ReleaseDataset[];
  downloads: Downloads;
  manifests: readonly SourceManifest[];
  /** CSVs too large for the archive (pack-archive.ts), offered on their own. */
  apart: { files: readonly { name: string; bytes: number }[]; limit: number };
}

const CRLF = (lines: string[]) => lines.map((l) => `${l}\r\n`).join('');

export function archiveReadme(input: ArchiveTextInput): string {
  const offered = input.tables.filter((t) => input.downloads.tables.some((d) => d.table === t.name));
  const withheld = input.downloads.withheld.map((w) => {
    const links = w.sources.map((id) => input.manifests.find((m) => m.id === id)).map((m) => (m ? `${m.publisher}, ${m.url}` : ''));
    return `  ${w.table}: not included; the publisher's terms do not allow redistribution. Get it from ${links.join('; ')}`;
  });
  return CRLF([
    `Crime Trends Observatory, data release ${input.version}${input.releaseDate ? ` (sources up to ${input.releaseDate})` : ''}`,
    '',
    'WHAT EACH FILE IS',
    ...offered.map((t) => {
      const d = input.downloads.tables.find((x) => x.table === t.name)!;
      return `  ${t.name}.parquet, ${d.csv}: ${t.title}. ${t.description}`;
    }),
    '  csv/indicators/<id>.csv: one indicator\'s rows of observations (the same columns), one value per row.',
    '  csv/indicators/<id>_wide.csv: the same indicator, one row per place and breakdown (geo, sex, age, dimension,',
    '    category, counterpart, unit) and one column per year. It drops source_ref, bounds and notes: use the long file',
    '    to trace a value back to the publisher\'s row.',
    '  quality.json: places where a publisher\'s file contradicts itself.',
    '  datapackage.json: Frictionless Data Package; every CSV with its column types, allowed values, keys and licences.',
    '  LICENCES.txt: each source\'s terms and citation. SHA256SUMS: check with `sha256sum -c SHA256SUMS`.',
    ...(withheld.length > 0 ? ['', 'NOT INCLUDED', ...withheld, '  Their yearly figures stay in observations.'] : []),
    ...(input.apart.files.length > 0
      ? [
          '',
          `ON THEIR OWN (a CSV over ${input.apart.limit.toLocaleString('en')} bytes is not in this archive)`,
          ...input.apart.files.map((f) => `  ${f.name} (${f.bytes.toLocaleString('en')} bytes): download it from the release folder, beside this archive.`),
          '  The table\'s Parquet file in this archive holds the same rows; datapackage.json gives each file\'s sha256.',
        ]
      : []),
    '',
    'HOW VALUES ARE WRITTEN',
    '  CSV: UTF-8 without a byte-order mark, RFC 4180 (comma, CRLF line ends, fields with a comma, quote or line break',
    '  in double quotes). A text cell that a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or',
    '  a carriage return, and is not a plain number) is written with an apostrophe in front; Parquet keeps it exact.',
    '  Missing: an empty cell (null in Parquet). Missing is not zero.',
    '  Censored: a publisher\'s suppressed or bounded value ("<5": between 1 and 4; ">=114": at least 114). In the long',
    '  files and Parquet, `value` is empty, `censored` holds the mark, `value_min` and `value_max` the bounds (an empty',
    '  value_max: no upper bound). In a wide file the cell holds the mark itself, never a number.',
    '',
    'A TRAP: SUMMING CENSORED CELLS',
    '  pandas pivot_table(aggfunc="sum") and a spreadsheet SUM count an empty (censored or missing) cell as 0 and say',
    '  nothing: a total over "<5" cells is then too low, and a sum of rows with nothing but censored cells reads 0. Keep',
    '  censored rows apart (filter on `censored`), or sum value_min and value_max for a range. Never add categories of',
    '  different dimensions: they describe the same things twice.',
    '',
    'CITATION',
    `  Crime Trends Observatory, data release ${input.version}. Cite the publishers as well; their citations are in`,
    '  LICENCES.txt.',
  ]);
}

export function archiveLicences(manifests: readonly SourceManifest[]): string {
  return CRLF(
    manifests.flatMap((m) => [
      `${m.id}: ${m.publisher}, ${m.title}`,
      `  Terms: ${m.licence}`,
      `  Redistribution: ${m.redistribution.status}. ${m.redistribution.reason}`,
      `  Cite: ${m.citation}`,
      `  From: ${m.url}`,
      '',
    ]),
  );
}
