/**
 * A deterministic synthetic CITES Trade Database: `files` CSV files in the bulk download's layout, `rows` records in
 * all, chronological across files like the real download (trade_db_1 holds the oldest years), with one planted bad
 * record of each kind per file. Alongside the files it returns what a correct pipeline must find, counted here
 * while writing, independently of the pipeline's SQL.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Random, Weighted, zipf } from './random.ts';
import { ANIMAL_SOURCES, BIG_TRADERS, PLANT_SOURCES, PURPOSES, TAXA, type Item } from './vocabulary.ts';
import { BLANK_LINE, columnIndex, csvLine, fileName, HEADER, type Cells, type Column } from './layout.ts';
import { defects, type Defect } from './defects.ts';

export interface GenerateOptions {
  dir: string;
  rows: number;
  files: number;
  seed: number;
  /** ISO 3166-1 alpha-2 codes of the geography table: the only places records name. */
  iso2: string[];
  /** The manifest's release date; records run to the year before. */
  releaseDate: string;
}

export interface PlantedDefect {
  row: number;
  column: Column | null;
  value: string | null;
  kind: string;
}

export interface ExpectedFile {
  name: string;
  sha256: string;
  /** Data rows below the header. */
  rows: number;
  emitted: number;
  quarantined: number;
  defects: PlantedDefect[];
}

export interface Expected {
  rows: number;
  files: ExpectedFile[];
  /** Valid source-I records whose importer is a country, by reporting side: what the shipment counts must add to. */
  seized: { importer: number; exporter: number };
}

const FIRST_YEAR = 1975;
const SOURCE = columnIndex('Source');
const IMPORTER = columnIndex('Importer');
const REPORTER = columnIndex('Reporter.type');
const SEIZED_SHARE = 0.02;

/** More records every year, as parties joined and reporting grew; the last year is still arriving. */
function yearShares(last: number): { years: number[]; cumulative: number[] } {
  const years: number[] = [];
  const weights: number[] = [];
  for (let y = FIRST_YEAR; y <= last; y++) {
    years.push(y);
    weights.push((1 + 0.15 * (y - FIRST_YEAR)) ** 1.3 * (y === last ? 0.4 : 1));
  }
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return { years, cumulative: weights.map((w) => (sum += w) / total) };
}

function quantity(random: Random, it: Item): string {
  const n = random.normal();
  switch (it.measure) {
    case 'count':
      return String(Math.min(5e6, Math.max(1, Math.round(Math.exp(1 + 1.7 * n)))));
    case 'mass': {
      const x = Math.min(1e6, Math.exp(1.2 + 2 * n));
      return String(random.next() < 0.5 ? Math.max(1, Math.round(x)) : Math.round(x * 100) / 100);
    }
    case 'grams':
      return String(Math.max(1, Math.round(Math.exp(4 + 1.5 * n))));
    case 'volume':
      return String(Math.round(Math.exp(1 + 1.5 * n) * 1000) / 1000);
    case 'length':
      return String(Math.max(1, Math.round(Math.exp(2 + 1.5 * n))));
  }
}

/** A permit id is shared by the few consecutive line items of one permit. */
class Permits {
  private id = '';
  private left = 0;
  private readonly random: Random;
  constructor(random: Random) {
    this.random = random;
  }
  next(): string {
    if (this.left <= 0) {
      this.id = this.random.hex(10);
      this.left = 1 + this.random.below(4);
    }
    this.left--;
    return this.id;
  }
}

interface Places {
  countries: Weighted<string>;
  isCountry: Set<string>;
}

function places(iso2: string[], seed: number): Places {
  const random = new Random(seed, 999_983);
  const rest = iso2.filter((c) => !BIG_TRADERS.includes(c));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  const ordered = [...BIG_TRADERS.filter((c) => iso2.includes(c)), ...rest];
  return { countries: new Weighted(zipf(ordered, 1.1)), isCountry: new Set(iso2) };
}

function record(random: Random, p: Places, id: number, year: number, permits: Permits[]): Cells {
  const t = TAXA.pick(random);
  const it = t.items.pick(random);
  const reporter = random.next() < 0.45 ? 'I' : 'E';
  const importer = random.next() < 0.002 ? 'XX' : year < 1992 && random.next() < 0.01 ? 'SU' : p.countries.pick(random);
  let exporter = random.next() < 0.004 ? 'XX' : p.countries.pick(random);
  while (exporter === importer) exporter = p.countries.pick(random);
  const o = random.next();
  const origin = o < 0.6 ? '' : o < 0.63 ? 'XX' : p.countries.pick(random);
  const source = random.next() < SEIZED_SHARE ? 'I' : (t.plant ? PLANT_SOURCES : ANIMAL_SOURCES).pick(random);
  const [imp, exp, org] = permits as [Permits, Permits, Permits];
  // In HEADER order.
  return [
    String(id), String(year), t.appendix, t.taxon, t.className, t.order, t.family, t.genus, it.term, quantity(random, it), it.unit,
    importer, exporter, origin, PURPOSES.pick(random), source, reporter,
    random.next() < (reporter === 'I' ? 0.8 : 0.2) ? imp.next() : '',
    random.next() < 0.85 ? exp.next() : '',
    origin !== '' && random.next() < 0.2 ? org.next() : '',
  ];
}

/** Codes that look like ISO alpha-2 but are in neither the geography table nor the CITES non-place codes. */
function unknownCodes(isCountry: Set<string>): [string, string, string] {
  const free = ['QQ', 'QR', 'QS', 'QT', 'QU', 'QV'].filter((c) => !isCountry.has(c));
  if (free.length < 3) throw new Error('the geography table uses the user-assigned codes QQ–QV; pick other unknown codes');
  return [free[0]!, free[1]!, free[2]!];
}

/** Rows (0-based within the file) that get the planted defects: spread through the file, one per kind. */
function defectRows(n: number, kinds: number, random: Random): number[] {
  if (n < kinds * 4) throw new Error(`a file of ${n} rows cannot hold the ${kinds} planted defects; use more rows per file`);
  const slot = Math.floor(n / kinds);
  return Array.from({ length: kinds }, (_, k) => k * slot + random.below(slot));
}

/** Lines go straight into one reused buffer, hashed as they are written: no string outlives its line. */
class HashedFile {
  private readonly fd: number;
  private readonly hash = createHash('sha256');
  private readonly buf = Buffer.allocUnsafe(1 << 22);
  private pos = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  line(s: string): void {
    if (this.pos + s.length * 3 > this.buf.length) this.flush();
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }
  private flush(): void {
    const b = this.buf.subarray(0, this.pos);
    this.hash.update(b);
    writeSync(this.fd, b);
    this.pos = 0;
  }
  close(): string {
    this.flush();
    closeSync(this.fd);
    return this.hash.digest('hex');
  }
}

/** Data rows of file `f` (1-based) and the global index of its first row: the files split the rows evenly. */
export function fileSpan(opts: Pick<GenerateOptions, 'rows' | 'files'>, f: number): { n: number; start: number } {
  const base = Math.floor(opts.rows / opts.files);
  const extra = opts.rows % opts.files;
  return { n: base + (f <= extra ? 1 : 0), start: (f - 1) * base + Math.min(f - 1, extra) };
}

export interface GeneratedFile {
  file: ExpectedFile;
  seized: { importer: number; exporter: number };
}

/** One file, on its own random stream, so files can be written in any order or in parallel with the same bytes. */
export function generateFile(opts: GenerateOptions, f: number): GeneratedFile {
  const { rows, seed } = opts;
  const releaseYear = Number(opts.releaseDate.slice(0, 4));
  const p = places(opts.iso2, seed);
  const kinds: Defect[] = defects(releaseYear, unknownCodes(p.isCountry));
  const { years, cumulative } = yearShares(releaseYear - 1);
  const { n, start } = fileSpan(opts, f);
  const seized = { importer: 0, exporter: 0 };
  const random = new Random(seed, f);
  const permits = [new Permits(random), new Permits(random), new Permits(random)];
  const planted = new Map(defectRows(n, kinds.length, random).map((row, k) => [row, kinds[k]!]));
  const found: PlantedDefect[] = [];
  let y = 0;
  const name = fileName(f);
  mkdirSync(opts.dir, { recursive: true });
  const file = new HashedFile(join(opts.dir, name));
  file.line(HEADER.join(',') + '\n');
  for (let i = 0; i < n; i++) {
    const g = start + i;
    while (cumulative[y]! < (g + 0.5) / rows) y++;
    const r = record(random, p, 10_000_000 + g, years[y]!, permits);
    const d = planted.get(i);
    if (d) {
      found.push({ row: i + 2, column: d.column, value: d.value === '' ? null : d.value, kind: d.kind });
      if (d.column === null) {
        file.line(BLANK_LINE);
        continue;
      }
      r[columnIndex(d.column)] = d.value;
    } else if (r[SOURCE] === 'I' && p.isCountry.has(r[IMPORTER]!)) {
      seized[r[REPORTER] === 'I' ? 'importer' : 'exporter']++;
    }
    file.line(csvLine(r));
  }
  const sha256 = file.close();
  return { file: { name, sha256, rows: n, emitted: n - found.length, quarantined: found.length, defects: found }, seized };
}

/** The generated files, in file order, as one expectation. */
export function collect(rows: number, parts: GeneratedFile[]): Expected {
  const seized = { importer: 0, exporter: 0 };
  for (const p of parts) {
    seized.importer += p.seized.importer;
    seized.exporter += p.seized.exporter;
  }
  return { rows, files: parts.map((p) => p.file), seized };
}
