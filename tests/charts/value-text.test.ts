import { describe, expect, it } from 'vitest';
import { valueText } from '../../src/charts/scales.ts';
import { makeLocale } from '../../src/i18n/locale.ts';

const locale = makeLocale('en');

describe('valueText: a value in words', () => {
  it('says a suppressed count is suppressed, and a value known only from below is a floor', () => {
    expect(valueText({ value: null, censored: '<5', min: 1, max: 4 }, locale)).toBe('suppressed (<5)');
    expect(valueText({ value: null, censored: '>=474.869', min: 474.869, max: null }, locale)).toBe('at least 474.869');
    expect(valueText({ value: null, censored: '≥1001', min: 1001, max: null }, locale)).toBe('at least 1,001');
    expect(valueText({ value: 0, censored: null, min: null, max: null }, locale)).toBe('0');
    expect(valueText({ value: null, censored: null, min: null, max: null }, locale)).toBe('No data');
  });
});
