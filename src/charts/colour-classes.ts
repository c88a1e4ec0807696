/**
 * How a choropleth's colours are classed. Decided once from every value a map can show (all its years, so that a
 * colour means the same number in every year a reader steps through), by one rule:
 * - positive values spanning more than three orders of magnitude (largest ÷ smallest > 1,000: Nigeria's 10,000
 *   detected victims beside Iceland's 5) → logarithmic classes, one per power of ten, the legend's ticks at 1, 10,
 *   100…; zero cannot sit on a log scale, so it is drawn apart, with a swatch of its own ("0");
 * - otherwise → classes at the values' quantiles (legend-sequential.ts quantileThresholds).
 * Missing and censored values are never in the classes: the map draws them with their own patterns.
 */
import { quantileThresholds } from './legend-sequential.ts';

export type ClassKind = 'quantile' | 'log';

export interface MapClasses {
  kind: ClassKind;
  /** Class breaks, ascending; a value equal to a break falls in the class above it. */
  thresholds: number[];
}

/** Orders of magnitude the positive values must span, strictly more than, for log classes. */
export const LOG_ORDERS = 3;
/** At most this many log classes (the ramp's colours stay distinguishable); more decades take every second power… */
export const MAX_LOG_CLASSES = 7;

const positives = (values: readonly number[]) => values.filter((v) => Number.isFinite(v) && v > 0);

/** Whether the positive values span more than `orders` orders of magnitude (largest / smallest > 10^orders). */
export function spansOrders(values: readonly number[], orders = LOG_ORDERS): boolean {
  const p = positives(values);
  if (p.length < 2) return false;
  let [lo, hi] = [Infinity, -Infinity];
  for (const v of p) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  return hi / lo > 10 ** orders;
}

/** 10^k written exactly (10 ** -3 is not always the double nearest 0.001). */
const power = (k: number) => Number(`1e${k}`);

/** The exponent of the largest power of ten ≤ x (x > 0), safe from log10's rounding at exact powers. */
function floorExponent(x: number): number {
  let k = Math.floor(Math.log10(x));
  while (power(k + 1) <= x) k++;
  while (power(k) > x) k--;
  return k;
}

/**
 * Breaks at the powers of ten above the smallest positive value and up to the largest (a value equal to a break is
 * in the class above, so the smallest value never sits alone under a break of its own). With more breaks than
 * MAX_LOG_CLASSES - 1, only the powers whose exponent is a multiple of a step (2, 3…) are kept, still powers of ten.
 */
export function logThresholds(values: readonly number[], maxClasses = MAX_LOG_CLASSES): number[] {
  const p = positives(values);
  if (p.length === 0) return [];
  let [lo, hi] = [Infinity, -Infinity];
  for (const v of p) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const [first, last] = [floorExponent(lo) + 1, floorExponent(hi)];
  const count = last - first + 1;
  if (count <= 0) return [];
  const step = Math.max(1, Math.ceil(count / Math.max(1, maxClasses - 1)));
  const out: number[] = [];
  for (let k = first; k <= last; k++) if (((k % step) + step) % step === 0) out.push(power(k));
  return out;
}

/** The rule above: log classes for values spanning more than three orders of magnitude, quantile classes otherwise. */
export function mapClasses(values: readonly number[], classes = 5): MapClasses {
  const finite = values.filter(Number.isFinite);
  return spansOrders(finite) ? { kind: 'log', thresholds: logThresholds(finite) } : { kind: 'quantile', thresholds: quantileThresholds([...finite], classes) };
}
