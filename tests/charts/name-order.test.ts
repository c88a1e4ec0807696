/**
 * Names in English order, as maps break ties and list places: case and accents second to the letters. The expected
 * orders are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { compareNames, nameOrder } from '../../src/charts/name-order.ts';

describe('name order', () => {
  it('orders by letters first, then accents and case', () => {
    const names = ['Czechia', 'curaçao', 'Albania', 'Côte d’Ivoire', 'Åland Islands', 'albania'];
    expect([...names].sort(compareNames)).toEqual(['Åland Islands', 'albania', 'Albania', 'Côte d’Ivoire', 'curaçao', 'Czechia']);
  });
  it('is the same comparison for a language asked for twice, and orders that language’s letters', () => {
    expect(nameOrder('en')).toBe(compareNames);
    expect(['Zambia', 'Österreich', 'Oman'].sort(nameOrder('sv'))).toEqual(['Oman', 'Zambia', 'Österreich']);
  });
});
