import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMAINS, type Domain } from './model.ts';
import { PipelineError } from './errors.ts';

/** How one raw file is laid out, so the reader can check it before any value is trusted. */
export interface FileLayout {
  /** Name inside the mirror folder `<domain>/<source-id>/`. */
  name: string;
  url: string | null;
  sha256: string;
  format: 'xlsx' | 'csv';
  /** xlsx only. */
  sheet?: string;
  /** CSV field separator; default ','. */
  delimiter?: string;
  /** 1-based row of the header as seen in a spreadsheet program. */
  header_row: number;
  /** The header exactly as published; any change stops the build. */
  columns: string[];
  /** Rows before the header, e.g. UNODC's "UNODC / release date" preamble. */
  preamble?: string;
  /**
   * Data rows below the header, as accepted (`npm run data -- --accept <id>` records it). A file with far fewer
   * stops the run (see row-expectation.ts).
   */
  rows?: number;
}

/** A year the file covers only in part (a year still running, reports still arriving): drawn as such, never as a drop. */
export interface PartialPeriod {
  year: number;
  /** What is missing, in a few words for a chart label and table, e.g. "to 15 November 2024". */
  note: string;
}

/**
 * Whether the release may carry the source's row-level records as files. A link-only source's event table gets no
 * CSV and stays out of the archive; the data page links to the publisher instead. Its aggregates stay in observations.
 */
export interface Redistribution {
  status: 'allowed' | 'link-only';
  /** Why, quoting the manifest's licence text. */
  reason: string;
}

export interface SourceManifest {
  id: string;
  domain: Domain | 'reference';
  /** Other domains this source feeds (UN-CTS feeds four). */
  feeds: Domain[];
  core: boolean;
  title: string;
  publisher: string;
  /** YYYY-MM-DD. Nothing in the files can be dated later (see publication-dates.ts). */
  release_date: string;
  url: string;
  licence: string;
  redistribution: Redistribution;
  citation: string;
  caveats: string[];
  /** Years the publisher's file covers only in part; absent when none. */
  partial_periods?: PartialPeriod[];
  files: FileLayout[];
}

function isIsoDate(s: unknown): boolean {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}

const REQUIRED: (keyof SourceManifest)[] = [
  'id', 'domain', 'feeds', 'core', 'title', 'publisher', 'release_date', 'url', 'licence', 'redistribution', 'citation', 'caveats', 'files',
];

export function parseManifest(text: string, path: string): SourceManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new PipelineError({ file: path }, `manifest is not valid JSON: ${(e as Error).message}`);
  }
  const m = raw as SourceManifest;
  for (const key of REQUIRED) {
    if (m[key] === undefined) throw new PipelineError({ file: path }, `manifest lacks "${key}"`);
  }
  if (m.domain !== 'reference' && !DOMAINS.includes(m.domain)) {
    throw new PipelineError({ file: path }, `unknown domain "${m.domain}"`);
  }
  if (!['allowed', 'link-only'].includes(m.redistribution.status) || typeof m.redistribution.reason !== 'string' || m.redistribution.reason.length === 0) {
    throw new PipelineError({ file: path }, `redistribution needs a "status" ("allowed" or "link-only") and a "reason", found ${JSON.stringify(m.redistribution)}`);
  }
  if (!isIsoDate(m.release_date)) throw new PipelineError({ file: path }, `release_date must be a date YYYY-MM-DD, found ${JSON.stringify(m.release_date)}`);
  for (const p of m.partial_periods ?? []) {
    if (!Number.isInteger(p.year) || typeof p.note !== 'string' || p.note.length === 0) {
      throw new PipelineError({ file: path }, `partial_periods: each entry needs a whole "year" and a "note", found ${JSON.stringify(p)}`);
    }
  }
  for (const f of m.files) {
    if (!/^[0-9a-f]{64}$/.test(f.sha256)) throw new PipelineError({ file: path }, `file ${f.name}: sha256 must be 64 hex digits`);
    if (f.format === 'xlsx' && !f.sheet) throw new PipelineError({ file: path }, `file ${f.name}: xlsx needs a sheet`);
    if (!Array.isArray(f.columns) || f.columns.length === 0) throw new PipelineError({ file: path }, `file ${f.name}: columns missing`);
    if (f.rows !== undefined && !(Number.isInteger(f.rows) && f.rows >= 0)) {
      throw new PipelineError({ file: path }, `file ${f.name}: rows must be a whole number of data rows, found ${JSON.stringify(f.rows)}`);
    }
  }
  return m;
}

/** Every `data/sources/*.json`, sorted by id so runs are reproducible. */
export function loadManifests(dir: string): SourceManifest[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseManifest(readFileSync(join(dir, f), 'utf8'), join(dir, f)));
}
