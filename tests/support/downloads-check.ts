/**
 * Checks a release's downloads with readers other than the ones that wrote them: CSVs parsed by d3-dsv against the
 * Parquet read by hyparquet, the archive unpacked by the `unzip` binary, the descriptor by the Frictionless packages.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { Package } from 'datapackage';
import { Table } from 'tableschema';
import { tempDir } from './fixtures.ts';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export async function readParquet(path: string): Promise<Record<string, unknown>[]> {
  return parquetReadObjects({ file: await asyncBufferFromFile(path), compressors });
}

/** Header and rows of an RFC 4180 file; it must use CRLF line ends throughout and end with one. */
export function readCsv(path: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(path, 'utf8');
  if (!text.endsWith('\r\n') || /[^\r]\n/.test(text.replace(/"[^"]*"/g, ''))) throw new Error(`${path}: not CRLF throughout`);
  const [header, ...rows] = csvParseRows(text.slice(0, -2));
  return { header: header ?? [], rows };
}

/** What a Parquet cell must look like in the CSV: numbers plain, dates as YYYY-MM-DD, formula-like text behind an apostrophe. */
export function expectedCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  return /^[=+\-@\t\r]/.test(s) && !/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s) ? `'${s}` : s;
}

/** The CSV equals these Parquet rows row for row and cell for cell, in the Parquet's column order. */
export function expectCsvEqualsRows(csvPath: string, rows: readonly Record<string, unknown>[], columns: readonly string[]): number {
  const csv = readCsv(csvPath);
  if (JSON.stringify(csv.header) !== JSON.stringify(columns)) throw new Error(`${csvPath}: header ${csv.header.join(',')} ≠ Parquet ${columns.join(',')}`);
  if (csv.rows.length !== rows.length) throw new Error(`${csvPath}: ${csv.rows.length} rows, Parquet ${rows.length}`);
  rows.forEach((r, i) => {
    const want = columns.map((c) => expectedCell(r[c]));
    const got = csv.rows[i]!;
    if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`${csvPath} row ${i + 2}: ${JSON.stringify(got)} ≠ Parquet ${JSON.stringify(want)}`);
  });
  return rows.length;
}

/** Every offered table's CSV and every indicator's long CSV against the Parquet; returns the rows compared. */
export async function expectDownloadsEqualParquet(dir: string, catalog: { datasets: { path: string; columns: { name: string }[]; csv: { path: string } | null }[]; indicators: { id: string; downloads: { csv: { path: string } | null } | null }[] }): Promise<number> {
  let n = 0;
  for (const d of catalog.datasets.filter((x) => x.csv)) n += expectCsvEqualsRows(join(dir, d.csv!.path), await readParquet(join(dir, d.path)), d.columns.map((c) => c.name));
  const observations = await readParquet(join(dir, 'observations.parquet'));
  const columns = catalog.datasets.find((d) => d.path === 'observations.parquet')!.columns.map((c) => c.name);
  const byIndicator = new Map<string, Record<string, unknown>[]>();
  for (const r of observations) {
    const id = String(r['indicator']);
    const group = byIndicator.get(id);
    if (group) group.push(r);
    else byIndicator.set(id, [r]);
  }
  for (const i of catalog.indicators.filter((x) => x.downloads?.csv)) n += expectCsvEqualsRows(join(dir, i.downloads!.csv!.path), byIndicator.get(i.id) ?? [], columns);
  return n;
}

/** Unpacks with the `unzip` binary and checks every SHA256SUMS line against the unpacked bytes; returns the folder and its names. */
export function unpackArchive(zip: string): { dir: string; sums: Map<string, string>; names: string[] } {
  const dir = tempDir('cto-unzip-');
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter((l) => l !== '' && !l.endsWith('/'));
  const sums = new Map<string, string>();
  for (const line of readFileSync(join(dir, 'SHA256SUMS'), 'utf8').split('\n').filter(Boolean)) {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!m) throw new Error(`SHA256SUMS: not a sha256sum line: ${line}`);
    sums.set(m[2]!, m[1]!);
  }
  for (const [name, hash] of sums) if (sha256(readFileSync(join(dir, name))) !== hash) throw new Error(`archive: ${name} does not match SHA256SUMS`);
  return { dir, sums, names };
}

export interface ValidatorReport {
  valid: boolean;
  errors: string[];
  /** Tabular resources read and checked (types, constraints, keys, foreign keys). */
  resources: number;
  rows: number;
  /** The tabular resources alone, under the tabular-data-package profile. */
  tabularPackageValid: boolean;
}

/** Loads the descriptor with `datapackage`, reads every CSV resource with its relations, and each again with `tableschema`. */
export async function validatePackage(dir: string): Promise<ValidatorReport> {
  const pkg = await Package.load(join(dir, 'datapackage.json'), { basePath: dir });
  const errors = pkg.errors.map(String);
  let resources = 0;
  let rows = 0;
  for (const r of pkg.resources.filter((x) => x.tabular)) {
    try {
      rows += (await r.read({ relations: true })).length;
      // The delimiter is given: tableschema's sniffer otherwise guesses one from the first rows.
      const table = await Table.load(join(dir, String(r.descriptor['path'])), { schema: r.descriptor['schema'] as Record<string, unknown>, delimiter: ',' });
      await table.read();
      resources++;
    } catch (e) {
      const inner = (e as { errors?: unknown[] }).errors ?? [];
      errors.push(`${r.name}: ${(e as Error).message} ${inner.slice(0, 3).map(String).join('; ')}`);
    }
  }
  const tabularOnly = { ...pkg.descriptor, profile: 'tabular-data-package', resources: (pkg.descriptor['resources'] as Record<string, unknown>[]).filter((x) => x['profile'] === 'tabular-data-resource') };
  const tabular = await Package.load(tabularOnly, { basePath: dir });
  return { valid: pkg.valid && errors.length === 0, errors, resources, rows, tabularPackageValid: tabular.valid };
}
