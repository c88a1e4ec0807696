/** Reading the refs a table cites (`data-ref`), independently of the site's own summed-ref.ts. */

/** How refs of several files are listed in one cell (src/charts/summed-ref.ts). */
export const REF_SEPARATOR = '; ';
/** `file:sheet:rows`, the rows one number or ranges ("13052,13055-13058"); several such, for rows of several files. */
export const REF = /^[^:;]+:[^:;]*:\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*(?:; [^:;]+:[^:;]*:\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*)*$/;

/** Every publisher's row a ref cites, one `file:sheet:row` each. */
export function rowsCited(ref: string): Set<string> {
  const out = new Set<string>();
  for (const one of ref.split(REF_SEPARATOR)) {
    const at = one.lastIndexOf(':');
    for (const range of one.slice(at + 1).split(',')) {
      const [from, to = from] = range.split('-').map(Number) as [number, number?];
      for (let row = from; row <= to; row++) out.add(`${one.slice(0, at + 1)}${row}`);
    }
  }
  return out;
}
