import type { SourceModule } from '../source-module.ts';

/** Placeholder until the normalizer lands. */
const source: SourceModule = {
  id: 'cites-trade-manidae',
  indicators: [],
  normalize() {
    throw new Error('cites-trade-manidae: normalizer not written yet');
  },
};
export default source;
