/** Small array helpers the normalizers share when they turn events into observations. */

/** Items by key, in first-seen order, so the observations built from the groups come out in a stable order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Sums of hand-typed decimals (0.245 kg…) carry binary noise; six decimals is far below any publisher's precision. */
export function tidySum(values: readonly number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
}

/** Code-point order, so the output order does not depend on the machine's locale. */
export function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keys of labels compared place by place: null first, then code-unit order, the same on every machine. */
export function compareKeys(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * `target.push(...items)` without the spread: a spread passes every item as an argument, and a few hundred thousand
 * (a streamed source's observations) overflow the call stack.
 */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Smallest and largest of many numbers (Math.min(...xs) overflows the call stack on large arrays); null when empty. */
export function extent(xs: Iterable<number>): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return min === Infinity ? null : { min, max };
}
