import type { SourceModule } from '../source-module.ts';

/** Placeholder until the normalizer lands. */
const source: SourceModule = {
  id: 'owid-afrsg-rhino-poaching',
  indicators: [],
  normalize() {
    throw new Error('owid-afrsg-rhino-poaching: normalizer not written yet');
  },
};
export default source;
