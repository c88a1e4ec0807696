/**
 * The scale bench's ground truth: the synthetic Trade Database generator must write what it says it wrote. Its
 * files are read back here with d3's CSV parser (not DuckDB, which the pipeline uses) and recounted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParseRows } from 'd3';
import { describe, expect, it } from 'vitest';
import { collect, generateFile, type GenerateOptions } from '../../scripts/bench/synthetic-trade-db/generate.ts';
import { tempDir } from '../support/fixtures.ts';

const ISO2 = ['US', 'CN', 'DE', 'FR', 'NA', 'ID', 'JP', 'ZA', 'BR', 'GB'];
const HEADER = 'Id,Year,Appendix,Taxon,Class,Order,Family,Genus,Term,Quantity,Unit,Importer,Exporter,Origin,Purpose,Source,Reporter.type,Import.permit.RandomID,Export.permit.RandomID,Origin.permit.RandomID'.split(',');

function generate(dir: string) {
  const opts: GenerateOptions = { dir, rows: 1001, files: 3, seed: 5, iso2: ISO2, releaseDate: '2023-01-31' };
  return collect(opts.rows, [1, 2, 3].map((f) => generateFile(opts, f)));
}

describe('synthetic Trade Database generator', () => {
  const dir = tempDir('cto-synthetic-');
  const expected = generate(dir);
  const files = expected.files.map((f) => ({ ...f, rows_: csvParseRows(readFileSync(join(dir, f.name), 'utf8')) }));

  it('writes the same bytes for the same seed', () => {
    expect(generate(tempDir('cto-synthetic-')).files.map((f) => f.sha256)).toEqual(expected.files.map((f) => f.sha256));
  });

  it('splits the rows over the files, each with the bulk header, oldest years first', () => {
    expect(files.map((f) => f.rows_.length - 1)).toEqual([334, 334, 333]);
    for (const f of files) expect(f.rows_[0]).toEqual(HEADER);
    const years = files.flatMap((f) => f.rows_.slice(1).map((r) => Number(r[1]))).filter((y) => y >= 1975 && y <= 2022);
    expect(years.length).toBeGreaterThan(1001 - 3 * 17);
    expect(years.every((y, i) => i === 0 || y >= years[i - 1]!)).toBe(true);
  });

  it('plants one bad record of each of the 17 kinds per file, exactly where it says', () => {
    for (const f of files) {
      expect(f.defects).toHaveLength(17);
      expect(f.emitted + f.quarantined).toBe(f.rows);
      for (const d of f.defects) {
        const cells = f.rows_[d.row - 1]!;
        if (d.column === null) expect(cells.every((c) => c === '')).toBe(true);
        else expect(cells[HEADER.indexOf(d.column)]).toBe(d.value ?? '');
      }
    }
  });

  it('counts the source-I records with a country importer, per reporting side, as a reader of the files would', () => {
    const planted = new Set(files.flatMap((f) => f.defects.map((d) => `${f.name}:${d.row}`)));
    const seized = { importer: 0, exporter: 0 };
    for (const f of files) {
      f.rows_.slice(1).forEach((r, i) => {
        if (planted.has(`${f.name}:${i + 2}`) || r[15] !== 'I' || !ISO2.includes(r[11]!)) return;
        seized[r[16] === 'I' ? 'importer' : 'exporter']++;
      });
    }
    expect(expected.seized).toEqual(seized);
    expect(seized.importer + seized.exporter).toBeGreaterThan(0);
  });
});
