import { expect } from 'vitest';

/** Every focusable mark has a key, a label and a hover title equal to the label; returns the keys in order. */
export function expectAccessibleMarks(svg: string): string[] {
  const focusable = svg.match(/tabindex="0"/g)?.length ?? 0;
  const marks = [...svg.matchAll(/tabindex="0" data-key="([^"]+)" aria-label="([^"]+)"\/?>(?:<title>([^<]*)<\/title>)?/g)];
  expect(marks.length).toBe(focusable);
  for (const m of marks) expect(m[3]).toBe(m[2]);
  return marks.map((m) => m[1]!);
}
