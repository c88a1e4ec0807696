/** The go-to box matches a typed name to a listed one whatever its case, accents, apostrophe or spacing. */
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/client/jump.ts';

describe('go-to box names', () => {
  it.each([
    ["Cote d'Ivoire", 'Côte d’Ivoire'],
    ['turkiye', 'Türkiye'],
    ['  curacao ', 'Curaçao'],
    ['united  states of america', 'United States of America'],
  ])('%j finds %j', (typed, listed) => {
    expect(nameKey(typed)).toBe(nameKey(listed));
  });

  it('keeps different names apart', () => {
    expect(nameKey('Niger')).not.toBe(nameKey('Nigeria'));
    expect(nameKey('Guinea')).not.toBe(nameKey('Guinea-Bissau'));
  });
});
