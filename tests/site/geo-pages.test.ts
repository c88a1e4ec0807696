/**
 * The one definition of "a place with a page" (src/lib/geo-pages.ts), on cases written out by hand: the kinds that
 * get a page, what counts as a figure (a value, or a flag such as '<5'), and the links that follow from it.
 */
import { describe, expect, it } from 'vitest';
import { geoHrefFor, hasPage, profileHasFigure } from '../../src/lib/geo-pages.ts';

const charted = new Set(['tip_victims_detected', 'fa_seized']);

describe('places with a page', () => {
  it('is a country, territory or reporting jurisdiction, never a region or the world', () => {
    expect(['country', 'territory', 'subnational', 'world', 'region', 'subregion', 'intermediate'].map((k) => hasPage(k, true))).toEqual([
      true, true, true, false, false, false, false,
    ]);
    expect(hasPage('country', false)).toBe(false);
  });

  it('needs a value or a flagged value of an indicator the profile charts', () => {
    expect(profileHasFigure([{ indicator: 'fa_seized', value: 0, censored: null }], charted)).toBe(true);
    expect(profileHasFigure([{ indicator: 'tip_victims_detected', value: null, censored: '<5' }], charted)).toBe(true);
    expect(profileHasFigure([{ indicator: 'tip_victims_detected', value: null, censored: null }], charted)).toBe(false);
    expect(profileHasFigure([{ indicator: 'not_charted', value: 12, censored: null }], charted)).toBe(false);
    expect(profileHasFigure([], charted)).toBe(false);
  });

  it('links only the places given, each to its page', () => {
    const href = geoHrefFor(['KEN', 'GBR_S']);
    expect([href('KEN'), href('GBR_S'), href('TUV'), href('001')]).toEqual(['/country/KEN/', '/country/GBR_S/', null, null]);
  });
});
