import { describe, expect, it } from 'vitest';
import { shortName } from '../../src/i18n/short-names.ts';

describe('shortName', () => {
  it.each([
    ['GBR', 'United Kingdom of Great Britain and Northern Ireland', 'United Kingdom'],
    ['USA', 'United States of America', 'United States'],
    ['BOL', 'Bolivia (Plurinational State of)', 'Bolivia'],
    ['VEN', 'Venezuela (Bolivarian Republic of)', 'Venezuela'],
    ['IRN', 'Iran (Islamic Republic of)', 'Iran'],
    ['TZA', 'United Republic of Tanzania', 'Tanzania'],
    ['COD', 'Democratic Republic of the Congo', 'DR Congo'],
    ['LAO', "Lao People's Democratic Republic", 'Laos'],
    ['RUS', 'Russian Federation', 'Russia'],
    ['SYR', 'Syrian Arab Republic', 'Syria'],
    ['MDA', 'Republic of Moldova', 'Moldova'],
    ['TUR', 'Türkiye', 'Türkiye'],
  ])('%s: "%s" is drawn as "%s"', (geo, full, short) => {
    expect(shortName(geo, full)).toBe(short);
  });

  it('keeps the full name when there is no short form, and never matches on the name', () => {
    expect(shortName('KEN', 'Kenya')).toBe('Kenya');
    expect(shortName('001', 'World')).toBe('World');
    expect(shortName('XYZ', 'United Kingdom of Great Britain and Northern Ireland')).toBe('United Kingdom of Great Britain and Northern Ireland');
  });
});
