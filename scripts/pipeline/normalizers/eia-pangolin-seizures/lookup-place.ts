import type { NormalizeInput } from '../../source-module.ts';
import type { RawRow, RawTable } from '../../read-table.ts';
import type { GeoResolution } from '../../reference/geo-index.ts';
import { PipelineError } from '../../errors.ts';
import { ID } from './id.ts';

/**
 * A name through the source's aliases, then UN/ISO names; null when unknown. An alias must point at a known
 * geography, or a typo in the alias file would only surface at validation, far from its cause.
 */
export function lookupPlace(input: NormalizeInput, t: RawTable, r: RawRow, column: string, name: string): GeoResolution | null {
  const res = input.geo.resolveName(name, input.aliases);
  if (res && 'geo' in res && !input.geo.has(res.geo)) {
    throw new PipelineError(t.at(r, column), `alias for ${JSON.stringify(name)} points at ${res.geo}, which is not in the geography table`);
  }
  return res;
}

/** An unknown name stops the build and says where the alias belongs. */
export function unknownPlace(t: RawTable, r: RawRow, column: string, part: string, whole: string): never {
  throw new PipelineError(
    t.at(r, column),
    `unknown place name ${JSON.stringify(part)}${part === whole ? '' : ` in ${JSON.stringify(whole)}`}; add it to data/reference/aliases/${ID}.csv`,
  );
}
