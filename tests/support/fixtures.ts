import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { csvFormatRows, dsvFormat } from 'd3';
import { parseManifest, type SourceManifest } from '../../scripts/pipeline/manifest.ts';
import { resolveSource, sha256 } from '../../scripts/pipeline/resolve-files.ts';
import { runSource, type SourceRun } from '../../scripts/pipeline/run-source.ts';
import { readTable } from '../../scripts/pipeline/read-table.ts';
import { FileLedger } from '../../scripts/pipeline/ledger.ts';
import { buildGeo } from '../../scripts/pipeline/reference/build-geo.ts';
import { GeoIndex, loadAliases, loadNonIsoRules, type GeoResolution } from '../../scripts/pipeline/reference/geo-index.ts';
import type { SourceModule } from '../../scripts/pipeline/source-module.ts';
import { M49_HEADER, M49_ROWS } from './m49-subset.ts';

/** A spreadsheet error value (#REF!, #N/A…) where a publisher's formula failed. */
export interface ErrorValue {
  error: string;
}

export type FixtureCell = string | number | Date | ErrorValue | null;

export function excelError(code: string): ErrorValue {
  return { error: code };
}

/** As a spreadsheet program exports a cell to CSV: an error value becomes its own spelling. */
function csvText(v: FixtureCell): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return v.error;
  return String(v);
}

export const ROOT = join(import.meta.dirname, '..', '..');

export function tempDir(prefix = 'cto-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * An xlsx in the publisher's layout. Strings stay text cells (UNODC stores numbers as text), numbers stay numbers,
 * error values are error cells (type "e").
 */
export async function xlsxBytes(sheet: string, rows: FixtureCell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    r.forEach((v, j) => {
      if (v !== null) row.getCell(j + 1).value = v as ExcelJS.CellValue;
    });
    row.commit();
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function csvBytes(rows: FixtureCell[][], delimiter = ','): Buffer {
  const cells = rows.map((r) => r.map(csvText));
  const text = delimiter === ',' ? csvFormatRows(cells) : dsvFormat(delimiter).formatRows(cells);
  return Buffer.from(text + '\n', 'utf8');
}

export function realManifest(id: string): SourceManifest {
  const path = join(ROOT, 'data', 'sources', `${id}.json`);
  return parseManifest(readFileSync(path, 'utf8'), path);
}

/**
 * Lays fixture files out as a mirror (`<domain>/<id>/<file>`) and returns the project's real manifest with
 * each file's sha256 replaced by the fixture's, so the production resolve → read → normalize path runs unchanged.
 * The publisher's row count does not apply to a fixture of a few rows, so it is dropped.
 */
export function fixtureMirror(manifest: SourceManifest, files: Record<string, Buffer>): { dir: string; manifest: SourceManifest } {
  const dir = tempDir('cto-mirror-');
  const folder = join(dir, manifest.domain, manifest.id);
  mkdirSync(folder, { recursive: true });
  const m: SourceManifest = structuredClone(manifest);
  for (const f of m.files) {
    const bytes = files[f.name];
    if (!bytes) continue;
    writeFileSync(join(folder, f.name), bytes);
    f.sha256 = sha256(bytes);
    delete f.rows;
  }
  m.files = m.files.filter((f) => files[f.name]);
  return { dir, manifest: m };
}

let geoCache: GeoIndex | undefined;

/** A geography index built by the production code from a small M49 subset in the UNSD layout. */
export async function fixtureGeo(): Promise<GeoIndex> {
  if (geoCache) return geoCache;
  const m49 = fixtureMirror(realManifest('unsd-m49'), { 'UNSD-Methodology.csv': csvBytes([M49_HEADER, ...M49_ROWS], ';') });
  const lukesHeader = realManifest('iso3166-m49-lukes').files[0]!.columns;
  const lukesRows = [
    lukesHeader,
    ['Taiwan, Province of China', 'TW', 'TWN', '158', 'ISO 3166-2:TW', '', '', '', '', '', ''],
    ['Viet Nam', 'VN', 'VNM', '704', 'ISO 3166-2:VN', 'Asia', 'South-eastern Asia', '', '142', '035', ''],
  ];
  const lukes = fixtureMirror(realManifest('iso3166-m49-lukes'), { 'all.csv': csvBytes(lukesRows) });
  const opts = (dir: string) => ({ sourcesDir: dir, downloadDir: join(dir, 'dl') });
  const m49File = (await resolveSource(opts(m49.dir), m49.manifest)).get('UNSD-Methodology.csv')!;
  const lukesFile = (await resolveSource(opts(lukes.dir), lukes.manifest)).get('all.csv')!;
  const m49Table = await readTable(m49File);
  const lukesTable = await readTable(lukesFile);
  const rules = loadNonIsoRules(join(ROOT, 'data', 'reference', 'non-iso-codes.csv'));
  geoCache = buildGeo(
    { table: m49Table, ledger: new FileLedger('unsd-m49', m49Table) },
    { table: lukesTable, ledger: new FileLedger('iso3166-m49-lukes', lukesTable) },
    rules,
  ).index;
  return geoCache;
}

export function projectAliases(sourceId: string): Map<string, GeoResolution> {
  return loadAliases(join(ROOT, 'data', 'reference', 'aliases'), sourceId);
}

/** Runs a source module on fixture files through the production path (checksum, header check, ledger). */
export async function runFixture(module: SourceModule, files: Record<string, Buffer>): Promise<SourceRun> {
  const { dir, manifest } = fixtureMirror(realManifest(module.id), files);
  const resolved = await resolveSource({ sourcesDir: dir, downloadDir: join(dir, 'dl') }, manifest);
  return runSource(module, manifest, resolved, await fixtureGeo(), projectAliases(module.id));
}

/** The header rows of a source file exactly as the manifest records them (preamble rows are the caller's). */
export function headerOf(sourceId: string, file?: string): string[] {
  const m = realManifest(sourceId);
  const f = file ? m.files.find((x) => x.name === file) : m.files[0];
  if (!f) throw new Error(`no file ${file} in ${sourceId}`);
  return [...f.columns];
}
