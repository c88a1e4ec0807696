/**
 * Site search ranking (src/lib/search-rank.ts) and the index it ranks (src/lib/search-index.ts), on a small hand-made
 * index shaped like the built one: the expected first results are what a reader typing these words means.
 */
import { describe, expect, it } from 'vitest';
import { prepare, rank, searchKey, stem, type SearchEntry } from '../../src/lib/search-rank.ts';
import { buildSearchIndex, termsOf } from '../../src/lib/search-index.ts';
import { PLACE_ALIASES } from '../../src/i18n/place-aliases.ts';

const place = (label: string, href: string, names: string[] = []): SearchEntry => ({ kind: 'country', label, href, names });
const region = (label: string, m49: string): SearchEntry => ({ kind: 'region', label, href: `/region/${m49}/` });

const ENTRIES: SearchEntry[] = [
  { kind: 'dashboard', label: 'Wildlife crime', href: '/wildlife/', terms: termsOf('Pangolin seizures compiled by EIA, rhino poaching') },
  { kind: 'dashboard', label: 'Migrant smuggling', href: '/migrant-smuggling/', terms: termsOf('Migrants recorded dead or missing') },
  place('Türkiye', '/country/TUR/', ['Turkey', 'TUR', 'TR']),
  place('Côte d’Ivoire', '/country/CIV/', ['Ivory Coast', 'CIV', 'CI']),
  place('Viet Nam', '/country/VNM/', ['Vietnam', 'VNM', 'VN']),
  place('United Kingdom of Great Britain and Northern Ireland', '/country/GBR/', ['United Kingdom', 'UK', 'GBR', 'GB']),
  place('United States of America', '/country/USA/', ['United States', 'USA', 'US', 'America']),
  place('United Republic of Tanzania', '/country/TZA/', ['Tanzania', 'TZA', 'TZ']),
  place('Kenya', '/country/KEN/', ['KEN', 'KE']),
  place('South Sudan', '/country/SSD/', ['SSD', 'SS']),
  place('Sudan', '/country/SDN/', ['SDN', 'SD']),
  region('Africa', '002'),
  region('Eastern Africa', '014'),
  region('Western Africa', '011'),
  region('Eastern Asia', '030'),
  region('Eastern Europe', '151'),
  { kind: 'indicator', label: 'Pangolin seizure incidents recorded by EIA', href: '/indicator/wl_pangolin_seizures/', terms: termsOf('Number of incidents in EIA pangolin seizure compilation') },
  { kind: 'indicator', label: 'Pangolins seized (animals)', href: '/indicator/wl_pangolin_seized_animals/', terms: termsOf('pangolins') },
  { kind: 'indicator', label: 'Rhinos poached', href: '/indicator/wl_rhinos_poached/', terms: termsOf('Number of rhinos recorded as poached (illegally killed)') },
  { kind: 'indicator', label: 'Medicine samples flagged as counterfeit (USP MQDB)', href: '/indicator/med_samples_counterfeit/', terms: termsOf('samples whose result is counterfeit') },
  { kind: 'indicator', label: 'Medicine samples failing quality tests (USP MQDB)', href: '/indicator/med_samples_failed/', terms: termsOf('final test result Fail; falsified and substandard') },
  { kind: 'indicator', label: 'Migrants dead and missing', href: '/indicator/smg_dead_missing/', terms: termsOf('by migration route, cause of death', 'Central Mediterranean', 'Eastern Mediterranean') },
  { kind: 'breakdown', label: 'Central Mediterranean', href: '/indicator/smg_dead_missing/', context: 'migration route', terms: termsOf('migration route', 'Migrants dead and missing') },
  { kind: 'breakdown', label: 'Eastern Mediterranean', href: '/indicator/smg_dead_missing/', context: 'migration route', terms: termsOf('migration route') },
  { kind: 'breakdown', label: 'Eastern Africa', href: '/indicator/smg_dead_missing/', context: 'region of incident', terms: termsOf('region of incident') },
];
const INDEX = prepare(ENTRIES);
const first = (q: string) => rank(INDEX, q)[0]?.href;
const labels = (q: string, n = 3) => rank(INDEX, q).slice(0, n).map((e) => e.label);

describe('search ranking', () => {
  it('finds a region by its name before regions that share a word, and before a breakdown of the same name', () => {
    expect(first('Eastern Africa')).toBe('/region/014/');
    expect(first('eastern africa')).toBe('/region/014/');
    expect(labels('Eastern Africa', 2)).toEqual(['Eastern Africa', 'Eastern Africa']);
    expect(rank(INDEX, 'Eastern Africa')[1]?.kind).toBe('breakdown');
    // A word typed in part still finds it.
    expect(first('east afr')).toBe('/region/014/');
  });

  it('finds a country by its variant names, whatever the accents, case or apostrophe', () => {
    expect(first('Turkey')).toBe('/country/TUR/');
    expect(first('turkiye')).toBe('/country/TUR/');
    expect(first('Türkiye')).toBe('/country/TUR/');
    expect(first('Ivory Coast')).toBe('/country/CIV/');
    expect(first("cote d'ivoire")).toBe('/country/CIV/');
    expect(first('Côte d’Ivoire')).toBe('/country/CIV/');
    expect(first('Vietnam')).toBe('/country/VNM/');
    expect(first('Viet Nam')).toBe('/country/VNM/');
    expect(first('UK')).toBe('/country/GBR/');
    expect(first('USA')).toBe('/country/USA/');
    expect(first('us')).toBe('/country/USA/');
    expect(first('Tanzania')).toBe('/country/TZA/');
  });

  it('finds indicators and breakdowns by a plain word', () => {
    expect(labels('pangolin', 2).sort()).toEqual(['Pangolin seizure incidents recorded by EIA', 'Pangolins seized (animals)']);
    expect(rank(INDEX, 'pangolin').map((e) => e.href)).toContain('/wildlife/');
    expect(first('counterfeit')).toBe('/indicator/med_samples_counterfeit/');
    expect(labels('Mediterranean', 2).sort()).toEqual(['Central Mediterranean', 'Eastern Mediterranean']);
    expect(rank(INDEX, 'Mediterranean').map((e) => e.href)).toContain('/indicator/smg_dead_missing/');
    // "poaching" is in the dashboard's intro, but the indicator's name has its stem ("poached").
    expect(first('poaching')).toBe('/indicator/wl_rhinos_poached/');
  });

  it('puts the shorter name first when the words typed match alike', () => {
    // Not alphabetical: "South Sudan" sorts before "Sudan".
    expect(labels('Sudan', 2)).toEqual(['Sudan', 'South Sudan']);
    expect(rank(INDEX, 'Africa').map((e) => e.label).slice(0, 3)).toEqual(['Africa', 'Eastern Africa', 'Western Africa']);
  });

  it('needs every word typed', () => {
    expect(rank(INDEX, 'pangolin kenya')).toEqual([]);
    expect(rank(INDEX, 'zzz')).toEqual([]);
  });

  it('gives nothing for an empty or blank text, and at most `limit` results', () => {
    expect(rank(INDEX, '')).toEqual([]);
    expect(rank(INDEX, '  ’ ')).toEqual([]);
    expect(rank(INDEX, 'a', 2)).toHaveLength(2);
  });

  it('normalises and stems as documented', () => {
    expect(searchKey('  Côte d’Ivoire (CIV) ')).toBe("cote d'ivoire civ");
    expect(stem('poaching')).toBe(stem('poached'));
    expect(stem('routes')).toBe(stem('route'));
    expect(stem('UK'.toLowerCase())).toBe('uk');
  });
});

describe('search index', () => {
  const entries = buildSearchIndex({
    domains: [{ slug: 'migrant-smuggling', title: 'Migrant smuggling', intro: 'Migrants recorded dead or missing', main: 'smg_dead_missing' }],
    places: [{ geo: 'TUR', name: 'Türkiye', names: ['Turkey', 'TUR', 'TR'], context: 'Western Asia, Asia', href: '/country/TUR/' }],
    regions: [{ m49: '014', name: 'Eastern Africa', context: 'UN M49 sub-region of Sub-Saharan Africa', href: '/region/014/' }],
    indicators: [
      { id: 'smg_dead', title: 'Migrants dead', unit: 'persons', definition: 'Dead.', domainTitle: 'Migrant smuggling', dimensions: ['migration route'] },
      { id: 'smg_dead_missing', title: 'Migrants dead and missing', unit: 'persons', definition: 'Dead and missing.', domainTitle: 'Migrant smuggling', dimensions: ['migration route'] },
    ],
    breakdowns: [
      { indicator: 'smg_dead', dimension: 'migration route', category: 'Central Mediterranean' },
      { indicator: 'smg_dead_missing', dimension: 'migration route', category: 'Central Mediterranean' },
      { indicator: 'smg_dead_missing', dimension: 'migration route', category: 'Other' },
    ],
    synonyms: [{ words: 'refugees', targets: ['migrant-smuggling'] }],
    text: { dashboard: 'Dashboard', indicatorContext: (d, u) => `${d} · ${u}`, breakdownContext: (d, i) => `${d} · ${i}` },
  });

  it('holds one entry per breakdown label, leading to the indicator the domain draws first', () => {
    const b = entries.filter((e) => e.kind === 'breakdown');
    expect(b.map((e) => [e.label, e.href])).toEqual([['Central Mediterranean', '/indicator/smg_dead_missing/']]);
  });

  it('gives indicators their breakdown labels and dashboards their synonyms as terms', () => {
    expect(entries.find((e) => e.href === '/indicator/smg_dead/')?.terms).toContain('mediterranean');
    expect(entries.find((e) => e.kind === 'dashboard')?.terms).toContain('refugees');
  });

  it('keeps the aliases of a country and its codes as names', () => {
    expect(entries.find((e) => e.kind === 'country')?.names).toEqual(['Turkey', 'TUR', 'TR']);
  });

  it('lists aliases only under ISO alpha-3 codes', () => {
    for (const code of Object.keys(PLACE_ALIASES)) expect(code).toMatch(/^[A-Z]{3}$/);
  });
});
