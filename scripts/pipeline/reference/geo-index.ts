import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3';
import type { GeoRow } from '../model.ts';
import { PipelineError } from '../errors.ts';

/** What a publisher's code or name means: a geo code, or a documented reason why it cannot be placed. */
export type GeoResolution = { geo: string } | { reason: string };

export interface NonIsoRule {
  code: string;
  publisher_name: string;
  treatment: 'map' | 'quarantine';
  geo: string;
  kind: string;
  name: string;
  parent: string;
  map_id: string;
  reason: string;
  /** What a reader must know about the place, carried to the geo table (e.g. a grouping whose members are not published). */
  note: string;
}

/** Case, accents, punctuation and a leading "the" do not distinguish country names. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

export function loadNonIsoRules(path: string): NonIsoRule[] {
  const rows = csvParse(readFileSync(path, 'utf8')) as unknown as NonIsoRule[];
  for (const [i, r] of rows.entries()) {
    if (r.treatment !== 'map' && r.treatment !== 'quarantine') {
      throw new PipelineError({ file: path, row: i + 2, column: 'treatment' }, `expected map or quarantine, found ${JSON.stringify(r.treatment)}`);
    }
    if (!r.reason) throw new PipelineError({ file: path, row: i + 2, column: 'reason' }, 'every rule needs a reason');
  }
  return rows;
}

/**
 * Per-source name aliases (`data/reference/aliases/<source-id>.csv`: name,geo,note). An empty geo means the
 * name is not a place (e.g. "Unknown"), and the note is the quarantine reason.
 */
export function loadAliases(dir: string, sourceId: string): Map<string, GeoResolution> {
  const path = join(dir, `${sourceId}.csv`);
  const out = new Map<string, GeoResolution>();
  if (!existsSync(path)) return out;
  const rows = csvParse(readFileSync(path, 'utf8'));
  for (const [i, r] of rows.entries()) {
    const name = r['name'];
    if (!name) throw new PipelineError({ file: path, row: i + 2, column: 'name' }, 'empty alias');
    if (r['geo']) out.set(nameKey(name), { geo: r['geo'] });
    else if (r['note']) out.set(nameKey(name), { reason: r['note'] });
    else throw new PipelineError({ file: path, row: i + 2, column: 'note' }, 'an alias without geo needs a note saying why');
  }
  return out;
}

export class GeoIndex {
  readonly rows: ReadonlyMap<string, GeoRow>;
  private readonly byName = new Map<string, string>();
  private readonly rules: NonIsoRule[];

  constructor(rows: GeoRow[], names: [string, string][], rules: NonIsoRule[]) {
    this.rows = new Map(rows.map((r) => [r.geo, r]));
    for (const r of rows) this.byName.set(nameKey(r.name), r.geo);
    for (const [name, geo] of names) this.byName.set(nameKey(name), geo);
    this.rules = rules;
  }

  has(geo: string): boolean {
    return this.rows.has(geo);
  }

  /**
   * A publisher's geography code (ISO alpha-3 or a non-ISO code in the documented table). Returns null when the
   * code is unknown to both, which callers treat as an error: an unknown code is never silently dropped.
   */
  resolveCode(code: string | null, publisherName?: string | null): GeoResolution | null {
    const rule = this.rules.find((r) => (code !== null && r.code === code) || (code === null && r.code === '' && r.publisher_name === publisherName));
    if (rule) return rule.treatment === 'map' ? { geo: rule.geo } : { reason: rule.reason };
    if (code !== null && /^[A-Z]{3}$/.test(code) && this.rows.get(code)?.iso3 === code) return { geo: code };
    return null;
  }

  /** A country name as a publisher writes it: source aliases first, then UN and ISO names. */
  resolveName(name: string, aliases: Map<string, GeoResolution> = new Map()): GeoResolution | null {
    const key = nameKey(name);
    const alias = aliases.get(key);
    if (alias) return alias;
    const geo = this.byName.get(key);
    return geo ? { geo } : null;
  }
}
