/**
 * Colour-blind-safe palettes. Categorical: Okabe & Ito (2008). Sequential: cividis, designed to be read the same
 * by viewers with deuteranopia or protanopia.
 */
import { interpolateCividis } from 'd3-scale-chromatic';

export const CATEGORICAL = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

export function categorical(i: number): string {
  return CATEGORICAL[i % CATEGORICAL.length]!;
}

/** t in [0, 1]; the lightest end is kept off white so that "no data" (a hatch) stays distinct. */
export function sequential(t: number): string {
  return interpolateCividis(0.15 + 0.85 * Math.max(0, Math.min(1, 1 - t)));
}

export const NO_DATA_FILL = 'url(#no-data-hatch)';
export const INK = '#1a1a1a';
export const MUTED = '#595959';
export const GRID = '#d9d9d9';
