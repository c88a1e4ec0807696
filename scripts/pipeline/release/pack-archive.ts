/** Chooses what the release archive holds (archive-text.ts, write-archive.ts) and writes it into the release folder. */
import { join } from 'node:path';
import { sha256 } from '../resolve-files.ts';
import type { CatalogInput, WrittenFile } from './catalog.ts';
import { archiveLicences, archiveReadme } from './archive-text.ts';
import { fileEntry, sha256sums, writeArchive, type ArchiveEntry } from './write-archive.ts';
import { archivePath } from './download-paths.ts';
import { hashFile } from './files.ts';

function textEntry(name: string, text: string): ArchiveEntry {
  return { name, from: { text }, sha256: sha256(Buffer.from(text, 'utf8')) };
}

/**
 * A CSV over this many bytes is offered on its own, not in the archive; its table's Parquet, which holds the same
 * rows, is. A zip without Zip64 records (fflate writes none) holds at most 4 GiB, and the 23 M-row Trade Database's
 * CSV alone is 4.27 GB: the real database would have stopped the release. Deflating it also took 25–40 s of the
 * pipeline's five minutes, for a copy of rows the archive already carries as Parquet.
 */
export const ARCHIVE_CSV_LIMIT = 2 ** 30;

/**
 * Every offered table's Parquet and CSV, every indicator's CSVs, quality.json and datapackage.json, with README.txt,
 * LICENCES.txt and SHA256SUMS over all of them. View files are the site's layout of observations and stay out; a
 * withheld table (redistribution.ts) stays out; a CSV over `csvLimit` bytes stays out and README.txt says where it is.
 */
export async function packArchive(dir: string, input: CatalogInput, csvLimit = ARCHIVE_CSV_LIMIT): Promise<WrittenFile> {
  const { downloads } = input;
  const names = [
    ...downloads.tables.flatMap((d) => [`${d.table}.parquet`, d.csv]),
    ...downloads.indicators.flatMap((i) => [i.csv, i.wide]),
    'quality.json',
    'datapackage.json',
  ];
  const files = names.map((name) => {
    const f = input.files.find((x) => x.name === name);
    if (!f) throw new Error(`archive: ${name} is not among the release's files`);
    return f;
  });
  const apart = files.filter((f) => f.name.endsWith('.csv') && f.bytes > csvLimit);
  const entries = files.filter((f) => !apart.includes(f)).map((f) => fileEntry(dir, f));
  const releaseDate = [...input.manifests.map((m) => m.release_date)].sort().at(-1) ?? null;
  entries.push(textEntry('README.txt', archiveReadme({ version: input.version, releaseDate, tables: input.tables, downloads, manifests: input.manifests, apart: { files: apart, limit: csvLimit } })));
  entries.push(textEntry('LICENCES.txt', archiveLicences(input.manifests)));
  entries.push(textEntry('SHA256SUMS', sha256sums(entries)));
  const name = archivePath(input.version);
  await writeArchive(join(dir, name), entries);
  return { name, ...(await hashFile(join(dir, name))) };
}
