/** How a file's header differs from the manifest's `columns`, in words a maintainer can act on. */
export interface HeaderDiff {
  removed: string[];
  added: string[];
  /** Same names, another order. */
  reordered: boolean;
}

export function headerDiff(expected: readonly string[], found: readonly string[]): HeaderDiff | null {
  if (expected.length === found.length && expected.every((c, i) => c === found[i])) return null;
  const removed = expected.filter((c) => !found.includes(c));
  const added = found.filter((c) => !expected.includes(c));
  return { removed, added, reordered: removed.length === 0 && added.length === 0 };
}

export function describeHeaderDiff(d: HeaderDiff): string {
  const parts: string[] = [];
  if (d.removed.length) parts.push(`removed ${d.removed.map((c) => JSON.stringify(c)).join(', ')}`);
  if (d.added.length) parts.push(`added ${d.added.map((c) => JSON.stringify(c)).join(', ')}`);
  if (d.reordered) parts.push('the same columns in another order');
  return parts.join('; ');
}
