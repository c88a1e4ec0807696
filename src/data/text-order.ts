/**
 * Code point order, which is UTF-8 byte order: the order DuckDB sorts text in and Parquet statistics use. JavaScript's
 * `<` compares UTF-16 code units, which differs only where a surrogate (an astral character) meets U+E000–U+FFFF.
 */
export function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) return codePointRank(x) - codePointRank(y);
    return x - y;
  }
  return a.length - b.length;
}

/** Surrogates sort after U+E000–U+FFFF in code point order. */
const codePointRank = (unit: number) => (unit >= 0xe000 ? unit - 0x800 : unit + 0x2000);
