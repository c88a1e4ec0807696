import type { GeoRow } from '../model.ts';
import { sourceRef } from '../model.ts';
import type { RawTable } from '../read-table.ts';
import type { FileLedger } from '../ledger.ts';
import { text, requiredText } from '../values.ts';
import { PipelineError } from '../errors.ts';
import { GeoIndex, type NonIsoRule } from './geo-index.ts';

export const M49_SOURCE = 'unsd-m49';
export const LUKES_SOURCE = 'iso3166-m49-lukes';

interface Level {
  code: string;
  name: string;
  kind: string;
}

function regionRow(level: Level, ref: string, parent: string | null): GeoRow {
  return {
    geo: level.code, m49: level.code, iso2: null, iso3: null, name: level.name, kind: level.kind,
    region_m49: null, region_name: null, subregion_m49: null, subregion_name: null, intermediate_m49: null,
    intermediate_name: null, parent, ldc: false, lldc: false, sids: false, note: null, source: M49_SOURCE, source_ref: ref,
  };
}

/**
 * The geography table: every M49 country or area (keyed by ISO alpha-3), the M49 regions implied by its code
 * columns (keyed by their numeric code), the ISO crosswalk's extra rows (Taiwan), and the documented non-ISO codes.
 */
export function buildGeo(
  m49: { table: RawTable; ledger: FileLedger },
  lukes: { table: RawTable; ledger: FileLedger },
  rules: NonIsoRule[],
): { rows: GeoRow[]; index: GeoIndex } {
  const rows: GeoRow[] = [];
  const regions = new Map<string, GeoRow>();
  const names: [string, string][] = [];
  const t = m49.table;
  for (const r of t.rows) {
    const ref = sourceRef(t.file, t.sheet, r.row);
    const iso3 = text(t, r, 'ISO-alpha3 Code');
    const m49Code = requiredText(t, r, 'M49 Code');
    if (!/^\d{3}$/.test(m49Code)) throw new PipelineError(t.at(r, 'M49 Code'), `expected a 3-digit code, found ${JSON.stringify(m49Code)}`);
    if (iso3 === null || !/^[A-Z]{3}$/.test(iso3)) {
      m49.ledger.quarantine(r, 'no ISO alpha-3 code', 'ISO-alpha3 Code', iso3);
      continue;
    }
    const levels: [string, string, string][] = [
      ['Region Code', 'Region Name', 'region'],
      ['Sub-region Code', 'Sub-region Name', 'subregion'],
      ['Intermediate Region Code', 'Intermediate Region Name', 'intermediate'],
    ];
    let parent: string | null = '001';
    for (const [codeCol, nameCol, kind] of levels) {
      const code = text(t, r, codeCol);
      if (code === null) continue;
      if (!regions.has(code)) regions.set(code, regionRow({ code, name: requiredText(t, r, nameCol), kind }, ref, parent));
      parent = code;
    }
    rows.push({
      geo: iso3,
      m49: m49Code,
      iso2: text(t, r, 'ISO-alpha2 Code'),
      iso3,
      name: requiredText(t, r, 'Country or Area'),
      kind: 'country',
      region_m49: text(t, r, 'Region Code'),
      region_name: text(t, r, 'Region Name'),
      subregion_m49: text(t, r, 'Sub-region Code'),
      subregion_name: text(t, r, 'Sub-region Name'),
      intermediate_m49: text(t, r, 'Intermediate Region Code'),
      intermediate_name: text(t, r, 'Intermediate Region Name'),
      parent: null,
      ldc: text(t, r, 'Least Developed Countries (LDC)') === 'x',
      lldc: text(t, r, 'Land Locked Developing Countries (LLDC)') === 'x',
      sids: text(t, r, 'Small Island Developing States (SIDS)') === 'x',
      note: null,
      source: M49_SOURCE,
      source_ref: ref,
    });
    m49.ledger.emit(r);
  }
  const world = regionRow({ code: '001', name: 'World', kind: 'world' }, sourceRef(t.file, t.sheet, t.rows[0]?.row ?? 2), null);

  // The ISO crosswalk must agree with M49 wherever both list a country; it adds areas M49 leaves out.
  const byIso3 = new Map(rows.map((g) => [g.iso3, g]));
  const l = lukes.table;
  for (const r of l.rows) {
    const iso3 = requiredText(l, r, 'alpha-3');
    const numeric = requiredText(l, r, 'country-code');
    const name = requiredText(l, r, 'name');
    const known = byIso3.get(iso3);
    if (known) {
      if (known.m49 !== numeric) {
        throw new PipelineError(l.at(r, 'country-code'), `crosswalk conflicts with M49: ${iso3} is ${known.m49} in M49, ${numeric} here`);
      }
      names.push([name, iso3]);
    } else {
      rows.push({
        geo: iso3, m49: numeric, iso2: text(l, r, 'alpha-2'), iso3, name, kind: 'country',
        region_m49: text(l, r, 'region-code'), region_name: text(l, r, 'region'),
        subregion_m49: text(l, r, 'sub-region-code'), subregion_name: text(l, r, 'sub-region'),
        intermediate_m49: text(l, r, 'intermediate-region-code'), intermediate_name: text(l, r, 'intermediate-region'),
        parent: null, ldc: false, lldc: false, sids: false, note: null, source: LUKES_SOURCE, source_ref: sourceRef(l.file, l.sheet, r.row),
      });
    }
    lukes.ledger.emit(r);
  }

  for (const rule of rules.filter((x) => x.treatment === 'map')) {
    if (rows.some((g) => g.geo === rule.geo)) continue;
    const parentRow = rows.find((g) => g.geo === rule.parent);
    rows.push({
      geo: rule.geo, m49: null, iso2: null, iso3: null, name: rule.name, kind: rule.kind,
      region_m49: parentRow?.region_m49 ?? null, region_name: parentRow?.region_name ?? null,
      subregion_m49: parentRow?.subregion_m49 ?? null, subregion_name: parentRow?.subregion_name ?? null,
      intermediate_m49: parentRow?.intermediate_m49 ?? null, intermediate_name: parentRow?.intermediate_name ?? null,
      parent: rule.parent || null, ldc: false, lldc: false, sids: false, note: rule.note || null,
      source: 'observatory', source_ref: `data/reference/non-iso-codes.csv::${rule.code}`,
    });
  }
  // Kosovo sits in Southern Europe for every publisher that lists it.
  const xkx = rows.find((g) => g.geo === 'XKX');
  if (xkx && xkx.region_m49 === null) Object.assign(xkx, { region_m49: '150', region_name: 'Europe', subregion_m49: '039', subregion_name: 'Southern Europe' });

  const all = [world, ...[...regions.values()].sort((a, b) => a.geo.localeCompare(b.geo)), ...rows.sort((a, b) => a.geo.localeCompare(b.geo))];
  return { rows: all, index: new GeoIndex(all, names, rules) };
}
